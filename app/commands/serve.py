"""`rasoat serve`: start the web app."""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    """Start the Gradio app on ``--host``/``--port`` for ``--index`` (blocks until stopped).

    Returns:
        0 after a normal stop, 2 for a malformed ``--auth`` or port.
    """
    from app.web.server import launch, parse_auth

    try:
        auth = parse_auth(args.auth)
    except ValueError as exc:
        sys.stderr.write(f"rasoat: lỗi cú pháp lệnh: {exc}\n")
        return 2
    if not (0 < int(args.port) < 65536):
        sys.stderr.write("rasoat: lỗi cú pháp lệnh: --port phải trong khoảng 1–65535\n")
        return 2
    if args.host not in ("127.0.0.1", "localhost", "::1") and auth is None:
        sys.stderr.write(
            f"rasoat: cảnh báo: giao diện mở trên {args.host} mà không có mật khẩu; nên dùng --auth TÊN:MẬT_KHẨU.\n"
        )
    launch(args.index, host=args.host, port=int(args.port), auth=auth, data_dir=args.data_dir, block=True)
    return 0
