"""Shared field parsers: processing time, fee, quantity, document numbers, lists."""

from __future__ import annotations

import unicodedata

import pytest

from indexer.procedure_fields import (
    doc_number_spans,
    extract_date,
    extract_doc_numbers,
    is_empty_value,
    parse_fee,
    parse_legal_basis_text,
    parse_processing_time,
    parse_quantity,
    split_items,
    split_steps,
)
from indexer.vietnamese import normalize


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("20 Ngày làm việc", 20.0, "working_days"),
        ("05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.", 5.0, "working_days"),
        ("03 ngày", 3.0, "days"),
        ("24 giờ", 24.0, "hours"),
        ("Trong ngày", 1.0, "working_days"),
        ("01 tháng", 1.0, "months"),
        ("Không quá 15 ngày", 15.0, "days"),
        ("1,5 ngày", 1.5, "days"),
        ("30 phút", 0.5, "hours"),
        ("05 (năm) ngày làm việc kể từ ngày nhận hồ sơ", 5.0, "working_days"),
        ("Trong thời hạn 10 ngày, kể từ ngày 20/11/2014", 10.0, "days"),
        ("20 ngay lam viec", 20.0, "working_days"),  # typed without diacritics
        ("Theo quy định của pháp luật về đầu tư công", None, "text"),
    ],
)
def test_parse_processing_time(text: str, value: float | None, unit: str) -> None:
    t = parse_processing_time(text)
    assert t is not None
    assert t.value == value and t.unit == unit
    assert t.text == normalize(text).strip()


@pytest.mark.parametrize("text", ["", "   ", "Không có thông tin", "Đang cập nhật", None])
def test_parse_processing_time_empty(text: str | None) -> None:
    assert parse_processing_time(text) is None


@pytest.mark.parametrize(
    "text, amount",
    [
        ("Phí : 0 Đồng", 0),
        ("Lệ phí : 50.000 Đồng", 50_000),
        ("100.000 đồng/hồ sơ", 100_000),
        ("Không", 0),
        ("Miễn lệ phí", 0),
        ("Miễn phí", 0),
        ("Phí : Không Đồng", 0),
        ("Phí : 0 Đồng Lệ phí : 50.000 Đồng", 50_000),  # the zero part adds nothing
        ("Lệ phí : 50.000 Đồng; Phí: 100.000 Đồng", None),  # several amounts
        ("2,000,000 Việt Nam Đồng(Phí kiểm tra: 2.000.000 đồng/01 đơn hàng)", 2_000_000),
        ("70,000 VNĐ(70.000 đồng/Giấy chứng nhận)", 70_000),
        ("1,5 triệu đồng", 1_500_000),
        ("0,1% giá trị hợp đồng", None),
    ],
)
def test_parse_fee(text: str, amount: int | None) -> None:
    fee = parse_fee(text)
    assert fee is not None
    assert fee.amount_vnd == amount
    assert fee.text == normalize(text).strip()


def test_parse_fee_no_information() -> None:
    assert parse_fee("Không có thông tin") is None
    assert parse_fee("") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1 bản chính", "1 bản chính"),
        ("Bản chính: 1\nBản sao: 0", "1 bản chính"),
        ("0 bản chính,1 bản sao", "1 bản sao"),
        ("1 bản chính,1 bản sao", "1 bản chính, 1 bản sao"),
        ("0 bản sao", "0 bản sao"),
        ("01 bản sao có chứng thực", "01 bản sao có chứng thực"),
        ("", ""),
    ],
)
def test_parse_quantity(text: str, expected: str) -> None:
    assert parse_quantity(text) == expected


def test_extract_doc_numbers_forms() -> None:
    text = (
        "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010; Quyết định 19/2014/QĐ-TTg; Luật Khiếu nại "
        "02/2011/QH13; Nghị quyết 66.7/2025/NQ-CP; Thông tư 04/2020/TT-BTP; Quyết định 6225/QĐ-BQP; "
        "lại Nghị định số 63/2010/NĐ-CP; số QĐ/0001-BCA; Thông tư liên tịch 47/2009/TTLT-BTC-BTP."
    )
    assert extract_doc_numbers(text) == [
        "63/2010/NĐ-CP",
        "19/2014/QĐ-TTg",
        "02/2011/QH13",
        "66.7/2025/NQ-CP",
        "04/2020/TT-BTP",
        "6225/QĐ-BQP",
        "QĐ/0001-BCA",
        "47/2009/TTLT-BTC-BTP",
    ]


def test_extract_doc_numbers_normalises_d_and_nfd() -> None:
    # "Ð" (U+00D0, Icelandic eth) typed for "Đ", and decomposed (NFD) text
    assert extract_doc_numbers("Nghị định 63/2010/NÐ-CP") == ["63/2010/NĐ-CP"]
    nfd = unicodedata.normalize("NFD", "Quyết định số 19/2014/QĐ-TTg")
    assert extract_doc_numbers(nfd) == ["19/2014/QĐ-TTg"]
    assert extract_doc_numbers("ngày 20/11/2014 và 1/2 số") == []  # dates and fractions are not numbers


