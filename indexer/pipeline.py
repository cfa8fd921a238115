"""Incremental indexing: sources -> records -> units -> vectors + BM25 -> a new bundle version.

Each source file is identified by its absolute path and sha256. On a re-run only
new or changed files are read again, files deleted from disk are removed, and
only units whose text is not in the embedding cache are embedded. A different
model (or ``rebuild=True``) forces a full rebuild. The whole run holds DIR/.lock.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

import numpy as np

from indexer import bundle
from indexer.embeddings import Embedder, ModelSpec, resolve_model
from indexer.records import CatalogueEntry, ReadFailure, ReadResult, Record, record_from_dict
from indexer.units import Unit, record_units

RECORDS_FILE = "records.jsonl"
UNITS_FILE = "units.jsonl"
VECTORS_FILE = "vectors.faiss"


@dataclass
class IndexReport:
    """What one indexing run did (counts of source files; totals of the published bundle).

    Attributes:
        added, updated, removed, unchanged: source files.
        failed: files (or parts) that could not be read.
        documents: records in the bundle; units: index units in the bundle.
        seconds: wall time.
        embedded: units embedded in this run (the rest came from the cache).
        version: the live version name; model: the model name.
        messages: notes for the user (model change, nothing to do...).
    """

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: list[ReadFailure] = field(default_factory=list)
    documents: int = 0
    units: int = 0
    seconds: float = 0.0
    embedded: int = 0
    version: str = ""
    model: str = ""
    messages: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The JSON report of ``rasoat index --json``."""
        return {
            "added": self.added,
            "updated": self.updated,
            "removed": self.removed,
            "unchanged": self.unchanged,
            "failed": [f.to_dict() for f in self.failed],
            "documents": self.documents,
            "units": self.units,
            "seconds": round(self.seconds, 3),
        }




def _readers() -> tuple[Callable, Callable]:
    """``(read_path, iter_source_files)`` from indexer.readers, or a JSON-only stand-in."""
    try:
        from indexer.readers import iter_source_files, read_path

        return read_path, iter_source_files
    except ImportError:
        return _read_json_path, _iter_files


