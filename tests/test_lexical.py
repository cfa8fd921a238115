"""BM25 index: scores against bm25s and a plain formula, Vietnamese queries, codes, files."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from indexer.lexical import write_lexical
from indexer.vietnamese import bigrams, fold_tokens, tokenize
from search.lexical import TITLE_WEIGHT, LexicalIndex, LexicalParams

TITLES = [
    "Đăng ký khai sinh",
    "Đăng ký kết hôn",
    "Cấp giấy phép bán lẻ rượu",
    "Cấp lại giấy phép ban hành mẫu",
    "Đăng ký thường trú",
    "Cấp thẻ căn cước cho người từ đủ 14 tuổi",
    "Thủ tục 1.000080 đăng ký nhận cha, mẹ, con",
    "Khai tử",
]
BODIES = [
    "Người đi đăng ký khai sinh nộp tờ khai và giấy chứng sinh cho Ủy ban nhân dân cấp xã.",
    "Hai bên nam nữ nộp tờ khai đăng ký kết hôn; cán bộ tư pháp kiểm tra hồ sơ kết hôn.",
    "Thương nhân bán lẻ rượu nộp hồ sơ theo Quyết định 19/2014/QĐ-TTg.",
    "Cơ quan ban hành văn bản theo Quyết định 19/2015/QĐ-TTg; hồ sơ gồm đơn đề nghị.",
    "Công dân đăng ký thường trú tại chỗ ở hợp pháp; UBND cấp xã xác nhận.",
    "Công an cấp xã thu nhận vân tay, ảnh chân dung để cấp thẻ căn cước.",
    "Hồ sơ nhận cha, mẹ, con gồm tờ khai và chứng cứ chứng minh quan hệ cha con.",
    "Người thân nộp giấy báo tử để đăng ký khai tử trong 15 ngày.",
]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> LexicalIndex:
    out = tmp_path_factory.mktemp("lex")
    write_lexical(out, TITLES, BODIES)
    return LexicalIndex.load(out)


def _top(index: LexicalIndex, q: str, k: int = 3) -> list[int]:
    return index.search(q, k)[0].tolist()


# --- scores against references ---------------------------------------------------------------


def test_body_unigram_scores_equal_bm25s(tmp_path: Path) -> None:
    bm25s = pytest.importorskip("bm25s")
    write_lexical(tmp_path, [""] * len(BODIES), BODIES)
    idx = LexicalIndex.load(
        tmp_path, LexicalParams(title_weight=0, bigram_weight=0, fold_weight_accented=0, expand_abbreviations=False)
    )
    corpus = [tokenize(b) for b in BODIES]
    ref = bm25s.BM25(k1=idx.meta["k1"], b=idx.meta["b"]["body"], method="lucene")
    ref.index(corpus, show_progress=False)
    for q in ["hồ sơ đăng ký", "tờ khai kết hôn", "thẻ căn cước công an", "giấy chứng sinh xã"]:
        qt = [t for t in dict.fromkeys(tokenize(q)) if t in ref.vocab_dict]
        expected = ref.get_scores(qt)
        np.testing.assert_allclose(idx.scores(q), expected, rtol=1e-5, atol=1e-6)


def _plain_bm25(term: str, docs: list[list[str]], lengths: list[int], d: int, k1: float, b: float) -> float:
    n = len(docs)
    df = sum(1 for doc in docs if term in doc)
    if df == 0:
        return 0.0
    idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
    tf = docs[d].count(term)
    avgdl = sum(lengths) / n
    return idf * tf / (tf + k1 * (1 - b + b * lengths[d] / avgdl))


def test_full_score_equals_plain_formula(index: LexicalIndex) -> None:
    """Titles + bodies, exact + folded spaces, unigrams + bigrams, written out per document."""
    p, meta = index.params, index.meta
    q = "đăng ký khai sinh tại xã"
    qt = list(dict.fromkeys(tokenize(q)))
    q_exact = qt + [t for t in dict.fromkeys(bigrams(tokenize(q)))]
    q_fold = list(dict.fromkeys(fold_tokens(qt))) + list(dict.fromkeys(bigrams(fold_tokens(tokenize(q)))))
    got = index.scores(q)
    for d in range(len(TITLES)):
        total = 0.0
        for space, terms, w_space in (("exact", q_exact, 1.0), ("fold", q_fold, p.fold_weight_accented)):
            # the body field is the whole row: title and body, each with its own bigrams
            for field, texts, fw in (("title", [(t,) for t in TITLES], TITLE_WEIGHT[True]),
                                     ("body", list(zip(TITLES, BODIES)), p.body_weight)):
                parts = [[tokenize(x) for x in row] for row in texts]
                if space == "fold":
                    parts = [[fold_tokens(t) for t in row] for row in parts]
                docs = [[w for t in row for w in t + bigrams(t)] for row in parts]
                lengths = [sum(len(t) for t in row) for row in parts]
                for term in terms:
                    tw = p.bigram_weight if "_" in term else 1.0
                    total += w_space * fw * tw * _plain_bm25(term, docs, lengths, d, meta["k1"], meta["b"][field])
        assert got[d] == pytest.approx(total, rel=1e-5, abs=1e-6), d


# --- Vietnamese queries ---------------------------------------------------------------------


def test_accentless_query_finds_accented_text(index: LexicalIndex) -> None:
    assert _top(index, "dang ky khai sinh")[0] == 0
    assert _top(index, "the can cuoc")[0] == 5
    assert _top(index, "DANG KY KET HON")[0] == 1


def test_accented_query_prefers_exact_accents(index: LexicalIndex) -> None:
    assert _top(index, "giấy phép bán")[0] == 2
    assert _top(index, "giấy phép ban")[0] == 3
    rows = _top(index, "giay phep ban", k=5)
    assert set(rows[:2]) == {2, 3}  # accent-less: both are equally good candidates


def test_wrong_accents_fall_back_on_folded_field(index: LexicalIndex) -> None:
    rows, scores = index.search("đắng kỳ khải sình", 3)
    assert rows.size and rows[0] == 0 and scores[0] > 0


def test_misspelled_or_partial_words_still_find_something(index: LexicalIndex) -> None:
    assert _top(index, "khai sinhh")[0] == 0  # close spelling
    assert 5 in _top(index, "căn cướ")  # prefix of the last syllable


def test_document_numbers_and_codes_match_exactly(index: LexicalIndex) -> None:
    rows, _ = index.search("19/2014/QĐ-TTg", 5)
    assert rows.tolist() == [2]
    rows, _ = index.search("19/2015/qd-ttg", 5)
    assert rows.tolist() == [3]
    rows, _ = index.search("1.000080", 5)
    assert rows.tolist() == [6]
    assert index.search("1.000081", 5)[0].size == 0 or 6 not in index.search("1.000081", 5)[0][:1]


def test_abbreviation_expands(index: LexicalIndex) -> None:
    rows = _top(index, "UBND cấp xã khai sinh")
    assert rows[0] == 0  # "Ủy ban nhân dân" in the body
    assert "ủy" in index.query_terms("UBND") and "ubnd" in index.query_terms("UBND")


def test_query_terms_are_surface_tokens(index: LexicalIndex) -> None:
    assert index.query_terms("Đăng ký khai sinh") == ["đăng", "ký", "khai", "sinh"]
    assert "19/2014/qđ-ttg" in index.query_terms("theo 19/2014/QĐ-TTg")


# --- search contract ------------------------------------------------------------------------


def test_search_contract(index: LexicalIndex) -> None:
    rows, scores = index.search("hồ sơ tờ khai", 3)
    assert rows.dtype == np.int64 and scores.dtype == np.float32
    assert len(rows) == 3 and np.all(np.diff(scores) <= 0) and np.all(scores > 0)
    all_rows, all_scores = index.search("hồ sơ tờ khai", 100)
    assert len(all_rows) == int((index.scores("hồ sơ tờ khai") > 0).sum()) < index.n_docs
    assert all_rows[:3].tolist() == rows.tolist()


def test_allowed_mask_filters_rows(index: LexicalIndex) -> None:
    allowed = np.zeros(index.n_docs, dtype=bool)
    allowed[[1, 7]] = True
    rows, _ = index.search("đăng ký", 10, allowed=allowed)
    assert set(rows.tolist()) <= {1, 7} and rows.size == 2


@pytest.mark.parametrize("q", ["", "   ", "?!…", "xqzwv", "qqqqqqqqq zzzzzzzz"])
def test_empty_or_unknown_queries_return_empty_arrays(index: LexicalIndex, q: str) -> None:
    rows, scores = index.search(q, 5)
    assert rows.size == 0 and scores.size == 0
    assert rows.dtype == np.int64 and scores.dtype == np.float32


def test_k_zero_and_empty_index(tmp_path: Path) -> None:
    write_lexical(tmp_path, [], [])
    idx = LexicalIndex.load(tmp_path)
    assert idx.n_docs == 0 and idx.search("đăng ký", 5)[0].size == 0


# --- files ------------------------------------------------------------------------------------


def test_round_trip_without_pickle(tmp_path: Path, index: LexicalIndex) -> None:
    write_lexical(tmp_path, TITLES, BODIES)
    with np.load(tmp_path / "lexical.npz", allow_pickle=False) as z:
        assert all(z[name].dtype != object for name in z.files)
    again = LexicalIndex.load(tmp_path)
    mem = LexicalIndex.from_texts(TITLES, BODIES)
    for q in ["đăng ký khai sinh", "dang ky", "19/2014/QĐ-TTg", "UBND"]:
        np.testing.assert_array_equal(again.scores(q), index.scores(q))
        np.testing.assert_array_equal(mem.scores(q), index.scores(q))
    assert again.n_docs == len(TITLES)
    assert not list(tmp_path.glob("*.tmp*"))


def test_titles_and_bodies_must_align(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_lexical(tmp_path, ["a"], [])


# --- analysis cache (incremental rebuild) -----------------------------------------------------


def _arrays(out: Path) -> dict[str, np.ndarray]:
    with np.load(out / "lexical.npz", allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def _assert_same_build(a: Path, b: Path) -> None:
    x, y = _arrays(a), _arrays(b)
    assert x.keys() == y.keys()
    for k in x:
        assert x[k].dtype == y[k].dtype and np.array_equal(x[k], y[k]), k
    assert (a / "lexical.json").read_text(encoding="utf-8") == (b / "lexical.json").read_text(encoding="utf-8")


def test_cached_incremental_build_equals_fresh_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds through the cache (added, changed, removed, repeated, empty texts) equal cache-less builds."""
    import indexer.lexical as lex

    calls: list[str] = []
    real = lex.analyse
    monkeypatch.setattr(lex, "analyse", lambda text: calls.append(text) or real(text))
    cache = tmp_path / "cache"
    titles, bodies = TITLES + [TITLES[0], ""], BODIES + ["", "x" * 80 + " mã 1.000080"]
    steps = [
        (titles, bodies),
        (titles[::-1], bodies[::-1]),  # same texts, other order: nothing analysed
        (titles[:5] + ["Cấp đổi giấy phép lái xe"], bodies[:4] + [BODIES[7], "Nộp đơn đề nghị đổi giấy phép."]),
        ([], []),
        (TITLES, BODIES),
    ]
    for i, (t, b) in enumerate(steps):
        calls.clear()
        write_lexical(tmp_path / f"c{i}", t, b, cache_dir=cache)
        n_analysed = len(calls)
        write_lexical(tmp_path / f"f{i}", t, b)
        _assert_same_build(tmp_path / f"c{i}", tmp_path / f"f{i}")
        if i == 1:
            assert n_analysed == 0
        if i == 2:
            assert n_analysed == 2  # only the two new texts are analysed
    # the cache holds the current texts only
    with np.load(cache / "analysis.npz", allow_pickle=False) as z:
        assert z["keys"].shape == (len(set(TITLES) | set(BODIES)), 32)


