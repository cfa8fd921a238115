"""`rasoat show ID --index DIR`: the full record of a procedure or regulation unit."""

from __future__ import annotations

import argparse
import json
import sys

from indexer.records import LegalUnit, Procedure

_LABELS = [
    ("code", "Mã thủ tục"), ("name", "Tên thủ tục"), ("field", "Lĩnh vực"), ("level", "Cấp thực hiện"),
    ("agency", "Cơ quan thực hiện"), ("applicants", "Đối tượng thực hiện"), ("decision", "Quyết định công bố"),
    ("result", "Kết quả"), ("fee_text", "Phí, lệ phí"), ("time_text", "Thời hạn giải quyết"),
    ("province", "Tỉnh/thành phố"),
]


def format_procedure(p: Procedure) -> str:
    """Plain-text view of a procedure, in Vietnamese."""
    lines = [f"{label}: {getattr(p, key)}" for key, label in _LABELS if getattr(p, key)]
    if p.steps:
        lines.append("Trình tự thực hiện:")
        lines += [f"  {i}. {s}" for i, s in enumerate(p.steps, 1)]
    if p.channels:
        lines.append("Cách thức thực hiện:")
        for c in p.channels:
            t = c.processing_time.text if c.processing_time else ""
            fee = c.fee.text if c.fee else ""
            lines.append("  - " + "; ".join(x for x in (c.channel, t, fee, c.description) if x))
    if p.documents:
        lines.append("Thành phần hồ sơ:")
        lines += [f"  - {d.name}" + (f" ({d.quantity})" if d.quantity else "") for d in p.documents]
    if p.requirements:
        lines.append("Yêu cầu, điều kiện:")
        lines += [f"  - {r}" for r in p.requirements]
    if p.legal_basis:
        lines.append("Căn cứ pháp lý:")
        lines += ["  - " + " ".join(x for x in (b.number, b.title, b.date) if x) for b in p.legal_basis]
    if p.forms:
        lines.append("Mẫu đơn, tờ khai: " + "; ".join(p.forms))
    lines.append(f"Nguồn: {p.source.file}")
    return "\n".join(lines)


def format_regulation(u: LegalUnit) -> str:
    """Plain-text view of a regulation unit, in Vietnamese."""
    head = [f"Trích dẫn: {u.citation}" if u.citation else "",
            f"Văn bản: {' '.join(x for x in (u.doc_type, u.doc_number) if x)} {u.doc_title}".rstrip(),
            f"Ngày ban hành: {u.issued}" if u.issued else "",
            " / ".join(x for x in (u.part, u.chapter, u.section) if x),
            f"Điều {u.article}. {u.article_title}" if u.article else ""]
    return "\n".join([x for x in head if x.strip()] + ["", u.text, "", f"Nguồn: {u.source.file}"])


def run(args: argparse.Namespace) -> int:
    """Run the show command. Returns 0 found, 1 not found, 2 no index."""
    from app.commands.search import open_or_explain

    ix = open_or_explain(args.index, "show")
    if ix is None:
        return 2
    rid = ix.resolve_id(args.id)
    if rid is None:
        print(f"rasoat show: không tìm thấy bản ghi {args.id!r} trong chỉ mục.", file=sys.stderr)
        return 1
    rec = ix.get(rid)
    if args.json:
        print(json.dumps({"id": rid, **rec.to_dict()}, ensure_ascii=False, indent=2))
    elif isinstance(rec, Procedure):
        print(f"[{rid}]\n" + format_procedure(rec))
    elif getattr(rec, "kind", "") == "process":
        from app.commands.parse import format_process

        print(f"[{rid}]\n" + format_process(rec))
    else:
        print(f"[{rid}]\n" + format_regulation(rec))
    return 0
