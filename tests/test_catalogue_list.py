"""Lists of procedures (CSV / XLSX) typed by a province → CatalogueEntry."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from openpyxl import Workbook

from indexer.catalogue_list import read_catalogue_bytes
from indexer.records import CatalogueEntry

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

ROWS = [
    ["DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND TỈNH", "", "", "", ""],
    ["(Kèm theo Quyết định số 123/QĐ-UBND ngày 10/3/2025)", "", "", "", ""],
    ["STT", "Tên thủ tục hành chính", "Mã TTHC", "Lĩnh vực", "Cấp"],
    ["I", "LĨNH VỰC HỘ TỊCH", "", "", ""],
    ["1", "Đăng ký khai sinh", "1.001193.000.00.00.H36", "Hộ tịch", "Cấp xã"],
    ["2", "Đăng ký kết hôn có yếu tố nước ngoài; cấp bản sao", "1.012275.H36", "Hộ tịch", "Cấp tỉnh"],
    ["", "", "", "", ""],
    ["II", "LĨNH VỰC LÝ LỊCH TƯ PHÁP", "", "", ""],
    ["3", "Cấp phiếu lý lịch tư pháp (Mã: 1.000080)", "", "Lý lịch tư pháp", "Cấp tỉnh"],
]


def _csv(rows: list[list[str]], sep: str) -> str:
    def cell(c: str) -> str:
        return f'"{c}"' if (sep in c or '"' in c) else c

    return "\r\n".join(sep.join(cell(c) for c in r) for r in rows) + "\r\n"


def _cp1258(text: str) -> bytes:
    """Encode like Vietnamese Windows software: base letter (with â/ơ/ư…) + a combining tone mark."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        nfd = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONES))
        tone = "".join(c for c in nfd if c in TONES)
        out.append((base + tone).encode("cp1258"))
    return b"".join(out)


def _check(entries: list) -> None:
    assert [(e.name, e.code, e.row) for e in entries] == [
        ("Đăng ký khai sinh", "1.001193.000.00.00.H36", 1),
        ("Đăng ký kết hôn có yếu tố nước ngoài; cấp bản sao", "1.012275.H36", 2),
        ("Cấp phiếu lý lịch tư pháp", "1.000080", 3),
    ]
    assert entries[0].extra == {"STT": "1", "Lĩnh vực": "Hộ tịch", "Cấp": "Cấp xã", "Nhóm": "LĨNH VỰC HỘ TỊCH"}
    assert entries[2].extra["Nhóm"] == "LĨNH VỰC LÝ LỊCH TƯ PHÁP"
    assert all(isinstance(e, CatalogueEntry) for e in entries)


@pytest.mark.parametrize(
    "encode, sep",
    [
        (lambda t: t.encode("utf-8"), ","),
        (lambda t: t.encode("utf-8-sig"), ";"),
        (lambda t: t.encode("utf-16"), "\t"),
        (_cp1258, ";"),
    ],
    ids=["utf8-comma", "utf8bom-semicolon", "utf16-tab", "cp1258-semicolon"],
)
def test_csv_encodings_and_separators(tmp_path: Path, encode, sep: str) -> None:
    path = tmp_path / "danh-muc.csv"
    path.write_bytes(encode(_csv(ROWS, sep)))
    res = read_catalogue_bytes(path.read_bytes(), str(path), "csv")
    assert res.failures == []
    _check(res.records)
    assert res.records[0].source.file == str(path) and res.records[0].source.record == 4


def test_csv_accentless_header_cp1252(tmp_path: Path) -> None:
    text = "stt;ten thu tuc;ma tthc;ghi chu\n1;Dang ky khai sinh;1.001193;Cafe\u0301\n2;Cap phieu ly lich tu phap;1.000080.000.00.00.H36;\n"
    data = unicodedata.normalize("NFC", text).encode("cp1252")
    res = read_catalogue_bytes(data, "x.csv", "csv")
    assert [(e.name, e.code) for e in res.records] == [
        ("Dang ky khai sinh", "1.001193"),
        ("Cap phieu ly lich tu phap", "1.000080.000.00.00.H36"),
    ]
    assert res.records[0].extra == {"stt": "1", "ghi chu": "Café"}


def test_xlsx_with_title_rows_and_number_cells(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh mục"
    for r in ROWS:
        ws.append([int(c) if c.isdigit() else (c or None) for c in r])
    ws.append([4, "Chứng thực bản sao từ bản chính", 1.00119, "Chứng thực", "Cấp xã"])  # code typed as a number
    ws2 = wb.create_sheet("Ghi chú")
    ws2.append(["Danh mục này do Sở Tư pháp lập."])
    buf = io.BytesIO()
    wb.save(buf)
    path = tmp_path / "danh-muc.xlsx"
    path.write_bytes(buf.getvalue())
    res = read_catalogue_bytes(path.read_bytes(), str(path), "xlsx")
    assert res.failures == []
    _check(res.records[:3])
    last = res.records[3]
    assert (last.name, last.code, last.row) == ("Chứng thực bản sao từ bản chính", "1.001190", 4)
    assert "Trang tính" not in last.extra or last.extra["Trang tính"] == "Danh mục"


def test_no_header_guesses_columns() -> None:
    data = "1,Đăng ký khai sinh cho trẻ em,1.001193\n2,Đăng ký kết hôn,1.000894\n".encode()
    res = read_catalogue_bytes(data, "noheader.csv", "csv")
    assert [(e.name, e.code) for e in res.records] == [
        ("Đăng ký khai sinh cho trẻ em", "1.001193"),
        ("Đăng ký kết hôn", "1.000894"),
    ]


def test_bad_input_gives_vietnamese_failure() -> None:
    assert read_catalogue_bytes(b"", "e.csv", "csv").failures[0].error.startswith("Tệp CSV rỗng")
    broken = read_catalogue_bytes(b"PK\x03\x04 not really a zip", "b.xlsx", "xlsx")
    assert broken.records == [] and broken.failures and "hỏng" in broken.failures[0].error
    only_header = read_catalogue_bytes("STT;Tên thủ tục;Mã TTHC\n".encode(), "h.csv", "csv")
    assert only_header.records == [] and "Không tìm thấy dòng nào" in only_header.failures[0].error
    assert read_catalogue_bytes(b"a", "x.ods", "ods").failures[0].error.startswith("Định dạng danh sách không hỗ trợ")


def test_round_trip() -> None:
    res = read_catalogue_bytes(_csv(ROWS, ",").encode(), "l.csv", "csv")
    for e in res.records:
        assert CatalogueEntry.from_dict(e.to_dict()) == e
