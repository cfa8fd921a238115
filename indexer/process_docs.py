"""ISO 9001 quy trình documents (DOCX/PDF/text blocks) → ``Process`` records.

A quy trình ("QUY TRÌNH ĐĂNG KÝ KHAI SINH", mã hiệu "QT-HT-01") starts with a header box
(agency, title, Mã hiệu / Lần ban hành / Ngày ban hành / Trang x/y), a revision log and
signature boxes, then numbered sections whose numbering and wording vary between units:
1. Mục đích; 2. Phạm vi; 3. Tài liệu viện dẫn; 4. Định nghĩa; 5. Nội dung (cơ sở pháp lý,
thành phần hồ sơ, số lượng, thời gian xử lý, nơi tiếp nhận, lệ phí, the work steps);
6. Biểu mẫu; 7. Hồ sơ cần lưu. Steps come as a table "TT | Trình tự | Trách nhiệm | Thời
gian | Biểu mẫu/Kết quả" (merged cells included), as prose ("Bước 1: …  Trách nhiệm: …
Thời gian: …") or as the boxes of a flowchart ("[B1] … (người thực hiện; 02 giờ)").

Field values are read with the shared parsers of ``indexer.procedure_fields`` (times, fees,
quantities, document numbers). ``parse_process_blocks`` never raises; what it could not
find is returned as Vietnamese warnings (no steps, no code, no title).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from indexer.docx_text import Block
from indexer.procedure_fields import (
    extract_date,
    extract_doc_numbers,
    is_empty_value,
    parse_fee,
    parse_processing_time,
    parse_quantity,
)
from indexer.records import (
    DossierDocument,
    Duration,
    Process,
    ProcessStep,
    Reference,
    Source,
)
from indexer.vietnamese import fold, normalize

# numbering before a heading: "1.", "5.1", "5.1.", "I.", "V -", "a)"
_NUM = r"(?:(?:\d{1,2}(?:\.\d{1,2})*|[ivx]{1,4}|[a-zđ])\s*[.):\-–]?\s+)"  # matched on folded text
_HEADINGS: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(rf"^{_NUM}?(?:{rx})\b"))
    for name, rx in [
        ("purpose", r"muc dich"),
        ("scope", r"pham vi(?: ap dung| dieu chinh)?"),
        ("viendan", r"tai lieu vien dan|tai lieu tham chieu|tai lieu lien quan|vien dan"),
        ("definitions", r"dinh nghia|thuat ngu|(?:tu|chu) viet tat|giai thich tu ngu"),
        ("legal", r"co so phap ly|can cu phap ly|can cu"),
        ("documents", r"thanh phan(?:,? so luong)? ho so|yeu cau (?:ve )?ho so|ho so gom"),
        ("doc_count", r"so luong ho so|so bo ho so"),
        ("time", r"thoi (?:gian|han) (?:xu ly|giai quyet|thuc hien)"),
        ("place", r"noi (?:tiep nhan|nop|tra)|dia diem (?:tiep nhan|thuc hien)"),
        ("fee", r"phi,? le phi|le phi|phi"),
        ("steps", (r"quy trinh xu ly(?: cong viec)?|trinh tu(?: thuc hien| xu ly| giai quyet| cong viec)?|"
                   r"cac buoc(?: thuc hien| cong viec)?|tien trinh(?: thuc hien)?|luu do|mo ta (?:quy trinh|cac buoc|cong viec)|"
                   r"dien giai luu do|noi dung cong viec")),
        ("content", r"noi dung(?: quy trinh)?|mo ta quy trinh"),
        ("forms", r"bieu mau"),
        ("records", r"ho so (?:can )?luu(?: tru)?|luu (?:tru )?ho so|ho so luu"),
    ]
]
_CODE = re.compile(r"\b(QT[A-ZĐ]{0,3}(?:[-./ ]?[A-ZĐ0-9]{1,6}){1,4})\b")
_CODE_LABEL = re.compile(r"(?:Mã\s+hiệu|Mã\s+số|Ký\s+hiệu|Mã\s+quy\s+trình)\s*[:.]?\s*([A-ZĐ0-9][A-ZĐ0-9.\-/]{2,30})", re.I)
_REVISION = re.compile(r"Lần\s+(?:ban\s+hành|sửa\s+đổi|soát\s+xét)\s*[:.]?\s*(\d{1,3})", re.I)
_ISSUED = re.compile(r"(?:Ngày\s+(?:ban\s+hành|hiệu\s+lực|áp\s+dụng))\s*[:.]?\s*(.{0,40})", re.I)
_TITLE = re.compile(r"^\s*QUY\s+TRÌNH\s*[:.\-–]?\s*(.+)$", re.I | re.S)
_STEP_LABEL = re.compile(r"^\s*\[?\s*((?:B|Bước)\s*\.?\s*\d{1,2}|\d{1,2})\s*\]?\s*(?:[:.)\-–]\s*|\s+)(.*)$", re.I | re.S)
_PROSE_STEP = re.compile(r"^\s*\[?\s*((?:B|Bước)\s*\.?\s*\d{1,2})\s*\]?\s*[:.)\-–]?\s*(.*)$", re.I | re.S)
_INLINE = re.compile(r"(Trách nhiệm|Người thực hiện|Đơn vị thực hiện|Thời gian|Thời hạn|Kết quả|Biểu mẫu)\s*:\s*", re.I)
_BULLET = re.compile(r"^\s*(?:[-+•*–]|\d{1,2}[.)]|[a-zđ][.)])\s*")
_UPPER_WORDS = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân"}
_PLACE_WORDS = ("xã", "phường", "thị trấn", "tỉnh", "huyện", "quận", "thành phố", "thị xã")
_AGENCY_HINT = re.compile(r"ủy ban|uỷ ban|ubnd|^sở |^phòng |^cục |^chi cục|^trung tâm|^văn phòng|^ban |^bộ |^công an|^bộ chỉ huy|^trường",
                          re.I)
_WARN_NO_STEPS = ("Không tìm thấy bảng hoặc danh sách các bước xử lý (B1, B2 …) — chưa soát xét được "
                  "thời gian, trách nhiệm của từng bước.")


@dataclass
class _Sections:
    """Lines and tables of each recognised section (``head`` = before the first section)."""

    lines: dict[str, list[str]] = field(default_factory=dict)
    tables: dict[str, list[list[list[str]]]] = field(default_factory=dict)
    inline: dict[str, str] = field(default_factory=dict)


def _heading(text: str) -> tuple[Optional[str], str]:
    """(section name, value after ":") when ``text`` is a section heading, else (None, "")."""
    t = text.strip()
    if not t or len(t) > 400:
        return None, ""
    head, sep, value = t.partition(":")
    if len(head) > 90:
        return None, ""
    f = fold(head).strip()
    numbered = bool(re.match(_NUM, f))
    if not numbered and (sep == "" and len(f.split()) > 8):
        return None, ""
    for name, rx in _HEADINGS:
        m = rx.match(f)
        if not m:
            continue
        rest = f[m.end():].strip(" .;")
        # a heading is the label itself, perhaps with a short tail ("5.4 Thời gian xử lý hồ sơ")
        if len(rest.split()) > 6 and not sep:
            return None, ""
        if not numbered and not sep and not head.isupper() and len(rest.split()) > 3:
            return None, ""
        return name, value.strip()
    return None, ""


def looks_like_process_doc(blocks: list[Block]) -> bool:
    """True when the blocks read as a quy trình: a "QUY TRÌNH …" title or a QT code near the top,
    and the sections / step table of one (not a regulation with articles).

    Args:
        blocks: the document's blocks.

    Returns:
        Whether ``parse_process_blocks`` should read it.
    """
    head = blocks[:60]
    top = "\n".join(b.text for b in head)
    titled = any(_TITLE.match(ln) for b in head for ln in _cell_lines(b))
    coded = bool(_CODE_LABEL.search(top) and (_CODE.search(top) or _REVISION.search(top)))
    if not (titled or coded):
        return False
    names = set()
    articles = 0
    for b in blocks:
        if b.rows is not None:
            if _step_header(b.rows) is not None:
                names.add("steps")
            continue
        if re.match(r"^\s*Điều\s+\d+\s*[.:]", b.text):
            articles += 1
        name, _ = _heading(b.text)
        if name:
            names.add(name)
    if articles > 3:
        return False
    core = {"purpose", "scope", "steps", "documents", "records", "forms", "viendan", "time"}
    return len(names & core) >= 2 and (titled or coded)


def _cell_lines(b: Block) -> list[str]:
    if b.rows is None:
        return [b.text]
    return [ln for row in b.rows for cell in row for ln in cell.split("\n") if ln.strip()]


def _split_sections(blocks: list[Block]) -> _Sections:
    sec = _Sections()
    cur = "head"
    for b in blocks:
        if b.rows is not None:
            if _step_header(b.rows) is not None and cur not in ("steps",):
                sec.tables.setdefault("steps", []).append(b.rows)
                continue
            sec.tables.setdefault(cur, []).append(b.rows)
            continue
        name, value = _heading(b.text)
        if name is not None and not (cur == "head" and name in ("fee",)):
            cur = name
            sec.lines.setdefault(cur, [])
            if value:
                sec.inline[cur] = value
                sec.lines[cur].append(value)
            continue
        sec.lines.setdefault(cur, []).append(b.text)
    return sec


# --- header ----------------------------------------------------------------------------------


_PROPER = {"việt nam": "Việt Nam", "iso": "ISO", "tcvn": "TCVN", "ubnd": "UBND", "hđnd": "HĐND"}


def _sentence_case(text: str) -> str:
    """An all-caps title in sentence case ("ĐĂNG KÝ KHAI SINH" → "Đăng ký khai sinh")."""
    t = re.sub(r"\s+", " ", text).strip(" .:-–")
    letters = [c for c in t if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        t = t.lower()
        for k, v in _PROPER.items():
            t = re.sub(rf"\b{k}\b", v, t)
        t = t[:1].upper() + t[1:]
    return t


def _agency_name(text: str) -> str:
    """"ỦY BAN NHÂN DÂN\\nXÃ TÂN PHÚ" → "Ủy ban nhân dân xã Tân Phú" (place names capitalised)."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    t = " ".join(lines)
    for k, v in _UPPER_WORDS.items():
        t = re.sub(rf"\b{k}\b", v, t)
    letters = [c for c in t if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) / len(letters) < 0.8:
        return t
    low = t.lower()
    low = low[:1].upper() + low[1:]
    pattern = "|".join(re.escape(w) for w in sorted(_PLACE_WORDS, key=len, reverse=True))
    return re.sub(rf"\b({pattern})\s+([^\s,;]+(?:\s+[^\s,;]+){{0,3}})",
                  lambda m: f"{m.group(1)} " + " ".join(w[:1].upper() + w[1:] for w in m.group(2).split()), low)


