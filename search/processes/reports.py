"""Reports of a quy trình check: XLSX (one row per finding) and DOCX ("Báo cáo soát xét quy trình").

The DOCX has one report per agency, laid out like an administrative document (Times New Roman,
A4, national header, numbered parts, a summary table, then per quy trình its procedure, status
and findings with both documents' lines side by side and the legal basis, and a signature block
for the quality secretary (thư ký ISO) and the head of the unit), one page break between agencies.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from pathlib import Path
from typing import Any, Optional, Sequence, Union

from search.processes.check import ProcessCheck
from search.processes.findings import FINDING_KINDS, FINDING_LABELS
from search.processes.tie import STATUS_LABELS
from search.report_style import (
    FONT,
    no_borders,
    save_atomic,
    set_font,
    style_header_row,
)

STATUS_LABELS_ALL = {**STATUS_LABELS, "unreadable": "không đọc được"}

COLUMNS: list[tuple[str, str]] = [
    ("agency", "Đơn vị"),
    ("path", "Tệp"),
    ("code", "Mã quy trình"),
    ("title", "Tên quy trình"),
    ("status", "Tình trạng gắn thủ tục"),
    ("procedure_code", "Mã thủ tục"),
    ("procedure_title", "Tên thủ tục"),
    ("score", "Điểm gắn"),
    ("kind", "Loại phát hiện"),
    ("label", "Nội dung loại"),
    ("where", "Vị trí"),
    ("detail", "Chi tiết"),
    ("process_lines", "Quy trình ghi"),
    ("procedure_lines", "Thủ tục công bố ghi"),
    ("legal_basis", "Căn cứ"),
]


def finding_rows(checks: Sequence[ProcessCheck]) -> list[dict[str, Any]]:
    """Flat rows (keys of ``COLUMNS``): one per finding; a quy trình without findings (or a file
    that gave none) gets one row with an empty kind, so every file appears."""
    rows = []
    for c in checks:
        p = c.process
        proc = c.procedure
        base = {
            "agency": p.agency if p else "",
            "path": c.path,
            "code": p.code if p else "",
            "title": p.title if p else "",
            "status": STATUS_LABELS_ALL.get(c.status, c.status),
            "procedure_code": (proc.code or proc.id) if proc else "",
            "procedure_title": proc.name if proc else "",
            "score": round(c.tie.score, 3) if c.tie and proc else "",
        }
        if not c.findings:
            rows.append({**base, "kind": "", "label": "", "where": "",
                         "detail": c.error or ("Không có phát hiện." if c.status == "matched" else
                                               (c.tie.reason if c.tie else "")),
                         "process_lines": "", "procedure_lines": "", "legal_basis": ""})
        for f in c.findings:
            rows.append({**base, "kind": f.kind, "label": FINDING_LABELS.get(f.kind, f.kind), "where": f.where,
                         "detail": f.detail,
                         "process_lines": "\n".join(e.get("process", "") for e in f.evidence if e.get("process")),
                         "procedure_lines": "\n".join(e.get("procedure", "") for e in f.evidence if e.get("procedure")),
                         "legal_basis": f.legal_basis})
    return rows


def write_xlsx(checks: Sequence[ProcessCheck], path: Union[str, Path]) -> Path:
    """XLSX: "Phát hiện" (one row per finding), "Tổng hợp" (counts per unit and kind).

    Args:
        checks: the checked quy trình.
        path: output .xlsx.
    Returns:
        The path written (atomically).
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Phát hiện"
    ws.append([h for _, h in COLUMNS])
    style_header_row(ws[1])
    for r in finding_rows(checks):
        ws.append([r[k] for k, _ in COLUMNS])
    widths = {"title": 36, "procedure_title": 36, "detail": 60, "process_lines": 60, "procedure_lines": 60,
              "legal_basis": 60, "path": 30, "agency": 26, "where": 24}
    for i, (k, _) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = widths.get(k, 14)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "E2"
    ws.auto_filter.ref = ws.dimensions

    s = wb.create_sheet("Tổng hợp")
    s.append(["Đơn vị", "Số quy trình"] + [FINDING_LABELS[k] for k in FINDING_KINDS])
    style_header_row(s[1])
    for agency, items in _by_agency(checks).items():
        counts = {k: sum(1 for c in items for f in c.findings if f.kind == k) for k in FINDING_KINDS}
        s.append([agency, sum(1 for c in items if c.process is not None)] + [counts[k] for k in FINDING_KINDS])
    s.column_dimensions["A"].width = 36
    return save_atomic(wb.save, path, ".xlsx")


