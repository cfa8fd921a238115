"""Table of real cases for indexer/vietnamese.py: NFC/NFD, tone placement, folding, tokens, PDF clean-up."""

from __future__ import annotations

import unicodedata

import pytest

from indexer.vietnamese import (
    bigrams,
    clean_pdf_text,
    expand_abbreviations,
    fold,
    fold_tokens,
    has_diacritics,
    normalize,
    strip_accents,
    tokenize,
)

# (input, normalised): traditional tone placement used by official documents
TONE_CASES = [
    ("hoà", "hòa"),
    ("hòa", "hòa"),
    ("Hoà Bình", "Hòa Bình"),
    ("hoá đơn", "hóa đơn"),
    ("thuý", "thúy"),
    ("thúy", "thúy"),
    ("tuỳ", "tùy"),
    ("qủa", "quả"),
    ("quả", "quả"),
    ("quý", "quý"),
    ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
    ("Ủy ban", "Ủy ban"),
    ("khoẻ", "khỏe"),
    ("khỏe", "khỏe"),
    ("người", "người"),
    ("giữa", "giữa"),
    ("gìn giữ", "gìn giữ"),
    ("giặt", "giặt"),
    ("quyển", "quyển"),
    ("khuỷu", "khuỷu"),
    ("thủy", "thủy"),
    ("mùa", "mùa"),
    ("hươu", "hươu"),
    ("nghiêng", "nghiêng"),
    ("Quốc hội", "Quốc hội"),
    ("giường", "giường"),
    ("ngoằn ngoèo", "ngoằn ngoèo"),
]


@pytest.mark.parametrize("raw,want", TONE_CASES)
def test_tone_placement_nfc(raw: str, want: str) -> None:
    assert normalize(raw) == want


@pytest.mark.parametrize("raw,want", TONE_CASES)
def test_tone_placement_from_nfd(raw: str, want: str) -> None:
    nfd = unicodedata.normalize("NFD", raw)
    assert nfd != raw or raw.isascii()
    assert normalize(nfd) == want
    assert unicodedata.is_normalized("NFC", normalize(nfd))


@pytest.mark.parametrize(
    "raw,want",
    [
        ("a\u200bb", "ab"),  # zero-width space
        ("\ufeffĐiều 1", "Điều 1"),  # BOM
        ("thủ\u00adtục", "thủtục"),  # soft hyphen
        ("a  \t b\u00a0c", "a b c"),  # spaces collapsed, NBSP
        ("dòng 1\r\ndòng 2\rdòng 3", "dòng 1\ndòng 2\ndòng 3"),  # line breaks kept
        ("", ""),
    ],
)
def test_normalize_invisible_and_spaces(raw: str, want: str) -> None:
    assert normalize(raw) == want


@pytest.mark.parametrize(
    "raw,want",
    [
        ("Đăng ký khai sinh", "dang ky khai sinh"),
        ("ĐĂNG KÝ KẾT HÔN", "dang ky ket hon"),
        ("Ủy ban nhân dân", "uy ban nhan dan"),
        ("Uỷ ban nhân dân", "uy ban nhan dan"),
        (unicodedata.normalize("NFD", "Thủ tục hành chính"), "thu tuc hanh chinh"),
        ("người được ủy quyền", "nguoi duoc uy quyen"),
        ("19/2014/QĐ-TTg", "19/2014/qd-ttg"),
    ],
)
def test_fold(raw: str, want: str) -> None:
    assert fold(raw) == want


def test_strip_accents_and_has_diacritics() -> None:
    assert strip_accents("Ủy Ban Đồng") == "Uy Ban Dong"
    assert has_diacritics("đăng ký") and has_diacritics("Đ")
    assert not has_diacritics("dang ky khai sinh")