def _iter_files(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out += sorted(x for x in p.rglob("*") if x.is_file() and not any(
                part.startswith(".") for part in x.relative_to(p).parts))
        elif p.is_file():
            out.append(p)
    return out


def _read_json_path(path: Path, *, max_bytes: Optional[int] = None) -> ReadResult:
    """Stand-in reader (used only while indexer.readers is absent): RaSoát JSON/JSONL records."""
    import json

    try:
        data = Path(path).read_bytes()
        try:
            from indexer.procedure_json import read_json_bytes

            return read_json_bytes(data, str(path))
        except ImportError:
            text = data.decode("utf-8-sig")
            objs = json.loads(text) if text.lstrip().startswith("[") else [
                json.loads(line) for line in text.splitlines() if line.strip()]
            if isinstance(objs, dict):
                objs = [objs]
            return ReadResult(records=[record_from_dict(o) for o in objs])
    except Exception as exc:  # noqa: BLE001 - never raise for bad input
        return ReadResult(failures=[ReadFailure(str(path), f"Không đọc được tệp: {exc}")])


def _under(path: Path, roots: Sequence[Path]) -> bool:
    return any(path == r or r in path.parents for r in roots)


def _unique(ident: str, seen: set[str]) -> str:
    if ident not in seen:
        seen.add(ident)
        return ident
    n = 2
    while f"{ident}@{n}" in seen:
        n += 1
    seen.add(f"{ident}@{n}")
    return f"{ident}@{n}"


def _model_for(model: Optional[str], prev: Optional[dict]) -> ModelSpec:
    if model is None and prev is not None:
        m = prev.get("model", {})
        return resolve_model(m.get("path") if m.get("source") == "folder" else m.get("name"))
    return resolve_model(model)


def _model_entry(spec: ModelSpec, dim: int) -> dict:
    source = "bundled" if spec.bundled else ("folder" if Path(spec.name).expanduser().is_dir() else "hub")
    entry = {"name": spec.name, "source": source, "backend": spec.backend, "sha256": spec.sha256,
             "weights_sha256": spec.weights_sha256, "dimension": dim, "profile": dict(spec.profile.__dict__),
             **spec.extra}
    if source == "folder":
        entry["path"] = str(spec.path)
    return entry


def index_sources(
    sources: Sequence["str | Path"],
    index_dir: "str | Path",
    *,
    model: Optional[str] = None,
    rebuild: bool = False,
    progress: bool = False,
    max_bytes: Optional[int] = None,
    wait: float = 0.0,
) -> IndexReport:
    """Index (incrementally) source files and folders into the bundle at ``index_dir``.

    Args:
        sources: files or folders to index.
        index_dir: the bundle folder (created if needed).
        model: embedding model name/folder; None keeps the index's model (bundled by default).
        rebuild: ignore what is already indexed.
        progress: show tqdm progress bars.
        max_bytes: skip files larger than this (reported as failures).
        wait: seconds to wait for another indexing process before giving up.
    Returns:
        the IndexReport.
    Raises:
        FileNotFoundError: a source path does not exist.
        bundle.IndexLockedError: another process is indexing.
        indexer.embeddings.ModelError: the model cannot be used.
    """
    t0 = time.perf_counter()
    srcs = [Path(s).expanduser() for s in sources]
    missing = [str(s) for s in srcs if not s.exists()]
    if missing:
        raise FileNotFoundError(f"Không tìm thấy nguồn: {', '.join(missing)}")
    index_dir = Path(index_dir)
    report = IndexReport()
    with bundle.lock(index_dir, wait):
        _run(srcs, index_dir, model, rebuild, progress, max_bytes, report)
    report.seconds = time.perf_counter() - t0
    return report


def _run(srcs: list[Path], index_dir: Path, model: Optional[str], rebuild: bool, progress: bool,
         max_bytes: Optional[int], report: IndexReport) -> None:
    read_path, iter_source_files = _readers()
    prev_v = bundle.current_version(index_dir)
    prev = bundle.read_manifest(prev_v) if prev_v else None
    spec = _model_for(model, prev)
    report.model = spec.name
    full = rebuild or prev is None or prev.get("schema") != bundle.SCHEMA_VERSION
    if prev is not None and prev.get("model", {}).get("sha256") != spec.sha256:
        full = True
        report.messages.append(
            f"Mô hình nhúng khác với chỉ mục hiện có ({prev.get('model', {}).get('name')} → {spec.name}): "
            "lập lại toàn bộ chỉ mục."
        )
    elif rebuild and prev is not None:
        report.messages.append("Lập lại toàn bộ chỉ mục theo yêu cầu (--rebuild).")
    prev_sources: dict = dict(prev.get("sources", {})) if (prev and not full) else {}

    roots = [s.resolve() for s in srcs]
    files = [Path(f) for f in iter_source_files(srcs)]
    bar = _bar(files, progress, "Đọc nguồn")
    new_records: dict[str, list[Record]] = {}
    entries: dict[str, dict] = {}
    visited: set[str] = set()
    for f in bar:
        key = str(f.resolve())
        if key in visited:
            continue
        visited.add(key)
        try:
            digest = bundle.sha256_file(f)
        except OSError as exc:
            report.failed.append(ReadFailure(str(f), f"Không đọc được tệp: {exc}"))
            continue
        old = prev_sources.get(key)
        if old is not None and old.get("sha256") == digest:
            entries[key] = dict(old)
            report.unchanged += 1
            continue
        result = read_path(f, max_bytes=max_bytes)
        report.failed.extend(result.failures)
        recs = [r for r in result.records if not isinstance(r, CatalogueEntry)]
        if not recs and result.failures:
            if old is not None:
                report.removed += 1
            continue
        new_records[key] = recs
        entries[key] = {"sha256": digest, "path": str(f)}
        if old is None:
            report.added += 1
        else:
            report.updated += 1
    for key, old in prev_sources.items():
        if key in visited:
            continue
        p = Path(key)
        if p.exists() and not _under(p, roots):
            entries[key] = dict(old)  # indexed earlier from another source, still there
        else:
            report.removed += 1

    if prev is not None and not full and not (report.added or report.updated or report.removed):
        report.documents = prev.get("counts", {}).get("documents", 0)
        report.units = prev.get("counts", {}).get("units", 0)
        report.version = prev_v.name
        report.messages.append("Không có thay đổi; giữ nguyên chỉ mục hiện tại.")
        return

    old_rows = _previous_rows(prev_v, {k for k in entries if k not in new_records}) if prev_v else {}
    _build(index_dir, prev_v, spec, entries, new_records, old_rows, progress, report)


@dataclass
class _PrevSource:
    """What the previous version holds for one unchanged source: its rows, kept as written."""

    records: list[tuple[str, dict, str]] = field(default_factory=list)  # (record id, record dict, JSON line)
    units: list[tuple[Unit, str]] = field(default_factory=list)  # (unit, JSON line)


def _previous_rows(version: Path, keys: set[str]) -> dict[str, _PrevSource]:
    """Records and units rows of the previous version for the sources in ``keys``.

    Args:
        version: the previous version folder.
        keys: source keys (absolute paths) whose rows are wanted.
    Returns:
        {source key: its rows}, in the order they were written.
    """
    out: dict[str, _PrevSource] = {}
    if not keys:
        return out
    owner: dict[str, _PrevSource] = {}
    with open(version / RECORDS_FILE, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            if row["src"] in keys:
                prev = out.setdefault(row["src"], _PrevSource())
                prev.records.append((row["id"], row["record"], line.rstrip("\n")))
                owner[row["id"]] = prev
    if owner:
        with open(version / UNITS_FILE, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                d = json.loads(line)
                prev = owner.get(d.get("record_id", ""))
                if prev is not None:
                    prev.units.append((Unit.from_dict(d), line.rstrip("\n")))
    return out


def _reusable(prev: _PrevSource, rec_seen: set[str], unit_seen: set[str]) -> bool:
    """True when the previous rows of a source keep exactly the ids a full build would give them.

    Ids made unique with "@n" by an earlier build, or now taken by an earlier source,
    are re-derived instead (the same ids as a full build).
    """
    rids = [r for r, _, _ in prev.records]
    uids = [u.id for u, _ in prev.units]
    ids = rids + uids
    if any("@" in i for i in ids) or any(r in rec_seen for r in rids) or any(u in unit_seen for u in uids):
        return False
    return len(set(rids)) == len(rids) and len(set(uids)) == len(uids)


def _bar(items, progress: bool, desc: str):
    if not progress:
        return items
    from tqdm import tqdm

    return tqdm(items, desc=desc, unit="tệp", leave=False)


def _build(index_dir: Path, prev_v: Optional[Path], spec: ModelSpec, entries: dict[str, dict],
           new_records: dict[str, list[Record]], old_rows: dict[str, _PrevSource], progress: bool,
           report: IndexReport) -> None:
    from indexer.lexical import write_lexical
    from indexer.faiss_index import build_index, save_index

    record_lines: list[str] = []
    unit_lines: list[str] = []
    units: list[Unit] = []
    kinds: dict[str, int] = {}
    rec_seen: set[str] = set()
    unit_seen: set[str] = set()
    for key in sorted(entries):
        rec_ids, unit_ids = [], []
        prev = old_rows.get(key) if key not in new_records else None
        if prev is not None and _reusable(prev, rec_seen, unit_seen):
            # unchanged source: its rows are copied as they were (no re-reading, no re-deriving)
            for rid, rec, line in prev.records:
                rec_seen.add(rid)
                rec_ids.append(rid)
                record_lines.append(line)
                kinds[rec.get("kind", "")] = kinds.get(rec.get("kind", ""), 0) + 1
            for u, line in prev.units:
                unit_seen.add(u.id)
                unit_ids.append(u.id)
                units.append(u)
                unit_lines.append(line)
        else:
            if key in new_records:
                recs = new_records[key]
            else:
                recs = [record_from_dict(rec) for _, rec, _ in (prev.records if prev else [])]
            for rec in recs:
                rid = _unique(rec.id, rec_seen)
                rec_ids.append(rid)
                d = rec.to_dict()
                kinds[d["kind"]] = kinds.get(d["kind"], 0) + 1
                record_lines.append(json.dumps({"src": key, "id": rid, "record": d}, ensure_ascii=False))
                for u in record_units(rec, rid):
                    u.id = _unique(u.id, unit_seen)
                    unit_ids.append(u.id)
                    units.append(u)
                    unit_lines.append(json.dumps(u.to_dict(), ensure_ascii=False))
        entries[key]["records"] = rec_ids
        entries[key]["units"] = unit_ids

    embedder = Embedder(spec)
    fingerprint = hashlib.sha256(f"{spec.sha256}:{spec.profile}".encode()).hexdigest()
    cache = bundle.EmbeddingCache(index_dir, fingerprint)
    dense_rows = [i for i, u in enumerate(units) if u.dense]
    keys = [units[i].text_hash() for i in dense_rows]
    todo: dict[str, str] = {}
    for j in cache.missing(keys):
        todo.setdefault(keys[j], units[dense_rows[j]].embed_text())
    if todo:
        vecs = embedder.encode(list(todo.values()), kind="passage", progress=progress)
        cache.add(list(todo.keys()), vecs)
    report.embedded = len(todo)
    # units searched lexically only keep a zero vector: they never rank on the dense side
    vectors = np.zeros((len(units), embedder.dimension), dtype=np.float32)
    if keys:
        vectors[dense_rows] = cache.get(keys)
    dim = int(vectors.shape[1])

    vdir = bundle.new_version_dir(index_dir)
    bundle.write_lines(vdir / RECORDS_FILE, record_lines)
    bundle.write_lines(vdir / UNITS_FILE, unit_lines)
    save_index(build_index(vectors), vdir / VECTORS_FILE)
    write_lexical(vdir, [u.title for u in units], [u.body for u in units],
                  cache_dir=index_dir / "lexical-cache")
    manifest = {
        "schema": bundle.SCHEMA_VERSION,
        "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "version": vdir.name,
        "model": _model_entry(spec, dim),
        "counts": {"documents": len(record_lines), "units": len(units), "sources": len(entries), **kinds},
        "files": {"records": RECORDS_FILE, "units": UNITS_FILE, "vectors": VECTORS_FILE,
                  "lexical": ["lexical.npz", "lexical.json"]},
        "sources": entries,
    }
    bundle.publish(index_dir, vdir, manifest)
    bundle.collect_garbage(index_dir, [vdir, prev_v])
    cache.compact(keys)
    report.documents = len(record_lines)
    report.units = len(units)
    report.version = vdir.name
