"""Regulation text → one ``LegalUnit`` per Điều (article), and khoản/điểm units on demand.

Handles ordinary documents (header "Số: 63/2010/NĐ-CP", "NGHỊ ĐỊNH" + title,
"Hà Nội, ngày 08 tháng 06 năm 2010", "Ban hành kèm theo Quyết định số ..."),
Markdown exports (bold markers, tables, headings) and Pháp điển exports, whose
articles "Điều 19.8.QĐ.3.1. Title" are followed by a note naming the source
document: "(Điều 1 Quyết định số 19/2014/QĐ-TTg Về việc ... ngày 05/03/2014 của
Thủ tướng Chính phủ, có hiệu lực ...)". Notes "(Điều này có nội dung liên quan
đến ...)" and the heading index at the end of a Pháp điển file are dropped.

PDF page breaks are given as form-feed characters ("\\f") in the text; a unit's
``source.page`` is the page where its Điều starts.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from indexer.records import LegalUnit, Source
from indexer.vietnamese import fold, normalize

DOC_TYPES = (
    "Thông tư liên tịch", "Nghị quyết liên tịch", "Nghị định", "Nghị quyết", "Quyết định", "Thông tư",
    "Luật", "Bộ luật", "Pháp lệnh", "Lệnh", "Chỉ thị", "Quy chế", "Quy định", "Hiến pháp",
    "Kế hoạch", "Hướng dẫn", "Công văn", "Thông báo",
)
_DOC_TYPE_RE = "|".join(sorted(DOC_TYPES, key=len, reverse=True))
_DOC_TYPE_UPPER = {t.upper(): t for t in DOC_TYPES}

# doc-number suffix → document type
_SUFFIX_TYPES = (
    ("TTLT", "Thông tư liên tịch"), ("NQLT", "Nghị quyết liên tịch"), ("NĐ", "Nghị định"),
    ("NQ", "Nghị quyết"), ("QĐ", "Quyết định"), ("TT", "Thông tư"), ("CT", "Chỉ thị"),
    ("QH", "Luật"), ("UBTVQH", "Pháp lệnh"), ("L-CTN", "Lệnh"), ("KH", "Kế hoạch"),
)

DOC_NUMBER = r"\d+(?:\.\d+)?(?:/\d{4})?/[A-ZĐ][A-ZĐa-zđ0-9]*(?:[-–][A-ZĐ0-9][A-ZĐa-zđ0-9]*)*"
_DOC_NUMBER_RE = re.compile(DOC_NUMBER)
CODIFIED_ID = r"\d+\.\d+\.[A-ZĐ]+\.\d+(?:\.\d+)*[a-zđ]?"

_ROMAN = r"[IVXLC]+"
_PART = re.compile(rf"^(?:Phần|PHẦN)\s+(thứ\s+\S+|THỨ\s+\S+|{_ROMAN}|\d+)\b\.?\s*[:.\-–]?\s*(.*)$")
_CHAPTER = re.compile(rf"^(?:Chương|CHƯƠNG)\s+({_ROMAN}|\d+[a-z]?)\b\.?\s*[:.\-–]?\s*(.*)$")
_SECTION = re.compile(rf"^(?:Mục|MỤC)\s+(\d+|{_ROMAN})\b\.?\s*[:.\-–]?\s*(.*)$")
_CODIFIED_ARTICLE = re.compile(rf"^(?:Điều|ĐIỀU)\s+({CODIFIED_ID})\.?\s*(.*)$")
_ARTICLE = re.compile(r"^(?:Điều|ĐIỀU)\s+(\d+[a-zđ]?)\s*(?:[.:]\s*(.*))?$")
_CLAUSE = re.compile(r"^(\d+[a-zđ]?)[.)]\s+(?=\S)")
_POINT = re.compile(r"^([a-zđ](?:\d)?)\)\s*(?=\S)")

_SOURCE_NOTE = re.compile(
    r"^\((?:(?:Điểm|điểm)\s+\S+\s+)?(?:(?:Khoản|khoản)\s+\S+\s+)?Điều\s+(\d+[a-zđ]?)\s+"
    rf"({_DOC_TYPE_RE})\s+(?:số\s+)?({DOC_NUMBER})(.*)\)\s*$",
    re.S,
)
_NOTE_DATE = re.compile(r"\s+ngày\s+(\d{1,2}/\d{1,2}/\d{4})\s+của\s+(.*?)(?:,\s*có hiệu lực.*)?$", re.S)
_RELATED_NOTE = re.compile(
    r"\((?:Điều|Chương|Mục|Phần|Khoản|Điểm|Tiểu mục)\s+này\s+có\s+nội\s+dung\s+liên\s+quan\s+đến", re.I
)
_NOTE_STOP = re.compile(rf"\n(?=(?:Điều\s+{CODIFIED_ID}\.\s|Chương\s+[IVXLC]+\s*\n))")
_GLUED_CODIFIED = re.compile(rf"(?<=[.;:)”\"…])[ \t]*(?=(?:Điều)\s+{CODIFIED_ID}\.\s)")
_GLUED_CHAPTER = re.compile(rf"(?<=[.;:)”\"])[ \t]*(?=Chương\s+{_ROMAN}\s*$)", re.M)
_DATE_WORDS = re.compile(r"(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
_DATE_NUM = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_ATTACHED = re.compile(
    rf"(?:Ban hành|ban hành)\s+kèm\s+theo\s+({_DOC_TYPE_RE})\s+(?:số\s+)?({DOC_NUMBER})"
    r"(?:\s+ngày\s+(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?",
    re.I,
)
_ISSUER = re.compile(
    r"^(CHÍNH PHỦ|THỦ TƯỚNG|BỘ TRƯỞNG|ỦY BAN|UỶ BAN|CHỦ TỊCH|QUỐC HỘI|HỘI ĐỒNG|GIÁM ĐỐC|BAN CHẤP HÀNH|"
    r"TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|THỐNG ĐỐC|VIỆN TRƯỞNG|CHÁNH ÁN|TỔNG KIỂM TOÁN|BỘ\s)"
)
_NOT_TITLE = re.compile(
    r"^(?:\(|Căn cứ|Xét |Theo đề nghị|Chương|CHƯƠNG|Phần|PHẦN|Mục|MỤC|Điều|ĐIỀU|Số\s*:|[^,]*,\s*ngày\s+\d)", re.I
)
_SO = re.compile(rf"(?:^|\|)\s*Số\s*(?:hiệu)?\s*[:.]\s*({DOC_NUMBER})", re.M)


def doc_type_from_number(number: str) -> str:
    """Guess the document type from the suffix of its number ("63/2010/NĐ-CP" → "Nghị định")."""
    parts = number.split("/")
    tail = parts[-1] if parts else ""
    code = re.split(r"[-–]", tail)[0].upper() if tail else ""
    for suffix, name in _SUFFIX_TYPES:
        if code == suffix or (suffix == "QH" and code.startswith("QH")):
            return name
    return ""


def make_citation(article: str, doc_type: str, doc_number: str, doc_title: str = "",
                  clause: str = "", point: str = "", attached_to: str = "") -> str:
    """Citation ready to paste: "Điều 5 khoản 2 điểm a, Quyết định 19/2014/QĐ-TTg".

    Args:
        article, clause, point: the unit's numbers ("" when absent).
        doc_type, doc_number, doc_title: the document.
        attached_to: for a regulation issued with a decision, e.g. "Quyết định 123/QĐ-SNV".
    """
    head = f"Điều {article}" if article else ""
    if clause:
        head += f" khoản {clause}"
    if point:
        head += f" điểm {point}"
    if attached_to:
        doc = f"{doc_type or 'Văn bản'} ban hành kèm theo {attached_to}"
    elif doc_number:
        doc = f"{doc_type} {doc_number}".strip()
    else:
        doc = " ".join(x for x in (doc_type, doc_title) if x)
    return ", ".join(x for x in (head, doc) if x)


def _date_text(s: str) -> str:
    m = _DATE_WORDS.search(s)
    if m:
        return f"{int(m.group(1)):02d}/{int(m.group(2)):02d}/{m.group(3)}"
    m = _DATE_NUM.search(s)
    if m:
        return f"{int(m.group(1)):02d}/{int(m.group(2)):02d}/{m.group(3)}"
    return ""


def _is_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


_KEEP_UPPER = {"ISO", "TCVN", "QCVN", "UBND", "HĐND", "TTHC", "CNTT", "VPCP", "CP", "QH", "BTP", "BNV", "BTC",
               "ISO/IEC", "IEC", "ASEAN", "WTO", "XHCN", "CHXHCN"}
_PLACE_WORD = re.compile(r"(?:^|\s)(tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường)\s+$")
_NOT_NAME = {"và", "về", "của", "trong", "trên", "tại", "theo", "năm", "giai", "đoạn", "đến", "từ", "cho", "với",
             "thuộc", "các", "có", "được", "nhằm", "để", "khi", "đối", "ban", "hành", "quy", "định"}


def sentence_case(s: str) -> str:
    """"VỀ KIỂM SOÁT THỦ TỤC" → "Về kiểm soát thủ tục" (only for all-capital text).

    Acronyms ("ISO", "TCVN", "UBND") and the words of a place name after "tỉnh",
    "thành phố", "huyện", "xã", ... keep their capitals ("TỈNH AN LẠC" → "tỉnh An Lạc").
    """
    s = s.strip()
    if not _is_caps(s):
        return s
    out: list[str] = []
    in_name = 0
    for tok in re.split(r"(\s+)", s):
        if not tok or tok.isspace():
            out.append(tok)
            continue
        core = tok.strip("().,;:\"'“”")
        low = tok.lower()
        prev = "".join(out).lower().split()[-1:] or [""]
        if core in _KEEP_UPPER or (re.search(r"\d", core) and re.search(r"[/-]", core)) or (
            re.fullmatch(r"[IVXLC]+", core) and prev[0] in ("chương", "phần", "mục", "lục")
        ):
            out.append(tok)
            in_name = 0
            continue
        if in_name and core.lower() not in _NOT_NAME:
            out.append(low[:1].upper() + low[1:])
            in_name = in_name - 1 if not re.search(r"[,;:.)]$", tok) else 0
            continue
        in_name = 0
        out.append(low)
        if _PLACE_WORD.search("".join(out).lower() + " ") and not re.search(r"[,;:.)]$", tok):
            in_name = 4
    text = "".join(out)
    return text[:1].upper() + text[1:]


# --- pre-processing -----------------------------------------------------------------------


def _remove_related_notes(text: str) -> str:
    """Drop "(Điều này có nội dung liên quan đến ...)" notes (balanced parentheses)."""
    out: list[str] = []
    pos = 0
    for m in _RELATED_NOTE.finditer(text):
        if m.start() < pos:
            continue
        stop = _NOTE_STOP.search(text, m.end())
        limit = stop.start() if stop else len(text)
        depth = 0
        end = -1
        for i in range(m.start(), limit):
            ch = text[i]
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    end = i + 1
                    break
        if end < 0:  # unbalanced: the note runs to the end of its paragraph
            end = limit
        out.append(text[pos:m.start()])
        out.append("\n")
        pos = end
    out.append(text[pos:])
    return "".join(out)


_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _markdown_to_lines(text: str) -> str:
    """Remove Markdown decoration: front matter, #, **bold**, *italics*, links; tables → cells."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if 0 < end < 5000:
            text = text[end + 4:]
    lines: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if line.startswith("#"):
            if fold(line).startswith("## danh sach dieu khoan"):
                break  # Pháp điển heading index: repeated headings, not content
            if re.fullmatch(r"#{1,6}\s*\d{8,}", line):
                continue
            line = re.sub(r"^#{1,6}\s*", "", line)
        if line.startswith("|"):
            if re.fullmatch(r"[|\s:\-]+", line):
                continue
            for cell in line.strip("|").split("|"):
                cell = cell.strip()
                if cell:
                    lines.append(cell.replace("**", "").replace("*", ""))
            continue
        if "](" in line:
            line = _MD_LINK.sub(r"\1", line)
        if "*" in line or "__" in line:
            if line.startswith("* "):
                line = "- " + line[2:]
            line = line.replace("**", "").replace("__", "").replace("*", "")
        lines.append(line.strip())
    return "\n".join(lines)


