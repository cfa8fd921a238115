"""`rasoat parse` through the installed console script (subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
RASOAT = REPO / ".venv" / "bin" / "rasoat"

REGULATION = """Số: 19/2014/QĐ-TTg
QUYẾT ĐỊNH
VỀ VIỆC ÁP DỤNG HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG
Điều 1. Phạm vi điều chỉnh
Quyết định này quy định về việc xây dựng Hệ thống quản lý chất lượng.
Điều 2. Đối tượng áp dụng
1. Các cơ quan hành chính nhà nước.
"""

PROCEDURE = """A. THỦ TỤC HÀNH CHÍNH CẤP XÃ
1. Thủ tục đăng ký kết hôn (Mã thủ tục: 1.000894)
- Trình tự thực hiện:
Bước 1: Nộp hồ sơ.
Bước 2: Nhận kết quả.
- Cách thức thực hiện: Nộp trực tiếp.
- Thời hạn giải quyết: Ngay trong ngày.
- Cơ quan thực hiện: Ủy ban nhân dân cấp xã.
- Kết quả thực hiện: Giấy chứng nhận kết hôn.
- Lệ phí: Miễn lệ phí.
"""


def rasoat(*args: str) -> subprocess.CompletedProcess:
    cmd = [str(RASOAT)] if RASOAT.exists() else [sys.executable, "-m", "app.cli"]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(cmd + ["parse", *args], capture_output=True, text=True, encoding="utf-8",
                          cwd=REPO, env=env, timeout=120)


@pytest.fixture()
def files(tmp_path: Path) -> Path:
    (tmp_path / "qd.txt").write_text(REGULATION, encoding="utf-8")
    (tmp_path / "tthc.md").write_text(PROCEDURE, encoding="utf-8")
    return tmp_path


def test_readable_summary_exit_0(files: Path) -> None:
    r = rasoat(str(files))
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "Đã đọc 2 tệp: 3 bản ghi" in out
    assert "2 điều khoản" in out and "1 thủ tục" in out
    assert "Điều 1, Quyết định 19/2014/QĐ-TTg — Phạm vi điều chỉnh" in out
    assert "Thủ tục [1.000894] Đăng ký kết hôn" in out
    assert "0 tệp lỗi" in out


def test_json_lines_and_failures(files: Path) -> None:
    (files / "hong.pdf").write_bytes(b"%PDF-1.4 broken")
    r = rasoat(str(files), "--json")
    assert r.returncode == 1
    records = [json.loads(line) for line in r.stdout.splitlines()]
    assert sorted(x["kind"] for x in records) == ["procedure", "regulation", "regulation"]
    reg = next(x for x in records if x["kind"] == "regulation")
    assert reg["citation"] == "Điều 1, Quyết định 19/2014/QĐ-TTg"
    assert reg["source"]["file"].endswith("qd.txt")
    err = [json.loads(line) for line in r.stderr.splitlines()]
    assert err[0]["path"].endswith("hong.pdf") and "PDF" in err[0]["error"]
    assert err[-1]["summary"] == {"files": 3, "records": 3, "by_kind": {"regulation": 2, "procedure": 1}, "failed": 1,
                                  "warnings": 0}


def test_readable_failure_list(files: Path) -> None:
    (files / "rong.txt").write_bytes(b"")
    r = rasoat(str(files))
    assert r.returncode == 1
    assert "Tệp không đọc được" in r.stdout and "rong.txt" in r.stdout and "Tệp rỗng" in r.stdout


def test_max_mb(files: Path) -> None:
    r = rasoat(str(files / "qd.txt"), "--max-mb", "0.0001")
    assert r.returncode == 1
    assert "quá lớn" in r.stdout


def test_usage_errors_exit_2(files: Path) -> None:
    r = rasoat(str(files / "khong-co.txt"))
    assert r.returncode == 2
    assert "không tìm thấy" in r.stderr
    r = rasoat()
    assert r.returncode == 2
    r = rasoat(str(files), "--max-mb", "-1")
    assert r.returncode == 2
