"""`rasoat index / search / show / quickstart` through the real console script (subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from search.hits import HIT_KEYS
from test_pipeline import fresh_index, shared_build, write_corpus, PROCEDURES

REPO = Path(__file__).resolve().parent.parent
RASOAT = REPO / ".venv" / "bin" / "rasoat"
REPORT_KEYS = {"added", "updated", "removed", "unchanged", "failed", "documents", "units", "seconds",
               "engine", "workers", "warnings"}


def rasoat(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    return subprocess.run([str(RASOAT), *args], capture_output=True, text=True, timeout=timeout, env=env)


@pytest.fixture(scope="module")
def index() -> Path:
    return shared_build()[1]


def test_index_json_and_exit_codes(tmp_path):
    corpus = write_corpus(tmp_path / "c", PROCEDURES[:2])
    idx = fresh_index(tmp_path)
    out = rasoat("index", str(corpus), "--index", str(idx), "--json")
    assert out.returncode == 0, out.stderr
    rep = json.loads(out.stdout)
    assert set(rep) == REPORT_KEYS and rep["added"] == 3 and rep["failed"] == []
    again = json.loads(rasoat("index", str(corpus), "--index", str(idx), "--json").stdout)
    assert again["unchanged"] == 3 and again["added"] == 0

    (corpus / "hong.docx").write_bytes(b"PK\x03\x04 not a real docx")
    out = rasoat("index", str(corpus), "--index", str(idx), "--json")
    assert out.returncode == 1
    rep = json.loads(out.stdout)
    assert rep["failed"][0]["path"].endswith("hong.docx") and rep["failed"][0]["error"]
    assert rep["documents"] > 0

    out = rasoat("index", str(tmp_path / "khong-co"), "--index", str(idx))
    assert out.returncode == 2 and "không tìm thấy nguồn" in out.stderr


def test_search_json_lexical_and_filters(index):
    out = rasoat("search", "dang ky ket hon", "--index", str(index), "--mode", "lexical", "--json", "-k", "3")
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert isinstance(hits, list) and hits[0]["id"] == "tthc:1.000002"
    assert all(set(h) == set(HIT_KEYS) for h in hits)
    out = rasoat("search", "hồ sơ", "--index", str(index), "--mode", "lexical", "--json", "--explain",
                 "--where", "kind=regulation")
    hits = json.loads(out.stdout)
    assert hits and all(h["kind"] == "regulation" and "explain" in h for h in hits)


def test_search_human_output(index):
    out = rasoat("search", "giấy phép xây dựng", "--index", str(index), "-k", "2", "--mode", "lexical")
    assert out.returncode == 0, out.stderr
    assert "1. [Thủ tục] Cấp giấy phép xây dựng nhà ở riêng lẻ" in out.stdout
    assert "Trích dẫn: Thủ tục 1.000003: Cấp giấy phép xây dựng nhà ở riêng lẻ" in out.stdout


def test_search_usage_errors(index, tmp_path):
    out = rasoat("search", "khai sinh", "--index", str(tmp_path / "none"))
    assert out.returncode == 2 and "chưa có chỉ mục" in out.stderr
    out = rasoat("search", "khai sinh", "--index", str(index), "--where", "mau=x", "--mode", "lexical")
    assert out.returncode == 2 and "Khóa lọc không hợp lệ" in out.stderr


def test_show(index):
    out = rasoat("show", "1.000001", "--index", str(index), "--json")
    assert out.returncode == 0
    rec = json.loads(out.stdout)
    assert rec["id"] == "tthc:1.000001" and rec["kind"] == "procedure" and rec["name"] == "Đăng ký khai sinh"
    out = rasoat("show", "tthc:1.000002", "--index", str(index))
    assert "Tên thủ tục: Đăng ký kết hôn" in out.stdout and "Thành phần hồ sơ:" in out.stdout
    assert rasoat("show", "9.999", "--index", str(index)).returncode == 1


def test_quickstart(tmp_path):
    corpus = write_corpus(tmp_path / "c")
    idx = fresh_index(tmp_path)
    out = rasoat("quickstart", "--corpus", str(corpus), "--index", str(idx))
    assert out.returncode == 0, out.stderr
    assert "Đã lập chỉ mục" in out.stdout
    assert out.stdout.count("$ rasoat search") == 4
    assert "1. [Thủ tục] Đăng ký khai sinh" in out.stdout  # hybrid search, with and without diacritics
    assert "Trích dẫn: Thủ tục 1.000001: Đăng ký khai sinh" in out.stdout
    out = rasoat("quickstart", "--corpus", str(tmp_path / "none"), "--index", str(idx))
    assert out.returncode == 2