def prepare_text(text: str, *, markdown: bool = False, normalized: bool = False) -> str:
    """Normalise and clean a regulation text before splitting (see module docstring).

    Args:
        text: raw text.
        markdown: strip Markdown decoration (also detected automatically).
        normalized: the text already went through ``normalize`` (skip it: it is slow on big files).
    """
    if not normalized:
        text = normalize(text)
    if markdown or "**" in text or "\n#" in text or text.startswith("#"):
        text = _markdown_to_lines(text)
    text = _remove_related_notes(text)
    text = _GLUED_CODIFIED.sub("\n", text)
    text = _GLUED_CHAPTER.sub("\n", text)
    return text


# --- header -------------------------------------------------------------------------------


def parse_header(lines: list[str]) -> dict[str, str]:
    """Document number, type, title, date and "ban hành kèm theo" from the lines before the first Điều.

    Returns:
        dict with doc_number, doc_type, doc_title, issued, attached_to ("" when absent).
    """
    info = {"doc_number": "", "doc_type": "", "doc_title": "", "issued": "", "attached_to": ""}
    joined = "\n".join(lines)
    m = _SO.search(joined)
    if m:
        info["doc_number"] = m.group(1).replace("–", "-")
    for line in lines:
        if not info["issued"] and re.search(r",\s*ngày\s+\d{1,2}\s+tháng", line):
            info["issued"] = _date_text(line)
    m = _ATTACHED.search(joined)
    if m:
        number = m.group(2).replace("–", "-")
        info["attached_to"] = f"{m.group(1)[:1].upper()}{m.group(1)[1:].lower()} {number}"
        if not info["doc_number"]:
            info["doc_number"] = number
        if m.group(3) and not info["issued"]:
            info["issued"] = _date_text(m.group(3))
    # type + title: an all-capital type line ("NGHỊ ĐỊNH", "QUY CHẾ") followed by title lines
    for i, line in enumerate(lines):
        bare = line.strip().rstrip(":").strip()
        if bare in _DOC_TYPE_UPPER and not re.search(r"CỘNG HÒA", bare):
            title_lines: list[str] = []
            for nxt in lines[i + 1:i + 6]:
                nxt = nxt.strip()
                if not nxt:
                    if title_lines:
                        break
                    continue
                if _ISSUER.match(nxt) or nxt.rstrip(":").strip() in _DOC_TYPE_UPPER or _NOT_TITLE.match(nxt):
                    break
                if title_lines and not (_is_caps(nxt) and _is_caps(title_lines[-1])) and not nxt[:1].islower():
                    break  # a sentence-case title is one line (unless it wraps mid-sentence); capitals may wrap
                cut = re.split(r"\s*\((?:Ban hành\s+)?kèm theo", nxt, maxsplit=1, flags=re.I)[0].strip()
                if not cut or len(cut) > 400:
                    break
                title_lines.append(cut)
                if cut != nxt:
                    break
            if info["attached_to"] or not info["doc_type"]:
                info["doc_type"] = _DOC_TYPE_UPPER[bare]
                if title_lines:
                    info["doc_title"] = sentence_case(" ".join(title_lines))
            if not info["attached_to"]:
                break
    if not info["doc_type"] and info["doc_number"]:
        info["doc_type"] = doc_type_from_number(info["doc_number"])
    return info


