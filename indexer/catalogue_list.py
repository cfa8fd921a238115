"""Lists of procedures (CSV / XLSX) typed by a province, to be matched to the catalogue.

A list has a header row in Vietnamese, with or without diacritics, e.g.
"STT | Tên thủ tục hành chính | Mã TTHC | Lĩnh vực | Cấp", possibly after title rows
("DANH MỤC THỦ TỤC HÀNH CHÍNH ..."), and possibly group rows ("I | Lĩnh vực Hộ tịch").
Codes look like "1.012275.H36" or "1.003695.000.00.00.H36". CSV may use "," ";" or tab,
and be UTF-8 (with or without BOM), UTF-16, cp1258 or cp1252.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any, Iterable, Optional

from indexer.records import CatalogueEntry, ReadFailure, ReadResult, Source
from indexer.vietnamese import fold, normalize

_MAX_HEADER_SCAN = 30
_CODE = re.compile(r"(?<![\w.])\d{1,2}\.\d{6}(?:\.[0-9A-Za-z]+)*(?![\w])")
_ROMAN_OR_LETTER = re.compile(r"^(?:[IVXLC]+|[A-ZĐ])[.)]?$")


def _key(cell: str) -> str:
    """Folded, single-spaced header text without punctuation."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", fold(cell))).strip()


def _is_name_header(key: str) -> bool:
    if len(key) > 80 or key.startswith("ma "):
        return False
    if re.match(r"^(?:ten )?(?:thu tuc|tthc)(?: hanh chinh)?(?: .{0,30})?$", key) and not key.startswith(
        ("thu tuc lien quan",)
    ):
        return True
    return key in ("ten", "ten goi") or "ten thu tuc" in key or "ten tthc" in key


def _is_code_header(key: str) -> bool:
    if len(key) > 60:
        return False
    return bool(re.match(r"^(?:ma|ma so|ma tthc|ma thu tuc|ma thu tuc hanh chinh|ma dinh danh|ma quoc gia)\b", key)) and (
        "ho so" not in key
    )


def _is_index_header(key: str) -> bool:
    return key in ("stt", "tt", "so tt", "so thu tu", "s t t", "no")


