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


def _group_of(report) -> dict[str, int]:
    """code → group number (1-based, in report order)."""
    return {code: g for g, c in enumerate(report.clusters, 1) for code in c.members}


def _write_csv(report, out: str) -> None:
    """Pairs, one a row, with the group both sides belong to and the action that covers the pair."""
    group = _group_of(report)
    labels = {g: c.action_label for g, c in enumerate(report.clusters, 1)}
    with open(out, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["ma_a", "ten_a", "ma_b", "ten_b", "diem", "quan_he", "ly_do",
                    "giay_to_chung", "giay_to_chi_a", "giay_to_chi_b", "can_cu_chung", "nhom", "hanh_dong"])
        for p in report.pairs:
            ev = p.evidence
            ga, gb = group.get(p.a.code or p.a.id), group.get(p.b.code or p.b.id)
            same = ga if ga is not None and ga == gb else ""
            action = labels[same] if same else ("Liên thông" if p.relation == "overlap" else "")
            w.writerow([
                p.a.code, p.a.name, p.b.code, p.b.name, f"{p.score:.4f}", p.relation, p.why,
                " | ".join(ev["documents"]["shared"]), " | ".join(ev["documents"]["only_a"]),
                " | ".join(ev["documents"]["only_b"]), " | ".join(ev["legal_basis"]["shared"]), same, action,
            ])


def _write_groups_csv(report, out: str) -> None:
    """Groups, one a row: action, members, saving of that action, evidence."""
    with open(out, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["nhom", "so_thu_tuc", "quan_he", "hanh_dong", "de_xuat", "ma_dai_dien", "ten_dai_dien",
                    "cac_thu_tuc", "bot_thu_tuc", "bot_giay_to", "bot_ngay", "ty_le_cap_lien_ket", "can_cu"])
        for g, c in enumerate(report.clusters, 1):
            w.writerow([g, len(c.members), c.relation, c.action_label, c.proposal, c.representative, c.titles[0],
                        " | ".join(f"{m} {t}" for m, t in zip(c.members, c.titles)), c.saving_procedures,
                        c.saving_papers, f"{c.saving_days:g}", f"{c.pair_share:.2f}", " | ".join(c.evidence)])


def run(args: Namespace) -> int:
    """Find and print duplicate pairs, groups and themes. Exit 2 when the index is missing."""
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
    if getattr(args, "groups_csv", None):
        _write_groups_csv(report, args.groups_csv)
    if args.json:
        payload = report.to_dict()
        if proc_pairs or proc_groups:
            payload["process_pairs"] = [p.to_dict() for p in proc_pairs]
            payload["process_groups"] = [g.to_dict() for g in proc_groups]
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    out = sys.stdout
    actions: dict[str, int] = {}
    for c in report.clusters:
        actions[c.action_label] = actions.get(c.action_label, 0) + 1
    out.write(f"Đã xét {report.procedures} thủ tục: {len(report.pairs)} cặp giống nhau "
              f"(ngưỡng {report.min_score:.2f}), {len(report.clusters)} nhóm "
              f"({', '.join(f'{n} {k.lower()}' for k, n in actions.items()) or 'không có'}), "
              f"{len(report.themes)} liên kết chồng chéo giữa các nhóm; "
              f"{report.removable()} thủ tục có thể bãi bỏ vì trùng lặp.\n")
    for n, p in enumerate(report.pairs, 1):
        out.write(f"\n{n}. [{RELATION_LABELS.get(p.relation, p.relation)}] điểm {p.score:.2f}\n")
        out.write(f"   A {p.a.code}: {p.a.name}\n   B {p.b.code}: {p.b.name}\n   Lý do: {p.why}\n")
        docs = p.evidence.get("documents", {})
        if docs.get("shared"):
            out.write(f"   Giấy tờ chung: {'; '.join(docs['shared'][:5])}\n")
        if docs.get("only_a") or docs.get("only_b"):
            out.write(f"   Chỉ A: {len(docs.get('only_a', []))} giấy tờ; chỉ B: {len(docs.get('only_b', []))} giấy tờ\n")
    if report.clusters:
        out.write("\nNhóm thủ tục và hành động đề xuất (tiết kiệm nhiều nhất trước):\n")
        for n, c in enumerate(report.clusters, 1):
            out.write(f"{n}. [{c.action_label}] {len(c.members)} thủ tục, đại diện {c.representative} "
                      f"«{c.titles[0]}»: {', '.join(c.members)}\n   Đề xuất: {c.proposal}\n"
                      f"   Tiết kiệm: bớt {c.saving_procedures} thủ tục, {c.saving_papers} giấy tờ, "
                      f"{c.saving_days:g} ngày làm việc\n")
            for line in c.evidence[:4]:
                out.write(f"   - {line}\n")
    if report.themes:
        out.write("\nChồng chéo giữa các nhóm/thủ tục khác nhau (ứng viên liên thông, không gộp):\n")
        for n, t in enumerate(report.themes, 1):
            out.write(f"{n}. «{t.a_title}» ({', '.join(t.a[:3])}{'…' if len(t.a) > 3 else ''}) ↔ «{t.b_title}» "
                      f"({', '.join(t.b[:3])}{'…' if len(t.b) > 3 else ''}): {len(t.pairs)} cặp; {t.why}\n")
    if proc_groups:
        out.write("\nQuy trình ISO do nhiều đơn vị viết cho cùng một thủ tục:\n")
        for n, g in enumerate(proc_groups, 1):
            out.write(f"{n}. Thủ tục {g.procedure_code} {g.procedure_title}: {len(g.members)} quy trình\n")
            for m in g.members:
                kinds = ", ".join(sorted({f.kind for f in m.findings})) or "không có phát hiện"
                out.write(f"   - {m.process.code} ({m.process.agency}) — {kinds}\n")
    if args.csv:
        out.write(f"\nĐã ghi CSV: {args.csv}\n")
    if getattr(args, "groups_csv", None):
        out.write(f"Đã ghi CSV nhóm: {args.groups_csv}\n")
    return 0


def _process_pairs(index):
    """Quy trình of the index written by two units for the same procedure (empty without quy trình)."""
    from search.processes import ProcessChecker, indexed_processes, process_pairs

    procs = indexed_processes(index)
    if not procs:
        return [], []
    return process_pairs(ProcessChecker(index).check_all(procs))
