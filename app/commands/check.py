"""`rasoat check`: soát xét quy trình ISO 9001 — tie each quy trình to its procedure and check it.

Exit codes: 0 every file was read; 1 some file gave no quy trình (unreadable, scanned, not a
quy trình) — reported with the reason, the others still checked; 2 usage error (missing path
or index, unwritable output).
"""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from pathlib import Path

from app.commands.duplicates import open_index_or_none


def _print_text(checks, out) -> None:
    from search.processes import FINDING_LABELS, STATUS_LABELS

    n = sum(1 for c in checks if c.process is not None)
    out.write(f"Đã soát xét {n} quy trình; {sum(len(c.findings) for c in checks)} phát hiện.\n")
    for c in checks:
        p = c.process
        if p is None:
            out.write(f"\n✗ {c.path}\n   Không đọc được: {c.error}\n")
            continue
        out.write(f"\n• {p.code + ' — ' if p.code else ''}{p.title}  [{p.agency}]\n   Tệp: {c.path}\n")
        proc = c.procedure
        status = STATUS_LABELS.get(c.status, c.status)
        if proc is not None:
            score = f"{c.tie.score:.2f}".replace(".", ",")
            out.write(f"   Thủ tục: {proc.code or proc.id} {proc.name} — {status}, điểm {score}\n")
        else:
            out.write(f"   Thủ tục: (không có) — {status}: {c.tie.reason}\n")
        for w in c.warnings:
            out.write(f"   Cảnh báo: {w}\n")
        for f in c.findings:
            out.write(f"   - [{FINDING_LABELS.get(f.kind, f.kind)}] {f.detail}\n")
            for e in f.evidence[-2:]:
                if e.get("process"):
                    out.write(f"       Quy trình: {e['process']}\n")
                if e.get("procedure"):
                    out.write(f"       Thủ tục:   {e['procedure']}\n")
            out.write(f"       Căn cứ: {f.legal_basis}\n")


def run(args: Namespace) -> int:
    """Check the quy trình files in ``args.paths`` against the index; print text or JSON, write XLSX/DOCX."""
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        sys.stderr.write("rasoat: không tìm thấy: " + ", ".join(missing) + "\n")
        return 2
    for out in (args.xlsx, args.docx):
        if out and not Path(out).expanduser().resolve().parent.is_dir():
            sys.stderr.write(f"rasoat: thư mục ghi tệp không tồn tại: {out}\n")
            return 2
    index = open_index_or_none(args.index)
    if index is None:
        return 2
    from search.processes import check_files

    checks = check_files(args.paths, index)
    written = []
    if args.xlsx:
        from search.processes.reports import write_xlsx

        written.append(str(write_xlsx(checks, args.xlsx)))
    if args.docx:
        from search.processes.reports import write_docx

        written.append(str(write_docx(checks, args.docx)))
    unread = [c for c in checks if c.process is None]
    if args.json:
        json.dump([c.to_dict() for c in checks], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        _print_text(checks, sys.stdout)
        for w in written:
            sys.stdout.write(f"\nĐã ghi: {w}\n")
    if not checks:
        sys.stderr.write("rasoat: không có tệp nào để soát xét.\n")
        return 1
    for c in unread:
        sys.stderr.write(f"rasoat: {c.path}: {c.error}\n")
    return 1 if unread else 0
