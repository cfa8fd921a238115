"""`rasoat simplify`: simplification proposals (phương án đơn giản hóa) with estimated savings."""

from __future__ import annotations

import json
import sys
from argparse import Namespace

from app.commands.duplicates import open_index_or_none


def run(args: Namespace) -> int:
    """Run the advisor over the index; print a summary, JSON, and/or write DOCX/XLSX/CSV.

    Exit codes: 0 ok, 2 usage error (missing index, bad --rules or --config).
    """
    from search.simplify.advisor import advise_index, summarize
    from search.simplify.cost_model import format_vnd, load_assumptions
    from search.simplify.rules import resolve_rules

    try:
        rules = resolve_rules(args.rules)
        assumptions = load_assumptions(args.config)
    except ValueError as exc:
        sys.stderr.write(f"rasoat: {exc}\n")
        return 2
    index = open_index_or_none(args.index)
    if index is None:
        return 2
    try:
        candidates = advise_index(index, rules=rules, assumptions=assumptions)
    except ValueError as exc:  # a damaged reviews.json
        sys.stderr.write(f"rasoat: {exc}\n")
        return 2
    n_procedures = len(index.procedures())
    written = []
    if args.docx:
        from search.simplify.plan_docx import write_plan_docx

        extra = {
            k: v
            for k, v in (("agency", args.agency), ("place", args.place), ("max_procedures", args.max_procedures))
            if v is not None
        }
        written.append(str(write_plan_docx(candidates, args.docx, assumptions=assumptions,
                                           reviewed_procedures=n_procedures, **extra)))
    if args.xlsx:
        from search.simplify.exports import write_xlsx

        written.append(str(write_xlsx(candidates, args.xlsx, assumptions=assumptions)))
    if args.csv:
        from search.simplify.exports import write_csv

        written.append(str(write_csv(candidates, args.csv)))
    if args.json:
        from search.simplify.exports import to_json

        payload = to_json(candidates, assumptions)
        payload["summary"]["procedures_reviewed"] = n_procedures
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0

    s = summarize(candidates, assumptions)
    out = sys.stdout
    out.write(f"Rà soát {n_procedures} thủ tục: {s['candidates']} đề xuất cho {s['procedures']} thủ tục.\n")
    for rid, r in s["per_rule"].items():
        if rid in rules:
            out.write(f"  {rid} {r['title']} [{r['criterion']}]: {r['count']} đề xuất, {r['procedures']} thủ tục, "
                      f"{r['papers']} giấy tờ, {r['days']:g} ngày chờ, "
                      f"tiết kiệm {format_vnd(r['saving_per_year_vnd'])}/năm\n")
    out.write(f"Tổng tiết kiệm ước tính: {format_vnd(s['saving_per_year_vnd'])}/năm "
              f"(giả định: {format_vnd(assumptions.hourly_cost_vnd)}/giờ, {assumptions.cases_per_year} hồ sơ/năm; "
              "đổi bằng --config).\n")
    from search.simplify.advisor import worklist

    top = worklist(candidates)[:5]  # the reviewer's list: procedures by saving × confidence
    shown = [c for row in top for c in row.candidates[:3]]
    if shown:
        out.write("\nĐầu danh sách rà soát — thủ tục có tiết kiệm × độ tin cậy lớn nhất "
                  "(mã đề xuất dùng cho `rasoat review`):\n")
    for c in shown:
        decision = (c.review or {}).get("label", "")
        out.write(f"- {c.id} [{c.rule}] {c.code} {c.title[:70]}\n    {c.component[:110]}\n"
                  f"    → {c.proposal[:160]}\n    tiết kiệm {format_vnd(c.saving.per_year_vnd)}/năm; "
                  f"độ tin cậy {c.confidence:.2f}{'; ' + decision if decision else ''}\n")
    for w in written:
        out.write(f"Đã ghi {w}\n")
    return 0
