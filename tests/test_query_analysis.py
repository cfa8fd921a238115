"""Query analysis: question stop phrases and the colloquial → administrative lexicon."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from indexer.lexical import write_lexical
from indexer.vietnamese import fold, tokenize
from search.lexical import LexicalIndex, LexicalParams, analyse_query
from search.query_analysis import (LEXICON_PATH, DocumentNames, Lexicon, analyse_text, analyse_tokens, document_aliases,
                                   named_levels)

TITLES = [
    "Cấp lại Giấy chứng nhận do bị mất",
    "Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
    "Đổi giấy phép lái xe",
    "Cấp lại giấy phép lái xe",
    "Đăng ký thành lập doanh nghiệp tư nhân",
    "Thủ tục đăng ký khai sinh",
    "Thủ tục đăng ký kết hôn",
    "Đăng ký khai thác nước dưới đất",
    "Cấp bản sao Trích lục hộ tịch",
]
BODIES = [
    # as the real record does, the body names the certificate in full (with a body field scoring the
    # whole unit, a toy body that did not would leave its words to row 1 alone)
    "Người sử dụng đất bị mất Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất "
    "nộp đơn đề nghị cấp lại.",
    "Giấy chứng nhận bị ố, nhòe, rách, hư hỏng được cấp đổi.",
    "Giấy phép lái xe hết hạn sử dụng được đổi.",
    "Người có giấy phép lái xe bị mất được cấp lại.",
    "Hồ sơ đăng ký doanh nghiệp nộp tại cơ quan đăng ký kinh doanh.",
    "Tờ khai đăng ký khai sinh và giấy chứng sinh.",
    "Hai bên nam, nữ nộp tờ khai đăng ký kết hôn.",
    "Tổ chức, cá nhân khai thác nước dưới đất.",
    "Cấp bản sao trích lục theo 19/2014/QĐ-TTg mã 1.000080.",
]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> LexicalIndex:
    out = tmp_path_factory.mktemp("qa-lex")
    write_lexical(out, TITLES, BODIES)
    return LexicalIndex.load(out)


def _expanded(q: str, lexicon: Lexicon) -> set[str]:
    aq = analyse_text(q, lexicon)
    return {" ".join(e.tokens) for e in aq.expansions}


# --- the lexicon file ------------------------------------------------------------------------


def test_bundled_lexicon_is_valid_json_with_hundreds_of_phrases(lexicon: Lexicon) -> None:
    data = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    assert set(data) >= {"entries", "stop_phrases"}
    assert len(lexicon.entries) >= 150
    assert sum(len(e.match) for e in lexicon.entries) >= 500
    for e in data["entries"]:
        assert e["match"] and e["expand"].strip()


def test_lexicon_phrases_are_normalised_and_can_fire() -> None:
    """Every phrase is NFC lower case, single-spaced; a match phrase is made of syllables and short
    letters-and-digits tokens only (the matcher never reads a window holding a code or a document
    number, so "quy hoạch 1/500" could never fire)."""
    import unicodedata

    from search.query_analysis import _is_word

    data = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    for e in data["entries"]:
        for phrase in e["match"] + [e["expand"]]:
            assert phrase == " ".join(unicodedata.normalize("NFC", phrase).lower().split()), phrase
        for phrase in e["match"]:
            assert all(_is_word(t) for t in tokenize(phrase)), phrase


def test_lexicon_covers_main_catalogue_fields(lexicon: Lexicon) -> None:
    fields = {e.field for e in lexicon.entries}
    for f in ["Hộ tịch", "Công an", "Giao thông", "Đất đai", "Xây dựng", "Doanh nghiệp", "Thuế", "Hải quan",
              "Bảo hiểm", "Ngân hàng", "Hành động"]:
        assert f in fields


# --- expansion, with and without diacritics --------------------------------------------------


@pytest.mark.parametrize(
    "query, expected",
    [
        ("mất sổ đỏ thì làm lại ở đâu", "cấp lại giấy chứng nhận do bị mất"),
        ("mat so do thi lam lai o dau", "cấp lại giấy chứng nhận do bị mất"),
        ("đổi bằng lái xe", "đổi giấy phép lái xe"),
        ("doi bang lai xe", "đổi giấy phép lái xe"),
        ("muốn mở công ty", "thành lập doanh nghiệp đăng ký doanh nghiệp"),
        ("muon mo cong ty", "thành lập doanh nghiệp đăng ký doanh nghiệp"),
        ("làm giấy khai sinh cho con", "đăng ký khai sinh"),
        # fields covered since 2 Dec: loanwords and officers' shorthand
        ("mua dùi cui để tự vệ", "công cụ hỗ trợ"),
        ("tien rach doi o dau", "tiền không đủ tiêu chuẩn lưu thông"),
    ],
)
def test_expansion_with_and_without_diacritics(query: str, expected: str, lexicon: Lexicon) -> None:
    assert expected in _expanded(query, lexicon)


def test_single_accented_syllable_needs_its_accents(lexicon: Lexicon) -> None:
    assert "đăng ký kết hôn" in _expanded("sắp cưới thì làm gì", lexicon)
    # "cuoi" is also "cuối" (quyết toán cuối năm): no marriage expansion without accents
    assert "đăng ký kết hôn" not in _expanded("quyet toan thue cuoi nam", lexicon)


def test_action_words(lexicon: Lexicon) -> None:
    aq = analyse_text("giấy tờ bị mất", lexicon)
    acts = [e for e in aq.expansions if e.tokens == ["cấp", "lại"]]
    assert acts and acts[0].weight < 0.6 + 1e-9


# --- stop phrases ----------------------------------------------------------------------------


def test_stop_phrases_are_down_weighted_not_dropped(lexicon: Lexicon) -> None:
    aq = analyse_text("cho tôi hỏi đăng ký tạm trú ở đâu", lexicon, colloquial=False)
    assert aq.tokens == tokenize("cho tôi hỏi đăng ký tạm trú ở đâu")
    w = dict(zip(aq.tokens, aq.weights))
    assert w["tạm"] == 1.0 and w["trú"] == 1.0 and w["đăng"] == 1.0
    assert w["hỏi"] < 1.0 and w["đâu"] < 1.0
    plain = analyse_text(fold("cho tôi hỏi đăng ký tạm trú ở đâu"), lexicon, colloquial=False)
    assert [x < 1.0 for x in plain.weights] == [x < 1.0 for x in aq.weights]


@pytest.mark.parametrize("query", ["ở đâu", "thủ tục như thế nào", "cho tôi hỏi", "bao lâu", "o dau"])
def test_stop_phrases_never_empty_the_query(query: str, lexicon: Lexicon, index: LexicalIndex) -> None:
    aq = analyse_text(query, lexicon)
    assert aq.tokens and all(w == 1.0 for w in aq.weights)
    q = analyse_query(query, lexicon=lexicon)
    assert q.fold_uni  # terms remain


def test_codes_and_document_numbers_untouched(lexicon: Lexicon, index: LexicalIndex) -> None:
    aq = analyse_text("thủ tục 1.000080 theo 19/2014/QĐ-TTg ở đâu", lexicon)
    w = dict(zip(aq.tokens, aq.weights))
    assert w["1.000080"] == 1.0 and w["19/2014/qđ-ttg"] == 1.0
    assert not any("1.000080" in e.tokens for e in aq.expansions)
    assert index.search("1.000080", 3)[0].tolist()[0] == 8
    assert index.search("19/2014/QĐ-TTg", 3)[0].tolist()[0] == 8


def test_analysis_off_is_plain_tokens(lexicon: Lexicon) -> None:
    aq = analyse_tokens(["sổ", "đỏ", "ở", "đâu"], lexicon, stop_phrases=False, colloquial=False)
    assert aq.weights == [1.0] * 4 and aq.expansions == []


# --- through the lexical index ---------------------------------------------------------------


@pytest.mark.parametrize(
    "query, row",
    [
        ("sổ đỏ bị mất thì làm sao", 0),
        ("so do bi mat thi lam sao", 0),
        ("sổ hồng bị rách muốn đổi sổ mới", 1),
        ("bằng lái hết hạn đi đổi ở đâu", 2),
        ("lỡ làm mất bằng lái", 3),
        ("mở công ty tư nhân cần giấy tờ gì", 4),
        ("lam giay khai sinh cho be", 5),
    ],
)
def test_colloquial_questions_find_the_procedure(query: str, row: int, index: LexicalIndex) -> None:
    assert index.search(query, 3)[0].tolist()[0] == row


@pytest.fixture(scope="module")
def national_wholes(shared_data: Path) -> tuple[list[str], LexicalIndex]:
    """The 2,642 national procedures' whole units (real data; ~25 s), titles and their lexical index."""
    from indexer.readers import read_paths
    from indexer.units import record_units

    recs = read_paths([shared_data / "procedures" / "national_portal_2642.jsonl.gz"]).records
    units = [u for r in recs for u in record_units(r, r.id) if u.part == "whole"]
    titles = [u.title for u in units]
    return titles, LexicalIndex.from_texts(titles, [u.body for u in units])


