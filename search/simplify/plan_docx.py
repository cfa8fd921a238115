"""The simplification plan (phương án đơn giản hóa thủ tục hành chính) as a DOCX document.

Laid out like an official plan: national header, title, summary tables (counts per rule
and criterion, total estimated saving), then per procedure the three parts used in the
Government's plans — a) nội dung đơn giản hóa (current text, proposal, reason),
b) kiến nghị thực thi (legal texts to amend), c) lợi ích phương án (compliance cost before /
after, saving) — an annex of the cost assumptions, and a signature block. Times New Roman,
A4, margins of an administrative document.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from datetime import date
from pathlib import Path
from typing import Optional, Sequence, Union

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from search.report_style import FONT, no_borders, save_atomic, set_font
from search.simplify.advisor import summarize
from search.simplify.candidates import Candidate
from search.simplify.cost_model import (
    LABELS,
    METHOD,
    SOURCES,
    Assumptions,
    format_value,
    format_vnd,
)
from search.simplify.rules import CRITERIA, RULES

_STATUS = {"accept": "đã chấp nhận", "note": "có ghi chú", "pending": "chưa thẩm định"}


def _para(container, text: str = "", *, size: float = 13, bold: bool = False, italic: bool = False,
          align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = False, after: float = 4, underline: bool = False):
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(0)
    fmt.line_spacing = 1.1
    if indent:
        fmt.first_line_indent = Cm(1.0)
    if text:
        set_font(p.add_run(text), size, bold, italic, underline)
    return p


def _runs(p, parts: Sequence[tuple[str, dict]], size: float = 13) -> None:
    for text, style in parts:
        set_font(p.add_run(text), size, **style)


def _set_widths(table, widths_cm: Sequence[float]) -> None:
    """Fixed column widths that Word and LibreOffice both honour (grid + every cell)."""
    table.autofit = False
    tbl_pr = table._element.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    grid = table._element.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_cm):
        col.set(qn("w:w"), str(int(Cm(w).twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm):
            cell.width = Cm(w)


def _cell_text(cell, text: str, *, size: float = 12, bold: bool = False, italic: bool = False,
               align=WD_ALIGN_PARAGRAPH.CENTER, underline: bool = False) -> None:
    p = cell.paragraphs[0] if not cell.paragraphs[0].text else cell.add_paragraph()
    p.alignment = align
    p.paragraph_format.space_after = Pt(0)
    set_font(p.add_run(text), size, bold, italic, underline)


def _page_number_header(section) -> None:
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    set_font(run, 13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._element.append(el)


def _national_header(doc, agency: str, parent_agency: str, number: str, place: str, when: Optional[date]) -> None:
    t = doc.add_table(rows=1, cols=2)
    no_borders(t)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    _set_widths(t, (6.0, 10.0))
    left, right = t.rows[0].cells
    if parent_agency:
        _cell_text(left, parent_agency.upper(), size=12)
    _cell_text(left, agency.upper(), size=12, bold=True)
    _cell_text(left, "_______", size=12, bold=True)
    _cell_text(left, f"Số: {number}", size=13)
    _cell_text(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True)
    _cell_text(right, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True)
    _cell_text(right, "_______________________", size=13, bold=True)
    day = (
        f"{place}, ngày {when.day:02d} tháng {when.month:02d} năm {when.year}"
        if when
        else f"{place}, ngày      tháng      năm 20   "
    )
    _cell_text(right, day, size=13, italic=True)


def _procedure_totals(groups: "OrderedDict[str, list[Candidate]]") -> tuple[float, float]:
    """Yearly compliance cost before and saving over all procedures (saving capped at the cost)."""
    before = saved = 0.0
    for cands in groups.values():
        b = max((c.saving.per_year_before_vnd for c in cands if c.saving.quantified), default=0.0)
        s = sum(c.saving.per_year_vnd for c in cands if c.saving.quantified)
        before += b
        saved += min(s, b)
    return before, saved


def _summary_tables(doc, cands: Sequence[Candidate], groups, n_reviewed: Optional[int], a: Assumptions) -> None:
    summary = summarize(cands, a)
    _para(doc, "I. TỔNG HỢP KẾT QUẢ RÀ SOÁT", bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=6)
    p = _para(doc, "", indent=True)
    reviewed = f"Rà soát {n_reviewed} thủ tục hành chính; " if n_reviewed else ""
    _runs(p, [(f"{reviewed}{len(groups)} thủ tục có đề xuất đơn giản hóa với {len(cands)} nội dung, đánh giá theo "
               "các tiêu chí tại Điều 10 khoản 1 Nghị định 63/2010/NĐ-CP (sự cần thiết, tính hợp lý, tính hợp pháp, "
               "các chi phí tuân thủ) và Điều 28 Nghị định 63/2010/NĐ-CP (sửa đổi bởi Nghị định 92/2017/NĐ-CP).",
               {})])
    _para(doc, "Bảng 1. Số đề xuất theo nhóm và tiêu chí", italic=True, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    t = doc.add_table(rows=1, cols=6)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    heads = ["STT", "Nhóm đề xuất", "Tiêu chí (Điều 10 NĐ 63/2010)", "Số đề xuất", "Số thủ tục", "Tiết kiệm ước tính (đồng/năm)"]
    for cell, h in zip(t.rows[0].cells, heads):
        _cell_text(cell, h, size=11, bold=True)
    for i, r in enumerate(RULES, start=1):
        mine = [c for c in cands if c.rule == r.id]
        row = t.add_row().cells
        vals = [str(i), r.title, CRITERIA[r.criterion], str(len(mine)), str(len({c.code for c in mine})),
                format_vnd(summary["per_rule"][r.id]["saving_per_year_vnd"]).replace(" đồng", "")]
        for j, (cell, v) in enumerate(zip(row, vals)):
            _cell_text(cell, v, size=11, align=WD_ALIGN_PARAGRAPH.LEFT if j == 1 else WD_ALIGN_PARAGRAPH.CENTER)
    row = t.add_row().cells
    totals = ["", "Tổng cộng", "", str(len(cands)), str(len(groups)),
              format_vnd(summary["saving_per_year_vnd"]).replace(" đồng", "")]
    for cell, v in zip(row, totals):
        _cell_text(cell, v, size=11, bold=True)
    _set_widths(t, (1.2, 5.4, 2.8, 1.6, 1.6, 3.4))

    _para(doc, "", after=2)
    _para(doc, "Bảng 2. Chi phí tuân thủ thủ tục hành chính ước tính", italic=True, bold=True,
          align=WD_ALIGN_PARAGRAPH.CENTER)
    before, saved = _procedure_totals(groups)
    t2 = doc.add_table(rows=0, cols=2)
    t2.style = "Table Grid"
    t2.alignment = WD_TABLE_ALIGNMENT.CENTER
    per_crit = summary["per_criterion"]
    rows = [
        ("Chi phí tuân thủ trước đơn giản hóa (các thủ tục có đề xuất)", format_vnd(before) + "/năm"),
        ("Chi phí tuân thủ sau đơn giản hóa", format_vnd(before - saved) + "/năm"),
        ("Chi phí tiết kiệm", format_vnd(saved) + "/năm"),
        ("Tỷ lệ cắt giảm chi phí", f"{(100 * saved / before if before else 0):.1f}%".replace(".", ",")),
        ("Số đề xuất theo tiêu chí", "; ".join(f"{k}: {v}" for k, v in per_crit.items()) or "—"),
        ("Tình trạng thẩm định", "; ".join(f"{_STATUS.get(k, 'đã bác bỏ' if k == 'reject' else k)}: {v}"
                                            for k, v in summary["reviews"].items()) or "—"),
    ]
    for label, value in rows:
        cells = t2.add_row().cells
        _cell_text(cells[0], label, size=12, align=WD_ALIGN_PARAGRAPH.LEFT)
        _cell_text(cells[1], value, size=12, bold=label == "Chi phí tiết kiệm", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _set_widths(t2, (9.5, 6.5))
    p = _para(doc, "", size=12, indent=True, after=8)
    _runs(p, [("Ghi chú: ", {"bold": True, "italic": True}),
              (f"số liệu chi phí là ước tính theo mô hình chi phí chuẩn (chi phí một giờ {format_vnd(a.hourly_cost_vnd)}, "
               f"{a.cases_per_year:,} hồ sơ/năm/thủ tục nếu không có số liệu riêng). Các giả định và nguồn tại Phụ lục; "
               "cần điều chỉnh theo số liệu thực tế của cơ quan trước khi ban hành.".replace(",", "."),
               {"italic": True})], size=12)


def _procedure_section(doc, n: int, cands: Sequence[Candidate]) -> None:
    first = cands[0]
    name = re.sub(r"^\s*(?:thủ tục|Thủ tục|THỦ TỤC)\s+", "", first.title.strip()).strip(" .")
    name = name[:1].upper() + name[1:]
    head = f"{n}. Thủ tục “{name}”"
    meta = [x for x in (f"mã {first.code}", first.field and f"lĩnh vực {first.field}", first.level) if x]
    p = _para(doc, "", align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=3)
    _runs(p, [(head, {"bold": True}), (f" ({'; '.join(meta)})" if meta else "", {"italic": True})])

    _para(doc, "a) Nội dung đơn giản hóa", bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=2)
    for c in cands:
        status = _STATUS.get((c.review or {}).get("decision", "pending"), "")
        p = _para(doc, "", indent=True, after=2)
        _runs(p, [(f"- {c.component}", {"bold": True}),
                  (f" [{c.rule}; {status}; độ tin cậy {c.confidence:.2f}]".replace(".", ","), {"italic": True})], 12)
        line = (c.details or {}).get("dossier_line", "")
        if line and c.rule == "R1":
            p = _para(doc, "", indent=True, after=2)
            _runs(p, [("Dòng hồ sơ: ", {"italic": True}), (f"“{line[:600]}{'…' if len(line) > 600 else ''}”", {})])
        p = _para(doc, "", indent=True, after=2)
        _runs(p, [("Hiện hành: ", {"italic": True}), (f"“{c.evidence}”", {})])
        p = _para(doc, "", indent=True, after=2)
        _runs(p, [("Đề xuất: ", {"italic": True}), (c.proposal, {})])
        if c.database:
            p = _para(doc, "", indent=True, after=2)
            _runs(p, [("Cơ sở dữ liệu khai thác: ", {"italic": True}), (c.database, {})])
        for prov in (c.details or {}).get("provisions", []):
            p = _para(doc, "", indent=True, after=2)
            _runs(p, [("Quy định: ", {"italic": True}), (f"{prov['database']} — {prov['provision']}", {})])
        p = _para(doc, "", indent=True, after=2)
        _runs(p, [("Lý do: ", {"italic": True}), (f"bảo đảm {c.criterion.lower()} — {c.legal_basis}.", {})])
        note = (c.review or {}).get("note")
        if note:
            p = _para(doc, "", indent=True, after=2)
            _runs(p, [("Ý kiến thẩm định: ", {"italic": True}), (note, {})])

    _para(doc, "b) Kiến nghị thực thi", bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=2)
    texts = first.legal_texts
    body = (
        "Sửa đổi, bổ sung các văn bản quy định thủ tục: " + "; ".join(texts) + "."
        if texts
        else "Xác định văn bản quy phạm pháp luật quy định thủ tục (chưa ghi căn cứ pháp lý) để sửa đổi, bổ sung."
    )
    _para(doc, body, indent=True, after=2)
    if any(c.rule == "R1" for c in cands):
        _para(doc, "Đối với thành phần hồ sơ thay thế bằng dữ liệu: tái cấu trúc quy trình và ban hành văn bản theo "
                   "Điều 7 khoản 1 Nghị quyết 66.7/2025/NQ-CP, bảo đảm có hiệu lực trước ngày 01/3/2027.",
              indent=True, after=2)
    _para(doc, "Thẩm quyền: Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân cấp tỉnh sửa đổi theo "
               "thẩm quyền hoặc đề nghị cơ quan có thẩm quyền (Điều 31 khoản 1 Nghị định 63/2010/NĐ-CP).",
          indent=True, after=2)

    _para(doc, "c) Lợi ích phương án đơn giản hóa", bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=2)
    q = [c for c in cands if c.saving.quantified]
    if q:
        before = max(c.saving.per_year_before_vnd for c in q)
        saved = min(before, sum(c.saving.per_year_vnd for c in q))
        pct = 100 * saved / before if before else 0.0
        lines = [
            f"Chi phí tuân thủ TTHC trước đơn giản hóa: {format_vnd(before)}/năm.",
            f"Chi phí tuân thủ TTHC sau đơn giản hóa: {format_vnd(before - saved)}/năm.",
            f"Chi phí tiết kiệm: {format_vnd(saved)}/năm.",
            f"Tỷ lệ cắt giảm chi phí: {pct:.1f}%.".replace(".", ",", 1),
            f"(Tính với {q[0].saving.cases_per_year:,} hồ sơ/năm; ".replace(",", ".")
            + "; ".join(dict.fromkeys(c.saving.basis for c in q if c.saving.basis)) + ".)",
        ]
    else:
        lines = ["Bảo đảm tính hợp pháp, rõ ràng của quy định; không định lượng chi phí."]
    unq = [c.saving.basis for c in cands if not c.saving.quantified and c.rule == "R4" and c.saving.basis]
    lines += unq
    for line in lines:
        _para(doc, line, indent=True, after=2)
    _para(doc, "", after=4)


def _annex(doc, a: Assumptions) -> None:
    _para(doc, "PHỤ LỤC. GIẢ ĐỊNH TÍNH CHI PHÍ TUÂN THỦ", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=4)
    _para(doc, METHOD, italic=True, size=12, indent=True, after=4)
    t = doc.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    for cell, h in zip(t.rows[0].cells, ("Giả định", "Giá trị", "Nguồn, ghi chú (giá trị mặc định cần điều chỉnh)")):
        _cell_text(cell, h, size=11, bold=True)
    for k, v in a.to_dict().items():
        if k.startswith("_") or (k == "cases_per_year_by_code" and not v):
            continue
        cells = t.add_row().cells
        _cell_text(cells[0], LABELS.get(k, k), size=10, align=WD_ALIGN_PARAGRAPH.LEFT)
        _cell_text(cells[0], f"({k})", size=8, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
        _cell_text(cells[1], format_value(v), size=10)
        _cell_text(cells[2], SOURCES.get(k, ""), size=10, align=WD_ALIGN_PARAGRAPH.LEFT)
    _set_widths(t, (4.2, 2.6, 9.2))


def _signature(doc, signer_title: str, recipients: Sequence[str]) -> None:
    _para(doc, "", after=6)
    t = doc.add_table(rows=1, cols=2)
    no_borders(t)
    _set_widths(t, (8.0, 8.0))
    left, right = t.rows[0].cells
    _cell_text(left, "Nơi nhận:", size=12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for r in recipients:
        _cell_text(left, f"- {r}", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _cell_text(right, signer_title.upper(), size=13, bold=True)
    _cell_text(right, "(Ký, ghi rõ họ tên và đóng dấu)", size=13, italic=True)
    for _ in range(4):
        _cell_text(right, " ", size=13)
    _cell_text(right, "……………………………", size=13)


def write_plan_docx(
    candidates: Sequence[Candidate],
    path: Union[str, Path],
    *,
    assumptions: Optional[Assumptions] = None,
    agency: str = "CƠ QUAN CHỦ TRÌ RÀ SOÁT",
    parent_agency: str = "",
    number: str = "      /PA-",
    place: str = "……",
    when: Optional[date] = None,
    title: str = "Đơn giản hóa thủ tục hành chính",
    signer_title: str = "Thủ trưởng cơ quan",
    recipients: Sequence[str] = ("Cục Kiểm soát thủ tục hành chính (để báo cáo);", "Lưu: VT."),
    include_rejected: bool = False,
    reviewed_procedures: Optional[int] = None,
    max_procedures: Optional[int] = None,
) -> Path:
    """Write the plan (phương án đơn giản hóa TTHC) as DOCX.

    Args:
        candidates: the candidates (reviews attached, if any).
        path: output .docx.
        assumptions: cost figures (shown in the annex).
        agency, parent_agency, number, place, when: header of the document.
        title: subject line under "PHƯƠNG ÁN".
        signer_title, recipients: signature block.
        include_rejected: keep candidates a reviewer rejected (default: left out).
        reviewed_procedures: how many procedures were reviewed (shown in the summary).
        max_procedures: cap the per-procedure section (largest savings first); None for all.

    Returns:
        The path written (atomically).
    """
    a = assumptions or Assumptions()
    kept = [c for c in candidates if include_rejected or (c.review or {}).get("decision") != "reject"]
    groups: "OrderedDict[str, list[Candidate]]" = OrderedDict()
    for c in kept:
        groups.setdefault(c.code, []).append(c)

    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(2.0), Cm(2.0)
    sec.left_margin, sec.right_margin = Cm(3.0), Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(13)
    normal.element.get_or_add_rPr()
    _page_number_header(sec)

    _national_header(doc, agency, parent_agency, number, place, when)
    _para(doc, "", after=6)
    _para(doc, "PHƯƠNG ÁN", size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    _para(doc, title, size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    _para(doc, "___________", size=13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=8)

    p = _para(doc, "", indent=True)
    _runs(p, [("Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính, "
               "được sửa đổi, bổ sung bởi Nghị định số 48/2013/NĐ-CP và Nghị định số 92/2017/NĐ-CP; Nghị quyết số "
               "66.7/2025/NQ-CP ngày 15/11/2025 của Chính phủ quy định cắt giảm, đơn giản hóa thủ tục hành chính dựa "
               "trên dữ liệu; trên cơ sở kết quả rà soát, đánh giá, cơ quan xây dựng phương án đơn giản hóa thủ tục "
               "hành chính như sau:", {"italic": True})])

    _summary_tables(doc, kept, groups, reviewed_procedures, a)

    _para(doc, "II. NỘI DUNG PHƯƠNG ÁN ĐƠN GIẢN HÓA", bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=6)
    order = list(groups.items())
    if max_procedures is not None and len(order) > max_procedures:
        order.sort(key=lambda kv: -sum(c.saving.per_year_vnd for c in kv[1]))
        order = order[:max_procedures]
        _para(doc, f"(Trình bày {max_procedures} thủ tục có mức tiết kiệm lớn nhất; danh sách đầy đủ tại tệp bảng tính "
                   "kèm theo.)", italic=True, size=12, indent=True)
    for n, (_, cands) in enumerate(order, start=1):
        _procedure_section(doc, n, cands)

    _signature(doc, signer_title, recipients)
    doc.add_page_break()
    _annex(doc, a)

    return save_atomic(doc.save, path, ".docx")


__all__ = ["write_plan_docx"]