def parse_source_note(note: str) -> Optional[dict[str, str]]:
    """Parse a Pháp điển source note "(Điều 1 Quyết định số 19/2014/QĐ-TTg Về việc ... ngày ... của ..., có hiệu lực ...)".

    Returns:
        dict with article, doc_type, doc_number, doc_title, issued, issuer (title/date/issuer ""
        in the short form), or None when the text is not such a note.
    """
    m = _SOURCE_NOTE.match(note.strip())
    if not m:
        return None
    rest = m.group(4).strip()
    title = issued = issuer = ""
    if rest and not rest.startswith(","):
        d = _NOTE_DATE.search(rest)
        if d:
            title = rest[:d.start()].strip(" ,")
            issued = _date_text(d.group(1))
            issuer = d.group(2).strip(" ,")
        else:
            title = re.split(r",\s*có hiệu lực", rest)[0].strip(" ,")
    return {
        "article": m.group(1), "doc_type": m.group(2), "doc_number": m.group(3).replace("–", "-"),
        "doc_title": title, "issued": issued, "issuer": issuer,
    }


# --- splitting ----------------------------------------------------------------------------


def _label(kind: str, number: str, title: str) -> str:
    title = sentence_case(title.strip(" .:-–"))
    return f"{kind} {number}. {title}" if title else f"{kind} {number}"



