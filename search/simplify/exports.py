"""Spreadsheet and JSON outputs of the simplification advisor (CSV, XLSX with openpyxl, JSON)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Optional, Sequence, Union

from search.report_style import FONT, save_atomic, style_header_row
from search.simplify.advisor import summarize
from search.simplify.candidates import Candidate
from search.simplify.cost_model import SOURCES, Assumptions
from search.simplify.reviews import DECISION_LABELS

COLUMNS: list[tuple[str, str]] = [
    ("id", "Mã đề xuất"),
    ("code", "Mã thủ tục"),
    ("title", "Tên thủ tục"),
    ("field", "Lĩnh vực"),
    ("level", "Cấp thực hiện"),
    ("rule", "Quy tắc"),
    ("rule_title", "Nội dung quy tắc"),
    ("criterion", "Tiêu chí (Điều 10 NĐ 63/2010)"),
    ("component", "Bộ phận thủ tục"),
    ("evidence", "Trích dẫn hiện hành"),
    ("proposal", "Đề xuất"),
    ("legal_basis", "Căn cứ đề xuất"),
    ("database", "Cơ sở dữ liệu khai thác"),
    ("provisions", "Quy định theo từng cơ sở dữ liệu (NQ 66.7/2025 Điều 4; luật chuyên ngành)"),
    ("dossier_line", "Dòng hồ sơ (nguyên văn)"),
    ("lookup", "Thủ tục đã ghi khai thác thông tin"),
    ("legal_texts", "Văn bản quy định thủ tục (cần sửa)"),
    ("cost_before", "Chi phí tuân thủ/năm trước (đồng)"),
    ("cost_after", "Chi phí tuân thủ/năm sau (đồng)"),
    ("saving", "Tiết kiệm/năm (đồng)"),
    ("saving_basis", "Cách tính tiết kiệm"),
    ("confidence", "Độ tin cậy"),
    ("decision", "Thẩm định"),
    ("note", "Ghi chú thẩm định"),
]


def candidate_row(c: Candidate) -> dict[str, Any]:
    """One flat row (keys of ``COLUMNS``) for spreadsheets."""
    review = c.review or {}
    return {
        "id": c.id,
        "code": c.code,
        "title": c.title,
        "field": c.field,
        "level": c.level,
        "rule": c.rule,
        "rule_title": c.rule_title,
        "criterion": c.criterion,
        "component": c.component,
        "evidence": c.evidence,
        "proposal": c.proposal,
        "legal_basis": c.legal_basis,
        "database": c.database,
        "provisions": "; ".join(f"{p['database']}: {p['provision']}" for p in (c.details or {}).get("provisions", [])),
        "dossier_line": (c.details or {}).get("dossier_line", ""),
        "lookup": ("có" if (c.details or {}).get("lookup") else "") if c.rule == "R1" else "",
        "legal_texts": "; ".join(c.legal_texts),
        "cost_before": int(c.saving.per_year_before_vnd) if c.saving.quantified else "",
        "cost_after": int(c.saving.per_year_after_vnd) if c.saving.quantified else "",
        "saving": int(c.saving.per_year_vnd) if c.saving.quantified else "",
        "saving_basis": c.saving.basis,
        "confidence": c.confidence,
        "decision": DECISION_LABELS.get(review.get("decision", "pending"), review.get("decision", "")),
        "note": review.get("note", ""),
    }


def write_csv(candidates: Sequence[Candidate], path: Union[str, Path]) -> Path:
    """CSV (UTF-8 with BOM so Excel shows Vietnamese), one row per candidate, Vietnamese headers.

    Args:
        candidates: the candidates.
        path: output file.

    Returns:
        The path written.
    """
    def save(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow([h for _, h in COLUMNS])
            for c in candidates:
                row = candidate_row(c)
                w.writerow([row[k] for k, _ in COLUMNS])

    return save_atomic(save, path, ".csv")


def write_xlsx(
    candidates: Sequence[Candidate], path: Union[str, Path], *, assumptions: Optional[Assumptions] = None
) -> Path:
    """XLSX workbook: "Đề xuất" (one row per candidate), "Tổng hợp" (per rule), "Giả định" (cost figures).

    Args:
        candidates: the candidates.
        path: output file.
        assumptions: the cost figures used (shown with their sources).

    Returns:
        The path written.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    a = assumptions or Assumptions()
    summary = summarize(candidates, a)
    wb = Workbook()
    ws = wb.active
    ws.title = "Đề xuất"
    ws.append([h for _, h in COLUMNS])
    style_header_row(ws[1])
    for c in candidates:
        row = candidate_row(c)
        ws.append([row[k] for k, _ in COLUMNS])
    widths = {"title": 40, "component": 40, "evidence": 60, "proposal": 60, "legal_basis": 50, "legal_texts": 40, "provisions": 50, "dossier_line": 60,
              "saving_basis": 40}
    for i, (k, _) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = widths.get(k, 16)
        if k in ("cost_before", "cost_after", "saving"):
            for cell in ws[get_column_letter(i)][1:]:
                cell.number_format = "#,##0"
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = ws.dimensions

    s = wb.create_sheet("Tổng hợp")
    s.append(["Quy tắc", "Nội dung", "Tiêu chí", "Số đề xuất", "Tiết kiệm/năm (đồng)"])
    style_header_row(s[1], wrap=False)
    for rid, r in summary["per_rule"].items():
        s.append([rid, r["title"], r["criterion"], r["count"], r["saving_per_year_vnd"]])
    s.append(["", "Tổng cộng", "", summary["candidates"], summary["saving_per_year_vnd"]])
    s[s.max_row][1].font = Font(bold=True, name=FONT)
    for col, w in zip("ABCDE", (10, 70, 22, 12, 22)):
        s.column_dimensions[col].width = w
    for cell in s["E"][1:]:
        cell.number_format = "#,##0"

    g = wb.create_sheet("Giả định")
    g.append(["Giả định", "Giá trị", "Nguồn / ghi chú"])
    style_header_row(g[1], wrap=False)
    for k, v in a.to_dict().items():
        if k.startswith("_"):
            continue
        g.append([k, str(v) if isinstance(v, dict) else v, SOURCES.get(k, "")])
    g.append(["Phương pháp", "", a.to_dict()["_method"]])
    for col, w in zip("ABC", (28, 16, 110)):
        g.column_dimensions[col].width = w

    return save_atomic(wb.save, path, ".xlsx")


def to_json(candidates: Sequence[Candidate], assumptions: Optional[Assumptions] = None) -> dict[str, Any]:
    """{"candidates": [...], "summary": {...}} — the ``rasoat simplify --json`` payload."""
    return {"candidates": [c.to_dict() for c in candidates], "summary": summarize(candidates, assumptions)}


__all__ = ["COLUMNS", "candidate_row", "to_json", "write_csv", "write_xlsx"]