def test_corrupt_cache_is_ignored(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "analysis.npz").write_bytes(b"not an npz")
    write_lexical(tmp_path / "c", TITLES, BODIES, cache_dir=cache)
    write_lexical(tmp_path / "f", TITLES, BODIES)
    _assert_same_build(tmp_path / "c", tmp_path / "f")
    write_lexical(tmp_path / "c2", TITLES, BODIES, cache_dir=cache)  # the rewritten cache is valid
    _assert_same_build(tmp_path / "c2", tmp_path / "f")
    assert LexicalIndex.load(tmp_path / "c2").search("đăng ký khai sinh", 1)[0].tolist() == [0]


def test_truncated_or_inconsistent_cache_is_ignored(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    write_lexical(tmp_path / "f", TITLES, BODIES)
    write_lexical(tmp_path / "c", TITLES, BODIES, cache_dir=cache)
    data = (cache / "analysis.npz").read_bytes()
    (cache / "analysis.npz").write_bytes(data[: len(data) // 2])
    write_lexical(tmp_path / "c", TITLES, BODIES, cache_dir=cache)
    _assert_same_build(tmp_path / "c", tmp_path / "f")
    with np.load(cache / "analysis.npz", allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    arrays["exact_ids"] = arrays["exact_ids"] + 10**6  # ids past the vocabulary
    np.savez(cache / "analysis.npz", **arrays)
    write_lexical(tmp_path / "c", TITLES, BODIES, cache_dir=cache)
    _assert_same_build(tmp_path / "c", tmp_path / "f")


def test_builder_equals_reference_builder() -> None:
    """One product builder (store-based); the plain reference lives in tests/bm25_reference.py."""
    from bm25_reference import reference_build_arrays

    from indexer.lexical import analyse, build_arrays

    for analysed in (None, [(analyse(t), analyse(x)) for t, x in zip(TITLES, BODIES)]):
        for whole in (True, False):  # False: the body field of bundles built before issue 10d
            got, meta = build_arrays(TITLES, BODIES, analysed=analysed, body_has_title=whole)
            ref, ref_meta = reference_build_arrays(TITLES, BODIES, body_has_title=whole)
            assert got.keys() == ref.keys() and meta == ref_meta and meta["body_has_title"] is whole
            for k in ref:
                assert got[k].dtype == ref[k].dtype and np.array_equal(got[k], ref[k]), k


def test_title_weight_follows_what_the_body_field_holds() -> None:
    """A bundle whose body field is the body alone (no "body_has_title") keeps its title weight."""
    from indexer.lexical import build_arrays

    def index(whole: bool) -> LexicalIndex:
        arrays, meta = build_arrays(TITLES, BODIES, body_has_title=whole)
        if not whole:
            del meta["body_has_title"]  # as lexical.json of an older bundle
        return LexicalIndex.from_arrays(arrays, meta)

    q = "đăng ký khai sinh"
    for whole in (True, False):
        ix = index(whole)
        default = ix.scores(q)
        ix.params = LexicalParams(title_weight=TITLE_WEIGHT[whole])
        assert np.allclose(default, ix.scores(q))