def _with_title(pending: str, line: str, part: str, chapter: str, section: str) -> tuple[str, str, str]:
    """Append a title line to the Phần / Chương / Mục label that is waiting for it."""
    title = sentence_case(line)
    if pending == "part":
        return f"{part}. {title}", chapter, section
    if pending == "chapter":
        return part, f"{chapter}. {title}", section
    return part, chapter, f"{section}. {title}"


def parse_regulation(
    text: str,
    source_file: str = "",
    *,
    meta: Optional[dict[str, str]] = None,
    paged: bool = False,
    markdown: bool = False,
    normalized: bool = False,
) -> list[LegalUnit]:
    """Split a regulation into one ``LegalUnit`` per Điều.

    Args:
        text: the document text (PDF pages separated by "\\f").
        source_file: path recorded in ``Source.file``.
        meta: known document info (doc_number, doc_type, doc_title, issued) that wins over the header.
        paged: the text comes from a PDF; pages are counted on "\\f".
        markdown: strip Markdown decoration (also detected automatically).
        normalized: the text already went through ``indexer.vietnamese.normalize``.

    Returns:
        Articles in document order; an empty list when the text has no Điều.
    """
    related_titles = _titles_in_related_notes(text)
    text = prepare_text(text, markdown=markdown, normalized=normalized)
    lines = text.split("\n")
    first_article = next(
        (i for i, ln in enumerate(lines) if _ARTICLE.match(ln.strip()) or _CODIFIED_ARTICLE.match(ln.strip())),
        None,
    )
    if first_article is None:
        return []
    header = parse_header(lines[:first_article])
    for key, value in (meta or {}).items():
        if value and not (header.get("attached_to") and key in ("doc_type", "doc_title", "issued")):
            header[key] = value
    if not header.get("doc_type") and header.get("doc_number"):
        header["doc_type"] = doc_type_from_number(header["doc_number"])

    units: list[LegalUnit] = []
    known_docs: dict[str, dict[str, str]] = {}
    part = chapter = section = ""
    pending: Optional[str] = None  # "part" / "chapter" / "section" waiting for its title line
    current: Optional[dict] = None
    body: list[str] = []
    page = 1
    last_plain_article = 0

    def flush() -> None:
        nonlocal current, body
        if current is None:
            return
        body_text = "\n".join(body).strip()
        body_text = re.sub(r"\n{3,}", "\n\n", body_text)
        doc = current["doc"]
        units.append(
            LegalUnit(
                doc_number=doc.get("doc_number", ""),
                doc_type=doc.get("doc_type", ""),
                doc_title=doc.get("doc_title", ""),
                issued=doc.get("issued", ""),
                part=current["part"], chapter=current["chapter"], section=current["section"],
                article=current["article"], article_title=current["title"],
                citation=make_citation(current["article"], doc.get("doc_type", ""), doc.get("doc_number", ""),
                                       doc.get("doc_title", ""), attached_to=doc.get("attached_to", "")),
                text=body_text,
                codified_id=current["codified"],
                source=Source(file=source_file, page=current["page"] if paged else None),
            )
        )
        current = None
        body = []

    # pick up the Phần/Chương/Mục headings just before the first article
    for ln in lines[:first_article]:
        s = ln.strip()
        if _PART.match(s):
            m = _PART.match(s)
            part, pending = _label("Phần", m.group(1), m.group(2)), ("part" if not m.group(2) else None)
            chapter = section = ""
        elif _CHAPTER.match(s):
            m = _CHAPTER.match(s)
            chapter, pending = _label("Chương", m.group(1), m.group(2)), ("chapter" if not m.group(2) else None)
            section = ""
        elif _SECTION.match(s):
            m = _SECTION.match(s)
            section, pending = _label("Mục", m.group(1), m.group(2)), ("section" if not m.group(2) else None)
        elif s and pending:
            if _is_caps(s) or len(s) < 200:
                part, chapter, section = _with_title(pending, s, part, chapter, section)
            pending = None
    page += sum(ln.count("\f") for ln in lines[:first_article])
    i = first_article
    expect_note = False
    while i < len(lines):
        raw = lines[i]
        if "\f" in raw:
            page += raw.count("\f")
            raw = raw.replace("\f", "")
        s = raw.strip()
        i += 1
        if not s:
            if current is not None and body and body[-1] != "":
                body.append("")
            continue
        if pending:
            if _is_caps(s) and not (_ARTICLE.match(s) or _CODIFIED_ARTICLE.match(s)):
                part, chapter, section = _with_title(pending, s, part, chapter, section)
                pending = None
                continue
            pending = None
        if current is not None and not current["codified"] and "kèm theo" in s and _ATTACHED.search(s):
            start = _attached_doc_start(lines, i - 1)
            if start is not None:
                # a regulation issued with the decision ("QUY CHẾ ... (Ban hành kèm theo Quyết định số ...)")
                # starts here; its articles replace the decision's own boilerplate articles
                type_line = lines[start].strip()
                while body and body[-1].strip() != type_line:
                    body.pop()
                if body:
                    body.pop()
                current = None
                body = []
                if not header.get("attached_to"):
                    units.clear()  # the decision's own articles (a second attached text keeps the first)
                sub = parse_header([ln.replace("\f", "") for ln in lines[start:i]])
                header = {**header, **{k: v for k, v in sub.items() if v}}
                last_plain_article = 0
                part = chapter = section = ""
                pending = None
                continue
        m = _CODIFIED_ARTICLE.match(s)
        if m:
            flush()
            title = m.group(2).strip()
            note_in_title = title.find("(Điều ")
            carry = ""
            if note_in_title > 0:
                title, carry = title[:note_in_title].strip(), title[note_in_title:]
            current = {
                "article": m.group(1), "title": title.rstrip(" ."), "codified": m.group(1),
                "doc": {"doc_title": header.get("doc_title", "")}, "page": page,
                "part": part, "chapter": chapter, "section": section,
            }
            expect_note = True
            if carry:
                lines.insert(i, carry)
            continue
        m = _ARTICLE.match(s)
        if m and not (current is not None and current["codified"]):  # Pháp điển: only codified headings
            number = m.group(1)
            num_val = int(re.match(r"\d+", number).group(0))
            if num_val > last_plain_article or current is None or num_val == 1 and not units:
                flush()
                last_plain_article = num_val
                title = (m.group(2) or "").strip().rstrip(" .")
                start_page = page
                if not title:  # "Điều 1." with its title on the next line
                    k = i
                    while k < len(lines) and not lines[k].replace("\f", "").strip():
                        k += 1
                    nxt = lines[k].replace("\f", "").strip() if k < len(lines) else ""
                    if nxt and len(nxt) < 200 and not (_CLAUSE.match(nxt) or _POINT.match(nxt)) and (
                        _is_caps(nxt) or not nxt.endswith((".", ":", ";"))
                    ) and not (_ARTICLE.match(nxt) or _CHAPTER.match(nxt) or _SECTION.match(nxt)):
                        title = sentence_case(nxt).rstrip(" .")
                        page += sum(ln.count("\f") for ln in lines[i:k + 1])
                        i = k + 1
                current = {
                    "article": number, "title": title, "codified": "",
                    "doc": header, "page": start_page, "part": part, "chapter": chapter, "section": section,
                }
                expect_note = False
                continue
        if expect_note and current is not None and s.startswith("(Điều"):
            note, rest, used = _take_note(s, lines, i)
            info = parse_source_note(note)
            if info is not None:
                i += used
                if rest:
                    body.append(rest)
                known = known_docs.setdefault(info["doc_number"], {})
                for key in ("doc_type", "doc_title", "issued"):
                    if info[key]:
                        known[key] = info[key]
                current["doc"] = {
                    "doc_number": info["doc_number"],
                    "doc_type": known.get("doc_type", info["doc_type"]),
                    "doc_title": known.get("doc_title", ""),
                    "issued": known.get("issued", ""),
                }
                current["article"] = info["article"]
                expect_note = False
                continue
        expect_note = False
        mp, mc, ms = _PART.match(s), _CHAPTER.match(s), _SECTION.match(s)
        if mp or mc or ms:
            if current is not None and (current["codified"] or _heading_context(lines, i)):
                flush()
            elif current is not None:
                body.append(s)
                continue
            if mp:
                part, pending = _label("Phần", mp.group(1), mp.group(2)), (None if mp.group(2) else "part")
                chapter = section = ""
            elif mc:
                chapter, pending = _label("Chương", mc.group(1), mc.group(2)), (None if mc.group(2) else "chapter")
                section = ""
            else:
                section, pending = _label("Mục", ms.group(1), ms.group(2)), (None if ms.group(2) else "section")
            continue
        if current is not None:
            body.append(s)
    flush()
    for number, found in related_titles.items():
        known = known_docs.setdefault(number, {})
        for key, value in found.items():
            known.setdefault(key, value)
    _backfill_known_docs(units, known_docs)
    return units