def _by_agency(checks: Sequence[ProcessCheck]) -> "OrderedDict[str, list[ProcessCheck]]":
    out: "OrderedDict[str, list[ProcessCheck]]" = OrderedDict()
    for c in checks:
        agency = (c.process.agency if c.process else "") or "Chưa xác định đơn vị"
        out.setdefault(agency, []).append(c)
    return out


# --- DOCX ------------------------------------------------------------------------------------------


def _para(container, text: str = "", *, size: float = 13, bold: bool = False, italic: bool = False,
          align: str = "justify", indent: bool = False, after: float = 4):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    p = container.add_paragraph()
    p.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                   "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    fmt = p.paragraph_format
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(0)
    if indent:
        fmt.first_line_indent = Cm(1.0)
    if text:
        set_font(p.add_run(text), size, bold, italic)
    return p


def _cell(cell, text: str, *, size: float = 11, bold: bool = False, italic: bool = False, align: str = "left",
          fill: str = "") -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    p = cell.paragraphs[0] if not cell.paragraphs[0].text else cell.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if align == "center" else WD_ALIGN_PARAGRAPH.LEFT
    p.paragraph_format.space_after = Pt(0)
    set_font(p.add_run(text), size, bold, italic)
    if fill:
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        cell._element.get_or_add_tcPr().append(shd)


def _header(doc, agency: str, place: str, when: Optional[date]) -> None:
    t = doc.add_table(rows=1, cols=2)
    no_borders(t)
    left, right = t.rows[0].cells
    _cell(left, agency.upper(), size=12, bold=True, align="center")
    _cell(left, "_______", size=12, bold=True, align="center")
    _cell(left, "Số:       /BC-ISO", size=13, align="center")
    _cell(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True, align="center")
    _cell(right, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True, align="center")
    _cell(right, "_______________________", size=13, bold=True, align="center")
    day = (f"{place}, ngày {when.day:02d} tháng {when.month:02d} năm {when.year}" if when
           else f"{place}, ngày      tháng      năm 20   ")
    _cell(right, day, size=13, italic=True, align="center")


