"""The index bundle on disk: versions, atomic publish, lock, garbage collection, embedding cache.

Layout (``--index DIR``)::

    DIR/CURRENT                 name of the live version (switched with one os.replace)
    DIR/versions/<v>/           manifest.json, records.jsonl, units.jsonl, vectors.faiss, lexical files
    DIR/.lock                   held while indexing (filelock)
    DIR/embed-cache/<model>/    vectors by unit text hash, append-only .npz shards

A version is written completely (files and folder fsync'ed, manifest.json last)
before CURRENT names it, so a crash at any point leaves the previous version live.
The previous version is kept after a switch; older ones and unfinished builds are
removed (only while holding the lock).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from pathlib import Path
from typing import Iterable, Iterator, Optional

import numpy as np

SCHEMA_VERSION = 1
CURRENT = "CURRENT"
VERSIONS = "versions"
MANIFEST = "manifest.json"
LOCK = ".lock"
CACHE = "embed-cache"
LOCKED_MESSAGE = "Chỉ mục đang được cập nhật bởi tiến trình khác"


def sha256_file(path: Path) -> str:
    """sha256 hex digest of a file's bytes, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class IndexLockedError(RuntimeError):
    """Another process holds the index lock for longer than we were willing to wait."""


class IndexMissingError(FileNotFoundError):
    """No complete index version exists in the folder."""


def fsync_dir(path: Path) -> None:
    """fsync a directory so renames/creations inside it are durable."""
    try:
        fd = os.open(str(path), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    """fsync one file."""
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def write_json(path: Path, obj) -> None:
    """Write JSON (UTF-8, not ASCII-escaped) and fsync it."""
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.flush()
        os.fsync(f.fileno())


def write_jsonl(path: Path, rows: Iterable[dict]) -> None:
    """Write JSON lines and fsync the file."""
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False))
            f.write("\n")
        f.flush()
        os.fsync(f.fileno())


def write_lines(path: Path, lines: Iterable[str]) -> None:
    """Write already-encoded JSON lines (one object per string, no newline inside) and fsync the file."""
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line)
            f.write("\n")
        f.flush()
        os.fsync(f.fileno())