_RELATED_TITLE = re.compile(
    r"của\s+(?:Thông tư liên tịch|Thông tư|Nghị định|Quyết định|Nghị quyết|Luật|Pháp lệnh)\s+(?:số\s+)?"
    r"(\d[\w.]*/[\w/.\-–]+)\s+([^;()]{5,400}?)\s+ban hành ngày\s+(\d{1,2}/\d{1,2}/\d{4})"
)


def _titles_in_related_notes(text: str) -> dict[str, dict[str, str]]:
    """Pháp điển "(Điều này có nội dung liên quan đến ... của Thông tư 21/2016/TT-BGTVT Quy định về ...
    ban hành ngày 25/08/2016)" notes: document number → {doc_title, issued}."""
    out: dict[str, dict[str, str]] = {}
    if "liên quan đến" not in text:
        return out
    for m in _RELATED_TITLE.finditer(normalize(text)):
        number = m.group(1).replace("–", "-").rstrip(".,")
        out.setdefault(number, {"doc_title": m.group(2).strip(" ,"), "issued": _date_text(m.group(3))})
    return out


def _backfill_known_docs(units: list[LegalUnit], known_docs: dict[str, dict[str, str]]) -> None:
    """Pháp điển: a short note "(Điều 45 Thông tư số 21/2016/TT-BGTVT, ...)" carries no title; fill the
    title/date learnt from a later full note of the same document (citation rebuilt)."""
    for u in units:
        known = known_docs.get(u.doc_number) if u.codified_id else None
        if not known or (u.doc_title and u.issued):
            continue
        changed = False
        for key in ("doc_title", "issued"):
            if not getattr(u, key) and known.get(key):
                setattr(u, key, known[key])
                changed = True
        if changed:
            u.citation = make_citation(u.article, u.doc_type, u.doc_number, u.doc_title)