@pytest.mark.parametrize(
    "query, title",
    [
        ("mất sổ đỏ thì làm lại ở đâu", "Cấp lại Giấy chứng nhận do bị mất"),
        ("sổ đỏ bị mất thì làm sao", "Cấp lại Giấy chứng nhận do bị mất"),
        ("lam lai bang lai xe bi mat", "Cấp lại giấy phép lái xe"),
    ],
)
def test_colloquial_questions_on_the_real_catalogue(query: str, title: str,
                                                    national_wholes: tuple[list[str], LexicalIndex]) -> None:
    """On the national records (whole-unit body field): the procedure in the top 3, first for "sổ đỏ"."""
    titles, ix = national_wholes
    top = [titles[i] for i in ix.search(query, 3)[0].tolist()]
    assert title in top, top
    if "đỏ" in query:
        assert top[0] == title, top


def test_lexicon_helps_against_no_analysis(tmp_path: Path) -> None:
    write_lexical(tmp_path, TITLES, BODIES)
    off = LexicalIndex.load(tmp_path, LexicalParams(stop_phrases=False, colloquial=False))
    on = LexicalIndex.load(tmp_path)
    q = "sổ đỏ bị mất thì làm lại ở đâu"
    assert on.search(q, 1)[0].tolist() == [0]
    assert off.search(q, 1)[0].tolist() != [0] or on.scores(q)[0] > off.scores(q)[0]