def read_jsonl(path: Path) -> Iterator[dict]:
    """Iterate the JSON objects of a JSON-lines file."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def lock(index_dir: Path, wait: float = 0.0):
    """A held filelock on DIR/.lock (use as a context manager).

    Args:
        index_dir: the index folder (created if needed).
        wait: seconds to wait for another indexing process.
    Returns:
        the acquired FileLock.
    Raises:
        IndexLockedError: still held by someone else after ``wait`` seconds.
    """
    from filelock import FileLock, Timeout

    index_dir.mkdir(parents=True, exist_ok=True)
    fl = FileLock(str(index_dir / LOCK), thread_local=False)
    try:
        fl.acquire(timeout=max(0.0, float(wait)))
    except Timeout as exc:
        raise IndexLockedError(
            f"{LOCKED_MESSAGE} ({index_dir}); đã chờ {wait:g} giây. Hãy thử lại sau hoặc dùng --wait."
        ) from exc
    return fl


def current_version(index_dir: Path) -> Optional[Path]:
    """The live version folder: the one CURRENT names, else the newest complete one.

    Args:
        index_dir: the index folder.
    Returns:
        the version folder, or None when no complete version exists.
    """
    index_dir = Path(index_dir)
    cur = index_dir / CURRENT
    try:
        name = cur.read_text(encoding="utf-8").strip()
    except OSError:
        name = ""
    if name and "/" not in name and name not in (".", ".."):
        v = index_dir / VERSIONS / name
        if (v / MANIFEST).is_file():
            return v
    complete = [v for v in list_versions(index_dir) if (v / MANIFEST).is_file()]
    return complete[-1] if complete else None


def list_versions(index_dir: Path) -> list[Path]:
    """Version folders, oldest first (names sort by creation time)."""
    root = Path(index_dir) / VERSIONS
    if not root.is_dir():
        return []
    return sorted((p for p in root.iterdir() if p.is_dir()), key=lambda p: p.name)


def read_manifest(version_dir: Path) -> dict:
    """The manifest of a version folder."""
    return json.loads((Path(version_dir) / MANIFEST).read_text(encoding="utf-8"))


def new_version_dir(index_dir: Path) -> Path:
    """Create a fresh, empty version folder (name sorts after existing ones)."""
    root = Path(index_dir) / VERSIONS
    root.mkdir(parents=True, exist_ok=True)
    base = time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + f"-{time.time_ns() % 1_000_000_000:09d}"
    v = root / f"v{base}-{os.getpid()}"
    v.mkdir()
    return v


def publish(index_dir: Path, version_dir: Path, manifest: dict) -> None:
    """Finish a version (manifest last, everything fsync'ed) and switch CURRENT to it.

    Args:
        index_dir: the index folder.
        version_dir: the fully written version folder.
        manifest: its manifest (written here).
    """
    index_dir = Path(index_dir)
    for p in version_dir.iterdir():
        if p.is_file():
            fsync_file(p)
    write_json(version_dir / MANIFEST, manifest)
    fsync_dir(version_dir)
    fsync_dir(version_dir.parent)
    tmp = index_dir / f"{CURRENT}.tmp-{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(version_dir.name + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, index_dir / CURRENT)
    fsync_dir(index_dir)


def collect_garbage(index_dir: Path, keep: Iterable[Path]) -> list[str]:
    """Remove version folders other than ``keep`` (call only while holding the lock).

    Args:
        index_dir: the index folder.
        keep: versions to keep (the live one and the previous one).
    Returns:
        names of the removed folders.
    """
    keep_names = {Path(k).name for k in keep if k}
    removed = []
    for v in list_versions(index_dir):
        if v.name not in keep_names:
            shutil.rmtree(v, ignore_errors=True)
            removed.append(v.name)
    for tmp in Path(index_dir).glob(f"{CURRENT}.tmp-*"):
        tmp.unlink(missing_ok=True)
    return removed


class EmbeddingCache:
    """Vectors keyed by sha256(unit text), per model fingerprint, in append-only npz shards.

    Args:
        index_dir: the index folder.
        fingerprint: the model fingerprint (a sha256 hex).
    """

    def __init__(self, index_dir: Path, fingerprint: str) -> None:
        self.dir = Path(index_dir) / CACHE / fingerprint[:24]
        self._keys: dict[bytes, int] = {}
        self._vecs: list[np.ndarray] = []
        self._rows = 0
        self._load()

    def _shards(self) -> list[Path]:
        return sorted(self.dir.glob("shard-*.npz")) if self.dir.is_dir() else []

    def _load(self) -> None:
        for shard in self._shards():
            try:
                with np.load(shard, allow_pickle=False) as z:
                    keys, vecs = z["keys"], z["vectors"].astype(np.float32)
            except Exception:  # noqa: BLE001 - a torn shard is simply ignored
                continue
            base = self._rows
            for i, k in enumerate(keys.tolist()):
                self._keys[k] = base + i
            self._vecs.append(vecs)
            self._rows += len(vecs)
        self._matrix = np.concatenate(self._vecs) if self._vecs else None

    def __len__(self) -> int:
        return len(self._keys)

    def missing(self, keys: list[str]) -> list[int]:
        """Positions in ``keys`` that have no cached vector."""
        return [i for i, k in enumerate(keys) if k.encode() not in self._keys]

    def get(self, keys: list[str]) -> np.ndarray:
        """Vectors for keys that are all cached (rows in the order of keys)."""
        rows = np.fromiter((self._keys[k.encode()] for k in keys), dtype=np.int64, count=len(keys))
        return self._matrix[rows] if len(rows) else np.zeros((0, 0), dtype=np.float32)

    def add(self, keys: list[str], vectors: np.ndarray) -> None:
        """Append vectors (written to a new shard atomically, fsync'ed)."""
        if not keys:
            return
        self.dir.mkdir(parents=True, exist_ok=True)
        arr_keys = np.array([k.encode() for k in keys], dtype="S64")
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        name = f"shard-{time.time_ns():020d}-{os.getpid()}"
        tmp = self.dir / f"{name}.tmp.npz"
        np.savez(tmp, keys=arr_keys, vectors=vectors)
        fsync_file(tmp)
        os.replace(tmp, self.dir / f"{name}.npz")
        fsync_dir(self.dir)
        base = self._rows
        for i, k in enumerate(arr_keys.tolist()):
            self._keys[k] = base + i
        self._vecs.append(vectors)
        self._rows += len(vectors)
        self._matrix = np.concatenate(self._vecs)

    def compact(self, live_keys: list[str], factor: float = 2.0) -> None:
        """Rewrite the cache with only ``live_keys`` when it holds > factor × as many vectors."""
        live = list(dict.fromkeys(live_keys))
        if self._rows <= factor * max(1, len(live)) or not all(k.encode() in self._keys for k in live):
            return
        old = self._shards()
        vecs = self.get(live)
        self._keys, self._vecs, self._rows, self._matrix = {}, [], 0, None
        self.add(live, vecs)
        newest = self._shards()[-1]
        for p in old:
            if p != newest:
                p.unlink(missing_ok=True)
        for p in self.dir.glob("*.tmp.npz"):
            p.unlink(missing_ok=True)