def _take_note(first: str, lines: list[str], i: int) -> tuple[str, str, int]:
    """Gather a parenthesised note starting at ``first`` (it may run over a few lines).

    Returns:
        (note including its parentheses, text glued after the closing parenthesis, lines consumed).
    """
    text = first
    used = 0
    while True:
        depth = 0
        for k, ch in enumerate(text):
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return text[: k + 1], text[k + 1:].strip(), used
        if used >= 4 or i + used >= len(lines) or not lines[i + used].strip():
            return text, "", 0
        text += " " + lines[i + used].strip()
        used += 1


_ATTACHED_TYPES = {"QUY CHẾ", "QUY ĐỊNH", "ĐIỀU LỆ", "HƯỚNG DẪN", "KẾ HOẠCH", "CHƯƠNG TRÌNH", "QUY TRÌNH"}


def _attached_doc_start(lines: list[str], i: int) -> Optional[int]:
    """Index of the "QUY CHẾ"/"QUY ĐỊNH" line just above a "Ban hành kèm theo ..." line, if any."""
    seen = 0
    k = i - 1
    while k >= 0 and seen < 6:
        s = lines[k].replace("\f", "").strip().strip("*").strip()
        if s:
            seen += 1
            if s.rstrip(":") in _ATTACHED_TYPES:
                return k
        k -= 1
    return None


