"""JSON / JSON Lines files of procedures (and RaSoát's own JSON) → records.

Routes each object by its shape:
- national-portal record (``ma_thu_tuc`` / ``ten_thu_tuc``) → ``indexer.portal``;
- Ministry of Defence record (``thu_tuc_id`` + ``metadata``) → ``indexer.defence``;
- RaSoát's own JSON (``kind`` = "procedure" / "regulation" / "catalogue_entry", as written
  by ``rasoat parse --json``) → ``Procedure`` / ``LegalUnit`` / ``CatalogueEntry``.
Anything else becomes a ``ReadFailure`` naming the record; one bad object never loses
the others.
"""

from __future__ import annotations

import codecs
import json
from typing import Any, Iterable, Optional

from indexer.defence import is_defence_record, procedure_from_defence
from indexer.portal import is_portal_record, procedure_from_portal
from indexer.records import (
    CatalogueEntry,
    LegalUnit,
    Procedure,
    Process,
    ReadFailure,
    ReadResult,
    Record,
    Source,
)

_LIST_KEYS = ("procedures", "records", "regulations", "items")

_JSON_ERRORS = {
    "Expecting value": "thiếu giá trị (hoặc có ký tự lạ)",
    "Expecting ',' delimiter": "thiếu dấu phẩy",
    "Expecting ':' delimiter": "thiếu dấu hai chấm",
    "Expecting property name enclosed in double quotes": "tên trường phải đặt trong dấu ngoặc kép",
    "Unterminated string starting at": "chuỗi chưa được đóng dấu ngoặc kép",
    "Extra data": "có dữ liệu thừa sau phần JSON",
    "Invalid control character at": "có ký tự điều khiển không hợp lệ",
    "Invalid \\escape": "ký tự thoát (\\) không hợp lệ",
    "Illegal trailing comma before end of object": "thừa dấu phẩy cuối đối tượng",
    "Illegal trailing comma before end of array": "thừa dấu phẩy cuối danh sách",
}


def _json_error(exc: json.JSONDecodeError, line_offset: int = 0) -> str:
    """Vietnamese message for a JSON syntax error: "Tệp JSON bị lỗi ở dòng N, cột C: ..."."""
    msg = exc.msg
    for en, vi in _JSON_ERRORS.items():
        if msg.startswith(en):
            msg = vi
            break
    return f"Tệp JSON bị lỗi ở dòng {exc.lineno + line_offset}, cột {exc.colno}: {msg}."


def _own_source(obj: dict[str, Any], source: Source) -> Source:
    """Keep the page of a record's own source, but record where it was read now."""
    orig = Source.from_dict(obj.get("source") if isinstance(obj.get("source"), (dict, str)) else None)
    return Source(file=source.file, page=orig.page, record=source.record)


def record_from_object(obj: Any, source: Source) -> Record:
    """Turn one JSON object into a record.

    Args:
        obj: the decoded JSON value.
        source: file and 0-based position of the object.

    Returns:
        A Procedure, LegalUnit or CatalogueEntry.

    Raises:
        ValueError: with a Vietnamese reason when the object has no known shape.
    """
    if not isinstance(obj, dict):
        raise ValueError(f"không phải một đối tượng JSON (gặp {type(obj).__name__})")
    kind = obj.get("kind")
    if kind == "procedure":
        rec: Record = Procedure.from_dict(obj)
        rec.source = _own_source(obj, source)
        return rec
    if kind == "regulation":
        rec = LegalUnit.from_dict(obj)
        rec.source = _own_source(obj, source)
        return rec
    if kind == "catalogue_entry":
        rec = CatalogueEntry.from_dict(obj)
        rec.source = _own_source(obj, source)
        return rec
    if kind == "process":
        rec = Process.from_dict(obj)
        rec.source = _own_source(obj, source)
        return rec
    if is_defence_record(obj):
        return procedure_from_defence(obj, source)
    if is_portal_record(obj):
        return procedure_from_portal(obj, source)
    keys = ", ".join(list(map(str, obj))[:6]) or "không có trường nào"
    raise ValueError(
        "không nhận ra định dạng (cần ma_thu_tuc/ten_thu_tuc, thu_tuc_id + metadata, "
        f'hoặc kind = "procedure"/"regulation"); các trường có: {keys}'
    )


