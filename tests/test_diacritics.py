"""Diacritic restoration of accent-less queries for the dense side (search/diacritics.py)."""

from __future__ import annotations

import numpy as np
import pytest

from search.diacritics import DiacriticRestorer, expand_query_abbreviations

_TEXTS = [
    "Đăng ký khai sinh cho trẻ em",
    "Cấp thẻ căn cước cho công dân",
    "Cấp đổi thẻ căn cước khi bị hỏng",
    "Đăng ký kết hôn",
    "Cấp giấy phép lái xe",
    "Căn cứ pháp lý của thủ tục",
    "Cán bộ tiếp nhận hồ sơ",
]


def _restorer() -> DiacriticRestorer:
    from indexer.vietnamese import tokenize

    df: dict[str, int] = {}
    for text in _TEXTS:
        toks = [t for t in tokenize(text) if t.isalpha()]
        for term in set(toks) | {f"{a}_{b}" for a, b in zip(toks, toks[1:])}:
            df[term] = df.get(term, 0) + 1
    terms = sorted(df)
    return DiacriticRestorer.from_vocabulary(terms, np.array([df[t] for t in terms]))


def test_restores_accentless_syllables_from_context():
    r = _restorer()
    assert r.restore("dang ky khai sinh") == "đăng ký khai sinh"
    # "can" is cần/căn/cán/căn…: the pair "thẻ căn" decides, not the unigram
    assert r.restore("cap the can cuoc") == "cấp thẻ căn cước"
    assert r.restore("can bo tiep nhan") == "cán bộ tiếp nhận"


def test_unknown_words_codes_and_punctuation_are_kept():
    r = _restorer()
    assert r.restore("thu tuc 1.000080, QD 19/2014/QD-TTg?") == "thủ tục 1.000080, QD 19/2014/QD-TTg?"
    assert r.restore("xyzzy khai sinh") == "xyzzy khai sinh"
    assert r.restore("") == ""


def test_accented_text_is_kept_as_typed_except_abbreviations():
    r = _restorer()
    assert r.restore("Đăng ký khai sinh") == "Đăng ký khai sinh"
    assert r.restore("Căn cứ cấp cccd") == "Căn cứ cấp căn cước công dân"


def test_abbreviations_are_written_out_in_any_case():
    assert expand_query_abbreviations("mat CCCD") == "mat căn cước công dân"
    assert expand_query_abbreviations("the bhyt") == "the bảo hiểm y tế"
    r = _restorer()
    assert r.restore("cap cccd") == "cấp căn cước công dân"


def test_lexicon_phrases_add_context():
    r = _restorer()
    assert "sổ" not in r.by_fold.get("so", [])
    r.add_phrases(["sổ đỏ"], weight=5)
    assert r.restore("so do") == "sổ đỏ"


@pytest.mark.parametrize("query, restored", [
    ("dang ky khai sinh cho con", "đăng ký khai sinh"),
    ("dang ky ket hon", "đăng ký kết hôn"),
])
def test_bundle_dense_query_text_restores_accents(corpus_index, query, restored):
    from search import open_index

    ix = open_index(corpus_index)
    text = ix.dense_query_text(query)
    assert text.startswith(restored), text
    assert ix.dense_query_text("Đăng ký khai sinh") == "Đăng ký khai sinh"


def test_bundle_dense_query_text_adds_lexicon_wording(corpus_index):
    from search import open_index

    ix = open_index(corpus_index)
    text = ix.dense_query_text("so do bi mat")
    assert text.startswith("sổ đỏ bị mất"), text
    assert "quyền sử dụng đất" in text, text


def test_hybrid_dense_side_skips_name_units(corpus_index):
    from search import open_index
    from search.fusion import HYBRID_DENSE_SKIPS

    ix = open_index(corpus_index)
    mask = ix._part_rows(HYBRID_DENSE_SKIPS)
    assert mask.any() and not mask.all()
    hits = ix.search("lam giay khai sinh cho con", k=3, mode="hybrid", where={"kind": "procedure"})
    assert hits and "khai sinh" in hits[0].title.lower()