def test_extract_doc_numbers_glued_table_cells() -> None:
    # real flattened "can_cu_phap_ly" cells: title and number glued together
    text = (
        "Hướng dẫn xử lý khiếu nại68/2013/TT-BCALuật Khiếu nại  năm 201102/2011/QH13"
        "Nghị định 05/2012/NĐ-CP05/2012/NĐ-CPLuật 65/2006/QH1165/2006/QH11"
        "Thông tư số 27/2025/TT-BNNMT27/2025/TT-BNNMTquy định phân quyền"
    )
    assert extract_doc_numbers(text) == [
        "68/2013/TT-BCA",
        "02/2011/QH13",
        "05/2012/NĐ-CP",
        "65/2006/QH11",
        "27/2025/TT-BNNMT",
    ]
    spans = doc_number_spans(normalize("Nghị định 137/2020/NĐ-CP137/2020/NĐ-CP"))
    assert [(s, e) for s, e, _ in spans] == [(10, 24), (24, 38)]


def test_extract_date() -> None:
    assert extract_date("Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014") == "20/11/2014"
    assert extract_date("Nghị định số 95/2024/NĐ-CP ngày 24 tháng 7 năm 2024 của Chính phủ") == "24 tháng 7 năm 2024"
    assert extract_date("Luật Hải quan 2014") == ""


def test_parse_legal_basis_text() -> None:
    text = (
        "+ Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014;\n"
        "+ Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết\n"
        "một số điều và biện pháp thi hành Luật Hộ tịch;\n"
        "+ Thông tư số 04/2020/TT-BTP ngày 28/5/2020."
    )
    items = parse_legal_basis_text(text)
    assert [i.number for i in items] == ["60/2014/QH13", "123/2015/NĐ-CP", "04/2020/TT-BTP"]
    assert items[1].date == "15/11/2015"
    assert items[1].title.endswith("biện pháp thi hành Luật Hộ tịch")
    assert parse_legal_basis_text("Không có thông tin") == []
    one = parse_legal_basis_text("Luật Đất đai năm 2024")
    assert one[0].number == "" and one[0].title == "Luật Đất đai năm 2024"


def test_split_steps_forms() -> None:
    # "Bước N" markers, inline or on lines, with paragraphs inside a step (real portal layout)
    text = "- Bước 1: Nộp hồ sơ\n\nTổ chức nộp 01 bộ hồ sơ.\n- Bước 2: Thẩm định. Bước 3: Trả kết quả"
    assert split_steps(text) == ["Bước 1: Nộp hồ sơ\nTổ chức nộp 01 bộ hồ sơ.", "Bước 2: Thẩm định.", "Bước 3: Trả kết quả"]
    assert split_steps("- Nộp hồ sơ\n- Xử lý hồ sơ\ntrong 05 ngày") == ["Nộp hồ sơ", "Xử lý hồ sơ\ntrong 05 ngày"]
    assert split_steps("a) Nộp hồ sơ\nb) Nhận kết quả") == ["Nộp hồ sơ", "Nhận kết quả"]
    assert split_steps("Đoạn một.\n\nĐoạn hai.") == ["Đoạn một.", "Đoạn hai."]
    assert split_steps("Không có thông tin") == []


def test_split_items_forms() -> None:
    text = (
        "Đảm bảo đúng quy định, cụ thể là:\n+ Người khiếu nại phải là người có quyền.\n\n"
        "+ Người khiếu nại phải có năng lực hành vi\ndân sự đầy đủ;\n- Việc khiếu nại chưa có quyết định; - Chưa được tòa thụ lý"
    )
    assert split_items(text) == [
        "Đảm bảo đúng quy định, cụ thể là:",
        "Người khiếu nại phải là người có quyền.",
        "Người khiếu nại phải có năng lực hành vi dân sự đầy đủ",
        "Việc khiếu nại chưa có quyết định",
        "Chưa được tòa thụ lý",
    ]
    assert split_items("a) Tờ khai; b) Bản sao giấy tờ tùy thân") == ["Tờ khai", "Bản sao giấy tờ tùy thân"]
    assert split_items("Tờ khai; Bản sao giấy tờ") == ["Tờ khai", "Bản sao giấy tờ"]
    assert split_items("Không") == [] and split_items("Không.") == [] and split_items("") == []


@pytest.mark.parametrize("text", ["", "  \n ", "Không có thông tin", "Đang cập nhật", "khong co thong tin", "--"])
def test_is_empty_value_true(text: str) -> None:
    assert is_empty_value(text)


@pytest.mark.parametrize("text", ["Không", "0", "Cấp tỉnh", "Miễn phí"])
def test_is_empty_value_false(text: str) -> None:
    assert not is_empty_value(text)


def test_outputs_are_normalised() -> None:
    # old tone placement ("hoà", "Uỷ") comes out in the project's form
    items = split_items("+ Đơn đề nghị hoà giải\n+ Quyết định của Uỷ ban nhân dân")
    assert items == ["Đơn đề nghị hòa giải", "Quyết định của Ủy ban nhân dân"]


# --- never raise on odd text ------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ODD = st.lists(
    st.sampled_from(list("0123456789./-:;,()+ \n\tabcĐđÐNQHCPTgkhôngàáảãạăâêôơưỳ") + ["Bước ", "ngày", "Đồng", "bản chính"]),
    max_size=60,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(_ODD)
def test_parsers_never_raise(text: str) -> None:
    parse_processing_time(text)
    parse_fee(text)
    parse_quantity(text)
    extract_date(text)
    parse_legal_basis_text(text)
    assert all("/" in n for n in extract_doc_numbers(text))
    assert all(s.strip() for s in split_steps(text))
    assert all(i.strip() for i in split_items(text))