def _heading_context(lines: list[str], i: int) -> bool:
    """A Chương/Mục/Phần line is a real heading when an article heading follows soon."""
    for ln in lines[i:i + 6]:
        s = ln.strip()
        if _ARTICLE.match(s) or _CODIFIED_ARTICLE.match(s):
            return True
    return False


def split_clauses(unit: LegalUnit, *, points: bool = False) -> list[LegalUnit]:
    """Split an article into khoản units (and, with ``points=True``, their điểm units too).

    Text before the first khoản is kept at the head of the first khoản.

    Args:
        unit: an article unit (``clause == ""``).
        points: also return one unit per điểm (after its khoản).

    Returns:
        Clause (and point) units with citations "Điều 5 khoản 2, ..." / "Điều 5 khoản 2 điểm a, ...";
        ``[unit]`` when the article has no numbered khoản.
    """
    lines = [ln for ln in unit.text.split("\n")]
    clauses: list[tuple[str, list[str]]] = []
    intro: list[str] = []
    expected = 1
    for ln in lines:
        s = ln.strip()
        m = _CLAUSE.match(s)
        if m and not re.match(r"^\d+\.\d", s):
            num = m.group(1)
            val = int(re.match(r"\d+", num).group(0))
            if val == expected or (clauses and val == expected - 1 and num[-1:].isalpha()):
                clauses.append((num, [s]))
                expected = val + 1
                continue
        (clauses[-1][1] if clauses else intro).append(s)
    if not clauses:
        return [unit]
    attached = ""
    m = re.search(r"ban hành kèm theo (.+)$", unit.citation)
    if m:
        attached = m.group(1)
    out: list[LegalUnit] = []
    for k, (num, body) in enumerate(clauses):
        text = "\n".join(([*intro, ""] if k == 0 and any(intro) else []) + body).strip()
        cu = replace(unit, clause=num, point="", text=text,
                     citation=make_citation(unit.article, unit.doc_type, unit.doc_number, unit.doc_title,
                                            clause=num, attached_to=attached))
        out.append(cu)
        if points:
            pts: list[tuple[str, list[str]]] = []
            for s in body[1:]:
                pm = _POINT.match(s)
                if pm:
                    pts.append((pm.group(1), [s]))
                elif pts:
                    pts[-1][1].append(s)
            for p, pbody in pts:
                out.append(replace(unit, clause=num, point=p, text="\n".join(pbody).strip(),
                                   citation=make_citation(unit.article, unit.doc_type, unit.doc_number,
                                                          unit.doc_title, clause=num, point=p,
                                                          attached_to=attached)))
    return out