def _read_header(p: Process, sec: _Sections, blocks: list[Block]) -> None:
    head_cells: list[str] = []
    for rows in sec.tables.get("head", []):
        for row in rows:
            head_cells.extend(c for c in row if c.strip())
    head_lines = list(sec.lines.get("head", []))
    texts = head_cells + head_lines
    joined = "\n".join(texts)
    m = _CODE_LABEL.search(joined)
    if m:
        p.code = m.group(1).strip(".-/")
    else:
        m2 = _CODE.search(joined)
        if m2:
            p.code = re.sub(r"\s+", "-", m2.group(1))
    m = _REVISION.search(joined)
    if m:
        p.revision = m.group(1)
    m = _ISSUED.search(joined.replace("\n", " "))
    if m:
        p.issued = extract_date(m.group(1))
    for t in texts:
        tm = _TITLE.match(t.strip())
        if tm and not p.title:
            p.title = _sentence_case(tm.group(1))
    for t in head_cells + head_lines:
        first = t.strip().split("\n")[0]
        if _AGENCY_HINT.search(first) and not _TITLE.match(t.strip()) and not p.agency:
            p.agency = _agency_name(t)
    if not p.title:  # a title line anywhere near the top ("Quy trình: Đăng ký khai sinh")
        for b in blocks[:40]:
            for ln in _cell_lines(b):
                tm = _TITLE.match(ln)
                if tm:
                    p.title = _sentence_case(tm.group(1))
                    break
            if p.title:
                break


