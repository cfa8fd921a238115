"""`rasoat duplicates`: duplicate, variant, family and overlapping procedures of an index."""

from __future__ import annotations

import csv
import json
import sys
from argparse import Namespace
from pathlib import Path

from search.duplicates.relations import RELATION_LABELS


def open_index_or_none(path: str):
    """Open the index at path, or print a Vietnamese error and return None."""
    p = Path(path)
    if not p.exists():
        sys.stderr.write(f"rasoat: không tìm thấy chỉ mục {path} — hãy chạy `rasoat index` trước.\n")
        return None
    try:
        from search import open_index

        return open_index(p)
    except Exception as exc:  # noqa: BLE001 - any failure to open is a usage problem here
        sys.stderr.write(f"rasoat: không mở được chỉ mục {path}: {exc}\n")
        return None


def _write_csv(report, out: str) -> None:
    with open(out, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["ma_a", "ten_a", "ma_b", "ten_b", "diem", "quan_he", "ly_do",
                    "giay_to_chung", "giay_to_chi_a", "giay_to_chi_b", "can_cu_chung"])
        for p in report.pairs:
            ev = p.evidence
            w.writerow([
                p.a.code, p.a.name, p.b.code, p.b.name, f"{p.score:.4f}", p.relation, p.why,
                " | ".join(ev["documents"]["shared"]), " | ".join(ev["documents"]["only_a"]),
                " | ".join(ev["documents"]["only_b"]), " | ".join(ev["legal_basis"]["shared"]),
            ])


def run(args: Namespace) -> int:
    """Find and print duplicate pairs and clusters. Exit 2 when the index is missing."""
    index = open_index_or_none(args.index)
    if index is None:
        return 2
    from search.duplicates.pairs import find_duplicates

    if args.min_score is not None and not 0.0 <= args.min_score <= 1.0:
        sys.stderr.write("rasoat: --min-score phải nằm trong khoảng 0..1.\n")
        return 2
    report = find_duplicates(index, min_score=args.min_score)
    proc_pairs, proc_groups = _process_pairs(index)
    if args.csv:
        _write_csv(report, args.csv)
    if args.json:
        payload = report.to_dict()
        if proc_pairs or proc_groups:
            payload["process_pairs"] = [p.to_dict() for p in proc_pairs]
            payload["process_groups"] = [g.to_dict() for g in proc_groups]
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    out = sys.stdout
    out.write(f"Đã xét {report.procedures} thủ tục: {len(report.pairs)} cặp giống nhau "
              f"(ngưỡng {report.min_score:.2f}), {len(report.clusters)} nhóm.\n")
    for n, p in enumerate(report.pairs, 1):
        out.write(f"\n{n}. [{RELATION_LABELS.get(p.relation, p.relation)}] điểm {p.score:.2f}\n")
        out.write(f"   A {p.a.code}: {p.a.name}\n   B {p.b.code}: {p.b.name}\n   Lý do: {p.why}\n")
        docs = p.evidence.get("documents", {})
        if docs.get("shared"):
            out.write(f"   Giấy tờ chung: {'; '.join(docs['shared'][:5])}\n")
        if docs.get("only_a") or docs.get("only_b"):
            out.write(f"   Chỉ A: {len(docs.get('only_a', []))} giấy tờ; chỉ B: {len(docs.get('only_b', []))} giấy tờ\n")
    if report.clusters:
        out.write("\nNhóm thủ tục nên xem xét hợp nhất (tiết kiệm nhiều nhất trước):\n")
        for n, c in enumerate(report.clusters, 1):
            out.write(f"{n}. {len(c.members)} thủ tục, đại diện {c.representative}: "
                      f"{', '.join(c.members)} — bớt {c.saving_procedures} thủ tục, "
                      f"{c.saving_papers} giấy tờ lặp, {c.saving_days:g} ngày làm việc\n")
    if proc_groups:
        out.write("\nQuy trình ISO do nhiều đơn vị viết cho cùng một thủ tục:\n")
        for n, g in enumerate(proc_groups, 1):
            out.write(f"{n}. Thủ tục {g.procedure_code} {g.procedure_title}: {len(g.members)} quy trình\n")
            for m in g.members:
                kinds = ", ".join(sorted({f.kind for f in m.findings})) or "không có phát hiện"
                out.write(f"   - {m.process.code} ({m.process.agency}) — {kinds}\n")
    if args.csv:
        out.write(f"\nĐã ghi CSV: {args.csv}\n")
    return 0


def _process_pairs(index):
    """Quy trình of the index written by two units for the same procedure (empty without quy trình)."""
    from search.processes import ProcessChecker, indexed_processes, process_pairs

    procs = indexed_processes(index)
    if not procs:
        return [], []
    return process_pairs(ProcessChecker(index).check_all(procs))