def looks_like_regulation(text: str) -> bool:
    """True when the text has at least one article heading ("Điều 1." / "Điều 19.8.QĐ.3.1.")."""
    for ln in text.split("\n"):
        s = ln.strip().lstrip("#* ").strip()
        if _ARTICLE.match(s) or _CODIFIED_ARTICLE.match(s):
            return True
    return False


def meta_from_json(meta: dict) -> dict[str, str]:
    """Document info from a decrees-folder metadata.json (doc_id, doc_type, doc_title, issue_date)."""
    out = {"doc_number": "", "doc_type": "", "doc_title": "", "issued": ""}
    doc_id = str(meta.get("doc_id") or "")
    parts = doc_id.split("_")
    if len(parts) >= 3 and parts[0].isdigit() and parts[1].isdigit():
        out["doc_number"] = f"{parts[0]}/{parts[1]}/" + "-".join(parts[2:])
    elif len(parts) >= 2 and parts[0].isdigit():
        out["doc_number"] = f"{parts[0]}/" + "-".join(parts[1:])
    out["doc_type"] = str(meta.get("doc_type") or "") or doc_type_from_number(out["doc_number"])
    out["doc_title"] = normalize(str(meta.get("doc_title") or ""))
    issued = str(meta.get("issue_date") or "")
    out["issued"] = _date_text(issued) or issued
    return out


__all__ = [
    "CODIFIED_ID",
    "DOC_NUMBER",
    "DOC_TYPES",
    "doc_type_from_number",
    "looks_like_regulation",
    "make_citation",
    "meta_from_json",
    "parse_header",
    "parse_regulation",
    "parse_source_note",
    "prepare_text",
    "sentence_case",
    "split_clauses",
]