# --- sections --------------------------------------------------------------------------------


def _items(lines: list[str]) -> list[str]:
    """Bulleted / one-per-line items; unbulleted lines that continue the previous item are joined."""
    out: list[str] = []
    bulleted = any(_BULLET.match(ln) for ln in lines)
    for ln in lines:
        t = ln.strip()
        if not t:
            continue
        if bulleted and not _BULLET.match(t) and out:
            out[-1] = f"{out[-1]} {t}"
            continue
        out.append(_BULLET.sub("", t, count=1).strip())
    return [o.strip(" ;.") for o in out if o.strip(" ;.")]


def _references(sec: _Sections) -> list[Reference]:
    out: list[Reference] = []
    seen: set[str] = set()
    for name in ("viendan", "legal"):
        lines = list(sec.lines.get(name, []))
        for rows in sec.tables.get(name, []):
            lines.extend(" ".join(c for c in row if c) for row in rows[1:] if any(row))
        for item in _items(lines):
            nums = extract_doc_numbers(item)
            key = nums[0] if nums else fold(item)
            if key in seen:
                continue
            seen.add(key)
            out.append(Reference(number=nums[0] if nums else "", title=item))
    return out


_QTY_HINT = re.compile(r"\b(?:bản|xuất trình|bộ|tờ|ảnh|số lượng)\b", re.I)


