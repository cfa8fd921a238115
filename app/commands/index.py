"""`rasoat index SOURCE... --index DIR`: build or update the index bundle (incremental)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _progress_wanted(args: argparse.Namespace) -> bool:
    return sys.stderr.isatty() and not getattr(args, "quiet", False) and not getattr(args, "json", False)


def print_report(report, out=sys.stdout) -> None:
    """Human summary of an IndexReport, in Vietnamese."""
    print(
        f"Đã lập chỉ mục: {report.documents} bản ghi, {report.units} đơn vị tìm kiếm "
        f"({report.seconds:.1f} giây).", file=out)
    print(
        f"Nguồn: thêm {report.added}, cập nhật {report.updated}, xóa {report.removed}, "
        f"không đổi {report.unchanged}; nhúng mới {report.embedded} đơn vị.", file=out)
    if getattr(report, "model", ""):
        print(f"Mô hình nhúng: {report.model}.", file=out)
    if report.failed:
        print(f"Không đọc được {len(report.failed)} tệp/phần:", file=out)
        for f in report.failed:
            print(f"  - {f.path}: {f.error}", file=out)


def run(args: argparse.Namespace) -> int:
    """Run the index command. Returns 0 all indexed, 1 some input failed or index busy, 2 usage error."""
    from indexer.bundle import IndexLockedError
    from indexer.embeddings import ModelError
    from indexer.pipeline import index_sources

    missing = [s for s in args.sources if not Path(s).exists()]
    if missing:
        for s in missing:
            print(f"rasoat index: không tìm thấy nguồn: {s}", file=sys.stderr)
        return 2
    try:
        report = index_sources(args.sources, Path(args.index), model=args.model, rebuild=args.rebuild,
                               progress=_progress_wanted(args), wait=args.wait)
    except IndexLockedError as exc:
        print(f"rasoat index: {exc}", file=sys.stderr)
        return 1
    except ModelError as exc:
        print(f"rasoat index: {exc}", file=sys.stderr)
        return 2
    for msg in report.messages:
        print(msg, file=sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    elif not args.quiet or report.failed:
        print_report(report)
    return 1 if report.failed else 0