def _read_objects(items: Iterable[tuple[int, Any]], source_file: str, unit: str) -> ReadResult:
    result = ReadResult()
    for pos, obj in items:
        try:
            result.records.append(record_from_object(obj, Source(file=source_file, record=pos)))
        except ValueError as exc:
            result.failures.append(ReadFailure(source_file, f"{unit} {pos + 1}: {exc}."))
        except Exception as exc:  # noqa: BLE001 - one bad object never loses the others
            result.failures.append(
                ReadFailure(source_file, f"{unit} {pos + 1}: lỗi khi đọc bản ghi ({type(exc).__name__}: {exc}).")
            )
    return result


def records_from_objects(objs: Iterable[Any], source_file: str) -> ReadResult:
    """Read a sequence of JSON objects (portal, Ministry of Defence, RaSoát JSON).

    Args:
        objs: decoded JSON values, in file order.
        source_file: the file they came from (recorded in each record's source).

    Returns:
        Records (``source.record`` = 0-based position) and one failure per bad object,
        with a Vietnamese reason naming the record number (1-based).
    """
    return _read_objects(enumerate(objs), source_file, "Bản ghi số")


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from indexer.formats import decode_text

        return decode_text(data)[0]


def _objects_of(value: Any) -> Optional[list[Any]]:
    """The list of objects inside a decoded JSON document, or None for a single object."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and isinstance(value.get("kind"), str):
        return None  # one RaSoát record (a quy trình has its own "records" list: Hồ sơ cần lưu)
    if isinstance(value, dict):
        lists = [value[k] for k in _LIST_KEYS if isinstance(value.get(k), list)]
        if lists:
            return [o for lst in lists for o in lst]
    return None


def read_json_bytes(data: bytes, path: str) -> ReadResult:
    """Read a JSON or JSON Lines file of records.

    Accepts a JSON array, a single object, an object with a "procedures" / "records"
    (or "regulations" / "items") list, or JSON Lines; gzip data is decompressed
    (with the size cap of ``indexer.formats``).

    Args:
        data: the file bytes.
        path: the file path (recorded in sources and failures).

    Returns:
        Records and failures; invalid JSON gives "Tệp JSON bị lỗi ở dòng N: ...".
    """
    if data[:2] == b"\x1f\x8b":
        from indexer.formats import ReadError, gunzip_capped

        try:
            data = gunzip_capped(data)
        except ReadError as exc:
            return ReadResult(failures=[ReadFailure(path, str(exc))])
    text = _decode(data).lstrip("\ufeff")
    if not text.strip():
        return ReadResult(failures=[ReadFailure(path, "Tệp JSON rỗng — không có bản ghi nào.")])
    try:
        value = json.loads(text)
    except json.JSONDecodeError as whole_error:
        return _read_json_lines(text, path, whole_error)
    except RecursionError:
        return ReadResult(failures=[ReadFailure(path, "Cấu trúc JSON lồng nhau quá sâu — không đọc được.")])
    objs = _objects_of(value)
    if objs is None:
        return records_from_objects([value], path)
    return records_from_objects(objs, path)


def _read_json_lines(text: str, path: str, whole_error: json.JSONDecodeError) -> ReadResult:
    """JSON Lines: one object per line; a bad line is one failure, the others are read.

    A file that is not JSON Lines (first line not an object, or more bad lines than good
    ones: a broken pretty-printed document) is broken as a whole: exactly one failure.
    """
    lines = text.split("\n")
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    first_ok = False
    if first is not None and first + 1 < len(lines):
        try:
            first_ok = isinstance(json.loads(lines[first]), dict)
        except (json.JSONDecodeError, RecursionError):
            first_ok = False
    if not first_ok:
        return ReadResult(failures=[ReadFailure(path, _json_error(whole_error))])
    result = ReadResult()
    good: list[tuple[int, Any]] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        try:
            good.append((i, json.loads(line)))
        except json.JSONDecodeError as exc:
            result.failures.append(ReadFailure(path, _json_error(exc, line_offset=i)))
        except RecursionError:
            result.failures.append(ReadFailure(path, f"Dòng {i + 1}: cấu trúc JSON lồng nhau quá sâu."))
    if len(result.failures) > len(good):
        return ReadResult(failures=[ReadFailure(path, _json_error(whole_error))])
    result.extend(_read_objects(good, path, "Dòng"))
    return result


__all__ = ["read_json_bytes", "record_from_object", "records_from_objects"]

