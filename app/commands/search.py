"""`rasoat search QUERY --index DIR`: hybrid search over procedures and regulations."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any, Optional


def where_dict(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """``--where`` pairs to a filter dict (a key given twice means any of the values)."""
    out: dict[str, Any] = {}
    for key, value in pairs or []:
        if key in out:
            prev = out[key]
            out[key] = (prev if isinstance(prev, list) else [prev]) + [value]
        else:
            out[key] = value
    return out


def open_or_explain(index: str, command: str):
    """Open the index, or print a clear Vietnamese message and return None."""
    from indexer.bundle import IndexMissingError
    from search import open_index

    try:
        ix = open_index(Path(index))
    except (IndexMissingError, FileNotFoundError):
        print(f"rasoat {command}: chưa có chỉ mục tại {index}. Hãy lập chỉ mục trước: "
              f"rasoat index <TỆP/THƯ MỤC> --index {index}", file=sys.stderr)
        return None
    if not ix.units():
        print(f"rasoat {command}: chỉ mục tại {index} đang trống (chưa có bản ghi nào).", file=sys.stderr)
        return None
    return ix


_MARK = re.compile(r"</?mark>")


def terminal_snippet(snippet: str, tty: bool) -> str:
    """Turn ``<mark>`` into bold (terminal) or «» (pipe) and unescape HTML."""
    import html

    if tty:
        s = snippet.replace("<mark>", "\033[1m").replace("</mark>", "\033[0m")
    else:
        s = snippet.replace("<mark>", "«").replace("</mark>", "»")
    return html.unescape(_MARK.sub("", s)).replace("\n", " ")


def print_hits(hits, out=sys.stdout, explain: bool = False) -> None:
    """Human listing of hits, in Vietnamese."""
    tty = out.isatty()
    for i, h in enumerate(hits, 1):
        label = {"procedure": "Thủ tục", "process": "Quy trình"}.get(h.kind, "Văn bản")
        print(f"{i}. [{label}] {h.title}  (điểm {h.score:.3f})", file=out)
        print(f"   Trích dẫn: {h.citation}", file=out)
        print(f"   {terminal_snippet(h.snippet, tty)}", file=out)
        print(f"   Nguồn: {h.source}   Mã: {h.id}", file=out)
        if explain and h.explain:
            e = h.explain
            print(f"   Giải thích: từ khóa hạng {e.get('lexical_rank')} (điểm {_fmt(e.get('lexical_score'))}), "
                  f"ngữ nghĩa hạng {e.get('dense_rank')} (điểm {_fmt(e.get('dense_score'))}), "
                  f"đơn vị {e.get('unit')}"
                  + ("; mã thủ tục được nêu trong câu hỏi" if e.get("code_match") else "")
                  + ("; đúng cấp thực hiện được nêu trong câu hỏi" if e.get("named_level") else "")
                  + ("; tên mở đầu bằng việc câu hỏi không nhắc (gia hạn, cấp lại…)" if e.get("unasked_action") else ""),
                  file=out)


def _fmt(x: Optional[float]) -> str:
    return "—" if x is None else f"{x:.3f}"


def run(args: argparse.Namespace) -> int:
    """Run the search command. Returns 0 ok, 2 usage error (no index, bad filter)."""
    from search.index import SearchError

    ix = open_or_explain(args.index, "search")
    if ix is None:
        return 2
    try:
        hits = ix.search(args.query, k=args.k, where=where_dict(args.where), mode=args.mode, explain=args.explain)
    except SearchError as exc:
        print(f"rasoat search: {exc}", file=sys.stderr)
        return 2
    for w in ix.warnings:
        print(f"Lưu ý: {w}", file=sys.stderr)
    if args.json:
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("Không tìm thấy kết quả nào.")
        return 0
    print_hits(hits, explain=args.explain)
    return 0
