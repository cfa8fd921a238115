"""Fusion of the lexical (BM25) and dense (embedding) result lists, with explanations.

Methods:

- ``"weighted"``: each side's scores normalised over its own result list (min-max
  or z-score), then ``w_lexical * lex + w_dense * dense``; a row missing from a side
  gets that side's floor (0 after min-max).
- ``"rrf"``: reciprocal rank fusion, ``sum_side w_side / (rrf_k + rank_side)``.
- ``"lexical"`` / ``"dense"``: one side only (the other side is still reported in
  ``explain``).

``DEFAULT_METHOD`` / ``DEFAULT_PARAMS`` were chosen by measurement with the default model
multilingual-e5-small (benchmarks/alqac.py and benchmarks/procedure_questions.py,
docs/benchmarks.md "Issue 10b", re-checked in "accent-less queries" and "Issue 10e"): weighted,
both sides min-max, dense weight 0.7 — the highest weight never below lexical on any set. Since
the dense side embeds accent-less questions with their diacritics restored
(``LexicalIndex.dense_query_text``), they keep the full dense weight. Bundles built with the
English MiniLM keep the setting measured for it (``MINILM_PARAMS``: dense as a tie-breaker;
:func:`params_for`). In hybrid search the dense side leaves out the procedure-name units
(``HYBRID_DENSE_SKIPS``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

METHODS = ("weighted", "rrf", "lexical", "dense")
DEFAULT_METHOD = "weighted"
DEFAULT_PARAMS: dict[str, dict[str, float | str]] = {
    # both sides min-max over their 100 candidates, dense weight 0.7 (multilingual-e5-small).
    # "Issue 10e" (docs/benchmarks.md): on 120 new questions about random procedures (end to end,
    # dev half) 0.3 / 0.7 / 1.0 → 0.722 / 0.753 / 0.765, test half 0.610 / 0.677 / 0.696 (lexical
    # 0.543); ALQAC train 0.932 / 0.945 / 0.949 (lexical 0.914); the 70 older procedure questions
    # (which tuned the lexical side) 0.865 / 0.855 / 0.855 on their dev half; 120 ALQAC-style questions
    # never tuned on 0.924 / 0.920 / 0.912 (lexical 0.918): 0.7 is the highest weight that stays at or
    # above lexical on every set
    "weighted": {"w_lexical": 1.0, "w_dense": 0.7, "norm": "minmax"},
    "rrf": {"rrf_k": 10.0, "w_lexical": 1.0, "w_dense": 0.1},
    "lexical": {},
    "dense": {},
}


def prefer(hits: list["FusedHit"], preferred: np.ndarray | None, boost: float) -> list["FusedHit"]:
    """Multiply the score of hits on preferred rows by ``1 + boost`` and re-sort (stable).

    Used for the units of a document that the query names ("theo Luật Cư trú …").

    Args:
        hits: fused hits, best first.
        preferred: boolean mask over rows, or None (nothing preferred).
        boost: relative bonus (0 keeps the order; negative lowers those hits).

    Returns:
        The hits, best first (the same objects, scores updated).
    """
    if preferred is None or not boost or not hits:
        return hits
    mask = np.asarray(preferred, dtype=bool)
    for h in hits:
        if 0 <= h.row < mask.size and mask[h.row]:
            h.score *= 1.0 + boost
    return sorted(hits, key=lambda h: -h.score)


# The bundled MiniLM (English, strips diacritics) measured weak on Vietnamese: bundles built
# with it keep the setting chosen for it (dense = tie-breaker).
MINILM_PARAMS: dict[str, float | str] = {"w_lexical": 1.0, "w_dense": 0.01, "norm": "minmax",
                                         "norm_lexical": "max", "norm_dense": "minmax"}
# Unit parts the dense side leaves out in hybrid search. A procedure's name is already matched,
# and weighted, by the lexical side's title field, and it opens the procedure's "whole" unit:
# with the name vectors, the two sides agreed and fused no better than lexical alone; without
# them (dev halves of the procedure questions, end to end on the national bundle) hybrid
# MRR@10 0.822 → 0.837 typed, 0.835 → 0.851 accent-less. Dense-only search keeps them.
HYBRID_DENSE_SKIPS: frozenset[str] = frozenset({"name"})


def params_for(model_name: str, method: str | None = None) -> dict[str, float | str]:
    """Fusion parameters for a bundle's model (overrides of DEFAULT_PARAMS).

    Args:
        model_name: the bundle's model name (manifest ``model.name``).
        method: the fusion method (None → DEFAULT_METHOD).

    Returns:
        Parameters to pass to :func:`fuse` (empty: the defaults apply).
    """
    method = method or DEFAULT_METHOD
    if method != "weighted" or "minilm" not in (model_name or "").lower():
        return {}
    return dict(MINILM_PARAMS)


# Preference for the units of a document the query names ("theo Luật Cư trú …"): the lexical
# side multiplies its scores by 1 + NAMED_BOOST["lexical"] (so that those units enter the
# candidates), and the fused scores of dense/hybrid search by 1 + NAMED_BOOST["fused"].
NAMED_BOOST: dict[str, float] = {"lexical": 0.2, "fused": 0.1}
# Preference for procedures of the level the query names as the place to go ("công an phường" →
# cấp xã; ``search.query_analysis.named_levels``): fused score × (1 + LEVEL_BOOST), every mode.
# docs/benchmarks.md "Issue 10f": 0.03 / 0.05 / 0.1 / 0.2 → the 200-question dev half +0.001 / +0.001 /
# +0.008 / +0.008, no other set moved.
LEVEL_BOOST: float = 0.1
# A procedure whose name opens with a derived action the query does not ask for ("Gia hạn giấy
# phép X" for "có cần giấy phép X không"; ``search.procedure_actions``): fused score × (1 - ACTION_PENALTY),
# every mode. docs/benchmarks.md "Issue 10g".
ACTION_PENALTY: float = 0.1


@dataclass
class FusedHit:
    """One fused result row with the evidence of each side (ranks are 1-based, None if absent)."""

    row: int
    score: float
    lexical_rank: int | None = None
    lexical_score: float | None = None
    dense_rank: int | None = None
    dense_score: float | None = None

    def explain(self) -> dict:
        """Plain dict for ``Hit.explain`` / JSON output."""
        return asdict(self)


def _as_arrays(side: tuple[np.ndarray, np.ndarray] | None) -> tuple[np.ndarray, np.ndarray]:
    if side is None:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
    rows, scores = side
    return np.asarray(rows, dtype=np.int64).ravel(), np.asarray(scores, dtype=np.float64).ravel()


def _normalise(scores: np.ndarray, how: str) -> tuple[np.ndarray, float]:
    """Normalised scores and the floor value given to rows missing from this side."""
    if scores.size == 0:
        return scores, 0.0
    if how == "zscore":
        sd = float(scores.std())
        z = (scores - scores.mean()) / sd if sd > 0 else np.zeros_like(scores)
        return z, float(z.min())
    if how == "max":
        top = float(scores.max())
        return (scores / top if top > 0 else np.ones_like(scores)), 0.0
    lo, hi = float(scores.min()), float(scores.max())
    if hi > lo:
        return (scores - lo) / (hi - lo), 0.0
    return np.ones_like(scores), 0.0


def fuse(
    lexical: tuple[np.ndarray, np.ndarray],
    dense: tuple[np.ndarray, np.ndarray],
    k: int,
    method: str | None = None,
    **params: float | str,
) -> list[FusedHit]:
    """Fuse two ranked lists of rows.

    Args:
        lexical: (rows, scores) from BM25, best first.
        dense: (rows, scores) from the dense index, best first.
        k: how many fused hits to return.
        method: "weighted", "rrf", "lexical" or "dense" (None → DEFAULT_METHOD).
        **params: method parameters overriding DEFAULT_PARAMS[method]:
            weighted: w_lexical, w_dense, norm ("minmax", "zscore", "max" = score / best score),
                norm_lexical / norm_dense (per-side override of norm);
            rrf: rrf_k, w_lexical, w_dense.

    Returns:
        Up to k FusedHit, score descending (ties: better lexical rank, then row).
    """
    method = method or DEFAULT_METHOD
    if method not in METHODS:
        raise ValueError(f"Phương pháp kết hợp không hợp lệ: {method!r} (chọn một trong {', '.join(METHODS)})")
    p = {**DEFAULT_PARAMS[method], **params}
    lrows, lscores = _as_arrays(lexical)
    drows, dscores = _as_arrays(dense)
    lrank = {int(r): i + 1 for i, r in enumerate(lrows)}
    drank = {int(r): i + 1 for i, r in enumerate(drows)}
    lsc = {int(r): float(s) for r, s in zip(lrows, lscores)}
    dsc = {int(r): float(s) for r, s in zip(drows, dscores)}

    if method == "lexical":
        rows = list(dict.fromkeys(int(r) for r in lrows))
        fused = {r: lsc[r] for r in rows}
    elif method == "dense":
        rows = list(dict.fromkeys(int(r) for r in drows))
        fused = {r: dsc[r] for r in rows}
    elif method == "rrf":
        c, wl, wd = float(p["rrf_k"]), float(p["w_lexical"]), float(p["w_dense"])
        rows = list(dict.fromkeys([int(r) for r in lrows] + [int(r) for r in drows]))
        fused = {
            r: (wl / (c + lrank[r]) if r in lrank else 0.0) + (wd / (c + drank[r]) if r in drank else 0.0)
            for r in rows
        }
    else:
        how = str(p.get("norm", "minmax"))
        if "norm" in params:  # an explicit norm applies to both sides unless a side is named too
            p = {**p, "norm_lexical": params.get("norm_lexical"), "norm_dense": params.get("norm_dense")}
        wl, wd = float(p["w_lexical"]), float(p["w_dense"])
        ln, lfloor = _normalise(lscores, str(p.get("norm_lexical") or how))
        dn, dfloor = _normalise(dscores, str(p.get("norm_dense") or how))
        lnorm = {int(r): float(s) for r, s in zip(lrows, ln)}
        dnorm = {int(r): float(s) for r, s in zip(drows, dn)}
        rows = list(dict.fromkeys([int(r) for r in lrows] + [int(r) for r in drows]))
        fused = {r: wl * lnorm.get(r, lfloor) + wd * dnorm.get(r, dfloor) for r in rows}

    big = 1 << 30
    rows.sort(key=lambda r: (-fused[r], lrank.get(r, big), drank.get(r, big), r))
    return [
        FusedHit(
            row=r,
            score=float(fused[r]),
            lexical_rank=lrank.get(r),
            lexical_score=lsc.get(r),
            dense_rank=drank.get(r),
            dense_score=dsc.get(r),
        )
        for r in rows[: max(0, k)]
    ]


__all__ = ["DEFAULT_METHOD", "DEFAULT_PARAMS", "FusedHit", "METHODS", "fuse", "MINILM_PARAMS", "NAMED_BOOST", "HYBRID_DENSE_SKIPS", "LEVEL_BOOST", "ACTION_PENALTY", "params_for", "prefer"]