@pytest.mark.parametrize(
    "text,token",
    [
        ("theo Quyết định 19/2014/QĐ-TTg ngày 05/3/2014", "19/2014/qđ-ttg"),
        ("mã thủ tục 1.000080", "1.000080"),
        ("Nghị quyết 66.7/2025/NQ-CP", "66.7/2025/nq-cp"),
        ("mã 1.012275.H36 cấp tỉnh", "1.012275.h36"),
        ("UBND tỉnh", "ubnd"),
        ("Quyết định 6225/QĐ-BQP", "6225/qđ-bqp"),
        ("Luật 02/2011/QH13", "02/2011/qh13"),
        ("Điều 19.8.QĐ.3.1", "19.8.qđ.3.1"),
        ("ISO 9001:2008", "9001:2008"),
        ("Nghị định 63/2010/NĐ–CP", "63/2010/nđ-cp"),  # en dash
    ],
)
def test_tokenize_keeps_numbers_whole(text: str, token: str) -> None:
    assert token in tokenize(text)


def test_tokenize_words_and_case() -> None:
    assert tokenize("Đăng ký KHAI SINH, hoà giải!") == ["đăng", "ký", "khai", "sinh", "hòa", "giải"]
    assert fold_tokens(tokenize("Đăng ký")) == ["dang", "ky"]
    assert bigrams(["khai", "sinh", "con"]) == ["khai_sinh", "sinh_con"]
    assert bigrams(["một"]) == []


@pytest.mark.parametrize(
    "raw,want",
    [
        ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
        ("HĐND và UBND cấp xã", "Hội đồng nhân dân và Ủy ban nhân dân cấp xã"),
        ("bản sao CCCD", "bản sao căn cước công dân"),
        ("theo 19/2014/QĐ-TTg", "theo 19/2014/QĐ-TTg"),  # document numbers untouched
        ("UBNDX", "UBNDX"),  # only whole abbreviations
        ("đăng ký HTX", "đăng ký hợp tác xã"),
        # officers' abbreviations (issue 10e)
        ("NHNN chấp thuận nhân sự HĐQT của TCTD", "Ngân hàng Nhà nước chấp thuận nhân sự hội đồng quản trị của tổ chức tín dụng"),
        ("Mẫu số 03/2025/LLTP", "Mẫu số 03/2025/LLTP"),  # inside a form's code: untouched
    ],
)
def test_expand_abbreviations(raw: str, want: str) -> None:
    assert expand_abbreviations(raw) == want


@pytest.mark.parametrize(
    "raw,want",
    [
        # a sentence broken by the PDF is joined
        ("cơ quan hành chính nhà\nnước các cấp.", "cơ quan hành chính nhà nước các cấp."),
        # end-of-line hyphenation undone
        ("theo quy định tại kho-\nản 2", "theo quy định tại khoản 2"),
        # structure lines stay apart
        ("1. Khoản một;\na) Điểm a;\n- Gạch đầu dòng", "1. Khoản một;\na) Điểm a;\n- Gạch đầu dòng"),
        ("Điều 1. Phạm vi điều chỉnh\nQuy chế này quy định", "Điều 1. Phạm vi điều chỉnh\nQuy chế này quy định"),
        ("Chương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. A", "Chương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. A"),
        # all-capital headings (with Vietnamese capitals) stay on their own line
        ("ỦY BAN NHÂN DÂN TỈNH\nSố: 12/QĐ-UBND", "ỦY BAN NHÂN DÂN TỈNH\nSố: 12/QĐ-UBND"),
        # a document number continuing a line is joined, not taken for a heading
        ("ban hành kèm theo Thông tư số\n04/2020/TT-BTP.", "ban hành kèm theo Thông tư số 04/2020/TT-BTP."),
        ("đoạn một.\n\n\n\nđoạn hai.", "đoạn một.\n\nđoạn hai."),
        ("thủ tục hoà giải\nở cơ sở.", "thủ tục hòa giải ở cơ sở."),
    ],
)
def test_clean_pdf_text(raw: str, want: str) -> None:
    assert clean_pdf_text(raw) == want