def _split_form(name: str) -> tuple[str, str]:
    """A trailing "(…mẫu…)" / "(Phụ lục …)" group is the form; the rest the paper's name."""
    t = name.strip()
    if not t.endswith(")"):
        return t, ""
    depth = 0
    for i in range(len(t) - 1, -1, -1):
        if t[i] == ")":
            depth += 1
        elif t[i] == "(":
            depth -= 1
            if depth == 0:
                inner = t[i + 1:-1].strip()
                if re.search(r"\bmau\b|phu luc|ban hanh kem|\bbm\b", fold(inner)):
                    return t[:i].strip(), inner
                return t, ""
    return t, ""


def _documents(sec: _Sections) -> list[DossierDocument]:
    out: list[DossierDocument] = []
    for rows in sec.tables.get("documents", []):
        head = [fold(c) for c in rows[0]]
        col = {k: next((i for i, h in enumerate(head) if any(w in h for w in ws)), None) for k, ws in {
            "name": ("ten", "thanh phan", "giay to", "ho so"), "qty": ("so luong",), "main": ("ban chinh",),
            "copy": ("ban sao",), "form": ("mau", "bieu mau")}.items()}
        if col["name"] is None:
            col["name"] = 1 if len(rows[0]) > 1 else 0
        for row in rows[1:]:
            def cell(k: str, row: list[str] = row, col: dict = col) -> str:  # type: ignore[type-arg]
                i = col[k]
                return row[i].strip() if i is not None and i < len(row) else ""
            name = cell("name")
            if not name or name == cell("qty") == cell("form"):
                continue
            qty = cell("qty")
            if not qty and (cell("main") or cell("copy")):
                qty = ", ".join(x for x in (f"{cell('main')} bản chính" if cell("main") and cell("main") != "0" else "",
                                              f"{cell('copy')} bản sao" if cell("copy") and cell("copy") != "0" else "") if x)
            form = cell("form") if col["form"] not in (None, col["name"]) else ""
            if not form:
                name, form = _split_form(name)
            out.append(DossierDocument(name=name, quantity=parse_quantity(qty), form=form))
    for item in _items(sec.lines.get("documents", [])):
        if fold(item).startswith(("so luong", "thanh phan ho so gom", "ho so gom")) and ":" not in item[:-1]:
            continue
        name, qty = item, ""
        head, sep, tail = item.rpartition(":")
        if sep and _QTY_HINT.search(tail) and len(tail) < 80:
            name, qty = head.strip(), tail.strip()
        else:
            m = re.search(r"[,;(]\s*((?:\d{1,2}|một|hai)\s+bản[^,;()]*|xuất trình[^,;()]*)\)?\s*$", item, re.I)
            if m:
                name, qty = item[:m.start()].strip(), m.group(1).strip()
        name, form = _split_form(name)
        if name:
            out.append(DossierDocument(name=name, quantity=parse_quantity(qty), form=form))
    return out