def _agency_report(doc, agency: str, checks: Sequence[ProcessCheck], place: str, when: Optional[date]) -> None:
    procs = [c for c in checks if c.process is not None]
    unread = [c for c in checks if c.process is None]
    n_find = sum(len(c.findings) for c in checks)
    _header(doc, agency, place, when)
    _para(doc, "", after=6)
    _para(doc, "BÁO CÁO", size=14, bold=True, align="center", after=0)
    _para(doc, "Soát xét quy trình giải quyết thủ tục hành chính trong Hệ thống quản lý chất lượng "
               "theo TCVN ISO 9001:2015", size=14, bold=True, align="center", after=8)
    _para(doc, "Căn cứ Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ về việc áp dụng Hệ thống "
               "quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001 vào hoạt động của các cơ quan, tổ chức thuộc "
               "hệ thống hành chính nhà nước và Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ "
               "tục hành chính; đối chiếu từng quy trình với thủ tục hành chính đã được công bố, kết quả soát xét như sau:",
          italic=True, indent=True)
    _para(doc, "I. TỔNG HỢP", bold=True, align="left")
    status: dict[str, int] = {}
    for c in checks:
        status[c.status] = status.get(c.status, 0) + 1
    _para(doc, f"Số quy trình đã soát xét: {len(procs)}"
               + (f"; số tệp không đọc được: {len(unread)}" if unread else "") + f"; tổng số phát hiện: {n_find}.",
          indent=True)
    _para(doc, "Tình trạng gắn với thủ tục đã công bố: "
               + "; ".join(f"{STATUS_LABELS_ALL.get(k, k)}: {v}" for k, v in status.items()) + ".", indent=True)
    t = doc.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    for cell, h in zip(t.rows[0].cells, ("STT", "Loại phát hiện", "Số lượng")):
        _cell(cell, h, bold=True, align="center", fill="DDEBF7")
    for i, k in enumerate(FINDING_KINDS, 1):
        row = t.add_row().cells
        _cell(row[0], str(i), align="center")
        _cell(row[1], FINDING_LABELS[k])
        _cell(row[2], str(sum(1 for c in checks for f in c.findings if f.kind == k)), align="center")

    _para(doc, "", after=4)
    _para(doc, "II. KẾT QUẢ SOÁT XÉT TỪNG QUY TRÌNH", bold=True, align="left")
    for n, c in enumerate(procs, 1):
        p = c.process
        head = _para(doc, "", align="left", after=2)
        set_font(head.add_run(f"{n}. {p.code + ' — ' if p.code else ''}{p.title}"), 13, bold=True)
        proc = c.procedure
        tie = f"{STATUS_LABELS_ALL.get(c.status, c.status)}"
        if proc is not None:
            score = f"{c.tie.score:.2f}".replace(".", ",")
            tie += f": thủ tục {proc.code or proc.id} «{proc.name}» (điểm {score})"
        elif c.tie is not None:
            tie += f" — {c.tie.reason}"
        _para(doc, f"Thủ tục tương ứng: {tie}.", italic=True, indent=True, after=2, size=12)
        if not c.findings:
            _para(doc, "Không có phát hiện.", indent=True, size=12)
            continue
        t = doc.add_table(rows=1, cols=4)
        t.style = "Table Grid"
        for cell, h in zip(t.rows[0].cells, ("Phát hiện", "Quy trình ghi", "Thủ tục công bố ghi", "Căn cứ")):
            _cell(cell, h, size=10, bold=True, align="center", fill="DDEBF7")
        for f in c.findings:
            row = t.add_row().cells
            _cell(row[0], FINDING_LABELS.get(f.kind, f.kind), size=10, bold=True, fill="FDE9D9")
            _cell(row[0], f.detail, size=10)
            _cell(row[1], "\n".join(e.get("process", "") for e in f.evidence if e.get("process")) or "—", size=10)
            _cell(row[2], "\n".join(e.get("procedure", "") for e in f.evidence if e.get("procedure")) or "—", size=10)
            _cell(row[3], f.legal_basis, size=9, italic=True)
        _para(doc, "", after=2)
    if unread:
        _para(doc, "III. TỆP KHÔNG ĐỌC ĐƯỢC", bold=True, align="left")
        for c in unread:
            _para(doc, f"- {Path(c.path).name}: {c.error}", indent=True, size=12)
    _para(doc, "IV. KIẾN NGHỊ" if unread else "III. KIẾN NGHỊ", bold=True, align="left")
    _para(doc, "Các phòng, bộ phận chủ trì quy trình rà soát, sửa đổi các nội dung nêu trên cho đúng với thủ tục hành "
               "chính đã được công bố (thời hạn, thành phần hồ sơ, phí, lệ phí, căn cứ pháp lý), trình phê duyệt ban "
               "hành lại quy trình và cập nhật Danh mục tài liệu nội bộ.", indent=True)
    _para(doc, "", after=6)
    sig = doc.add_table(rows=1, cols=2)
    no_borders(sig)
    left, right = sig.rows[0].cells
    _cell(left, "NGƯỜI LẬP BÁO CÁO", size=13, bold=True, align="center")
    _cell(left, "(Thư ký ISO)", size=12, italic=True, align="center")
    _cell(right, "THỦ TRƯỞNG ĐƠN VỊ", size=13, bold=True, align="center")
    _cell(right, "(Ký, ghi rõ họ tên và đóng dấu)", size=12, italic=True, align="center")
    for cell in (left, right):
        for _ in range(3):
            _cell(cell, " ", size=13)
        _cell(cell, "……………………………", size=13, align="center")


def write_docx(checks: Sequence[ProcessCheck], path: Union[str, Path], *, place: str = "……",
               when: Optional[date] = None) -> Path:
    """Write "Báo cáo soát xét quy trình", one report per agency (a page break between them).

    Args:
        checks: the checked quy trình.
        path: output .docx.
        place, when: place and date of the header ("……" and blanks by default, to be filled in).
    Returns:
        The path written (atomically).
    """
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(2.0), Cm(2.0)
    sec.left_margin, sec.right_margin = Cm(3.0), Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(13)
    groups = _by_agency(checks)
    if not groups:
        _para(doc, "Không có quy trình nào để soát xét.", italic=True)
    for i, (agency, items) in enumerate(groups.items()):
        if i:
            doc.add_page_break()
        _agency_report(doc, agency, items, place, when)
    return save_atomic(doc.save, path, ".docx")


__all__ = ["COLUMNS", "finding_rows", "write_docx", "write_xlsx"]
