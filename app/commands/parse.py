"""`rasoat parse PATH... [--json] [--max-mb N]`: read files/folders and print the records.

--json: one JSON line per record on stdout (``record.to_dict()``); failures as JSON lines
``{"path", "error"}``, warnings (a file with no record, a quy trình without steps) as
``{"path", "warning"}`` and a final summary line ``{"summary": {...}}`` on stderr.
Without --json: a readable Vietnamese summary (counts per kind and per file, first records).
Exit 0 when everything parsed, 1 when some input failed, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections import Counter, OrderedDict
from pathlib import Path

KIND_LABELS = {"procedure": "thủ tục", "regulation": "điều khoản", "catalogue_entry": "dòng danh mục",
               "process": "quy trình"}
SHOW_FIRST = 5


def _record_line(rec) -> str:  # type: ignore[no-untyped-def]
    kind = getattr(rec, "kind", "")
    if kind == "procedure":
        code = f"[{rec.code}] " if rec.code else ""
        extra = ", ".join(x for x in (rec.level, rec.field) if x)
        return f"  - Thủ tục {code}{rec.name}" + (f" ({extra})" if extra else "")
    if kind == "regulation":
        title = f" — {rec.article_title}" if rec.article_title else ""
        page = f" (trang {rec.source.page})" if rec.source.page else ""
        return f"  - {rec.citation}{title}{page}"
    if kind == "catalogue_entry":
        code = f"[{rec.code}] " if rec.code else ""
        return f"  - Dòng {rec.row}: {code}{rec.name}"
    if kind == "process":
        return "\n".join("  " + ln for ln in format_process(rec).split("\n"))
    return f"  - {rec!r}"


def format_process(p) -> str:  # type: ignore[no-untyped-def]
    """Plain-text view of a quy trình, in Vietnamese (header, time, fee, papers, steps)."""
    from indexer.units import process_step_text

    code = f"[{p.code}] " if p.code else ""
    lines = [f"- Quy trình {code}{p.title}" + (f" — {p.agency}" if p.agency else "")]
    meta = "; ".join(x for x in (f"lần ban hành {p.revision}" if p.revision else "",
                                 f"ngày {p.issued}" if p.issued else "") if x)
    if meta:
        lines.append(f"  {meta}")
    if p.time_limit is not None:
        from indexer.units import duration_text

        lines.append(f"  Thời gian xử lý: {duration_text(p.time_limit) or 'không rõ'}")
    if p.fee is not None:
        lines.append(f"  Lệ phí: {p.fee.text}")
    if p.references:
        lines.append(f"  Tài liệu viện dẫn, cơ sở pháp lý: {len(p.references)} văn bản ("
                     + ", ".join(r.number for r in p.references if r.number) + ")")
    if p.documents:
        lines.append(f"  Thành phần hồ sơ ({len(p.documents)}):")
        lines += [f"    - {d.name}" + (f" ({d.quantity})" if d.quantity else "") for d in p.documents]
    lines.append(f"  Các bước ({len(p.steps)}):" if p.steps else "  Các bước: không tìm thấy")
    lines += [f"    {process_step_text(s)}" for s in p.steps]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Run `rasoat parse`.

    Args:
        args: parsed arguments with ``paths``, ``json``, ``max_mb``.

    Returns:
        0 all inputs parsed, 1 some input failed, 2 usage error.
    """
    from indexer.readers import iter_source_files, read_path

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        for p in missing:
            sys.stderr.write(f"rasoat parse: không tìm thấy tệp hoặc thư mục: {p}\n")
        return 2
    max_bytes = None
    if args.max_mb is not None:
        if args.max_mb <= 0:
            sys.stderr.write("rasoat parse: --max-mb phải là số dương.\n")
            return 2
        max_bytes = int(args.max_mb * 1024 * 1024)

    files = iter_source_files(args.paths)
    per_file: "OrderedDict[str, Counter]" = OrderedDict()
    kinds: Counter = Counter()
    failures = []
    warns = []
    shown: list = []
    out = sys.stdout
    for f in files:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # library warnings would break the JSON-lines stderr
            res = read_path(f, max_bytes=max_bytes)
        counter = per_file.setdefault(str(f), Counter())
        for rec in res.records:
            kinds[rec.kind] += 1
            counter[rec.kind] += 1
            if args.json:
                out.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
            elif len(shown) < SHOW_FIRST:
                shown.append(rec)
        for fail in res.failures:
            failures.append(fail)
            if args.json:
                sys.stderr.write(json.dumps(fail.to_dict(), ensure_ascii=False) + "\n")
        for w in res.warnings:
            warns.append(w)
            if args.json:
                sys.stderr.write(json.dumps(w.to_dict(), ensure_ascii=False) + "\n")
    total = sum(kinds.values())
    summary = {
        "files": len(files),
        "records": total,
        "by_kind": dict(kinds),
        "failed": len(failures),
        "warnings": len(warns),
    }
    if args.json:
        sys.stderr.write(json.dumps({"summary": summary}, ensure_ascii=False) + "\n")
    else:
        parts = ", ".join(f"{n} {KIND_LABELS.get(k, k)}" for k, n in kinds.most_common()) or "không có bản ghi nào"
        warn_text = f", {len(warns)} cảnh báo" if warns else ""
        out.write(f"Đã đọc {len(files)} tệp: {total} bản ghi ({parts}); {len(failures)} tệp lỗi{warn_text}.\n")
        if per_file:
            out.write("\nTheo tệp:\n")
            for name, c in per_file.items():
                desc = ", ".join(f"{n} {KIND_LABELS.get(k, k)}" for k, n in c.most_common()) or "0 bản ghi"
                out.write(f"  {name}: {desc}\n")
        if shown:
            out.write(f"\nMột vài bản ghi đầu tiên ({len(shown)}/{total}):\n")
            for rec in shown:
                out.write(_record_line(rec) + "\n")
        if failures:
            out.write("\nTệp không đọc được:\n")
            for fail in failures:
                out.write(f"  ✗ {fail.path}: {fail.error}\n")
        if warns:
            out.write("\nCảnh báo:\n")
            for w in warns:
                out.write(f"  ! {w.path}: {w.warning}\n")
    out.flush()
    return 1 if failures else 0


__all__ = ["run"]
