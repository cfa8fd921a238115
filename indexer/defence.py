"""Ministry of Defence procedure records → ``Procedure``.

Each record has ``thu_tuc_id``, ``metadata`` (mã/tên thủ tục, số quyết định, cấp, loại,
lĩnh vực), ``content`` (trình tự, đối tượng, cơ quan, kết quả, yêu cầu …) and ``tables``
(``hinh_thuc_nop``, ``thanh_phan_ho_so``, ``can_cu_phap_ly``). Keys are matched
accent-insensitively ("mã_thủ_tục" and "ma_thu_tuc" both work).

Quirks of the real data handled here: in ``thanh_phan_ho_so`` the form file sits in
``so_luong`` and the quantity ("Bản chính: 1\\nBản sao: 0") in ``ghi_chu``; in
``can_cu_phap_ly`` the ``so_ky_hieu`` is often cut ("12") while ``trich_yeu`` holds the
full number ("Quyết định số 12/2021/QĐ-TTg ...").
"""

from __future__ import annotations

import re
from typing import Any

from indexer.procedure_fields import (
    extract_doc_numbers,
    is_empty_value,
    parse_fee,
    parse_processing_time,
    parse_quantity,
    split_items,
    split_steps,
)
from indexer.records import Channel, DossierDocument, LegalBasis, Procedure, Source
from indexer.vietnamese import fold, normalize

_FILE = re.compile(r"\.(?:docx?|pdf|xlsx?|rtf|odt|zip|rar)\s*$", re.IGNORECASE)
_QUANTITY = re.compile(r"\bbản\b|^\s*\d+\s*$", re.IGNORECASE)


def _folded(d: Any) -> dict[str, Any]:
    """The dict with accent-folded keys (spaces and dashes as "_")."""
    if not isinstance(d, dict):
        return {}
    return {re.sub(r"[\s\-]+", "_", fold(str(k))): v for k, v in d.items()}


def _text(d: dict[str, Any], *keys: str) -> str:
    for key in keys:
        value = d.get(key)
        if value is None or isinstance(value, (dict, list)):
            continue
        value = normalize(str(value)).strip()
        if not is_empty_value(value):
            return value
    return ""


def _level(text: str) -> str:
    """"Cấp Bộ, Cấp Tỉnh" → "Cấp bộ, Cấp tỉnh" (the portal's spelling)."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return ", ".join(p[:1].upper() + p[1:].lower() for p in parts)


def _decision(text: str) -> str:
    """"Quyết định số 6225/QĐ-BQP" → "6225/QĐ-BQP" ("3980 /QĐ-BQP" too)."""
    tidy = re.sub(r"\s*/\s*", "/", text)
    nums = extract_doc_numbers(tidy)
    return nums[0] if nums else tidy


def _channels(rows: Any) -> list[Channel]:
    out = []
    for row in rows if isinstance(rows, list) else []:
        r = _folded(row)
        name = _text(r, "hinh_thuc", "hinh_thuc_nop", "channel")
        time = parse_processing_time(_text(r, "thoi_han_giai_quyet", "thoi_han", "thoi_gian"))
        fee = parse_fee(_text(r, "phi_le_phi", "phi", "le_phi"))
        desc = _text(r, "mo_ta", "description")
        if name or time or fee or desc:
            out.append(Channel(name, time, fee, desc))
    return out


def _documents(rows: Any) -> list[DossierDocument]:
    out = []
    for row in rows if isinstance(rows, list) else []:
        r = _folded(row)
        name = _text(r, "ten_giay_to", "ten", "name")
        if not name:
            continue
        cells = [_text(r, "so_luong"), _text(r, "ghi_chu"), _text(r, "mau_don_to_khai", "mau_don")]
        form = next((c for c in cells if c and _FILE.search(c)), "")
        if "\n" in form:  # several form files, one per line
            form = "; ".join(x.strip() for x in form.split("\n") if x.strip())
        qty_cell = next((c for c in cells if c and not _FILE.search(c) and _QUANTITY.search(c)), "")
        out.append(DossierDocument(name=name, quantity=parse_quantity(qty_cell), form=form))
    return out


def _legal_basis(rows: Any) -> list[LegalBasis]:
    out = []
    for row in rows if isinstance(rows, list) else []:
        r = _folded(row)
        symbol = _text(r, "so_ky_hieu", "so_hieu", "ma_van_ban")
        title = _text(r, "trich_yeu", "ten_van_ban", "ten")
        nums = extract_doc_numbers(symbol) or extract_doc_numbers(title)
        if not nums and symbol and not title:
            title = symbol
        if not title and not symbol:
            continue
        date = _text(r, "ngay_ban_hanh").replace("-", "/")
        out.append(LegalBasis(number=nums[0] if nums else "", title=title or symbol, date=date))
    return out


def procedure_from_defence(obj: dict[str, Any], source: Source) -> Procedure:
    """Build a Procedure from one Ministry of Defence record.

    Args:
        obj: the JSON object (``thu_tuc_id``, ``metadata``, ``content``, ``tables``).
        source: where it came from (``record`` = line number in the file).

    Returns:
        The Procedure; missing parts stay empty.
    """
    top = _folded(obj)
    meta = _folded(top.get("metadata"))
    content = _folded(top.get("content"))
    tables = _folded(top.get("tables"))
    channels = _channels(tables.get("hinh_thuc_nop"))
    documents = _documents(tables.get("thanh_phan_ho_so"))
    how = _text(content, "cach_thuc_thuc_hien")
    if how and not channels:
        channels = [Channel("", parse_processing_time(how), None, how)]
    return Procedure(
        code=_text(meta, "ma_thu_tuc") or _text(top, "thu_tuc_id"),
        name=_text(meta, "ten_thu_tuc"),
        field=_text(meta, "linh_vuc"),
        level=_level(_text(meta, "cap_thuc_hien")),
        agency=_text(content, "co_quan_thuc_hien", "co_quan_co_tham_quyen"),
        applicants=_text(content, "doi_tuong_thuc_hien"),
        decision=_decision(_text(meta, "so_quyet_dinh")),
        steps=split_steps(_text(content, "trinh_tu_thuc_hien")),
        channels=channels,
        documents=documents,
        result=_text(content, "ket_qua_thuc_hien", "ket_qua"),
        requirements=split_items(_text(content, "yeu_cau_dieu_kien_thuc_hien", "yeu_cau_dieu_kien")),
        legal_basis=_legal_basis(tables.get("can_cu_phap_ly")),
        forms=list(dict.fromkeys(d.form for d in documents if d.form)),
        source=source,
    )


def is_defence_record(obj: Any) -> bool:
    """True for a Ministry of Defence record (``thu_tuc_id`` plus ``metadata``)."""
    return isinstance(obj, dict) and "thu_tuc_id" in obj and isinstance(obj.get("metadata"), dict)


__all__ = ["is_defence_record", "procedure_from_defence"]
