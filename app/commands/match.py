"""`rasoat match LIST`: match a list of procedures (CSV/XLSX) to the index."""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from pathlib import Path

from app.commands.duplicates import open_index_or_none
from indexer.records import CatalogueEntry

_STATUS = {"matched": "khớp", "ambiguous": "chưa rõ", "unmatched": "không khớp"}
MATCH_COLUMNS = ["Kết quả đối chiếu", "Mã khớp", "Tên thủ tục khớp", "Cấp thực hiện", "Điểm", "Ứng viên khác",
                 "Ghi chú"]


def write_xlsx(results: list, out: Path) -> None:
    """The list's own columns (name, code, the others as read) and the match beside each row.

    A cell with several procedures gets one line per procedure in the match columns.

    Args:
        results: ``MatchResult`` per row, in order.
        out: the XLSX path.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    extra_cols: list[str] = []
    for r in results:
        for k in r.entry.extra:
            if k not in extra_cols:
                extra_cols.append(k)
    wb = Workbook()
    ws = wb.active
    ws.title = "Đối chiếu"
    head = ["Dòng", "Mã (trong danh mục)", "Tên thủ tục (trong danh mục)", *extra_cols, *MATCH_COLUMNS]
    ws.append(head)
    fills = {"matched": "E2F0D9", "ambiguous": "FFF2CC", "unmatched": "F8CBAD"}
    for r in results:
        units = r.parts or [r]
        best = [u.matches[0] if u.matches else {} for u in units]
        others = ["; ".join(f"{m['code']} ({m['score']:.2f})" for m in u.matches[1:]) for u in units]
        ws.append([
            r.entry.row, r.entry.code, r.entry.name, *[r.entry.extra.get(k, "") for k in extra_cols],
            _STATUS[r.status],
            "\n".join(b.get("code", "") for b in best),
            "\n".join(b.get("title", "") for b in best),
            "\n".join(b.get("level", "") for b in best),
            "\n".join(f"{b['score']:.2f}" if b else "" for b in best) if len(units) > 1
            else (round(float(best[0]["score"]), 3) if best and best[0] else ""),
            "\n".join(others),
            r.reason,
        ])
        ws.cell(ws.max_row, len(head) - len(MATCH_COLUMNS) + 1).fill = PatternFill(
            "solid", fgColor=fills.get(r.status, "FFFFFF"))
    for c in ws[1]:
        c.font = Font(bold=True)
    widths = {"Tên thủ tục (trong danh mục)": 60, "Tên thủ tục khớp": 60, "Ghi chú": 40, "Ứng viên khác": 30}
    for j, h in enumerate(head, 1):
        ws.column_dimensions[ws.cell(1, j).column_letter].width = widths.get(h, 16)
    for row in ws.iter_rows(min_row=2):
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "D2"
    from search.report_style import save_atomic

    save_atomic(wb.save, out, suffix=".xlsx")  # a failed save leaves the old file untouched


def read_list(path: Path) -> tuple[list[CatalogueEntry], list[str]]:
    """Read a CSV/XLSX list into rows; returns (rows, Vietnamese error messages)."""
    try:
        from indexer.readers import read_path

        res = read_path(path)
    except ImportError:
        from indexer.catalogue_list import read_catalogue_bytes

        fmt = "xlsx" if path.suffix.lower() in (".xlsx", ".xlsm") else "csv"
        res = read_catalogue_bytes(path.read_bytes(), str(path), fmt)
    rows = [r for r in res.records if isinstance(r, CatalogueEntry)]
    errors = [f"{f.path}: {f.error}" for f in res.failures]
    if not rows and not errors:
        errors.append(f"{path}: không tìm thấy danh mục thủ tục (cần cột tên thủ tục)")
    return rows, errors


def run(args: Namespace) -> int:
    """Match the list and print one line per row. Exit 2 for a missing list/index, 1 if unreadable."""
    path = Path(args.list)
    if not path.is_file():
        sys.stderr.write(f"rasoat: không tìm thấy tệp danh mục {args.list}.\n")
        return 2
    index = open_index_or_none(args.index)
    if index is None:
        return 2
    rows, errors = read_list(path)
    for e in errors:
        sys.stderr.write(f"rasoat: không đọc được danh mục — {e}\n")
    if not rows:
        return 1
    from search.duplicates.catalogue import match_catalogue, summary

    results = match_catalogue(index, rows, k=max(1, args.k))
    counts = summary(results)
    if getattr(args, "xlsx", None):
        write_xlsx(results, Path(args.xlsx))
    if args.json:
        json.dump({"summary": counts, "results": [r.to_dict() for r in results]}, sys.stdout,
                  ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        out = sys.stdout
        out.write(f"Đối chiếu {len(results)} dòng: {counts['matched']} khớp, {counts['ambiguous']} chưa rõ, "
                  f"{counts['unmatched']} không khớp.\n")
        for r in results:
            best = r.matches[0] if r.matches else None
            line = f"Dòng {r.entry.row}: [{_STATUS[r.status]}] {r.entry.name or r.entry.code}"
            if best and r.status != "unmatched" and not r.parts:
                line += f" → {best['code']} {best['title']} ({best['score']:.2f})"
            out.write(line + "\n")
            if r.status == "ambiguous":
                for m in [m for m in r.matches[1:] if m["score"] >= r.matches[0]["score"] - 0.1]:
                    out.write(f"      hoặc {m['code']} {m['title']} [{m['level']}] ({m['score']:.2f})\n")
            for part in r.parts:
                pb = part.matches[0] if part.matches else None
                out.write(f"      • [{_STATUS[part.status]}] {part.entry.name}"
                          + (f" → {pb['code']} {pb['title']} ({pb['score']:.2f})"
                             if pb and part.status != "unmatched" else "") + "\n")
            if r.reason and r.status != "matched" and not r.parts:
                out.write(f"      {r.reason}\n")
        if getattr(args, "xlsx", None):
            out.write(f"Đã ghi XLSX: {args.xlsx}\n")
    return 1 if errors else 0