def test_query_terms_include_expansions_for_highlighting(index: LexicalIndex) -> None:
    terms = index.query_terms("sổ đỏ")
    assert terms[:2] == ["sổ", "đỏ"] and "chứng" in terms
    assert index.query_terms("Đăng ký khai sinh") == ["đăng", "ký", "khai", "sinh"]


def test_public_api_unchanged(index: LexicalIndex, tmp_path: Path) -> None:
    rows, scores = index.search("đăng ký kết hôn", 5, allowed=np.ones(index.n_docs, dtype=bool))
    assert rows.dtype == np.int64 and scores.dtype == np.float32 and rows[0] == 6
    assert index.n_docs == len(TITLES)
    write_lexical(tmp_path, TITLES, BODIES)
    with np.load(tmp_path / "lexical.npz", allow_pickle=False) as z:
        assert all(z[k].dtype != object for k in z.files)
    again = LexicalIndex.load(tmp_path)
    np.testing.assert_allclose(again.scores("mất sổ đỏ"), index.scores("mất sổ đỏ"))


def test_custom_lexicon(tmp_path: Path) -> None:
    lex = Lexicon.from_dict({"stop_phrases": ["xin hỏi"], "entries": [{"match": ["giấy đi đường"], "expand": "giấy thông hành"}]})
    aq = analyse_text("xin hỏi giấy đi đường", lex)
    assert [e.tokens for e in aq.expansions] == [["giấy", "thông", "hành"]]
    assert aq.weights[:2] == [0.2, 0.2]
    write_lexical(tmp_path, ["Cấp giấy thông hành", "Cấp hộ chiếu"], ["", ""])
    base = LexicalIndex.load(tmp_path)
    idx = LexicalIndex(base._m, base._terms, base.meta, lexicon=lex)
    assert idx.search("giấy đi đường", 1)[0].tolist() == [0]
    assert base.search("giấy đi đường", 1)[0].tolist() != [0] or base.lexicon is not lex


# --- document names -------------------------------------------------------------------------

DOCS = [
    ("Nghị định", "63/2010/NĐ-CP", "Về kiểm soát thủ tục hành chính"),
    ("Luật", "68/2020/QH14", "Cư trú"),
    ("", "", "Luật Giáo dục"),
    ("", "", "Luật Giáo dục đại học"),
    ("Quyết định", "19/2014/QĐ-TTg", ""),
    ("", "", "Bộ luật dân sự"),
]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("theo Nghị định 63 thì ai kiểm soát thủ tục", [0]),
        ("nghi dinh so 63/2010/nd-cp", [0]),
        ("NĐ 63/2010 quy định gì", [0]),
        ("theo Luật Cư trú năm 2020, đăng ký thường trú ở đâu", [1]),
        ("luật số 68/2020/QH14", [1]),
        ("Luật Giáo dục đại học quy định", [3]),  # the longest name wins
        ("luật giáo dục phổ thông", [2]),
        ("áp dụng ISO theo 19/2014/QĐ-TTg", [4]),
        ("theo luật dân sự", [5]),  # "Bộ luật dân sự" is also said "Luật dân sự"
        ("theo Bộ luật hình sự", []),  # not indexed: nothing preferred
        ("kiểm soát thủ tục hành chính", []),  # a bare phrase is no document name
        ("đăng ký cư trú", []),
    ],
)
def test_document_names_found_in_questions(query: str, expected: list[int]) -> None:
    assert DocumentNames.build(DOCS).find(query) == expected


def test_document_aliases_need_a_number_or_a_type() -> None:
    aliases = document_aliases("Nghị định", "63/2010/NĐ-CP", "")
    assert ("nghi", "dinh", "63") in aliases and ("63/2010/nd-cp",) in aliases and ("nd", "63") in aliases
    assert document_aliases("", "", "Cư trú") == []
    assert document_aliases("Luật", "", "Cư trú") == [("luat", "cu", "tru")]


