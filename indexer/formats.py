"""Detect a file's format from its bytes and decode text files.

The format is chosen by content (magic numbers, zip members, JSON syntax), the
extension only breaks ties (CSV vs plain text). Text is decoded from a BOM
(UTF-8/UTF-16), UTF-8, UTF-16 without BOM, or else the Vietnamese Windows code
page cp1258 (combining tone marks, fixed by NFC) or cp1252, then normalised
with ``indexer.vietnamese.normalize``.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Optional

from indexer.vietnamese import normalize

# caps against decompression bombs
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # total of a zip (DOCX/XLSX) or a gzip stream
MAX_COMPRESSION_RATIO = 200  # per zip member larger than 1 MB

FORMATS = (
    "pdf", "docx", "xlsx", "gzip", "json", "jsonl", "html", "csv", "text",
    "empty", "image", "ole", "zip", "binary",
)


class ReadError(Exception):
    """A file that cannot be read; the message is a Vietnamese reason a person understands."""


def _zip_names(data: bytes) -> Optional[set[str]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return set(zf.namelist())
    except Exception:  # noqa: BLE001 - any broken zip is "not readable"
        return None


def check_zip_safety(data: bytes, *, max_total: int = MAX_UNCOMPRESSED_BYTES,
                     max_ratio: float = MAX_COMPRESSION_RATIO) -> None:
    """Refuse zip bombs: too large in total once unpacked, or a member compressed too well.

    Args:
        data: bytes of a zip container (DOCX, XLSX).
        max_total: cap on the sum of uncompressed member sizes.
        max_ratio: cap on uncompressed/compressed size for members over 1 MB.

    Raises:
        ReadError: with a Vietnamese reason.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except Exception as exc:  # noqa: BLE001
        raise ReadError("Tệp nén (DOCX/XLSX) bị hỏng hoặc không đầy đủ — không mở được.") from exc
    total = 0
    for info in infos:
        total += max(info.file_size, 0)
        if info.file_size > 1024 * 1024 and info.file_size > max_ratio * max(info.compress_size, 1):
            raise ReadError(
                "Tệp có dấu hiệu 'bom nén' (tỉ lệ nén bất thường) — từ chối giải nén để bảo vệ hệ thống."
            )
    if total > max_total:
        raise ReadError(
            f"Tệp giải nén ra quá lớn ({total / 2**20:.0f} MB > {max_total / 2**20:.0f} MB) — "
            "có thể là 'bom nén', từ chối đọc."
        )


def gunzip_capped(data: bytes, *, max_bytes: int = MAX_UNCOMPRESSED_BYTES) -> bytes:
    """Decompress gzip data, refusing output larger than ``max_bytes``.

    Raises:
        ReadError: broken stream or output too large.
    """
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            while True:
                chunk = gz.read(1 << 20)
                if not chunk:
                    break
                out.write(chunk)
                if out.tell() > max_bytes:
                    raise ReadError(
                        f"Tệp .gz giải nén ra quá {max_bytes / 2**20:.0f} MB — từ chối đọc (có thể là 'bom nén')."
                    )
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - EOFError, OSError, zlib.error ...
        raise ReadError("Tệp nén .gz bị hỏng hoặc không đầy đủ — không giải nén được.") from exc
    return out.getvalue()


# --- text decoding ------------------------------------------------------------------------

# cp1258 bytes that decode to combining tone marks (grave, acute, tilde, hook, dot below)
_CP1258_TONES = b"\xcc\xec\xde\xd2\xf2"
# cp1258 letters typical of Vietnamese (ă â ê ô ơ ư đ and capitals)
_CP1258_LETTERS = b"\xe3\xe2\xea\xf4\xf5\xfd\xf0\xc3\xc2\xca\xd4\xd5\xdd\xd0"
_VOWEL_BYTES = set(b"aeiouyAEIOUY") | set(b"\xe3\xe2\xea\xf4\xf5\xfd\xc3\xc2\xca\xd4\xd5\xdd")


def _looks_cp1258(data: bytes) -> bool:
    """True when high bytes look like Vietnamese cp1258 (tone marks right after vowels)."""
    tone_after_vowel = 0
    high = 0
    for i, b in enumerate(data[:200_000]):
        if b < 0x80:
            continue
        high += 1
        if b in _CP1258_TONES and i > 0 and data[i - 1] in _VOWEL_BYTES:
            tone_after_vowel += 1
    if high == 0:
        return False
    return tone_after_vowel >= 2 and tone_after_vowel >= 0.15 * high


