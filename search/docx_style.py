"""House style of RaSoát's Word reports (simplification plan, quy trình review): the official
font on every script and tables without borders. Shared by ``search.simplify.plan_docx`` and
``search.processes.reports``."""

from __future__ import annotations

FONT = "Times New Roman"


def set_font(run, size: float = 13, bold: bool = False, italic: bool = False, underline: bool = False) -> None:
    """Give a python-docx run the report font (Latin, East Asian and complex scripts alike).

    Args:
        run: a ``docx.text.run.Run``.
        size: points; bold / italic / underline: the run's emphasis.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    run.underline = underline
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def no_borders(table) -> None:
    """Remove every border of a python-docx table (header and signature boxes)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._element.tblPr.append(borders)
