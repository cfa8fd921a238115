"""Search round trip in the browser: type a query, click “Tra cứu”, wait for the result cards.

Measures, in headless Chromium against the real `rasoat serve`, the time from the click to
the rendered results (median and p95; target < 1 s). The bundle is the national corpus
(2,642 procedures of ../shared/data + the codified regulations), built once into /tmp with
``index_sources`` when missing; ``--max-procedures`` bounds it on slow machines.

    .venv/bin/python benchmarks/web_roundtrip.py                       # national bundle (built once)
    .venv/bin/python benchmarks/web_roundtrip.py --index /tmp/some-bundle --rounds 3
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from web_server import start_server  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
QUERIES = [
    "cấp giấy phép xây dựng", "dang ky khai sinh", "đăng ký kết hôn", "cap lai giay phep lai xe",
    "phiếu lý lịch tư pháp", "thành lập doanh nghiệp tư nhân", "trợ cấp thất nghiệp", "giay phep lao dong",
    "an toàn thực phẩm", "chứng thực bản sao", "đăng ký hộ kinh doanh", "cấp hộ chiếu phổ thông",
    "thủ tục hành chính một cửa", "kiểm soát thủ tục hành chính", "phản ánh kiến nghị", "tiêu chuẩn quy chuẩn kỹ thuật",
    "giấy chứng nhận quyền sử dụng đất", "xac nhan tinh trang hon nhan", "cấp phép nhập khẩu thuốc", "đổi bằng lái xe",
]


def national_bundle(out: Path, shared: Path, max_procedures: int | None) -> Path:
    """Build (once) a bundle of the national procedures (+ codified regulations) at ``out``."""
    if (out / "CURRENT").exists():
        return out
    from indexer.pipeline import index_sources

    src = out.parent / (out.name + "-src")
    src.mkdir(parents=True, exist_ok=True)
    portal = shared / "procedures" / "national_portal_2642.jsonl.gz"
    with gzip.open(portal, "rt", encoding="utf-8") as fh, open(src / "national.jsonl", "w", encoding="utf-8") as o:
        for line in itertools.islice(fh, max_procedures):
            o.write(line)
    for md in sorted((shared / "regulations").glob("*.md")):
        (src / md.name).write_bytes(md.read_bytes())
    t0 = time.perf_counter()
    report = index_sources([src], out, progress=True)
    print(f"bundle: {report.documents} records, {report.units} units in {time.perf_counter() - t0:.0f} s")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Search round trip in a real browser")
    ap.add_argument("--index", type=Path, default=None, help="an existing bundle (default: build the national one)")
    ap.add_argument("--build-dir", type=Path, default=Path(tempfile.gettempdir()) / "rasoat-web-bench-index")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--max-procedures", type=int, default=None)
    ap.add_argument("--rounds", type=int, default=2, help="passes over the query list")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    index = args.index or national_bundle(args.build_dir, args.shared, args.max_procedures)
    work = Path(tempfile.mkdtemp(prefix="rasoat-webbench-"))
    srv = start_server(index, work / "data", log_dir=work, timeout=600)
    times: list[float] = []
    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=args.chromium, args=ARGS)
            pg = b.new_page(viewport={"width": 1400, "height": 1000})
            pg.set_default_timeout(300_000)
            pg.goto(srv.url, wait_until="networkidle")
            box = pg.locator("#q textarea, #q input").first

            def one(q: str) -> float:
                box.fill(q)
                pg.evaluate("() => { const r = document.querySelector('#ket-qua .rs-results');"
                            " window.__old = r ? r.dataset.t : ''; }")
                t0 = time.perf_counter()
                pg.click("#btn-tra-cuu")
                pg.wait_for_function(
                    "() => { const r = document.querySelector('#ket-qua .rs-results');"
                    " return r && r.dataset.t !== window.__old; }",
                    polling="raf",
                )
                return time.perf_counter() - t0

            one("khởi động")  # model load and first render
            for _ in range(args.rounds):
                for q in QUERIES:
                    times.append(one(q))
            status = pg.evaluate("() => document.title")
            b.close()
    finally:
        srv.stop()
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    from search import open_index

    st = open_index(index).status()
    print(json.dumps({
        "index": str(index), "documents": st.get("documents"), "procedures": st.get("procedures"),
        "regulations": st.get("regulations"), "units": st.get("units"), "queries": len(times),
        "median_s": round(statistics.median(times), 3), "p95_s": round(p95, 3), "max_s": round(times[-1], 3),
        "target_s": 1.0, "page": status,
    }, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