def test_lexicon_and_title_coverage_only_for_catalogue_rows(index: LexicalIndex) -> None:
    q = "mất sổ đỏ thì làm lại ở đâu"
    every = index.rank_scores(q)
    cat = np.zeros(index.n_docs, dtype=bool)
    cat[:4] = True
    scoped = index.rank_scores(q, catalogue=cat)
    np.testing.assert_allclose(scoped[:4], every[:4], rtol=1e-6)
    plain = LexicalIndex(index._m, index._terms, index.meta, LexicalParams(colloquial=False, title_coverage=0.0))
    np.testing.assert_allclose(scoped[4:], plain.rank_scores(q)[4:], rtol=1e-6)
    assert scoped[0] > 0 and index.search(q, 1, catalogue=cat)[0].tolist() == [0]


def test_several_expansions_weigh_alike_whatever_their_length(lexicon: Lexicon) -> None:
    q = "giấy xác nhận độc thân để làm hồ sơ vay mua nhà"
    sizes = {e.phrase: len(e.tokens) for e in analyse_text(q, lexicon).expansions}
    assert sizes["độc thân"] < sizes["mua nhà"] and sizes["mua nhà"] > 2 * LexicalParams().expansion_tokens
    params = LexicalParams()
    terms = analyse_query(q, lexicon=lexicon, params=params).weights["exact_uni"]
    # each expansion is scaled to at most expansion_tokens tokens' worth: the long land-transfer
    # wording of "mua nhà" no longer outweighs "xác nhận tình trạng hôn nhân"
    scale = {p: min(1.0, params.expansion_tokens / n) for p, n in sizes.items()}
    assert terms["hôn"] == pytest.approx(params.expansion_weight * scale["độc thân"])
    assert terms["chuyển"] == pytest.approx(params.expansion_weight * scale["mua nhà"])
    assert terms["độc"] == 1.0  # the query's own words are untouched
    one = analyse_query("mua nhà", lexicon=lexicon, params=params).weights["exact_uni"]
    assert one["chuyển"] == pytest.approx(params.expansion_weight)  # a lone expansion keeps its weight
    off = analyse_query(q, lexicon=lexicon, params=LexicalParams(expansion_tokens=0)).weights["exact_uni"]
    assert off["chuyển"] == pytest.approx(params.expansion_weight)


@pytest.mark.parametrize("query, levels", [
    ("làm rơi thẻ ABTC, báo mất ở công an phường được không", ["xã"]),
    ("lam roi the ABTC bao mat o cong an phuong", ["xã"]),
    ("nộp ở UBND xã hay lên huyện", ["xã", "huyện"]),
    ("Sở Tư pháp cấp lại phiếu lý lịch", ["tỉnh"]),
    ("hỏi Sở Văn hoá", ["tỉnh"]),  # old-style tone placement, normalised as everywhere else
    ("so tu phap cap lai", ["tỉnh"]),
    ("giám định viên do Bộ Tư pháp bổ nhiệm", ["bộ"]),
    ("thủ tục cấp trung ương", ["bộ"]),
    # no level: "xã hội", "cơ sở", "bộ hồ sơ", "phương tiện" typed without diacritics
    ("đóng bảo hiểm xã hội một lần", []),
    ("cơ sở kinh doanh đổi địa chỉ", []),
    ("bộ hồ sơ gồm những gì", []),
    ("dang ky phuong tien thuy", []),
])
def test_named_levels(query: str, levels: list[str]) -> None:
    assert named_levels(query) == levels


def test_an_expansion_held_by_another_counts_once(lexicon: Lexicon) -> None:
    """"nuôi cá" nested in "nuôi cá lồng": its wording is inside the longer phrase's, so it is dropped."""
    got = [" ".join(e.tokens) for e in analyse_text("hợp tác xã muốn nuôi cá lồng, xin giao mặt biển", lexicon).expansions]
    assert "nuôi trồng thủy sản lồng bè" in got and "nuôi trồng thủy sản" not in got
    assert "giao khu vực biển" in got
    assert "nuôi trồng thủy sản" in _expanded("nuôi cá ở ao nhà", lexicon)


def test_a_phrase_may_hold_a_short_number_never_a_code() -> None:
    lex = Lexicon.from_dict({"stop_phrases": [], "entries": [
        {"match": ["cmnd 9 số"], "expand": "xác nhận số chứng minh nhân dân"},
        {"match": ["mã 1.000080"], "expand": "không bao giờ"}]})
    assert _expanded("xin giấy xác nhận cmnd 9 số", lex) == {"xác nhận số chứng minh nhân dân"}
    assert _expanded("cmnd 9 so", lex) == {"xác nhận số chứng minh nhân dân"}
    assert _expanded("thủ tục mã 1.000080", lex) == set()