def _cell(value: Any, *, code: bool = False) -> str:
    """A cell as text (numbers typed in Excel: 1.0 → "1"; a code 1.00119 → "1.001190")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, float):
        if code and 0 < value < 100 and not value.is_integer():
            return f"{value:.6f}"
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return re.sub(r"\s+", " ", normalize(str(value))).strip()


def _find_header(rows: list[list[str]]) -> Optional[tuple[int, int, Optional[int], Optional[int]]]:
    """(header row index, name column, code column, index column) or None."""
    for i, row in enumerate(rows[:_MAX_HEADER_SCAN]):
        keys = [_key(c) for c in row]
        if sum(1 for k in keys if k) < 2:
            continue
        code_col = next((j for j, k in enumerate(keys) if _is_code_header(k)), None)
        name_col = next((j for j, k in enumerate(keys) if j != code_col and _is_name_header(k)), None)
        if name_col is None:
            continue
        idx_col = next((j for j, k in enumerate(keys) if _is_index_header(k)), None)
        return i, name_col, code_col, idx_col
    return None


def _guess_columns(rows: list[list[str]]) -> Optional[tuple[int, Optional[int]]]:
    """Without a header: the column with the longest texts is the name; one full of codes is the code."""
    width = max((len(r) for r in rows), default=0)
    if not width:
        return None
    lengths = [0.0] * width
    codes = [0] * width
    for r in rows[:200]:
        for j, c in enumerate(r):
            lengths[j] += len(c)
            if _CODE.fullmatch(c.strip()):
                codes[j] += 1
    name_col = max(range(width), key=lambda j: (lengths[j] if codes[j] == 0 else -1))
    code_col = max(range(width), key=lambda j: codes[j])
    if lengths[name_col] <= 0:
        return None
    return name_col, (code_col if codes[code_col] > 0 else None)


def entries_from_rows(rows: list[list[Any]], path: str, *, sheet: str = "", guess: bool = True) -> ReadResult:
    """Turn table rows (header somewhere near the top) into catalogue entries.

    Args:
        rows: the cells of each row, in file order (any cell type).
        path: the file path (for sources and failures).
        sheet: worksheet name (named in failures).
        guess: without a header row, guess the name/code columns (else: a failure).

    Returns:
        One CatalogueEntry per row that has a name or a code; group rows ("I | Lĩnh vực
        Hộ tịch") are not entries but set ``extra["Nhóm"]`` of the rows below them.
    """
    text_rows = [[_cell(c) for c in r] for r in rows]
    found = _find_header(text_rows)
    where = f" (trang tính “{sheet}”)" if sheet else ""
    if found is None:
        if not guess:
            return ReadResult(failures=[ReadFailure(path, f"Không tìm thấy dòng tiêu đề có cột “Tên thủ tục”{where}.")])
        guessed = _guess_columns(text_rows)
        if guessed is None:
            return ReadResult(failures=[ReadFailure(path, f"Không có dữ liệu trong danh sách{where}.")])
        start, name_col, code_col, idx_col = 0, guessed[0], guessed[1], None
        header = [f"Cột {j + 1}" for j in range(max(len(r) for r in text_rows))]
    else:
        hrow, name_col, code_col, idx_col = found
        header = [c or f"Cột {j + 1}" for j, c in enumerate(text_rows[hrow])]
        start = hrow + 1
    result = ReadResult()
    group = ""
    n = 0
    for i in range(start, len(rows)):
        cells = text_rows[i]
        if code_col is not None and code_col < len(rows[i]):
            cells[code_col] = _cell(rows[i][code_col], code=True)
        if not any(cells):
            continue
        get = lambda j: cells[j] if j is not None and j < len(cells) else ""  # noqa: E731
        name, code = get(name_col), get(code_col).replace(" ", "").rstrip(".")
        filled = [c for c in cells if c]
        if not code:
            m = _CODE.search(name)
            if m:
                code = m.group(0)
                name = re.sub(r"\s*[(\[]?\s*(?:Mã(?: TTHC| thủ tục)?\s*:?\s*)?" + re.escape(code) + r"\s*[)\]]?", "", name).strip()
        if not code and _is_group_row(cells, name, idx_col, len(filled)):
            group = name or filled[-1]
            continue
        if not name and not code:
            continue
        if found is not None and all(_key(a) == _key(b) for a, b in zip(cells, header)):
            continue  # a repeated header row (page breaks in a printed list)
        n += 1
        extra = {header[j]: c for j, c in enumerate(cells) if c and j not in (name_col, code_col) and j < len(header)}
        if group:
            extra["Nhóm"] = group
        result.records.append(CatalogueEntry(name=name, code=code, row=n, extra=extra, source=Source(file=path, record=i)))
    if not result.records:
        result.failures.append(
            ReadFailure(path, f"Không tìm thấy dòng nào có tên hoặc mã thủ tục trong danh sách{where}.")
        )
    return result


def _is_group_row(cells: list[str], name: str, idx_col: Optional[int], filled: int) -> bool:
    """A heading row inside the list: "I | LĨNH VỰC HỘ TỊCH", "A. Thủ tục cấp tỉnh"."""
    if filled > 2:
        return False
    idx = cells[idx_col] if idx_col is not None and idx_col < len(cells) else ""
    text = name or next((c for c in cells if c and c != idx), "")
    if not text:
        return False
    if idx and _ROMAN_OR_LETTER.match(idx):
        return True
    folded = fold(text)
    return (text.isupper() and len(text) > 3) or folded.startswith(("linh vuc", "nhom", "phan "))


# --- CSV ---------------------------------------------------------------------------------


def _delimiter(text: str) -> str:
    sample = "\n".join(text.split("\n")[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in (";", ",", "\t", "|")}
        return max(counts, key=counts.get) if any(counts.values()) else ","


def _csv_rows(data: bytes) -> list[list[str]]:
    from indexer.formats import decode_text

    # decode_text names the encoding; decode again without its normalisation, which would
    # turn the tabs of a tab-separated file into spaces (cells are normalised one by one)
    _, encoding = decode_text(data)
    if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16-be" if data[:1] == b"\x00" else "utf-16-le"
    text = data.decode(encoding, errors="replace").lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    return [list(r) for r in reader]


# --- XLSX --------------------------------------------------------------------------------


def _xlsx_sheets(data: bytes) -> Iterable[tuple[str, list[list[Any]]]]:
    from openpyxl import load_workbook

    from indexer.formats import check_zip_safety

    check_zip_safety(data)
    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for ws in wb.worksheets:
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            while rows and not any(c not in (None, "") for c in rows[-1]):
                rows.pop()
            if rows:
                yield ws.title, rows
    finally:
        wb.close()


def read_catalogue_bytes(data: bytes, path: str, fmt: str) -> ReadResult:
    """Read a list of procedures (CSV or XLSX) into catalogue entries.

    Args:
        data: the file bytes.
        path: the file path (recorded in sources and failures).
        fmt: "csv" or "xlsx".

    Returns:
        CatalogueEntry records (``row`` = 1-based data row, ``extra`` = the other columns
        by header, ``source.record`` = 0-based row in the file/sheet); a failure with a
        Vietnamese reason when nothing can be read.
    """
    try:
        if fmt == "xlsx":
            sheets = list(_xlsx_sheets(data))
            if not sheets:
                return ReadResult(failures=[ReadFailure(path, "Tệp Excel không có trang tính nào chứa dữ liệu.")])
            result = ReadResult()
            # sheets with a header row first; guess columns only when no sheet has one
            parts = [(title, entries_from_rows(rows, path, sheet=title, guess=False)) for title, rows in sheets]
            if not any(p.records for _, p in parts):
                parts = [(title, entries_from_rows(rows, path, sheet=title)) for title, rows in sheets]
            with_entries = [(t, p) for t, p in parts if p.records]
            for title, part in with_entries:
                for e in part.records:
                    if len(with_entries) > 1:
                        e.extra["Trang tính"] = title
                result.records.extend(part.records)
            if not result.records:  # a sheet without procedures (notes, cover) is not an error otherwise
                result.failures = [f for _, p in parts for f in p.failures]
            return result
        if fmt == "csv":
            rows = _csv_rows(data)
            if not any(any(c.strip() for c in r) for r in rows):
                return ReadResult(failures=[ReadFailure(path, "Tệp CSV rỗng — không có dòng nào.")])
            return entries_from_rows(rows, path)
    except Exception as exc:  # noqa: BLE001 - never raise for bad input
        from indexer.formats import ReadError

        if isinstance(exc, ReadError):
            return ReadResult(failures=[ReadFailure(path, str(exc))])
        return ReadResult(
            failures=[ReadFailure(path, f"Không đọc được danh sách thủ tục ({type(exc).__name__}: {exc}).")]
        )
    return ReadResult(failures=[ReadFailure(path, f"Định dạng danh sách không hỗ trợ: {fmt!r} (cần CSV hoặc XLSX).")])


__all__ = ["entries_from_rows", "read_catalogue_bytes"]
