"""National Public Service Portal (dichvucong.gov.vn) records → ``Procedure``.

The crawled records flatten the page tables with no cell separators, e.g.
``cach_thuc_thuc_hien`` = "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp20 Ngày làm
việcKhông có thông tin<mô tả>Trực tuyến…". This module recovers the cells:
channels × processing time × fee × description, dossier documents × form × quantity,
legal documents × number, results without their "Mã: KQ…" codes and page-menu leftovers.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from indexer.procedure_fields import (
    doc_number_spans,
    extract_date,
    extract_doc_numbers,
    is_empty_value,
    parse_fee,
    parse_legal_basis_text,
    parse_processing_time,
    parse_quantity,
    split_items,
    split_steps,
)
from indexer.records import Channel, DossierDocument, Fee, LegalBasis, ProcessingTime, Procedure, Source
from indexer.vietnamese import normalize

# --- channels (cách thức thực hiện) ----------------------------------------------------------

CHANNEL_NAMES = ("Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính", "Dịch vụ bưu chính công ích")
_CHANNEL_HEADER = re.compile(r"^\s*Hình thức nộp\s*Thời gian\s*Phí, lệ phí\s*Mô tả")
# A row starts where a channel name is glued to the next cell (a digit or a capital letter);
# in running text the name is followed by a space, ":" or lower case.
_ROW = re.compile(r"(Dịch vụ bưu chính công ích|Dịch vụ bưu chính|Trực tiếp|Trực tuyến)(?=[\dA-ZĐÀ-Ỹ])")
_TIME_CELL = re.compile(
    r"(\d+(?:[.,]\d+)?)\s?(Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm|Tuần|Phút)?", re.IGNORECASE
)
_NO_INFO = "Không có thông tin"
_FEE_START = re.compile(
    r"Miễn phí|Không có thông tin|(?:Lệ phí|Phí)\s*:\s*[\d.,]*\s*Đồng"
    r"|[\d.,]*\d\s?(?:Việt Nam Đồng|VNĐ|Đồng|USD|Đô la Mỹ)|\s?VNĐ"
)
_UNITS = {
    "ngày làm việc": "working_days",
    "ngày": "days",
    "giờ làm việc": "hours",
    "giờ": "hours",
    "tháng": "months",
}


def _balanced_paren(text: str, pos: int) -> int:
    """End index of the parenthesised group starting at ``text[pos] == "("`` (or len)."""
    depth = 0
    for i in range(pos, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(text)


def _time_cell(rest: str) -> tuple[Optional[ProcessingTime], int]:
    """Read the processing-time cell at the start of a row; return it and its length."""
    m = _TIME_CELL.match(rest)
    if m:
        value = float(m.group(1).replace(",", "."))
        unit_text = (m.group(2) or "").lower()
        if unit_text in _UNITS:
            return ProcessingTime(value, _UNITS[unit_text], m.group(0).strip()), m.end()
        if unit_text == "tuần":
            return ProcessingTime(value * 7, "days", m.group(0).strip()), m.end()
        if unit_text == "năm":
            return ProcessingTime(value * 12, "months", m.group(0).strip()), m.end()
        if unit_text == "phút":
            return ProcessingTime(round(value / 60, 4), "hours", m.group(0).strip()), m.end()
        # The portal shows a bare number when the unit cell is blank; its default unit is "Ngày".
        return ProcessingTime(value, "days", m.group(0).strip()), m.end()
    if rest.startswith(_NO_INFO):
        return None, len(_NO_INFO)
    # free-text time ("Không phải trả kết quả …", "Không quy định"): up to the fee cell
    f = _FEE_START.search(rest)
    end = f.start() if f else len(rest)
    text = rest[:end].strip()
    return (parse_processing_time(text) if text else None), end


def _fee_cell(rest: str) -> tuple[Optional[Fee], int]:
    """Read the fee cell (one or more "amount(description)" parts); return it and its length."""
    pos = 0
    heads: list[str] = []
    while pos < len(rest):
        m = _FEE_START.match(rest, pos)
        if not m:
            break
        head = m.group(0)
        pos = m.end()
        if head == _NO_INFO and not heads:
            return None, pos
        if head == _NO_INFO:
            pos = m.start()
            break
        heads.append(head.strip())
        if pos < len(rest) and rest[pos] == "(":
            pos = _balanced_paren(rest, pos)
    if not heads:
        return None, 0
    text = rest[:pos].strip()
    head_fee = parse_fee(" ".join(h for h in heads if h and h != "VNĐ"))
    amount = head_fee.amount_vnd if head_fee else None
    return Fee(amount, text), pos


def parse_channels(text: str) -> list[Channel]:
    """Recover the channel table of a portal record.

    Args:
        text: ``cach_thuc_thuc_hien`` as crawled (header and cells glued).

    Returns:
        One Channel per row; [] when empty. When the time cell is empty but the
        description states a time, the time is read from the description.
    """
    if is_empty_value(text):
        return []
    t = _CHANNEL_HEADER.sub("", normalize(text)).strip()
    starts = [m for m in _ROW.finditer(t)]
    if not starts:
        desc = t
        return [Channel("", parse_processing_time(desc), None, desc)] if desc else []
    channels: list[Channel] = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(t)
        rest = t[m.end() : end]
        time, n = _time_cell(rest)
        rest = rest[n:]
        fee, n = _fee_cell(rest)
        desc = rest[n:].strip()
        if is_empty_value(desc):
            desc = ""
        if (time is None or time.value is None) and desc:
            from_desc = parse_processing_time(desc)
            if from_desc is not None and from_desc.value is not None:
                time = from_desc
        channels.append(Channel(m.group(1), time, fee, desc))
    return channels


# --- documents (thành phần hồ sơ) ------------------------------------------------------------

_DOC_HEADER = re.compile(r"Tên giấy tờ\s*Mẫu đơn, tờ khai\s*Số lượng")
# the quantity cell, glued to the name/form cells ("…đăng ký xe1 bản chính,1 bản sao")
_QTY_CELL = re.compile(
    r"(?:(?<![\s\d])|(?<=\s)(?=\d\s?bản (?:chính|sao)(?:\s?,\s?\d+\s?bản (?:chính|sao))*(?:$|[-+A-ZĐÀ-Ỹ])))"
    r"(\d)\s?bản (?:chính|sao)(?:\s?,\s?\d+\s?bản (?:chính|sao))*"
)
_FORM_EXT = re.compile(r"\.(?:docx?|pdf|xlsx?|rtf|odt|zip|rar)$", re.IGNORECASE)
_FORM_EXT_ANY = re.compile(r"\.(?i:docx?|pdf|xlsx?|rtf|odt|zip|rar)(?=$|[^a-z])")
_LEAD_BULLET = re.compile(r"^\s*(?:[-+•*]+|--)\s*")


_FORM_START = re.compile(
    r"[.;:)\]”](?=[A-ZĐÀ-Ỹ])|[;:)\]”](?=\d)"  # "…bản chính).Mẫu 02.docx" (not "Mẫu số 1.4.docx")
    r"|(?<=[a-zà-ỹđ])(?=[A-ZĐ][a-zà-ỹđ]*[\d_-])"  # "…đăng kýMau02-BK.doc"
    r"|(?<=[A-ZĐ])(?=[A-ZĐ][a-zà-ỹđ])"  # "…TT-BNNMTMẫu số 30.docx"
    r"|(?<=\S)(?=(?:Mẫu|Mau|MẪU|MAU|Phụ lục|Phu luc|PHỤ LỤC|Biểu mẫu|Tờ khai|To khai)[\s_\d])"
    r"|(?<=[a-zà-ỹđ])(?=(?:Mẫu|Mau|MẪU|MAU|Biểu|Bieu|Phụ|Phu|PL)[A-ZĐ\d_\s-])"  # "theo mẫuMauBankhai.docx"
)
_FORM_FILE = re.compile(r".+?\.(?i:docx?|pdf|xlsx?|rtf|odt|zip|rar)(?=$|[^a-z])")


def _split_form(cell: str) -> tuple[str, str]:
    """Split "<name><form file(s)>" into (name, forms joined by "; ") when the cell ends in a file name."""
    if not _FORM_EXT.search(cell):
        return cell, ""
    first = _FORM_EXT_ANY.search(cell)
    prefix = cell[: first.start()] if first else cell
    # the form file starts after the last boundary before its extension ("…an.Mau02-BK(BHYT).doc")
    cut = None
    for m in _FORM_START.finditer(prefix):
        cut = m.end()
    if cut is None:
        tail = re.search(r"\S+$", prefix)
        cut = tail.start() if tail else 0
    files = [f.strip() for f in _FORM_FILE.findall(cell[cut:]) if f.strip()]
    return cell[:cut].strip(), "; ".join(files) if files else cell[cut:].strip()


_INLINE_ITEMS = re.compile(r"[;.]\s*[-+•]\s+")


def _clean_doc_name(name: str) -> str:
    name = _LEAD_BULLET.sub("", name).strip()
    return name.rstrip(" ;,").strip()


def parse_documents(text: str) -> list[DossierDocument]:
    """Recover the dossier table of a portal record.

    Args:
        text: ``thanh_phan_ho_so`` as crawled ("--Tên giấy tờMẫu đơn, tờ khaiSố lượng<rows>",
            possibly several groups each preceded by a heading).

    Returns:
        One DossierDocument per row (group headings and "…:" rows with quantity 0
        are dropped); free text without the table falls back to one document per item.
    """
    if is_empty_value(text):
        return []
    t = normalize(text)
    parts = _DOC_HEADER.split(t)
    if len(parts) == 1:
        return [DossierDocument(name=i) for i in split_items(t) if not is_empty_value(i)]
    docs: list[DossierDocument] = []
    for body in parts[1:]:
        pos = 0
        if not _QTY_CELL.search(body):
            # a table cut short (no quantity cell): keep its items as names
            docs.extend(DossierDocument(name=_clean_doc_name(i)) for i in split_items(body) if _clean_doc_name(i))
            continue
        for m in _QTY_CELL.finditer(body):
            cell = body[pos : m.start()]
            pos = m.end()
            name, form = _split_form(cell)
            name = _clean_doc_name(name)
            qty = parse_quantity(m.group(0))
            if not name or is_empty_value(name):
                continue
            if name.endswith(":") and qty.startswith("0 "):
                continue  # a sub-heading typed as a row ("- Giấy tờ phải nộp:0 bản chính")
            # several papers typed in one cell: "- Tờ trình …; - Báo cáo …; - Biên bản …"
            names = [n for n in (_clean_doc_name(x) for x in _INLINE_ITEMS.split(name)) if n]
            for one in names if len(names) > 1 else [name]:
                docs.append(DossierDocument(name=one, quantity=qty, form=form))
        # text after the last quantity is the heading of the next group: dropped
    return docs


# --- legal basis (căn cứ pháp lý) ------------------------------------------------------------

_LEGAL_HEADER = re.compile(r"^\s*Tên văn bản pháp lý\s*Mã văn bản")


def parse_legal_table(text: str) -> list[LegalBasis]:
    """Recover the legal-basis table ("Tên văn bản pháp lýMã văn bản<title><number>…").

    A number is the "Mã văn bản" cell when it is glued to the text before it (or
    stands after a line break) and some title text precedes it.

    Args:
        text: ``can_cu_phap_ly`` as crawled.

    Returns:
        One LegalBasis per row; free text without the table header is read by
        ``parse_legal_basis_text``.
    """
    if is_empty_value(text):
        return []
    t = normalize(text).replace("Ð", "Đ")
    if not _LEGAL_HEADER.match(t):
        return parse_legal_basis_text(t)
    body = _LEGAL_HEADER.sub("", t)
    out: list[LegalBasis] = []
    prev = 0
    for start, end, num in doc_number_spans(body):
        title = body[prev:start]
        glued = start == 0 or not body[start - 1].isspace() or body[start - 1] == "\n"
        # "Luật Khiếu nại năm 201102/2011/QH13": the year belongs to the title
        year_glued = start >= 4 and body[start - 4 : start].isdigit()
        # a code cell ends its row: the next title is glued on ("…QH13Thông tư …")
        ends_row = end >= len(body) or body[end].isalpha()
        if not title.strip() or not (glued or year_glued or ends_row):
            continue
        out.append(_legal_row(title, num))
        prev = end
    tail = body[prev:].strip()
    if tail and not is_empty_value(tail):
        nums = extract_doc_numbers(tail)
        out.append(_legal_row(tail, nums[0] if nums else ""))
    return out


# the code cell may start with the type ("Luật 79/2015/QH13"), glued to the title cell
_GLUED_TYPE = re.compile(
    r"(?<=[^\W\d_])(?:Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư(?: liên tịch)?|Quyết định|Pháp lệnh|Chỉ thị)"
    r"(?:\s+số)?\s*$"
)


def _legal_row(title: str, number: str) -> LegalBasis:
    title = _GLUED_TYPE.sub("", title)
    title = re.sub(r"\s+", " ", _LEAD_BULLET.sub("", title)).strip(" ;,.")
    return LegalBasis(number=number, title=title or number, date=extract_date(title))


# --- result (kết quả thực hiện) --------------------------------------------------------------

_RESULT_CODE = re.compile(r"\s*Mã:\s*[A-Z0-9][A-Za-z0-9.\-]*\d")
_PAGE_MENU = re.compile(r"Từ khóa|Từ khoá|Chọn cơ quan thực hiện|Nộp hồ sơ$")


def parse_result(text: str) -> str:
    """Clean ``ket_qua_xu_ly``: drop "Mã: KQ…" codes and page-menu leftovers.

    Args:
        text: the crawled result text.

    Returns:
        The results joined by "; " ("" for "Không có thông tin").
    """
    if is_empty_value(text):
        return ""
    t = normalize(text)
    menu = _PAGE_MENU.search(t)
    if menu:
        t = t[: menu.start()]
    parts = [p.strip(" ;\n") for p in _RESULT_CODE.split(t)]
    parts = [_LEAD_BULLET.sub("", p).strip() for p in parts if p and not is_empty_value(p)]
    return "; ".join(p for p in parts if p)


# --- the record ------------------------------------------------------------------------------

_RAW_CODE = re.compile(r"Mã thủ tục\s*([0-9A-Za-z][0-9A-Za-z.\-]*?)\s*(?=Số quyết định|Cấp thực hiện|$)")


def _raw(obj: dict[str, Any], key: str) -> str:
    """A field as a string, whatever its JSON type (a list of lines is joined)."""
    value = obj.get(key)
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(v) for v in value if v is not None)
    return value if isinstance(value, str) else str(value)


def _text(obj: dict[str, Any], key: str) -> str:
    value = obj.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    value = normalize(value).strip()
    return "" if is_empty_value(value) else value


def record_code(obj: dict[str, Any]) -> str:
    """The procedure code of a portal record.

    ``ma_thu_tuc`` normally; when the page text (``raw_text``) shows another
    "Mã thủ tục", that one wins: the crawled fields (name, steps, tables) come
    from the page, so the page's code is the one that describes them (17 of the
    2,642 real records, e.g. ma_thu_tuc 1.014208 whose page is 1.014023).
    """
    code = _text(obj, "ma_thu_tuc")
    raw = obj.get("raw_text") or ""
    if isinstance(raw, str) and raw:
        m = _RAW_CODE.search(raw[:3000])
        if m and m.group(1) and m.group(1) != code:
            return m.group(1)
    return code


def procedure_from_portal(obj: dict[str, Any], source: Source) -> Procedure:
    """Build a Procedure from one national-portal record.

    Args:
        obj: the JSON object (keys ``ma_thu_tuc``, ``ten_thu_tuc``, ``cach_thuc_thuc_hien`` …).
        source: where it came from (``record`` = line number in the file).

    Returns:
        The Procedure; missing fields stay empty.
    """
    channels = parse_channels(_raw(obj, "cach_thuc_thuc_hien"))
    documents = parse_documents(_raw(obj, "thanh_phan_ho_so"))
    forms = list(dict.fromkeys(d.form for d in documents if d.form))
    agency = _text(obj, "co_quan_thuc_hien") or _text(obj, "co_quan_co_tham_quyen")
    time_text = ""
    if not any(c.processing_time for c in channels):
        time_text = _text(obj, "thoi_han_giai_quyet")
    return Procedure(
        code=record_code(obj),
        name=_text(obj, "ten_thu_tuc"),
        field=_text(obj, "linh_vuc"),
        level=_text(obj, "cap_thuc_hien"),
        agency=agency,
        applicants=_text(obj, "doi_tuong_thuc_hien"),
        decision=_text(obj, "so_quyet_dinh"),
        steps=split_steps(_raw(obj, "trinh_tu_thuc_hien")),
        channels=channels,
        documents=documents,
        result=parse_result(_raw(obj, "ket_qua_xu_ly")),
        requirements=split_items(_raw(obj, "yeu_cau_dieu_kien")),
        legal_basis=parse_legal_table(_raw(obj, "can_cu_phap_ly")),
        forms=forms,
        fee_text=_text(obj, "phi_le_phi"),
        time_text=time_text,
        source=source,
    )


def is_portal_record(obj: Any) -> bool:
    """True for a national-portal record (has ``ma_thu_tuc`` or ``ten_thu_tuc``)."""
    return isinstance(obj, dict) and ("ma_thu_tuc" in obj or "ten_thu_tuc" in obj)


__all__ = [
    "CHANNEL_NAMES",
    "is_portal_record",
    "parse_channels",
    "parse_documents",
    "parse_legal_table",
    "parse_result",
    "procedure_from_portal",
    "record_code",
]
