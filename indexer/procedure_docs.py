"""Procedure publication documents (DOCX/PDF/TXT/MD/HTML) → ``Procedure`` records.

The appendix "Nội dung cụ thể của từng thủ tục hành chính" of a Quyết định công
bố lists procedures as "1. Thủ tục ... (Mã thủ tục: 1.001193)" followed by the
standard headings (Trình tự thực hiện, Cách thức thực hiện, Thành phần, số
lượng hồ sơ, Thời hạn giải quyết, Đối tượng, Cơ quan, Kết quả, Lệ phí, Mẫu đơn,
Yêu cầu điều kiện, Căn cứ pháp lý). Group headers "A. THỦ TỤC HÀNH CHÍNH CẤP
TỈNH" and "I. LĨNH VỰC HỘ TỊCH" set level and field. DOCX tables are read
(channel table "Hình thức nộp | Thời hạn giải quyết | Phí, lệ phí | Mô tả",
dossier and legal-basis tables).
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
    parse_legal_basis_text,
    parse_processing_time,
    parse_quantity,
    split_items,
    split_steps,
)
from indexer.records import Channel, DossierDocument, LegalBasis, Procedure, Source
from indexer.vietnamese import fold, normalize

_PREFIX = re.compile(r"^\s*(?:[-+•*–]\s*|(?:\d+(?:\.\d+)*|[IVXLC]+|[a-zđ])[.)]\s*)*")

# (field, folded label regex); order matters (longest / most specific first)
_HEADINGS: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(rf"^(?:{rx})(?:\s+(?:cua\s+)?(?:thu tuc hanh chinh|thu tuc|tthc))?\s*(?::|$)"))
    for name, rx in [
        ("steps", r"trinh tu thuc hien|trinh tu, thu tuc thuc hien|trinh tu"),
        ("channels", r"cach thuc thuc hien|cach thuc nop ho so|cach thuc"),
        ("documents", r"thanh phan,? so luong ho so|thanh phan ho so|ho so"),
        ("doc_count", r"so luong ho so|so bo ho so"),
        ("time", r"thoi han giai quyet|thoi gian giai quyet|thoi han"),
        ("applicants", r"doi tuong thuc hien|doi tuong"),
        ("agency", r"co quan (?:thuc hien|giai quyet|co tham quyen(?: quyet dinh)?|tiep nhan ho so)"),
        ("result", r"ket qua (?:thuc hien|giai quyet|xu ly)|ket qua"),
        ("fee", r"phi,? le phi|le phi|phi"),
        ("forms", r"ten mau don,? (?:mau )?to khai|mau don,? (?:mau )?to khai|mau don|bieu mau"),
        ("requirements", r"yeu cau,? dieu kien(?: thuc hien)?|yeu cau|dieu kien"),
        ("legal_basis", r"can cu phap ly"),
        ("field", r"linh vuc"),
        ("level", r"cap thuc hien"),
        ("code", r"ma thu tuc|ma so thu tuc|ma tthc|ma so"),
        ("decision", r"so quyet dinh(?: cong bo)?|quyet dinh cong bo"),
        ("name", r"ten thu tuc(?: hanh chinh)?"),
    ]
]
_CORE = {"steps", "channels", "documents", "time", "agency", "result", "applicants", "fee", "legal_basis"}

_CODE = re.compile(r"\(?\s*Mã(?:\s+số)?(?:\s+thủ\s+tục|\s+TTHC)?\s*[:：]?\s*(\d+\.\d{3,}[0-9A-Za-z.\-]*)\s*\)?", re.I)
_START = re.compile(r"^(?:(?:\d+(?:\.\d+)*|[IVXLC]+)[.)]\s*)?(?:[-+•]\s*)?(?:Tên\s+thủ\s+tục\s*:\s*|Thủ\s+tục\s*:?\s*)(.+)$", re.I)
_LEVEL_GROUP = re.compile(r"^(?:[A-ZĐ][.)]\s*)?(?:DANH MỤC\s+)?THỦ TỤC HÀNH CHÍNH (?:THUỘC THẨM QUYỀN GIẢI QUYẾT\s+)?(?:CỦA\s+)?(CẤP\s+\S+(?:\s+\S+)?)", re.I)
_FIELD_GROUP = re.compile(r"^(?:[IVXLC]+|\d+)[.)]\s*(?:LĨNH VỰC\s*:?\s*)?(.+)$")
_PROVINCE = re.compile(r"(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\s+(?:TỈNH|THÀNH PHỐ)\s+(.+)$|UBND\s+(?:TỈNH|THÀNH PHỐ)\s+(.+)$", re.I)
_SO = re.compile(r"^\s*Số\s*[:.]\s*(\S+)")
_WITH_DECISION = re.compile(
    r"(?:Ban\s+hành\s+)?kèm\s+theo\s+(?:các\s+)?Quyết\s+định(?:\s+công\s+bố)?\s*(?:số\s*[:.]?\s*)?(.{1,80})", re.I
)
_MODES = (
    ("Trực tiếp", re.compile(r"truc tiep")),
    ("Dịch vụ bưu chính", re.compile(r"buu chinh|buu dien")),
    ("Trực tuyến", re.compile(r"truc tuyen|dich vu cong|qua mang|moi truong mang|dien tu")),
)


@dataclass
class _Section:
    name: str
    lines: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)


@dataclass
class _Draft:
    title: str
    page: Optional[int]
    sections: list[_Section] = field(default_factory=list)
    level: str = ""
    field_name: str = ""


def _match_heading(text: str) -> Optional[tuple[str, str]]:
    """Return (field, value after the label) when the line is a standard heading."""
    stripped = _PREFIX.sub("", text[:300]).strip().strip("*").strip()
    if len(text) > 300:
        stripped = _PREFIX.sub("", text).strip().strip("*").strip()
    folded = fold(stripped[:120])
    for name, rx in _HEADINGS:
        m = rx.match(folded)
        if m:
            value = stripped[m.end():].strip() if len(stripped) == len(folded) else _cut_after(stripped, folded, m.end())
            return name, value.strip().lstrip(":").strip()
    return None


def _cut_after(original: str, folded: str, pos: int) -> str:
    # fold() keeps one character per character for Vietnamese letters; fall back to the colon
    if len(original) == len(folded):
        return original[pos:]
    idx = original.find(":")
    return original[idx + 1:] if idx >= 0 else ""


def _procedure_start(text: str) -> Optional[str]:
    """The rest of a "1. Thủ tục ..." line, or None when the line does not start a procedure."""
    s = text.strip().strip("*").strip()
    m = _START.match(s)
    if not m:
        return None
    rest = m.group(1).strip()
    f = fold(rest)
    if not rest or f.startswith(("nay", "hanh chinh", "tthc", "do ", "duoc ", "la ", "va ", "theo ")):
        return None
    if re.match(r"^(?:[IVXLC]+|\d+)[.)]?\s", s) is None and not s[:1].isupper():
        return None
    if len(rest) > 400 or rest.endswith((";", ",")):
        return None
    head = s.split("Thủ tục", 1)[0] if "Thủ tục" in s else ""
    if head and not re.fullmatch(r"[\dIVXLC.)\s\-+•]*", head):
        return None
    return rest


def _clean_name(rest: str) -> tuple[str, str]:
    """Split a procedure title into (name, code)."""
    code = ""
    m = _CODE.search(rest)
    if m:
        code = m.group(1).rstrip(".")
        rest = (rest[:m.start()] + rest[m.end():]).strip()
    rest = re.sub(r"\s*[-–:]\s*$", "", rest).strip().strip("*").strip()
    rest = re.sub(r"^hành chính\s*:?\s*", "", rest, flags=re.I)
    letters = [c for c in rest if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        rest = rest.lower()
    return (rest[:1].upper() + rest[1:]).rstrip(" .;"), code


def _level_label(raw: str) -> str:
    f = fold(raw)
    for key, label in (("tinh", "Cấp tỉnh"), ("huyen", "Cấp huyện"), ("xa", "Cấp xã"),
                       ("trung uong", "Cấp trung ương"), ("bo", "Cấp bộ")):
        if re.search(rf"\b{key}\b", f):
            return label
    return normalize(raw).strip().capitalize()


def _field_label(raw: str) -> str:
    raw = raw.strip().strip(":").strip()
    letters = [c for c in raw if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        raw = raw.lower()
    return raw[:1].upper() + raw[1:]


def _is_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def looks_like_procedure_doc(blocks: list[Block]) -> bool:
    """True when the document has at least one "Thủ tục ..." section with standard headings."""
    starts = 0
    kinds: set[str] = set()
    for b in _split_lines(blocks):
        for line in b.text.split("\n"):
            if b.rows is None and _procedure_start(line):
                starts += 1
            h = _match_heading(line)
            if h and h[0] in _CORE:
                kinds.add(h[0])
    return starts >= 1 and len(kinds) >= 3


def _is_field_table(rows: list[list[str]]) -> bool:
    """A table whose first column holds the standard headings (one field per row)."""
    labels = [r[0].strip().rstrip(":") + ":" for r in rows if r and r[0].strip()]
    hits = {h[0] for lab in labels for h in [_match_heading(lab)] if h}
    return len(hits & (_CORE | {"name", "code"})) >= 3


def _split_lines(blocks: list[Block]) -> list[Block]:
    """One block per paragraph line; tables stay whole."""
    out: list[Block] = []
    for b in blocks:
        if b.rows is not None:
            if _is_field_table(b.rows):
                # a procedure laid out as a two-column table "Trình tự thực hiện | Bước 1 ..."
                for row in b.rows:
                    cells = [c for c in row if c.strip()]
                    if not cells:
                        continue
                    label = cells[0].strip().rstrip(":")
                    values = [ln.strip() for c in cells[1:] for ln in c.split("\n") if ln.strip()]
                    if values and _match_heading(label + ":") is not None:
                        out.append(Block(text=f"{label}: {values[0]}", page=b.page))
                        out.extend(Block(text=v, page=b.page) for v in values[1:])
                    else:
                        out.extend(Block(text=v, page=b.page) for v in [label, *values])
                continue
            out.append(b)
            continue
        for line in b.text.split("\n"):
            if line.strip():
                out.append(Block(text=line.strip(), bold=b.bold, page=b.page))
    return out


def _drafts(blocks: list[Block]) -> tuple[list[_Draft], list[str]]:
    """Cut the document into procedure drafts; also return the header lines before the first one."""
    lines = _split_lines(blocks)
    # accept a start only when at least two headings follow before the next start
    starts = [i for i, b in enumerate(lines) if b.rows is None and _procedure_start(b.text)]
    accepted: list[int] = []
    for k, i in enumerate(starts):
        nxt = starts[k + 1] if k + 1 < len(starts) else len(lines)
        kinds = {h[0] for b in lines[i + 1:nxt] if b.rows is None for h in [_match_heading(b.text)] if h}
        if len(kinds & _CORE) >= 3:
            accepted.append(i)
    acc = set(accepted)
    header: list[str] = []
    drafts: list[_Draft] = []
    level = field_name = ""
    current: Optional[_Draft] = None
    for i, b in enumerate(lines):
        if b.rows is not None:
            if current is None:
                header.extend(" | ".join(r) for r in b.rows)  # header tables: "Số: ... | ngày ..."
            else:
                if not current.sections:
                    current.sections.append(_Section("intro"))
                current.sections[-1].tables.append(b.rows)
            continue
        text = b.text
        if i in acc:
            current = _Draft(title=_procedure_start(text) or text, page=b.page, level=level, field_name=field_name)
            drafts.append(current)
            continue
        m = _LEVEL_GROUP.match(text)
        if m and _is_caps(text):
            level = _level_label(m.group(1))
            field_name = ""
            current = None if current is None else current
            continue
        fm = _FIELD_GROUP.match(text)
        if fm and _is_caps(text) and not _match_heading(text) and len(text) < 200:
            field_name = _field_label(fm.group(1))
            continue
        if current is None:
            header.append(text)
            continue
        h = _match_heading(text)
        if h:
            name, value = h
            if current.sections and current.sections[-1].name == "documents" and name == "documents":
                if value:
                    current.sections[-1].lines.append(value)
                continue
            if current.sections and current.sections[-1].name == name:
                current.sections[-1].lines.append(value) if value else None
                continue
            sec = _Section(name)
            if value:
                sec.lines.append(value)
            current.sections.append(sec)
            continue
        if not current.sections:
            if len(current.title) < 300 and not current.title.rstrip().endswith(")"):
                current.title += " " + text  # a title wrapped over two lines
                continue
            current.sections.append(_Section("intro"))
        current.sections[-1].lines.append(text)
    return drafts, header


def _header_info(header: list[str]) -> dict[str, str]:
    info = {"decision": "", "province": ""}
    for line in header[:80]:
        if not info["decision"]:
            m = _SO.match(line) or _WITH_DECISION.search(line)
            if m:
                nums = extract_doc_numbers(m.group(1))
                info["decision"] = nums[0] if nums else ""
        if not info["province"]:
            m = _PROVINCE.search(line)
            if m:
                name = (m.group(1) or m.group(2) or "").strip(" -–")
                name = re.split(r"\s{2,}|\s+CỘNG HÒA|\s*\|", name)[0].strip()
                if name:
                    info["province"] = " ".join(w[:1].upper() + w[1:].lower() for w in name.split())
    if not info["decision"]:
        # "(Kèm theo Quyết định số" / "2087/QĐ-UBND ngày ...)" wrapped over two lines
        m = _WITH_DECISION.search(re.sub(r"\s+", " ", " ".join(header[:80])))
        nums = extract_doc_numbers(m.group(1)) if m else []
        info["decision"] = nums[0] if nums else ""
    return info


def _table_kind(rows: list[list[str]]) -> str:
    if not rows:
        return ""
    head = fold(" ".join(rows[0]))
    if "hinh thuc nop" in head or ("hinh thuc" in head and "thoi han" in head):
        return "channels"
    if "so ky hieu" in head or "trich yeu" in head:
        return "legal_basis"
    if "ten giay to" in head or "ten ho so" in head or ("thanh phan" in head and "so luong" in head) \
            or ("giay to" in head and "so luong" in head):
        return "documents"
    return ""


def _col(head: list[str], *keys: str) -> Optional[int]:
    for j, cell in enumerate(head):
        f = fold(cell)
        if any(k in f for k in keys):
            return j
    return None


def _cell(row: list[str], j: Optional[int]) -> str:
    return row[j].strip() if j is not None and j < len(row) else ""


def _channels_from_table(rows: list[list[str]]) -> list[Channel]:
    head = rows[0]
    jc = _col(head, "hinh thuc")
    jt = _col(head, "thoi han", "thoi gian")
    jf = _col(head, "phi")
    jd = _col(head, "mo ta")
    out = []
    for row in rows[1:]:
        name = _cell(row, jc)
        if not name:
            continue
        out.append(Channel(channel=name, processing_time=parse_processing_time(_cell(row, jt)),
                           fee=parse_fee(_cell(row, jf)), description=_cell(row, jd)))
    return out


def _documents_from_table(rows: list[list[str]]) -> list[DossierDocument]:
    head = rows[0]
    jn = _col(head, "ten giay to", "ten ho so", "thanh phan", "giay to", "ten")
    jq = _col(head, "so luong")
    jm = _col(head, "mau")
    out = []
    for row in rows[1:]:
        name = _cell(row, jn)
        if name and not is_empty_value(name):
            out.append(DossierDocument(name=name, quantity=parse_quantity(_cell(row, jq)), form=_cell(row, jm)))
    return out


def _legal_from_table(rows: list[list[str]]) -> list[LegalBasis]:
    head = rows[0]
    jn = _col(head, "so ky hieu", "so hieu")
    jt = _col(head, "trich yeu", "ten van ban")
    jd = _col(head, "ngay ban hanh", "ngay")
    out = []
    for row in rows[1:]:
        number, title = _cell(row, jn), _cell(row, jt)
        if number or title:
            nums = extract_doc_numbers(number) if number else []
            out.append(LegalBasis(number=nums[0] if nums else number, title=title,
                                  date=extract_date(_cell(row, jd)) or _cell(row, jd)))
    return out


_QTY_UNITS = r"(?:bản|bộ|ảnh|tờ|cuốn|quyển|tập|trang|chiếc)(?![^\W\d_])"
_QTY_TAIL = re.compile(
    rf"\s*[:：\-–]\s*(\d+\s*{_QTY_UNITS}[^;]*)$|\s*\((\d+\s*{_QTY_UNITS}[^)]*)\)\s*$", re.I
)
_FORM_REF = re.compile(r"\(?\s*(?:theo\s+)?(Mẫu(?:\s+số)?\s+[\w./-]+[^);]*)\)?", re.I)


_QTY_BRACKET = re.compile(rf"\(\s*(\d+\s*{_QTY_UNITS}[^()]*)\)", re.I)
_FORM_IN_QTY = re.compile(r"\s*[,;]\s*(?:(?:theo|kèm theo)\s+)?(?=Mẫu\b)", re.I)


def _document_from_item(item: str) -> DossierDocument:
    """One dossier paper: the quantity "(01 bản chính)" / ": 01 bản sao" and the form
    reference "(theo Mẫu số 01)" are taken out of the name (quantity anywhere in brackets)."""
    name = item.strip().rstrip(";.").strip()
    quantity = form = ""
    m = _QTY_TAIL.search(name)
    if m:
        quantity = m.group(1) or m.group(2)
        name = name[:m.start()].strip()
    else:
        brackets = list(_QTY_BRACKET.finditer(name))
        if brackets:  # "Tờ khai (01 bản chính) theo Mẫu số 01"
            b = brackets[-1]
            quantity = b.group(1)
            name = re.sub(r"\s{2,}", " ", (name[:b.start()] + " " + name[b.end():]).strip())
    if quantity:
        parts = _FORM_IN_QTY.split(quantity, maxsplit=1)  # "(01 bản chính, theo Mẫu số 01)"
        quantity = parse_quantity(parts[0].strip(" ,;"))
        if len(parts) > 1:
            form = parts[1].strip().rstrip(".;)")
    f = _FORM_REF.search(name)
    if f and not form:
        form = f.group(1).strip().rstrip(".;")
    return DossierDocument(name=name.strip(" ,;"), quantity=quantity, form=form)


_NONE = {"khong", "khong co", "khong quy dinh", "khong yeu cau", "khong co yeu cau", "khong co mau", "khong quy dinh mau"}


def _items(text: str) -> list[str]:
    """split_items, dropping explicit "Không" answers."""
    return [x.rstrip(" .") for x in split_items(text) if fold(x).strip(" .;:+-") not in _NONE]


def _channels_from_text(text: str, time_text: str, fee_text: str) -> list[Channel]:
    f = fold(text)
    time = parse_processing_time(time_text) if time_text else None
    fee = parse_fee(fee_text) if fee_text else None
    out = []
    for label, rx in _MODES:
        if rx.search(f):
            out.append(Channel(channel=label, processing_time=time, fee=fee, description=""))
    return out


def _draft_to_procedure(d: _Draft, info: dict[str, str], source_file: str, index: int) -> Procedure:
    name, code = _clean_name(d.title)
    p = Procedure(name=name, code=code, level=d.level, field=d.field_name, decision=info.get("decision", ""),
                  province=info.get("province", ""), source=Source(file=source_file, page=d.page, record=index))
    texts: dict[str, str] = {}
    tables: dict[str, list[list[list[str]]]] = {}
    for sec in d.sections:
        t = "\n".join(ln for ln in sec.lines if ln).strip()
        if t:
            texts[sec.name] = (texts[sec.name] + "\n" + t) if sec.name in texts else t
        for rows in sec.tables:
            kind = _table_kind(rows) or sec.name
            tables.setdefault(kind, []).append(rows)
    if texts.get("code"):
        m = re.search(r"\d+\.\d{3,}[0-9A-Za-z.\-]*", texts["code"])
        if m:
            p.code = p.code or m.group(0).rstrip(".")
    if texts.get("name") and not p.name:
        p.name = texts["name"].split("\n")[0]
    if texts.get("field"):
        p.field = _field_label(texts["field"].split("\n")[0].rstrip("."))
    if texts.get("level"):
        p.level = _level_label(texts["level"].split("\n")[0])
    if texts.get("decision"):
        nums = extract_doc_numbers(texts["decision"])
        p.decision = nums[0] if nums else texts["decision"].split("\n")[0]
    p.steps = split_steps(texts.get("steps", ""))
    p.time_text = " ".join(texts.get("time", "").split("\n")).strip()
    p.fee_text = " ".join(texts.get("fee", "").split("\n")).strip()
    p.applicants = " ".join(texts.get("applicants", "").split("\n")).strip().rstrip(".")
    p.agency = " ".join(texts.get("agency", "").split("\n")).strip().rstrip(".")
    p.result = " ".join(texts.get("result", "").split("\n")).strip().rstrip(".")
    p.requirements = _items(texts.get("requirements", ""))
    p.forms = _items(texts.get("forms", ""))
    for rows in tables.get("channels", []):
        p.channels.extend(_channels_from_table(rows))
    if not p.channels and texts.get("channels"):
        p.channels = _channels_from_text(texts["channels"], p.time_text, p.fee_text)
    for rows in tables.get("documents", []):
        p.documents.extend(_documents_from_table(rows))
    if not p.documents and texts.get("documents"):
        doc_lines = [ln for ln in texts["documents"].split("\n")
                     if not re.match(r"^\s*(?:[a-zđ][.)]\s*)?(?:Thành phần hồ sơ|Số lượng hồ sơ)\b", ln, re.I)]
        p.documents = [_document_from_item(x) for x in split_items("\n".join(doc_lines))]
    for rows in tables.get("legal_basis", []):
        p.legal_basis.extend(_legal_from_table(rows))
    if not p.legal_basis and texts.get("legal_basis"):
        p.legal_basis = parse_legal_basis_text(texts["legal_basis"])
    for key in ("time_text", "fee_text", "applicants", "agency", "result"):
        if is_empty_value(getattr(p, key)):
            setattr(p, key, "")
    return p


def parse_procedure_blocks(blocks: list[Block], source_file: str = "") -> list[Procedure]:
    """Read every procedure of a publication document.

    Args:
        blocks: paragraphs/lines (with page numbers for PDFs) and tables, in order.
        source_file: path recorded in ``Source.file``.

    Returns:
        One Procedure per "Thủ tục ..." section that has standard headings (``source.record``
        is its position, ``source.page`` the page where it starts).
    """
    drafts, header = _drafts(blocks)
    info = _header_info(header)
    return [_draft_to_procedure(d, info, source_file, k) for k, d in enumerate(drafts)]


def text_to_blocks(text: str, page: Optional[int] = None, *, normalized: bool = False) -> list[Block]:
    """Plain text → one Block per non-empty line (Markdown bold markers removed).

    Args:
        text: the text.
        page: page number recorded on every block.
        normalized: the text already went through ``normalize``.
    """
    out = []
    for line in (text if normalized else normalize(text)).split("\n"):
        line = line.strip().replace("**", "")
        line = re.sub(r"^#{1,6}\s*", "", line)
        if line:
            out.append(Block(text=line, page=page))
    return out


__all__ = ["looks_like_procedure_doc", "parse_procedure_blocks", "text_to_blocks"]
