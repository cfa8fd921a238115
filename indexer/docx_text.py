"""DOCX text extraction (python-docx): paragraphs, text boxes and tables in document order, zip-bomb caps."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Optional

from indexer.formats import ReadError, check_zip_safety
from indexer.vietnamese import normalize


@dataclass
class Block:
    """One block of a document: a paragraph (``text``) or a table (``rows`` of cell texts).

    Attributes:
        text: paragraph text, or the table flattened as "cell | cell" lines.
        rows: table rows (list of cell texts) or None for a paragraph.
        bold: the paragraph is entirely bold (a heading candidate).
        page: 1-based page (PDF) or None.
    """

    text: str
    rows: Optional[list[list[str]]] = None
    bold: bool = False
    page: Optional[int] = None
    style: str = field(default="")


def _table_rows(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # merged cells repeat
                continue
            seen.add(id(cell._tc))
            cells.append(normalize("\n".join(p.text for p in cell.paragraphs)).strip())
        rows.append(cells)
    return rows


def _style_names(document):  # type: ignore[no-untyped-def]
    """A paragraph element → its style name, as ``Paragraph.style.name`` gives it, from one lookup
    table per document (python-docx scans every style for each paragraph without an explicit
    style: 40 % of the reading time of a short DOCX)."""
    from docx.enum.style import WD_STYLE_TYPE

    names: dict[str, str] = {}
    default = ""
    for st in document.styles:
        if st.type != WD_STYLE_TYPE.PARAGRAPH:
            continue
        names[st.style_id] = st.name or ""
        if st.element.default:
            default = st.name or ""

    def name(p) -> str:  # type: ignore[no-untyped-def]
        ppr = p.pPr
        sid = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
        return names.get(sid, default) if sid else default

    return name


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _textbox_lines(p) -> list[str]:  # type: ignore[no-untyped-def]
    """Paragraphs written in text boxes anchored in paragraph ``p`` (the boxes of a flowchart),
    in document order. Word stores each box twice (DrawingML in ``mc:Choice``, VML in
    ``mc:Fallback``): the fallback copy is skipped."""
    out: list[str] = []
    for box in p.iter(f"{_W}txbxContent"):
        if any(a.tag in (_MC_FALLBACK, f"{_W}txbxContent") for a in box.iterancestors()):
            continue  # the VML copy of a box, or a box nested in another (read with its parent)
        for q in box.iter(f"{_W}p"):
            t = normalize("".join(x.text or "" for x in q.iter(f"{_W}t"))).strip()
            if t:
                out.append(t)
    return out


def extract_docx_blocks(data: bytes) -> list[Block]:
    """Read the body of a DOCX as blocks in order.

    Args:
        data: DOCX bytes.

    Returns:
        Paragraph and table blocks (empty paragraphs dropped); the text of text boxes (flowchart
        shapes) anchored in a paragraph follows it, one block per box paragraph.

    Raises:
        ReadError: broken zip, zip bomb, not a Word document, or no content.
    """
    check_zip_safety(data)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        blocks: list[Block] = []
        style_name = _style_names(document)
        for child in body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                para = Paragraph(child, document)
                text = normalize(para.text).strip()
                if text:
                    runs = [r for r in para.runs if r.text.strip()]
                    bold = bool(runs) and all(r.bold for r in runs)
                    blocks.append(Block(text=text, bold=bold, style=style_name(child)))
                blocks.extend(Block(text=t) for t in _textbox_lines(child))
            elif tag == "tbl":
                rows = _table_rows(Table(child, document))
                if any(any(c for c in r) for r in rows):
                    flat = "\n".join(" | ".join(c.replace("\n", " ") for c in r) for r in rows)
                    blocks.append(Block(text=flat, rows=rows))
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - lxml / zip / KeyError on malformed parts
        raise ReadError("Tệp DOCX bị hỏng hoặc không đúng định dạng Word — không đọc được.") from exc
    if not blocks:
        raise ReadError("Tệp DOCX không có nội dung chữ (tài liệu trống).")
    return blocks


def blocks_to_text(blocks: list[Block]) -> str:
    """Join blocks into plain text (tables as "cell | cell" lines)."""
    return "\n".join(b.text for b in blocks)


__all__ = ["Block", "blocks_to_text", "extract_docx_blocks"]
