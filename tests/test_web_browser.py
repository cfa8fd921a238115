"""The web app in a real headless Chromium against the real `rasoat serve` subprocess.

Covers: login (and a wrong password refused), search with and without diacritics and opening
a result, comparing planted duplicates, accepting a candidate and downloading the DOCX plan,
uploading a new file and finding it, a corrupt PDF reported in Vietnamese, and that no request
leaves localhost (offline deployment).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from web_server import start_server

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
USER, PASSWORD = "canbo", "RaSoat-2026"
TIMEOUT_MS = 180_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="không có /usr/bin/chromium (cài: apt-get install -y chromium)"),
]



@pytest.fixture(scope="module")
def server(web_index: Path, tmp_path_factory: pytest.TempPathFactory):
    """`rasoat serve --auth` on a private copy of the corpus bundle."""
    work = tmp_path_factory.mktemp("web")
    index = work / "index"
    shutil.copytree(web_index, index, symlinks=True)
    srv = start_server(index, work / "data", auth=f"{USER}:{PASSWORD}", log_dir=work, timeout=240)
    srv.index_dir = index  # type: ignore[attr-defined]
    srv.data_dir = work / "data"  # type: ignore[attr-defined]
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def _login(page, url: str, user: str, password: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    page.locator("input[type=text], input:not([type])").first.fill(user)
    page.locator("input[type=password]").first.fill(password)
    page.locator("button", has_text="Login").or_(page.locator("button[type=submit]")).first.click()


@pytest.fixture()
def page(browser, server):
    """A logged-in page; on teardown, checks that every request stayed on the local server."""
    ctx = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000}, locale="vi-VN")
    ctx.set_default_timeout(TIMEOUT_MS)
    requests: list[str] = []
    ctx.on("request", lambda r: requests.append(r.url))
    pg = ctx.new_page()
    _login(pg, server.url, USER, PASSWORD)
    pg.wait_for_selector("#tabs", timeout=TIMEOUT_MS)
    yield pg
    ctx.close()
    outside = [u for u in requests if not u.startswith(server.url) and not u.startswith(("data:", "blob:"))]
    assert not outside, f"yêu cầu ra ngoài máy: {outside[:5]}"


def _tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()


def _search(page, query: str) -> list[str]:
    box = page.locator("#q textarea, #q input").first
    box.fill(query)
    old = page.evaluate(
        "() => { const r = document.querySelector('#ket-qua .rs-results'); return r ? r.dataset.t : ''; }"
    )
    page.click("#btn-tra-cuu")
    page.wait_for_function(
        "([q, old]) => { const r = document.querySelector('#ket-qua .rs-results');"
        " return r && r.dataset.q === q && r.dataset.t !== old; }",
        arg=[query, old], timeout=TIMEOUT_MS,
    )
    return page.locator("#ket-qua .rs-card").evaluate_all("els => els.map(e => e.dataset.id)")


def test_wrong_password_refused(browser, server):
    ctx = browser.new_context()
    pg = ctx.new_page()
    _login(pg, server.url, USER, "sai-mat-khau")
    pg.wait_for_timeout(1500)
    assert pg.locator("#tabs").count() == 0
    assert "incorrect" in pg.content().lower() or pg.locator("input[type=password]").count() == 1
    # the API is closed too
    r = ctx.request.get(server.url + "/config")
    assert r.status in (401, 403)
    ctx.close()


def test_search_with_and_without_diacritics_and_open(page):
    ids_plain = _search(page, "dang ky ket hon")
    assert ids_plain and ids_plain[0] == "tthc:1.004102", ids_plain
    assert page.locator("#ket-qua mark").count() > 0  # highlighted snippet
    ids_accent = _search(page, "đăng ký kết hôn")
    assert ids_accent[0] == "tthc:1.004102"
    # a quy trình ISO among the results opens as one (header, steps), not as a procedure
    qt = page.locator('#ket-qua .rs-card[data-id^="qt:"]').first
    if qt.count():
        qt_title = qt.locator(".rs-title").inner_text()
        qt.locator(".rs-open").click()
        page.wait_for_function(
            "t => document.querySelector('#chi-tiet h3') && document.querySelector('#chi-tiet h3').innerText === t",
            arg=qt_title,
        )
        assert "Các bước xử lý" in page.locator("#chi-tiet").inner_text()
    # open the second procedure: the detail shows that procedure with its nine parts
    second = page.locator('#ket-qua .rs-card[data-id^="tthc:"]').nth(1)
    title = second.locator(".rs-title").inner_text()
    second.locator(".rs-open").click()
    page.wait_for_function(
        "t => document.querySelector('#chi-tiet h3') && document.querySelector('#chi-tiet h3').innerText === t",
        arg=title,
    )
    detail = page.locator("#chi-tiet").inner_text()
    for part in ("Trình tự thực hiện", "Thành phần, số lượng hồ sơ", "Thời hạn giải quyết", "Căn cứ pháp lý"):
        assert part in detail
    # a regulation article opens whole
    page.locator("#f-kind label", has_text="Văn bản pháp luật").click()
    ids = _search(page, "tiep nhan ho so mot cua")
    assert ids and all(i.startswith("vb:") for i in ids)
    page.locator("#ket-qua .rs-card").first.locator(".rs-open").click()
    page.wait_for_selector("#chi-tiet .rs-law p")
    assert page.locator("#chi-tiet h3").inner_text().startswith("Điều")


def test_compare_planted_duplicates(page):
    _tab(page, "Trùng lặp")
    page.click("#btn-phan-tich")
    cell = page.locator("#bang-cap [role=gridcell]", has_text="1.004599").first
    cell.wait_for()
    # the headline counts only what the groups' actions remove; groups carry their action
    assert "thủ tục trùng lặp có thể bãi bỏ" in page.locator("#tom-tat-trung-lap").inner_text()
    assert page.locator("#bang-nhom [role=gridcell]", has_text="Bãi bỏ thủ tục trùng lặp").count() >= 1
    cell.click()
    page.wait_for_selector("#so-sanh table.rs-compare")
    html = page.locator("#so-sanh").inner_html()
    assert "1.004501" in html and "1.004599" in html
    docs = page.locator('#so-sanh tr[data-field="documents"]')
    assert docs.locator("li.rs-same").count() >= 2  # shared papers on both sides
    # a variant pair chosen by hand: different time marked as differing
    for sel, code in (("#chon-a", "1.001078"), ("#chon-b", "1.001089")):
        box = page.locator(f"{sel} input").first
        box.click()
        box.fill(code)
        page.get_by_role("option").filter(has_text=code).first.click()
    page.click("#btn-so-sanh")
    page.wait_for_function("() => document.querySelector('#so-sanh').innerText.includes('1.001089')")
    row = page.locator('#so-sanh tr[data-field="processing_time"]')
    assert row.locator("td.rs-diff").count() == 2


def test_accept_candidate_and_download_docx(page, server, tmp_path):
    from docx import Document

    _tab(page, "Đơn giản hóa")
    page.click("#btn-de-xuat")
    # the headline per rule, then one row per procedure; its proposals open under it
    page.wait_for_function("() => document.querySelector('#tong-quan-de-xuat').innerText.includes('Tổng')")
    first = page.locator("#bang-de-xuat [role=gridcell][data-row='0'][data-col='1']")
    first.wait_for()
    first.click()
    page.wait_for_function("() => document.querySelector('#thu-tuc-dang-mo textarea, #thu-tuc-dang-mo input')"
                           ".value !== ''")
    code = page.locator("#thu-tuc-dang-mo textarea, #thu-tuc-dang-mo input").first.input_value()
    proposal = page.locator("#bang-de-xuat-thu-tuc [role=gridcell][data-row='0'][data-col='2']")
    proposal.wait_for()
    proposal.click()
    page.wait_for_function("() => document.querySelector('#ma-de-xuat textarea, #ma-de-xuat input').value !== ''")
    cand = page.locator("#ma-de-xuat textarea, #ma-de-xuat input").first.input_value()
    assert cand.startswith(code + "-R")
    page.locator("#ghi-chu textarea").fill("Đồng ý, đề nghị sửa văn bản.")
    page.click("#btn-chap-nhan")
    page.wait_for_function("() => document.querySelector('#thong-bao-de-xuat').innerText.includes('Đã chấp nhận')")
    reviews = json.loads((server.index_dir / "reviews.json").read_text(encoding="utf-8"))
    decided = [r for r in reviews["reviews"].values() if r["candidate_id"] == cand]
    assert decided and decided[0]["decision"] == "accept"
    page.click("#btn-docx")
    link = page.locator("#tep-tai-ve a").first
    link.wait_for()
    with page.expect_download() as dl:
        link.click()
    out = tmp_path / "plan.docx"
    dl.value.save_as(out)
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    tables = "\n".join(c.text for t in Document(str(out)).tables for r in t.rows for c in r.cells)
    assert "PHƯƠNG ÁN" in text.upper()
    assert cand.split("-")[0] in text + tables


NEW_PROCEDURE = {
    "kind": "procedure",
    "code": "9.990001",
    "name": "Cấp giấy chứng nhận cơ sở nuôi chim yến thử nghiệm",
    "field": "Chăn nuôi",
    "level": "Cấp tỉnh",
    "agency": "Sở Nông nghiệp và Môi trường",
    "steps": ["Nộp hồ sơ tại Bộ phận Một cửa", "Thẩm định và cấp giấy chứng nhận"],
    "documents": [{"name": "Đơn đề nghị cấp giấy chứng nhận nuôi chim yến", "quantity": "01 bản chính"}],
    "result": "Giấy chứng nhận cơ sở nuôi chim yến",
    "legal_basis": [{"number": "13/2020/NĐ-CP", "title": "Nghị định hướng dẫn Luật Chăn nuôi"}],
}


def _upload(page, files: list[Path], during=None) -> str:
    _tab(page, "Dữ liệu")
    page.locator("#tep-tai-len input[type=file]").set_input_files([str(f) for f in files])
    page.wait_for_timeout(500)
    page.click("#btn-lap-chi-muc")
    if during is not None:
        during()
        _tab(page, "Dữ liệu")
    page.wait_for_function(
        "() => { const t = document.querySelector('#bao-cao').innerText;"
        " return t.includes('Lập chỉ mục xong') || t.includes('thất bại') || t.includes('bị từ chối'); }",
        timeout=600_000,
    )
    return page.locator("#bao-cao").inner_text()


def test_upload_new_file_and_find_it(page, server, tmp_path):
    f = tmp_path / "chim-yen.json"
    f.write_text(json.dumps([NEW_PROCEDURE], ensure_ascii=False), encoding="utf-8")
    seen: dict[str, object] = {}

    def search_meanwhile() -> None:  # searches keep answering (old bundle) while the reindex runs
        _tab(page, "Tra cứu")
        seen["ids"] = _search(page, "dang ky ket hon")
        seen["reindex_done"] = "Lập chỉ mục xong" in page.locator("#bao-cao").inner_text()

    report = _upload(page, [f], during=search_meanwhile)
    assert "Lập chỉ mục xong" in report, report
    assert seen["ids"] and seen["ids"][0] == "tthc:1.004102", seen
    assert (server.data_dir / "chim-yen.json").is_file()
    from search import open_index

    index = open_index(server.index_dir)
    assert index.get("9.990001") is not None
    assert str(index.status()["procedures"]) in page.locator("#trang-thai").inner_text()
    _tab(page, "Tra cứu")
    ids = _search(page, "nuoi chim yen")
    assert ids and ids[0] == "tthc:9.990001", ids


def test_upload_corrupt_pdf_shows_error(page, server, tmp_path):
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref\n")
    report = _upload(page, [bad])
    errors = page.locator("#bao-cao table.rs-errors")
    assert errors.count() == 1, report
    row = errors.inner_text()
    assert "hong.pdf" in row
    assert any(w in row.lower() for w in ("không", "lỗi", "hỏng")), row
    assert not (server.data_dir / "hong.pdf").exists()  # an unreadable upload is not kept
    # the rest of the index still answers
    _tab(page, "Tra cứu")
    assert _search(page, "dang ky ket hon")[0] == "tthc:1.004102"


def test_quy_trinh_iso_tab_checks_highlights_and_exports(page, tmp_path):
    """Thẻ “Quy trình ISO”: indexed quy trình checked, one shown beside its procedure with the findings
    highlighted, an uploaded quy trình checked, the DOCX report downloaded."""
    from docx import Document

    _tab(page, "Quy trình ISO")
    page.click("#btn-soat-xet-chi-muc")
    page.wait_for_selector("#qt-stats")
    cell = page.locator("#bang-quy-trinh [role=gridcell]", has_text="Cấp Giấy xác nhận tình trạng hôn nhân").first
    cell.wait_for()
    cell.click()
    page.wait_for_function(
        "() => document.querySelector('#chi-tiet-quy-trinh').innerText.includes('Thời gian vượt thời hạn')")
    detail = page.locator("#chi-tiet-quy-trinh")
    assert "1.004104" in detail.inner_text()
    assert detail.locator('li.rs-finding[data-kind="time_exceeds"]').count() == 1
    assert detail.locator('tr[data-field="time"] td.rs-diff').count() == 2  # both sides highlighted
    # a quy trình with an extra paper: the paper is marked on the quy trình's side only
    page.locator("#bang-quy-trinh [role=gridcell]", has_text="Đăng ký kết hôn").first.click()
    page.wait_for_selector('#chi-tiet-quy-trinh li[data-finding="extra_paper"]')
    assert "Giấy khám sức khỏe" in page.locator('#chi-tiet-quy-trinh li[data-finding="extra_paper"]').inner_text()

    repo = Path(__file__).resolve().parent.parent
    page.locator("#tep-quy-trinh input[type=file]").set_input_files(
        [str(repo / "corpus/quy-trinh/phuong-dong-hoa/qt-bt-01-ho-tro-chi-phi-mai-tang.docx")])
    page.wait_for_timeout(500)
    page.click("#btn-soat-xet-tep")
    page.wait_for_function(
        "() => document.querySelector('#chi-tiet-quy-trinh').innerText.includes('QT-BT-01')"
        " && document.querySelector('#chi-tiet-quy-trinh').innerText.includes('1.004502')")
    assert page.locator("#chi-tiet-quy-trinh table.rs-steps td.rs-bad").count() == 1  # B3 without an owner
    page.click("#btn-bao-cao-docx")
    link = page.locator("#tep-bao-cao a").first
    link.wait_for()
    with page.expect_download() as dl:
        link.click()
    out = tmp_path / "bao-cao.docx"
    dl.value.save_as(out)
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "BÁO CÁO" in text and "QT-BT-01" in text and "Bước không có người chịu trách nhiệm" in text
