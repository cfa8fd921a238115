"""Reading speed of quy trình ISO documents (corpus/quy-trinh), files per second.

Usage:
    nice -n 10 .venv/bin/python benchmarks/process_reading.py [--rounds 20] [--folder corpus/quy-trinh]

Each readable quy trình (DOCX, PDF) is read ``rounds`` times from bytes already in memory with
``indexer.readers.read_bytes`` (format detection, text extraction, the quy trình reader, the
PDF layout pass). The peer, timed in the same run on the same bytes, is bare text extraction
(``extract_docx_blocks`` / ``extract_pdf_pages``): the ratio is what recognising the header,
sections, references, papers and step table costs on top of getting the text out.
Prints files/s per format and the ratios; also checks every file still gives one record.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from indexer.docx_text import extract_docx_blocks  # noqa: E402
from indexer.pdf_text import extract_pdf_pages  # noqa: E402
from indexer.readers import iter_source_files, read_bytes  # noqa: E402


def _time(fn, items: list[tuple[str, bytes]], rounds: int) -> float:  # type: ignore[no-untyped-def]
    """Seconds for ``rounds`` passes over ``items`` (best of the passes × rounds, to damp noise)."""
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for name, data in items:
            fn(name, data)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--folder", default=str(REPO / "corpus" / "quy-trinh"))
    args = ap.parse_args()
    files = [Path(f) for f in iter_source_files([args.folder])]
    by_fmt: dict[str, list[tuple[str, bytes]]] = {"docx": [], "pdf": []}
    for f in files:
        fmt = f.suffix.lower().lstrip(".")
        if fmt in by_fmt:
            by_fmt[fmt].append((str(f), f.read_bytes()))
    for name, data in by_fmt["docx"] + by_fmt["pdf"]:
        res = read_bytes(data, name)
        assert len(res.records) == 1 and res.records[0].kind == "process", (name, res.failures)
    peers = {"docx": lambda n, d: extract_docx_blocks(d), "pdf": lambda n, d: extract_pdf_pages(d)}
    print(f"Quy trình: {len(by_fmt['docx'])} DOCX, {len(by_fmt['pdf'])} PDF; {args.rounds} vòng, lấy vòng nhanh nhất")
    total_n, total_s = 0, 0.0
    for fmt, items in by_fmt.items():
        if not items:
            continue
        ours = _time(lambda n, d: read_bytes(d, n), items, args.rounds)
        peer = _time(peers[fmt], items, args.rounds)
        total_n += len(items)
        total_s += ours
        print(f"  {fmt.upper():4s}: đọc quy trình {len(items) / ours:7.1f} tệp/s ({1000 * ours / len(items):6.1f} ms/tệp); "
              f"chỉ trích chữ {len(items) / peer:7.1f} tệp/s; tỉ lệ thời gian {ours / peer:4.2f}×")
    print(f"  Tổng: {total_n / total_s:.1f} tệp/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
