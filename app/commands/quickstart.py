"""`rasoat quickstart`: index the sample corpus, run a few example searches, optionally serve the UI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO_CORPUS = Path(__file__).resolve().parents[2] / "corpus"

EXAMPLES = [
    ("đăng ký khai sinh", None, "có dấu"),
    ("dang ky khai sinh", None, "không dấu"),
    ("cơ chế một cửa liên thông", {"kind": "regulation"}, "chỉ tìm văn bản quy phạm"),
    ("cấp giấy phép", {"kind": "procedure", "level": "tỉnh"}, "lọc: thủ tục cấp tỉnh"),
]


def run(args: argparse.Namespace) -> int:
    """Run quickstart. Returns 0 ok, 1 some corpus files failed, 2 no corpus / busy index."""
    from app.commands.index import print_report
    from app.commands.search import print_hits
    from indexer.bundle import IndexLockedError
    from indexer.pipeline import index_sources
    from search import open_index

    corpus = Path(args.corpus) if args.corpus else REPO_CORPUS
    if not corpus.exists() or (corpus.is_dir() and not any(corpus.iterdir())):
        print(f"rasoat quickstart: không có corpus tại {corpus} (dùng --corpus THƯ_MỤC).", file=sys.stderr)
        return 2
    index = Path(args.index)
    print(f"Lập chỉ mục {corpus} → {index} …")
    try:
        report = index_sources([corpus], index, progress=sys.stderr.isatty())
    except IndexLockedError as exc:
        print(f"rasoat quickstart: {exc}", file=sys.stderr)
        return 2
    for m in report.messages:
        print(m)
    print_report(report)
    ix = open_index(index)
    for query, where, note in EXAMPLES:
        flt = "".join(f" --where {k}={v}" for k, v in (where or {}).items())
        print(f"\n$ rasoat search \"{query}\" --index {index} -k 3{flt}    # {note}")
        hits = ix.search(query, k=3, where=where)
        if hits:
            print_hits(hits)
        else:
            print("Không tìm thấy kết quả nào.")
    print(f"\nXem đầy đủ một bản ghi: rasoat show <MÃ> --index {index}")
    if args.serve:
        from app.web.server import launch

        print(f"Mở giao diện web tại http://{args.host}:{args.port} …")
        launch(index, args.host, args.port)
    return 1 if report.failed else 0
