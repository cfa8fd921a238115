"""Snippets: best window, accent-insensitive <mark>, HTML escaping, word boundaries."""

from __future__ import annotations

import re

from search.snippets import make_snippet

LONG = (
    "Điều 5. Trình tự thực hiện. Bước 1: Người yêu cầu nộp hồ sơ tại bộ phận một cửa. "
    "Bước 2: Cán bộ tư pháp - hộ tịch kiểm tra giấy tờ, nếu hợp lệ thì ghi vào Sổ hộ tịch. "
    "Hồ sơ đăng ký khai sinh gồm tờ khai theo mẫu và giấy chứng sinh do cơ sở y tế cấp. "
    "Bước 3: Chủ tịch Ủy ban nhân dân cấp xã ký Giấy khai sinh cấp cho người yêu cầu. "
) * 2


def _plain(s: str) -> str:
    return re.sub(r"</?mark>", "", s)


def test_accentless_query_marks_accented_words() -> None:
    s = make_snippet(LONG, "dang ky khai sinh", 120)
    assert "<mark>đăng ký khai sinh</mark>" in s


def test_accented_query_marks_and_window_contains_match() -> None:
    s = make_snippet(LONG, "giấy chứng sinh", 100)
    assert "<mark>giấy chứng sinh</mark>" in s
    assert len(_plain(s)) <= 100 + 2


def test_ellipsis_and_no_cut_inside_words() -> None:
    s = make_snippet(LONG, "Chủ tịch ký", 80)
    assert s.startswith("…") and s.endswith("…")
    words = set(re.findall(r"\w+", LONG))
    inner = _plain(s).strip("…")
    for w in re.findall(r"\w+", inner):
        assert w in words, w


def test_html_is_escaped() -> None:
    s = make_snippet('<script>alert("x")</script> đăng ký & nộp', "đăng ký")
    assert "<script>" not in s and "&lt;script&gt;" in s and "&amp;" in s
    assert "<mark>đăng ký</mark>" in s


def test_abbreviation_marks_full_form() -> None:
    assert "<mark>Ủy ban nhân dân</mark>" in make_snippet(LONG, "UBND", 120)


def test_no_match_gives_beginning_and_empty_text_gives_empty() -> None:
    s = make_snippet(LONG, "xyzzy", 60)
    assert s.startswith("Điều 5.") and s.endswith("…") and "<mark>" not in s
    assert make_snippet("", "đăng ký") == ""
    assert make_snippet("Ngắn gọn.", "") == "Ngắn gọn."


def test_short_text_is_whole_and_whitespace_collapsed() -> None:
    assert make_snippet("Đăng   ký\n\nkhai sinh", "khai sinh") == "Đăng ký <mark>khai sinh</mark>"


def test_function_words_not_marked_when_content_words_exist() -> None:
    s = make_snippet(LONG, "hồ sơ khai sinh là gì", 120)
    assert "<mark>hồ sơ</mark>" in s.lower() and "<mark>là</mark>" not in s


def test_document_number_marked_whole() -> None:
    s = make_snippet("Căn cứ Quyết định số 19/2014/QĐ-TTg ngày 5/3/2014.", "19/2014/qd-ttg")
    assert "<mark>19/2014/QĐ-TTg</mark>" in s


ONE_STOP = ("Cơ quan có thẩm quyền thực hiện cơ chế một cửa, một cửa liên thông; cơ quan tiếp nhận "
            "hồ sơ tại Bộ phận Một cửa. Cơ sở dữ liệu quốc gia về thủ tục hành chính.")


def _marks(s: str) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", s)


def test_phrase_marked_whole_not_every_common_syllable() -> None:
    s = make_snippet(ONE_STOP, "cơ chế một cửa", 240)
    assert "<mark>cơ chế một cửa</mark>" in s
    assert all(m.lower() != "cơ" for m in _marks(s))  # "cơ quan", "cơ sở" stay unmarked
    assert "<mark>Cơ</mark> quan" not in s and "Cơ quan" in s


def test_accentless_phrase_marked_whole() -> None:
    s = make_snippet(ONE_STOP, "co che mot cua", 240)
    assert "<mark>cơ chế một cửa</mark>" in s and "<mark>Cơ</mark>" not in s


def test_lone_syllables_only_when_meaningful() -> None:
    text = "Giấy tờ do cơ quan cấp; kết quả là trích lục hộ tịch gửi qua bưu điện."
    s = make_snippet(text, "giấy phép bưu điện", 240)
    assert "<mark>bưu điện</mark>" in s and "<mark>Giấy</mark>" not in s  # "giấy" alone is common
    assert _marks(make_snippet(text, "trích lục", 240)) == ["trích lục"]
    assert _marks(make_snippet(text, "cơ", 240)) == ["cơ"]  # a one-word query marks that word


def test_rare_word_marked_alone() -> None:
    s = make_snippet("Người dân làm mất sổ hộ khẩu phải khai báo.", "mất sổ đỏ", 240)
    assert "<mark>sổ</mark>" in s or "<mark>mất sổ</mark>" in s


def test_abbreviation_full_form_only_as_phrase() -> None:
    text = "Chủ tịch Ủy ban nhân dân cấp xã ký; người dân nhận kết quả tại nhà văn hóa."
    assert _marks(make_snippet(text, "UBND", 240)) == ["Ủy ban nhân dân"]