def _text(sec: _Sections, name: str) -> str:
    lines = list(sec.lines.get(name, []))
    for rows in sec.tables.get(name, []):
        lines.extend(" ".join(c for c in row if c) for row in rows)
    return normalize(" ".join(ln.strip() for ln in lines if ln.strip())).strip(" .")


def _duration(text: str, *, step: bool) -> Optional[Duration]:
    """A time as {value, unit}; in a step, plain "ngày" counts as a working day (ISO convention)."""
    if is_empty_value(text) or not text.strip(" -–.") or fold(text).strip() in ("x", "khong", "khong quy dinh"):
        return None
    pt = parse_processing_time(re.sub(r"(?<![\d/])1\s*/\s*2(?![\d/])", "0,5", text))  # "1/2 ngày"
    if pt is None:
        return None
    unit = pt.unit
    if step and unit == "days" and "lich" not in fold(text):
        unit = "working_days"
    value = pt.value
    if value is not None and float(value).is_integer():
        value = int(value)
    return Duration(value=value, unit=unit)


def _listed(sec: _Sections, name: str, prefer: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for rows in sec.tables.get(name, []):
        head = [fold(c) for c in rows[0]]
        idx = [i for i, h in enumerate(head) if any(w in h for w in prefer)]
        code_i = next((i for i, h in enumerate(head) if "ma" in h.split() or "ky hieu" in h or "ma hieu" in h or "ma so" in h), None)
        for row in rows[1:]:
            main = " ".join(row[i] for i in idx if i < len(row) and row[i]).strip()
            if not main:
                main = max(row, key=len).strip() if row else ""
            code = row[code_i].strip() if code_i is not None and code_i < len(row) else ""
            if main:
                out.append(f"{code}: {main}" if code and code not in main else main)
    out.extend(_items(sec.lines.get(name, [])))
    return out


# --- steps -----------------------------------------------------------------------------------

_COLS = {
    "no": ("tt", "stt", "buoc", "b", "cac buoc", "so tt", "thu tu", "buoc thu"),
    "action": ("trinh tu", "noi dung", "cong viec", "mo ta", "tien trinh", "cac buoc", "dien giai"),
    "responsible": ("trach nhiem", "nguoi thuc hien", "don vi thuc hien", "bo phan thuc hien", "can bo thuc hien",
                    "nguoi xu ly"),
    "time": ("thoi gian", "thoi han"),
    "output": ("bieu mau", "ket qua", "ho so", "san pham"),
}


def _step_columns(header: list[str]) -> Optional[dict[str, int]]:
    """Column index of each step field when ``header`` is a step table's header row."""
    head = [fold(c).strip() for c in header]
    col: dict[str, int] = {}
    no = next((i for i, h in enumerate(head) if h.strip(" .") in _COLS["no"]), None)
    if no is not None:  # "Các bước" over a column of B1, B2 … is the label, not the action
        col["no"] = no
    for key in ("time", "responsible", "action", "output"):
        for word in _COLS[key]:  # the most specific words first
            i = next((i for i, h in enumerate(head) if i not in col.values() and word in h), None)
            if i is not None:
                col[key] = i
                break
    ok = sum(k in col for k in ("action", "responsible", "time")) >= 2 and "action" in col
    return col if ok else None


def _step_header(rows: list[list[str]]) -> Optional[tuple[int, dict[str, int]]]:
    """(row index, columns) of the step-table header among the first three rows (a merged title
    row such as "Quy trình xử lý" may come first)."""
    for i, row in enumerate(rows[:3]):
        col = _step_columns(row)
        if col is not None:
            return i, col
    return None


def _clean_no(no: str, n: int) -> str:
    t = re.sub(r"\s+", "", no or "").strip(".:)[]")
    if re.fullmatch(r"(?i)bước\d{1,2}", t):
        return "B" + re.sub(r"\D", "", t)
    if re.fullmatch(r"(?i)b\.?\d{1,2}", t):
        return "B" + re.sub(r"\D", "", t)
    return t or f"B{n}"


def _time_unit(header: str) -> str:
    """The unit a "Thời gian (ngày làm việc)" / "Thời gian (giờ)" header gives to bare numbers."""
    f = fold(header)
    if "gio" in f:
        return "giờ"
    if "phut" in f:
        return "phút"
    if "ngay" in f:
        return "ngày làm việc" if "lam viec" in f or "lv" in f.split() else "ngày"
    return ""


def _table_steps(rows: list[list[str]], more: Optional[list[list[list[str]]]] = None) -> list[ProcessStep]:
    """Steps of a step table; ``more``: following tables without a header that continue it
    (a table cut in two across a page break)."""
    found = _step_header(rows)
    if found is None:
        return []
    at, col = found
    out: list[ProcessStep] = []
    width = len(rows[at])
    unit = _time_unit(rows[at][col["time"]]) if "time" in col else ""
    body = rows[at + 1:]
    for extra in more or []:  # the same table on the next page: no header, or its header repeated
        again = _step_header(extra)
        if not extra or max(len(r) for r in extra) != width:
            break
        if again is None:
            body = body + extra
        elif [fold(c) for c in extra[again[0]]] == [fold(c) for c in rows[at]]:
            body = body + extra[again[0] + 1:]
        else:
            break
    for row in body:
        if len(row) < 2 or not any(c.strip() for c in row):
            continue  # a row merged across all columns ("Tổng thời gian …") or empty
        if len(row) < width:  # a horizontally merged cell shifted the row: pad on the right
            row = row + [""] * (width - len(row))

        def cell(k: str, row: list[str] = row) -> str:
            i = col.get(k)
            return " ".join(normalize(row[i]).split()) if i is not None and i < len(row) else ""

        action = cell("action")
        if not action:
            continue
        if not (cell("responsible") or cell("time") or cell("output")) and _heading(action)[0] in ("forms", "records"):
            continue  # a section heading read into the table ("6. Biểu mẫu" right after a PDF table)
        no = cell("no")
        if not no:
            m = _PROSE_STEP.match(action)
            if m:
                no, action = m.group(1), m.group(2).strip()
        when = cell("time")
        if unit and re.fullmatch(r"\d+(?:[.,]\d+)?|1/2", when):  # "0,5" under "Thời gian (ngày làm việc)"
            when = f"{when} {unit}"
        out.append(ProcessStep(no=_clean_no(no, len(out) + 1), action=action, responsible=cell("responsible"),
                               time=_duration(when, step=True), output=cell("output")))
    return out


def _fields_from_inline(text: str) -> dict[str, str]:
    """"Trách nhiệm: X. Thời gian: Y. Kết quả: Z." → {responsible, time, output}."""
    out: dict[str, str] = {}
    parts = _INLINE.split(text)
    for label, value in zip(parts[1::2], parts[2::2]):
        f = fold(label)
        key = "time" if f.startswith("thoi") else "output" if f.startswith(("ket qua", "bieu mau")) else "responsible"
        out[key] = value.strip(" .;")
    return out


def _prose_steps(lines: list[str]) -> list[ProcessStep]:
    """Steps written as text ("Bước 1: …", "B1 - …", flowchart boxes "[B1] … (X; 02 giờ)")."""
    items: list[list[str]] = []
    for ln in lines:
        t = ln.strip()
        if not t or t in ("↓", "→", "▼", "⇩", "|"):
            continue
        if _PROSE_STEP.match(t):
            items.append([t])
        elif items:
            items[-1].append(t)
    out: list[ProcessStep] = []
    for it in items:
        m = _PROSE_STEP.match(it[0])
        assert m is not None
        text = " ".join([m.group(2)] + it[1:]).strip()
        fields: dict[str, str] = {}
        # "Kết thúc" / arrows that trail the last flowchart box are not part of the step
        text = re.sub(r"(?:\s*(?:↓|→|▼|⇩))*\s*(?:Kết thúc|KẾT THÚC)?\s*$", "", text).strip()
        inline = _INLINE.search(text)
        if inline:
            fields = _fields_from_inline(text[inline.start():])
            text = text[:inline.start()]
        else:
            # flowchart box or prose: "(người thực hiện; 02 giờ)", "(Bộ phận Một cửa - 0,5 ngày)"
            pm = re.search(r"\(([^()]*)\)\s*$", text)
            seps = list(re.finditer(r"\s*(?:;|\s[-–]\s|,\s)\s*", pm.group(1))) if pm else []
            if pm and seps and _duration(pm.group(1)[seps[-1].end():], step=True) is not None:
                inner = pm.group(1)  # the last separator splits "who" from "how long"
                fields = {"responsible": inner[:seps[-1].start()].strip(), "time": inner[seps[-1].end():].strip()}
                text = text[:pm.start()]
        text = text.strip(" .;")
        out.append(ProcessStep(no=_clean_no(m.group(1), len(out) + 1), action=normalize(text),
                               responsible=fields.get("responsible", ""),
                               time=_duration(fields.get("time", ""), step=True), output=fields.get("output", "")))
    return out


def _steps(sec: _Sections) -> list[ProcessStep]:
    tables = sec.tables.get("steps", [])
    for n, rows in enumerate(tables):
        steps = _table_steps(rows, tables[n + 1:])
        if steps:
            return steps
    for name in ("steps", "content"):
        steps = _prose_steps(sec.lines.get(name, []))
        if steps:
            return steps
    return []


# --- entry point -----------------------------------------------------------------------------


def parse_process_blocks(blocks: list[Block], path: str) -> tuple[Process, list[str]]:
    """Read one quy trình.

    Args:
        blocks: its blocks (DOCX paragraphs and tables; PDF layout blocks).
        path: the file path recorded in ``source``.

    Returns:
        The Process and the Vietnamese warnings about what could not be found (no steps, no
        code, no title) — the record is returned even when parts are missing.
    """
    sec = _split_sections(blocks)
    p = Process(source=Source(file=path))
    _read_header(p, sec, blocks)
    p.scope = _text(sec, "scope")
    p.references = _references(sec)
    p.documents = _documents(sec)
    time_text = _text(sec, "time")
    p.time_limit = _duration(time_text, step=False) if time_text else None
    p.place = _text(sec, "place")
    fee_text = _text(sec, "fee")
    p.fee = parse_fee(fee_text) if fee_text else None
    p.steps = _steps(sec)
    p.forms = _listed(sec, "forms", ("ten", "bieu mau"))
    p.records = _listed(sec, "records", ("ten", "ho so"))
    pages = [b.page for b in blocks if b.page]
    if pages:
        p.source.page = min(pages)
    warnings: list[str] = []
    if not p.steps:
        warnings.append(_WARN_NO_STEPS)
    if not p.code:
        warnings.append("Không thấy mã hiệu quy trình (Mã hiệu/Mã số QT-…) ở phần đầu tài liệu.")
    if not p.title:
        warnings.append("Không thấy tên quy trình (dòng \"QUY TRÌNH …\") ở phần đầu tài liệu.")
    return p, warnings


__all__ = ["looks_like_process_doc", "parse_process_blocks"]
