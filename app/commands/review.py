"""`rasoat review CANDIDATE_ID accept|reject|note|clear [--note TEXT]`: record a reviewer decision."""

from __future__ import annotations

import sys
from argparse import Namespace

from app.commands.duplicates import open_index_or_none


def find_candidate(index, candidate_id: str):
    """The candidate with this id in the index (None if none). Only its rule is run."""
    from search.simplify.advisor import advise, advise_index
    from search.simplify.rules import RULE_BY_ID

    parts = candidate_id.rsplit("-", 2)
    if len(parts) != 3 or parts[1] not in RULE_BY_ID:
        return None
    code, rule, _ = parts
    if rule in ("R4", "R6"):  # needs the comparison groups of the whole index
        cands = advise_index(index, rules=[rule])
    else:
        proc = index.get(f"tthc:{code}" if code.startswith("~") else code)
        if proc is None or getattr(proc, "kind", "") != "procedure":
            return None
        cands = advise([proc], rules=[rule])
    return next((c for c in cands if c.id == candidate_id), None)


def run(args: Namespace) -> int:
    """Store accept / reject / note / clear for one candidate. Exit 1 when the id is unknown."""
    from search.simplify.reviews import DECISION_LABELS, reviews_path, set_review

    index = open_index_or_none(args.index)
    if index is None:
        return 2
    cand = find_candidate(index, args.candidate)
    if cand is None:
        sys.stderr.write(f"rasoat: không tìm thấy đề xuất {args.candidate} trong chỉ mục {args.index} "
                         "(xem mã đề xuất bằng `rasoat simplify`).\n")
        return 1
    if args.decision == "note" and not args.note:
        sys.stderr.write("rasoat: cần --note \"nội dung ghi chú\" khi chọn note.\n")
        return 2
    try:
        review = set_review(index.path, cand, args.decision, args.note)
    except ValueError as exc:
        sys.stderr.write(f"rasoat: {exc}\n")
        return 2
    if review is None:
        sys.stdout.write(f"Đã xóa ý kiến thẩm định của {cand.id}.\n")
    else:
        label = DECISION_LABELS.get(review.decision, review.decision)
        sys.stdout.write(f"{label}: {cand.id} — {cand.code} {cand.title[:80]}\n  {cand.component[:120]}\n"
                         f"{'  Ghi chú: ' + review.note + chr(10) if review.note else ''}"
                         f"Lưu tại {reviews_path(index.path)}\n")
    return 0
