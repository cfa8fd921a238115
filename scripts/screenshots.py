"""Regenerate screenshots of every tab of the web app into docs/screenshots/.

Starts the real server on a copy of an index (default: a bundle of corpus/ built into /tmp
when missing), drives headless Chromium through each tab and saves PNGs.

    .venv/bin/python scripts/screenshots.py [--index DIR] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from web_server import start_server  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]


def corpus_bundle(path: Path) -> Path:
    """A bundle of corpus/ at ``path`` (built once)."""
    if not (path / "CURRENT").exists():
        from indexer.pipeline import index_sources

        index_sources([REPO / "corpus"], path)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", type=Path, default=Path(tempfile.gettempdir()) / "rasoat-screenshots-index")
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    src = corpus_bundle(args.index)
    work = Path(tempfile.mkdtemp(prefix="rasoat-shots-"))
    index = work / "index"
    shutil.copytree(src, index, symlinks=True)
    args.out.mkdir(parents=True, exist_ok=True)
    srv = start_server(index, work / "data", log_dir=work, timeout=300)
    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=args.chromium, args=ARGS)
            pg = b.new_page(viewport={"width": 1440, "height": 1000}, device_scale_factor=1)
            pg.set_default_timeout(300_000)
            pg.goto(srv.url, wait_until="networkidle")

            pg.locator("#q textarea, #q input").first.fill("dang ky khai sinh")
            pg.click("#btn-tra-cuu")
            pg.wait_for_selector("#ket-qua .rs-card")
            pg.wait_for_timeout(800)
            pg.screenshot(path=str(args.out / "tra-cuu.png"))
            print("tra-cuu.png")

            pg.get_by_role("tab", name="Trùng lặp").click()
            pg.click("#btn-phan-tich")
            cell = pg.locator("#bang-cap [role=gridcell]", has_text="1.004599").first
            cell.wait_for()
            cell.click()
            pg.wait_for_selector("#so-sanh table.rs-compare")
            pg.wait_for_timeout(800)
            pg.screenshot(path=str(args.out / "trung-lap.png"))
            pg.locator("#so-sanh").scroll_into_view_if_needed()
            pg.wait_for_timeout(300)
            pg.screenshot(path=str(args.out / "so-sanh.png"))
            print("trung-lap.png, so-sanh.png")

            pg.get_by_role("tab", name="Đơn giản hóa").click()
            pg.click("#btn-de-xuat")
            first = pg.locator("#bang-de-xuat [role=gridcell][data-row='0'][data-col='1']")
            first.wait_for()
            first.click()
            pg.wait_for_selector("#chi-tiet-de-xuat .rs-detail")
            pg.wait_for_timeout(800)
            pg.screenshot(path=str(args.out / "don-gian-hoa.png"))
            print("don-gian-hoa.png")

            pg.get_by_role("tab", name="Dữ liệu").click()
            good = work / "chim-yen.json"
            good.write_text(json.dumps([{"kind": "procedure", "code": "9.990001", "name":
                                         "Cấp giấy chứng nhận cơ sở nuôi chim yến", "field": "Chăn nuôi",
                                         "level": "Cấp tỉnh", "steps": ["Nộp hồ sơ", "Thẩm định"]}],
                                       ensure_ascii=False), encoding="utf-8")
            bad = work / "bao-cao-hong.pdf"
            bad.write_bytes(b"%PDF-1.7\ngarbage")
            pg.locator("#tep-tai-len input[type=file]").set_input_files([str(good), str(bad)])
            pg.wait_for_timeout(500)
            pg.click("#btn-lap-chi-muc")
            pg.wait_for_function("() => document.querySelector('#bao-cao').innerText.includes('Lập chỉ mục xong')",
                                 timeout=900_000)
            pg.wait_for_timeout(800)
            pg.screenshot(path=str(args.out / "du-lieu.png"))
            print("du-lieu.png")
            b.close()
    finally:
        srv.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
