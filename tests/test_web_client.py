"""The web app's API through gradio_client, plus the upload guards and HTML escaping (no browser)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from app.web.files import UploadLimits, safe_filename, store_uploads
from app.web import render as R


# --- upload guards -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "../../etc/passwd.txt", "..\\..\\windows\\evil.md", "/etc/cron.d/x.json", "a/../../b.csv",
    "....pdf", ".hidden.txt", "x\x00y.pdf", "CON.txt", "tệp có dấu (1).docx", "", "..",
])
def test_safe_filename_never_escapes(name: str, tmp_path: Path) -> None:
    safe = safe_filename(name)
    assert safe and "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert not safe.startswith(".") and ".." not in safe
    assert (tmp_path / safe).resolve().parent == tmp_path.resolve()


def test_safe_filename_keeps_vietnamese() -> None:
    assert safe_filename("Quyết định 1342 (bản sao).docx") == "Quyết định 1342 (bản sao).docx"
    assert safe_filename("BÁO CÁO.PDF") == "BÁO CÁO.pdf"


def test_store_uploads_limits_and_traversal(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    ok = src / "a.txt"
    ok.write_text("Thủ tục A", encoding="utf-8")
    exe = src / "b.exe"
    exe.write_bytes(b"MZ")
    big = src / "c.pdf"
    big.write_bytes(b"%PDF" + b"0" * 2000)
    empty = src / "d.md"
    empty.write_bytes(b"")
    data = tmp_path / "data"
    out = store_uploads(
        [(ok, "../../../escape.txt"), (exe, "b.exe"), (big, "c.pdf"), (empty, "d.md"), (ok, "e.txt")],
        data, UploadLimits(max_bytes=1000, max_files=4),
    )
    assert [p.name for p in out.saved] == ["escape.txt"]
    assert all(p.resolve().parent == data.resolve() for p in out.saved)
    assert not (tmp_path / "escape.txt").exists()
    reasons = dict(out.rejected)
    assert "không được hỗ trợ" in reasons["b.exe"]
    assert "quá lớn" in reasons["c.pdf"]
    assert "rỗng" in reasons["d.md"]
    assert "số tệp" in reasons["e.txt"]
    # same bytes again: nothing new; different bytes under the same name: a new name, nothing overwritten
    again = store_uploads([(ok, "escape.txt")], data)
    assert not again.saved and again.unchanged
    other = src / "other.txt"
    other.write_text("khác", encoding="utf-8")
    third = store_uploads([(other, "escape.txt")], data)
    assert [p.name for p in third.saved] == ["escape-1.txt"]
    assert (data / "escape.txt").read_text(encoding="utf-8") == "Thủ tục A"


def test_render_escapes_data() -> None:
    from indexer.records import Procedure

    p = Procedure(code="1.0", name="<script>alert(1)</script>", steps=["<img src=x onerror=alert(1)>"])
    html = R.procedure_html(p)
    assert "<script>" not in html and "<img" not in html
    assert R.safe_snippet('a <mark>b</mark> <b onclick="x">c</b>') == "a <mark>b</mark> c"


# --- the API through gradio_client --------------------------------------------------------------

USER, PASSWORD = "api", "mat-khau-api"



@pytest.fixture(scope="module")
def server(web_index: Path, tmp_path_factory: pytest.TempPathFactory):
    from web_server import start_server

    work = tmp_path_factory.mktemp("web-api")
    index = work / "index"
    shutil.copytree(web_index, index, symlinks=True)
    srv = start_server(index, work / "data", auth=f"{USER}:{PASSWORD}", log_dir=work, timeout=240)
    yield srv
    srv.stop()


@pytest.mark.slow
def test_search_api_with_gradio_client(server) -> None:
    os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
    from gradio_client import Client

    client = Client(server.url, auth=(USER, PASSWORD), verbose=False)
    api = client.view_api(print_info=False, return_format="dict")
    assert "/tra_cuu" in api["named_endpoints"] and "/chi_tiet" in api["named_endpoints"]
    hits = client.predict("dang ky ket hon", 5, api_name="/tra_cuu")
    assert hits and hits[0]["id"] == "tthc:1.004102"
    assert {"id", "kind", "code", "title", "citation", "score", "snippet", "source"} <= set(hits[0])
    only_laws = client.predict("ho so mot cua", 5, "regulation", api_name="/tra_cuu")
    assert only_laws and all(h["kind"] == "regulation" for h in only_laws)
    rec = client.predict("1.004102", api_name="/chi_tiet")
    assert rec["code"] == "1.004102" and rec["steps"]
    status = client.predict(api_name="/trang_thai")
    assert status["procedures"] >= 70 and status["documents"] == (
        status["procedures"] + status["regulations"] + status["processes"])
    assert status["model"] and status["units"] > status["documents"]


@pytest.mark.slow
def test_api_refuses_wrong_password(server) -> None:
    from gradio_client import Client

    with pytest.raises(Exception):
        Client(server.url, auth=(USER, "sai"), verbose=False)


# --- tab functions on the real corpus bundle (no server) ---------------------------------------

@pytest.fixture(scope="module")
def holder(web_index: Path, tmp_path_factory: pytest.TempPathFactory):
    from app.web.state import IndexHolder

    return IndexHolder(web_index, tmp_path_factory.mktemp("web-data"))


def test_catalogue_matching_from_uploaded_list(holder, corpus_dir: Path) -> None:
    from app.web.duplicates import match_list

    summary, rows = match_list(holder, str(corpus_dir / "lists" / "danh-muc-tinh.csv"))
    assert "khớp" in summary and rows
    statuses = {r[3] for r in rows}
    assert "Khớp" in statuses and statuses <= {"Khớp", "Chưa chắc chắn", "Không khớp"}
    bad, none = match_list(holder, str(corpus_dir / "README.md"))
    assert "CSV hoặc XLSX" in bad and none == []


def test_duplicates_tab_groups_with_actions_and_themes_apart(holder) -> None:
    from app.web.duplicates import CLUSTER_HEADERS, THEME_HEADERS, analyse

    summary, groups, themes, pairs = analyse(holder, 0.6)
    assert "thủ tục trùng lặp có thể bãi bỏ" in summary and "gộp bớt" not in summary
    assert pairs and all(len(r) == len(CLUSTER_HEADERS) for r in groups)
    assert all(len(r) == len(THEME_HEADERS) and r[-1] == "Liên thông" for r in themes)
    assert {r[1] for r in groups} <= {"Bãi bỏ thủ tục trùng lặp", "Thống nhất quy định giữa các cấp/địa phương",
                                      "Hợp nhất hồ sơ các trường hợp của cùng một thủ tục"}


def test_reindex_sources_keep_recorded_files_and_data_dir(holder) -> None:
    from app.web.data import recorded_sources, reindex_sources

    recorded = recorded_sources(holder.get())
    sources, missing = reindex_sources(holder)
    assert sources[-1] == holder.data_dir.resolve()
    assert len(sources) - 1 + len(missing) == len(recorded)


def test_status_and_detail_html(holder) -> None:
    from app.web.data import status_html
    from app.web.search import open_record, search_ui

    html = status_html(holder)
    assert "Số thủ tục" in html and "multilingual-e5-small" in html
    results, detail = search_ui(holder, "dang ky ket hon", "", "", "", "", "hybrid", 5)
    assert 'data-id="tthc:1.004102"' in results and "<mark>" in results
    assert "Trình tự thực hiện" in detail
    art = next(r for r in holder.get().regulations() if r.article)
    assert f"Điều {art.article}" in open_record(holder, art.id)
    assert "Không tìm thấy" in open_record(holder, "9.999999")