def _utf16_without_bom(data: bytes) -> Optional[str]:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    half = len(sample) / 2
    enc = None
    if odd_zero > 0.3 * half and even_zero < 0.05 * half:
        enc = "utf-16-le"
    elif even_zero > 0.3 * half and odd_zero < 0.05 * half:
        enc = "utf-16-be"
    if enc is None:
        return None
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return None


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes of a text file and normalise the Vietnamese.

    Args:
        data: raw bytes.

    Returns:
        (text, encoding) where encoding is the name used ("utf-8", "utf-16", "cp1258", ...).
    """
    if data.startswith(codecs.BOM_UTF8):
        return normalize(data[3:].decode("utf-8", errors="replace")), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return normalize(data.decode("utf-16", errors="replace")), "utf-16"
    try:
        return normalize(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    text16 = _utf16_without_bom(data)
    if text16 is not None:
        return normalize(text16), "utf-16"
    if _looks_cp1258(data):
        return normalize(data.decode("cp1258", errors="replace")), "cp1258"
    return normalize(data.decode("cp1252", errors="replace")), "cp1252"


def looks_binary(data: bytes) -> bool:
    """True when bytes are not plausible text (NUL bytes or many control characters)."""
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(sample) is not None:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > 0.02 * len(sample)


# --- detection ----------------------------------------------------------------------------

_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM", b"RIFF")
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<meta|<div|<p[\s>]|<table|<h[1-6][\s>])", re.I)
_CSV_HEADER_HINT = re.compile(r"(tên|ten|mã|ma)[ _]*(thủ tục|thu tuc|tthc|thu_tuc)", re.I)


_HEAD = 65536
_TEXT_EXTS = (".md", ".markdown", ".txt", ".html", ".htm")


def _decode_head(data: bytes) -> str:
    """Decode the first bytes only (enough to sniff), tolerating a character cut at the end."""
    head = data[:_HEAD]
    try:
        return head.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 4 and len(data) > _HEAD:
            return head[: exc.start].decode("utf-8-sig")
    return decode_text(head)[0]


def _sniff_text(text: str, ext: str, complete: bool = True) -> str:
    stripped = text.lstrip()
    if stripped[:1] in "{[":
        try:
            json.loads(stripped)
            return "json"
        except (ValueError, RecursionError):
            pass
        lines = [ln for ln in stripped.splitlines() if ln.strip()][:20]
        if ext in _TEXT_EXTS:
            lines = []  # a Markdown/text file starting with "[" is not JSON Lines
        if not complete and lines:
            try:
                json.loads(lines[0])
                return "jsonl"
            except (ValueError, RecursionError):
                return "json"
        if lines and all(ln.lstrip().startswith(("{", "[")) for ln in lines):
            return "jsonl"
        if ext in (".json", ".jsonl", ".ndjson"):
            return "jsonl" if ext != ".json" else "json"
    if ext in (".json", ".jsonl", ".ndjson") and stripped:
        return "jsonl" if ext != ".json" else "json"
    if ext in (".csv", ".tsv"):
        return "csv"
    if ext in (".html", ".htm", ".xhtml") or _HTML_START.match(stripped[:2000].encode("utf-8", "ignore")):
        return "html"
    rows = [ln for ln in stripped.split("\n")[:6] if ln.strip()]
    first = rows[0] if rows else ""
    if len(rows) >= 2 and ":" not in first and len(first) < 500 and _CSV_HEADER_HINT.search(first):
        for d in (",", ";", "\t"):
            n = first.count(d)
            if n >= 1 and all(r.count(d) >= n for r in rows[1:]):
                return "csv"
    return "text"


def detect_format(data: bytes, path: str | Path = "") -> str:
    """Detect the format of a file from its content.

    Args:
        data: the file's bytes.
        path: its name (the extension only breaks ties: CSV vs text, JSON vs JSON Lines).

    Returns:
        One of ``FORMATS``: "pdf", "docx", "xlsx", "gzip", "json", "jsonl", "html", "csv",
        "text", "empty", "image", "ole" (old binary .doc/.xls), "zip" (other zip), "binary".
    """
    ext = Path(str(path)).suffix.lower()
    if not data or not data.strip():
        return "empty"
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data[:4] == b"PK\x03\x04" or data[:4] == b"PK\x05\x06":
        names = _zip_names(data)
        if names is None:
            if ext == ".docx":
                return "docx"  # broken DOCX: let the DOCX reader report it
            if ext == ".xlsx":
                return "xlsx"
            return "zip"
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        return "zip"
    if data[:2] == b"\x1f\x8b":
        return "gzip"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "ole"
    if data.startswith(_IMAGE_MAGIC) and not data[:3] == codecs.BOM_UTF8:
        if data.startswith(b"BM") and len(data) > 14 and not looks_binary(data):
            pass  # a text starting with "BM" is still text
        else:
            return "image"
    if looks_binary(data):
        return "binary"
    return _sniff_text(_decode_head(data), ext, complete=len(data) <= _HEAD)


__all__ = [
    "FORMATS",
    "MAX_COMPRESSION_RATIO",
    "MAX_UNCOMPRESSED_BYTES",
    "ReadError",
    "check_zip_safety",
    "decode_text",
    "detect_format",
    "gunzip_capped",
    "looks_binary",
]
