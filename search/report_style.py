"""House style and safe writing of RaSoát's report files (simplification plan and tables, quy trình
review): the official font on every script, tables without borders, the XLSX header row, and the
atomic save every report goes through. Shared by ``search.simplify`` and ``search.processes``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable, Union

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


def style_header_row(row, wrap: bool = True) -> None:
    """Bold report font on a light blue fill for the header row of an openpyxl sheet.

    Args:
        row: the sheet's header cells (``ws[1]``).
        wrap: also wrap the text and align it to the top (tables with long headers).
    """
    from openpyxl.styles import Alignment, Font, PatternFill

    font = Font(bold=True, name=FONT)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in row:
        cell.font = font
        cell.fill = fill
        if wrap:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def save_atomic(save: Callable[[str], object], path: Union[str, Path], suffix: str = "") -> Path:
    """Write a report through a temporary file in the same folder, then one ``os.replace``.

    Args:
        save: writes the whole file to the path it is given (``doc.save``, ``wb.save`` …).
        path: the report's path (its folder is created).
        suffix: of the temporary file.
    Returns:
        The path written; a failed save leaves no temporary file and the old report untouched.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", suffix=suffix, dir=path.parent)
    os.close(fd)
    try:
        save(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path
