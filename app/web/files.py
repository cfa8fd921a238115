"""Uploaded files for the web app: type/size/count limits and safe names inside the data folder.

Nothing a browser sends can choose where a file lands: the name is reduced to a plain
basename of safe characters and the final path is checked to stay inside the data folder.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from indexer.bundle import sha256_file

ALLOWED_SUFFIXES = (".pdf", ".docx", ".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv", ".xlsx")
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_FILES = 20
_UNSAFE = re.compile(r"[^\w.\- ()\[\]]+", re.UNICODE)
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


@dataclass
class UploadLimits:
    """Limits applied to one upload.

    Attributes:
        max_bytes: largest accepted file.
        max_files: most files in one upload.
        suffixes: accepted extensions (lower case, with the dot).
    """

    max_bytes: int = MAX_FILE_BYTES
    max_files: int = MAX_FILES
    suffixes: tuple[str, ...] = ALLOWED_SUFFIXES


@dataclass
class StoredUploads:
    """Outcome of storing an upload: files saved, already present, refused (with reasons), removed afterwards
    (saved but unreadable by the indexer)."""

    saved: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


def safe_filename(name: str) -> str:
    """Reduce a browser-supplied name to a safe basename.

    Args:
        name: the name as sent (may contain directories, ``..``, control or odd characters).

    Returns:
        A non-empty basename without path separators, leading dots or reserved device names.
    """
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").split("/")[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = _UNSAFE.sub("_", name).strip(" .")
    name = re.sub(r"\.{2,}", ".", name)
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    stem = stem.strip(" .")[:120] or "tep"
    if stem.lower() in _RESERVED:
        stem = f"_{stem}"
    suffix = suffix.lower()[:10]
    return f"{stem}.{suffix}" if suffix else stem


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False




def store_uploads(
    uploads: Iterable[tuple[str | Path, str]], data_dir: str | Path, limits: UploadLimits | None = None
) -> StoredUploads:
    """Copy uploaded temporary files into the data folder under safe names.

    Args:
        uploads: pairs (temporary path on the server, name given by the browser).
        data_dir: the data folder (created when missing).
        limits: type, size and count limits.

    Returns:
        StoredUploads; a refused file has a reason in Vietnamese.
    """
    limits = limits or UploadLimits()
    folder = Path(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    out = StoredUploads()
    items = list(uploads)
    for i, (tmp, original) in enumerate(items):
        shown = safe_filename(original)
        if i >= limits.max_files:
            out.rejected.append((shown, f"vượt quá số tệp cho phép mỗi lần tải lên ({limits.max_files} tệp)"))
            continue
        src = Path(tmp)
        suffix = Path(shown).suffix.lower()
        if suffix not in limits.suffixes:
            allowed = ", ".join(s.lstrip(".").upper() for s in limits.suffixes)
            out.rejected.append((shown, f"loại tệp không được hỗ trợ (chỉ nhận {allowed})"))
            continue
        try:
            size = src.stat().st_size
        except OSError:
            out.rejected.append((shown, "không đọc được tệp tải lên"))
            continue
        if size > limits.max_bytes:
            out.rejected.append(
                (shown, f"tệp quá lớn ({size / 1048576:.1f} MB; tối đa {limits.max_bytes / 1048576:.0f} MB)")
            )
            continue
        if size == 0:
            out.rejected.append((shown, "tệp rỗng"))
            continue
        target = _free_target(folder, shown, src)
        if target is None:
            out.unchanged.append(folder / shown)
            continue
        if not _inside(target, folder):  # defence in depth: safe_filename already prevents this
            out.rejected.append((shown, "tên tệp không hợp lệ"))
            continue
        shutil.copyfile(src, target)
        out.saved.append(target)
    return out


def _free_target(folder: Path, name: str, src: Path) -> Path | None:
    """A path for ``name`` in ``folder`` that does not overwrite a different file; None if the same bytes exist."""
    target = folder / name
    stem, suffix = target.stem, target.suffix
    digest = None
    n = 1
    while target.exists():
        digest = digest or sha256_file(src)
        if target.is_file() and sha256_file(target) == digest:
            return None
        target = folder / f"{stem}-{n}{suffix}"
        n += 1
    return target
