"""Read files and folders into records. Never raises for bad input.

Each file's format is detected from its content (``indexer.formats``) and routed:
JSON/JSONL (also .gz) → ``indexer.procedure_json``; CSV/XLSX → ``indexer.catalogue_list``;
DOCX/PDF/TXT/MD/HTML → ISO 9001 quy trình (``indexer.process_docs``) when it has a "QUY TRÌNH …"
title or a QT code and the sections of one, else procedure publication document
(``indexer.procedure_docs``) when it has "Thủ tục ..." sections with the standard headings,
else regulation (``indexer.legal_units``). A file that yields no record at all (a README, a
cover letter, an empty list) is never passed over silently: it gets a ``ReadWarning`` with
the reason in Vietnamese; so does a quy trình without steps or code. A bad file gives
exactly one ``ReadFailure`` with a Vietnamese reason and the batch goes on.

Folders are walked recursively in sorted order, skipping hidden files/folders
(".x"), names starting with "_", test answers ("ground_truth.json") and scripts or
configuration files (.py, .sh, .toml, .yml ...). A folder of chunked documents
(``chunk_N.md`` + ``metadata.json``) is read chunk by chunk with the document
info from ``metadata.json`` (which itself is not read as data).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable, Optional, Union

from indexer.formats import ReadError, check_zip_safety, decode_text, detect_format, gunzip_capped
from indexer.records import ReadFailure, ReadResult, ReadWarning

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# skipped while walking folders (a file named explicitly is still read)
SKIP_NAMES = {"ground_truth.json", "Thumbs.db", "desktop.ini"}
SKIP_SUFFIXES = {".py", ".pyc", ".sh", ".bat", ".ps1", ".toml", ".cfg", ".ini", ".yml", ".yaml", ".lock", ".log"}
_CHUNK = re.compile(r"^chunk_\d+\.(?:md|txt)$", re.I)

PathLike = Union[str, Path]

_UNSUPPORTED = {
    "empty": "Tệp rỗng — không có nội dung để đọc.",
    "image": "Tệp ảnh (PNG/JPEG/TIFF...) — chưa đọc được chữ trong ảnh; cần OCR thành văn bản trước khi nhập.",
    "ole": "Định dạng Word/Excel cũ (.doc/.xls) chưa được hỗ trợ — hãy lưu lại thành .docx/.xlsx hoặc PDF.",
    "zip": "Tệp nén .zip không phải DOCX/XLSX — hãy giải nén rồi nhập từng tệp.",
    "binary": (
        "Không nhận ra định dạng tệp (dữ liệu nhị phân) — hỗ trợ: PDF, DOCX, XLSX, CSV, "
        "JSON/JSONL (kể cả .gz), HTML, TXT/MD."
    ),
}


def _is_chunk_folder(folder: Path) -> bool:
    return (folder / "metadata.json").is_file() and any(_CHUNK.match(p.name) for p in folder.iterdir())


def _chunk_key(p: Path) -> tuple:
    m = re.search(r"(\d+)", p.name)
    return (0, int(m.group(1))) if m else (1, p.name)


def iter_source_files(paths: Iterable[PathLike]) -> list[Path]:
    """Expand files and folders into the list of files to read.

    Args:
        paths: files and/or folders.

    Returns:
        Files in a stable order: folders walked recursively in sorted order (chunks of a
        chunked document in numeric order), skipping hidden entries, names starting with
        "_", ``SKIP_NAMES`` (ground_truth.json ...), scripts/config files (``SKIP_SUFFIXES``)
        and the ``metadata.json`` of chunked documents. Paths that do not exist are
        returned as given (``read_path`` reports them).
    """
    out: list[Path] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve() if p.exists() else p
        if key not in seen:
            seen.add(key)
            out.append(p)

    def walk(folder: Path) -> None:
        try:
            entries = sorted(folder.iterdir(), key=lambda p: p.name)
        except OSError:
            add(folder)
            return
        chunked = _is_chunk_folder(folder)
        if chunked:
            entries = sorted(entries, key=_chunk_key)
        for e in entries:
            if e.name.startswith((".", "_")) or e.name in SKIP_NAMES:
                continue
            if e.is_file() and e.suffix.lower() in SKIP_SUFFIXES:
                continue
            if e.is_dir():
                walk(e)
            elif e.is_file():
                if chunked and e.name == "metadata.json":
                    continue
                add(e)

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            walk(p)
        else:
            add(p)
    return out


def _size_text(n: float) -> str:
    return f"{n / 2**20:.1f} MB"


def _chunk_meta(path: Path) -> Optional[dict[str, str]]:
    if not _CHUNK.match(path.name):
        return None
    meta_file = path.parent / "metadata.json"
    if not meta_file.is_file():
        return None
    try:
        from indexer.legal_units import meta_from_json

        with open(meta_file, "rb") as fh:
            raw = fh.read(2 * 1024 * 1024)
        meta = json.loads(raw.decode("utf-8", errors="replace"))
        if not isinstance(meta, dict):
            return None
        info = meta_from_json(meta)
        # the number as printed ("Số: 1766/QĐ-UBND") in the first chunk wins over the folder name
        first = sorted((p for p in path.parent.iterdir() if _CHUNK.match(p.name)), key=_chunk_key)[:1]
        if first:
            with open(first[0], "rb") as fh:
                head = fh.read(20000).decode("utf-8", errors="replace")
            m = re.search(r"Số\s*:\s*(\d+(?:\.\d+)?(?:/\d{4})?/[^\s|,;]+)", head)
            if m and info["doc_number"].split("/")[0] == m.group(1).split("/")[0]:
                info["doc_number"] = m.group(1).replace("–", "-")
        info.update(_attached_context(path))
        return info
    except Exception:  # noqa: BLE001 - a broken metadata.json only loses the document info
        return None


_ARTICLE_LINE = re.compile(r"^\s*(?:\*\*)?\s*Điều\s+\d+[a-zđ]?\s*[.:]", re.M)
_CODIFIED_LINE = re.compile(r"^\s*(?:\*\*)?\s*Điều\s+\d+\.\d+\.[A-ZĐ]+\.\d", re.M)


def _procedures_if_any(blocks, path: str) -> list:  # type: ignore[no-untyped-def]
    """Procedures when the document is a procedure publication document, else [].

    A regulation that merely mentions procedures (many articles, or a Pháp điển export)
    stays a regulation.
    """
    from indexer.procedure_docs import looks_like_procedure_doc, parse_procedure_blocks

    if not looks_like_procedure_doc(blocks):
        return []
    text = "\n".join(b.text for b in blocks if b.rows is None)
    if _CODIFIED_LINE.search(text):
        return []
    procedures = parse_procedure_blocks(blocks, path)
    articles = len(_ARTICLE_LINE.findall(text))
    if not procedures or articles > max(10, 2 * len(procedures)):
        return []
    return procedures


def _process_if_any(blocks, path: str, pdf: Optional[bytes] = None) -> Optional[ReadResult]:  # type: ignore[no-untyped-def]
    """A ReadResult with one Process (and its warnings) when the blocks read as a quy trình, else None.

    For a PDF the page layout is read again (``indexer.pdf_layout``) so that the header box and
    the step table keep their columns.
    """
    from indexer.process_docs import looks_like_process_doc, parse_process_blocks

    if not looks_like_process_doc(blocks):
        return None
    if pdf is not None:
        from indexer.pdf_layout import layout_blocks, layout_pages

        laid = layout_blocks(layout_pages(pdf))
        if laid and looks_like_process_doc(laid):
            blocks = laid
    process, warns = parse_process_blocks(blocks, path)
    return ReadResult(records=[process], warnings=[ReadWarning(path, w) for w in warns])


_NOTHING = ("Không tìm thấy thủ tục, điều khoản hay quy trình nào trong tệp (không có tiêu đề \"QUY TRÌNH\", "
            "\"Thủ tục\" hay \"Điều …\") — tệp không được đưa vào chỉ mục.")


_ATTACHED_HEAD = re.compile(r"^\W*(QUY CHẾ|QUY ĐỊNH|ĐIỀU LỆ|QUY TRÌNH)\W*$", re.M)


def _attached_context(path: Path) -> dict[str, str]:
    """For a chunk of a decision that issues a regulation ("QUY CHẾ ... Ban hành kèm theo ..."):
    chunks from the regulation on get its type/title/"kèm theo"; the decision's own chunks
    before it are marked ``skip_articles`` (their boilerplate articles would clash with the
    regulation's ids)."""
    from indexer.legal_units import parse_header

    chunks = sorted((p for p in path.parent.iterdir() if _CHUNK.match(p.name)), key=_chunk_key)
    for idx, c in enumerate(chunks):
        try:
            with open(c, "rb") as fh:
                text = fh.read(200_000).decode("utf-8", errors="replace")
        except OSError:
            continue
        m = _ATTACHED_HEAD.search(text)
        if not m or "kèm theo" not in text[m.start():m.start() + 2000]:
            continue
        head = re.split(r"\n\W*Điều\s+\d", text[m.start():], maxsplit=1)[0]
        info = parse_header([ln.replace("*", "").strip() for ln in head.split("\n")])
        if not info.get("attached_to"):
            continue
        pos = chunks.index(path) if path in chunks else -1
        if 0 <= pos < idx:
            return {"skip_articles": "1"}
        return {k: info[k] for k in ("doc_type", "doc_title", "attached_to") if info.get(k)}
    return {}


def _text_document(blocks, path: str, *, paged: bool, meta: Optional[dict[str, str]] = None,
                   markdown: bool = False) -> ReadResult:  # type: ignore[no-untyped-def]
    from indexer.docx_text import blocks_to_text
    from indexer.legal_units import parse_regulation

    process = _process_if_any(blocks, path)
    if process is not None:
        return process
    procedures = _procedures_if_any(blocks, path)
    if procedures:
        return ReadResult(records=list(procedures))
    if paged:
        pages: dict[int, list[str]] = {}
        for b in blocks:
            pages.setdefault(b.page or 1, []).append(b.text)
        n = max(pages) if pages else 1
        text = "\n\f\n".join("\n".join(pages.get(i, [])) for i in range(1, n + 1))
    else:
        text = blocks_to_text(blocks)
    return ReadResult(records=list(parse_regulation(text, path, meta=meta, paged=paged, markdown=markdown,
                                                    normalized=True)))


def read_bytes(data: bytes, path: PathLike, *, meta: Optional[dict[str, str]] = None, _depth: int = 0) -> ReadResult:
    """Read one file's bytes (format chosen by content).

    Args:
        data: the file content.
        path: its path (recorded in sources; the extension only breaks ties).
        meta: document info for regulations (chunked documents).

    Returns:
        Records (with warnings for what was only partly read), one failure with a Vietnamese
        reason, or — when the file holds nothing readable — one warning saying so.
    """
    res = _read_bytes(data, path, meta=meta, _depth=_depth)
    if not res.records and not res.failures and not res.warnings:
        res.warnings.append(ReadWarning(str(path), _NOTHING))
    return res


def _read_bytes(data: bytes, path: PathLike, *, meta: Optional[dict[str, str]] = None, _depth: int = 0) -> ReadResult:
    name = str(path)
    try:
        fmt = detect_format(data, name)
        if fmt in _UNSUPPORTED:
            return ReadResult(failures=[ReadFailure(name, _UNSUPPORTED[fmt])])
        if fmt == "gzip":
            if _depth >= 2:
                return ReadResult(failures=[ReadFailure(name, "Tệp nén lồng nhau quá nhiều lớp — từ chối đọc.")])
            inner = gunzip_capped(data)
            inner_name = name[:-3] if name.lower().endswith(".gz") else name
            res = read_bytes(inner, inner_name, meta=meta, _depth=_depth + 1)
            for f in res.failures:
                f.path = name
            for w in res.warnings:
                w.path = name
            for r in res.records:
                if getattr(r, "source", None) is not None and r.source.file == inner_name:
                    r.source.file = name
            return res
        if fmt in ("json", "jsonl"):
            from indexer.procedure_json import read_json_bytes

            return read_json_bytes(data, name)
        if fmt in ("csv", "xlsx"):
            from indexer.catalogue_list import read_catalogue_bytes

            if fmt == "xlsx":
                check_zip_safety(data)

            return read_catalogue_bytes(data, name, fmt)
        if fmt == "pdf":
            from indexer.docx_text import Block
            from indexer.pdf_text import extract_pdf_pages

            pages = extract_pdf_pages(data)
            blocks = [Block(text=ln, page=i + 1) for i, pg in enumerate(pages) for ln in pg.split("\n") if ln.strip()]
            process = _process_if_any(blocks, name, pdf=data)
            if process is not None:
                return process
            return _text_document(blocks, name, paged=True, meta=meta)
        if fmt == "docx":
            from indexer.docx_text import extract_docx_blocks

            return _text_document(extract_docx_blocks(data), name, paged=False, meta=meta)
        if fmt == "html":
            from indexer.html_text import extract_html_text
            from indexer.procedure_docs import text_to_blocks

            text, _ = decode_text(data)
            return _text_document(text_to_blocks(extract_html_text(text), normalized=True), name, paged=False, meta=meta)
        # plain text / Markdown
        from indexer.procedure_docs import text_to_blocks

        text, _ = decode_text(data)
        is_md = name.lower().endswith((".md", ".markdown")) or "**" in text[:20000]
        if text.strip() and "\x00" not in text[:4096]:
            from indexer.legal_units import parse_regulation

            tblocks = text_to_blocks(text, normalized=True)
            process = _process_if_any(tblocks, name)
            if process is not None:
                return process
            procs = _procedures_if_any(tblocks, name)
            if procs:
                return ReadResult(records=list(procs))
            return ReadResult(records=list(parse_regulation(text, name, meta=meta, markdown=is_md, normalized=True)))
        return ReadResult(failures=[ReadFailure(name, _UNSUPPORTED["empty"])])
    except ReadError as exc:
        return ReadResult(failures=[ReadFailure(name, str(exc))])
    except ImportError as exc:
        return ReadResult(failures=[ReadFailure(name, f"Chưa hỗ trợ định dạng này (thiếu mô-đun: {exc.name}).")])
    except MemoryError:
        return ReadResult(failures=[ReadFailure(name, "Tệp quá lớn hoặc quá phức tạp — không đủ bộ nhớ để đọc.")])
    except RecursionError:
        return ReadResult(failures=[ReadFailure(name, "Cấu trúc tệp lồng nhau quá sâu — không đọc được.")])
    except Exception as exc:  # noqa: BLE001 - never raise for bad input
        return ReadResult(failures=[ReadFailure(
            name, f"Không đọc được tệp (lỗi nội dung: {type(exc).__name__}) — tệp có thể bị hỏng hoặc sai định dạng."
        )])


def read_path(path: PathLike, *, max_bytes: Optional[int] = None) -> ReadResult:
    """Read one file into records.

    Args:
        path: a file (a folder is expanded with ``iter_source_files``).
        max_bytes: refuse files larger than this (default ``DEFAULT_MAX_BYTES``, 50 MB).

    Returns:
        ReadResult with the records, or exactly one ReadFailure (Vietnamese reason) for a bad file.
    """
    p = Path(path)
    name = str(path)
    limit = DEFAULT_MAX_BYTES if max_bytes is None else int(max_bytes)
    try:
        if p.is_dir():
            return read_paths([p], max_bytes=max_bytes)
        if not p.exists():
            return ReadResult(failures=[ReadFailure(name, "Không tìm thấy tệp hoặc thư mục.")])
        if not p.is_file():
            return ReadResult(failures=[ReadFailure(name, "Không phải tệp thông thường — bỏ qua.")])
        size = p.stat().st_size
        if size > limit:
            return ReadResult(failures=[ReadFailure(
                name, f"Tệp quá lớn ({_size_text(size)}, giới hạn {_size_text(limit)}) — hãy tách nhỏ hoặc tăng giới hạn (--max-mb)."
            )])
        if p.name == "metadata.json" and _is_chunk_folder(p.parent):
            return ReadResult()  # document info of a chunked document, not data
        with open(p, "rb") as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:
            return ReadResult(failures=[ReadFailure(name, f"Tệp quá lớn (giới hạn {_size_text(limit)}).")])
    except PermissionError:
        return ReadResult(failures=[ReadFailure(name, "Không có quyền đọc tệp.")])
    except OSError as exc:
        return ReadResult(failures=[ReadFailure(name, f"Không mở được tệp ({exc.strerror or type(exc).__name__}).")])
    meta = _chunk_meta(p)
    if meta and meta.pop("skip_articles", ""):
        return ReadResult()  # the decision part of a decision + attached regulation (see _attached_context)
    res = read_bytes(data, name, meta=meta)
    if meta is not None:  # a chunk of a chunked document: a preamble/appendix chunk without Điều is normal
        res.warnings = [w for w in res.warnings if w.warning != _NOTHING]
    return res


def read_paths(paths: Iterable[PathLike], *, max_bytes: Optional[int] = None) -> ReadResult:
    """Read files and folders (see ``iter_source_files``); bad files become failures, the rest goes on.

    Args:
        paths: files and/or folders.
        max_bytes: per-file size limit (default 50 MB).

    Returns:
        All records and all failures, in file order.
    """
    result = ReadResult()
    for f in iter_source_files(paths):
        result.extend(read_path(f, max_bytes=max_bytes))
    return result


__all__ = ["DEFAULT_MAX_BYTES", "SKIP_NAMES", "SKIP_SUFFIXES", "iter_source_files", "read_bytes", "read_path", "read_paths"]
