"""Duplicate, variant, family and overlapping procedures across the whole index.

Candidates come from two self-joins, each top-k per procedure (about N log N work):
- dense: a FAISS kNN self-join over the procedure vectors (exact inner product up to
  ``EXACT_LIMIT`` procedures, IVF beyond);
- lexical: TF-IDF cosine (scikit-learn) over the accent-folded, abbreviation-expanded
  name + papers + steps, top-k taken from chunked sparse matrix products.
Every candidate pair gets both cosines (vectorised), a combined score and, when accepted,
a field-level comparison (``search.duplicates.compare``) and a relation label (``search.duplicates.relations``).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

import faiss
import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from indexer.records import Procedure
from indexer.vietnamese import expand_abbreviations, fold, normalize
from search.duplicates.groups import Cluster, Theme, build_groups
from search.duplicates.compare import compare_procedures
from search.duplicates.relations import RelationThresholds, classify, name_key, split_action

#: default threshold on the combined score (chosen with benchmarks/duplicates.py)
DEFAULT_MIN_SCORE = 0.6
#: weight of the dense cosine in the combined score (the rest is the TF-IDF cosine)
DENSE_WEIGHT = 0.3
EXACT_LIMIT = 20_000
_CHUNK = 1024
_STEP_CHARS = 200


@dataclass
class DuplicatePair:
    """Two similar procedures with the evidence.

    Attributes:
        a, b: the procedures (a before b in index order).
        score: combined score 0..1; dense, lexical: the two cosines.
        relation: duplicate / variant / family / overlap; why: Vietnamese reason.
        evidence: shared and differing items per field (``Comparison.evidence``).
    """

    a: Procedure
    b: Procedure
    score: float
    dense: float
    lexical: float
    relation: str
    why: str
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": {"code": self.a.code or self.a.id, "title": self.a.name},
            "b": {"code": self.b.code or self.b.id, "title": self.b.name},
            "score": round(self.score, 4),
            "dense": round(self.dense, 4),
            "lexical": round(self.lexical, 4),
            "relation": self.relation,
            "why": self.why,
            "evidence": self.evidence,
        }


@dataclass
class DuplicateReport:
    """All accepted pairs, the groups one decision can act on (``clusters``) and the overlap links
    between groups (``themes``)."""

    pairs: list[DuplicatePair]
    clusters: list[Cluster]
    min_score: float
    procedures: int
    candidates: int = 0
    seconds: float = 0.0
    themes: list[Theme] = field(default_factory=list)

    def removable(self) -> int:
        """Procedures the groups' actions would remove (only "bãi bỏ thủ tục trùng lặp" removes any)."""
        return sum(c.saving_procedures for c in self.clusters)

    def to_dict(self) -> dict[str, Any]:
        return {
            "min_score": self.min_score,
            "procedures": self.procedures,
            "candidates": self.candidates,
            "seconds": round(self.seconds, 3),
            "pairs": [p.to_dict() for p in self.pairs],
            "clusters": [c.to_dict() for c in self.clusters],
            "themes": [t.to_dict() for t in self.themes],
        }


# --- texts -----------------------------------------------------------------------------------

_NON_WORD = re.compile(r"[^\w\s/.-]+")


def procedure_text(p: Procedure) -> str:
    """Folded, abbreviation-expanded text used for lexical similarity: name (twice), papers, steps."""
    name = name_key(p.name)
    papers = " ; ".join(d.name for d in p.documents)
    steps = " ; ".join(s[:_STEP_CHARS] for s in p.steps)
    body = fold(expand_abbreviations(normalize(f"{papers} ; {steps}")))
    return _NON_WORD.sub(" ", f"{name} . {name} . {body}")


def tfidf_matrix(texts: Sequence[str]) -> sp.csr_matrix:
    """L2-normalised TF-IDF rows (syllables + bigrams) as float32 CSR."""
    n = len(texts)
    vec = TfidfVectorizer(
        token_pattern=r"(?u)\b\w[\w/.-]*\w\b|\b\w\b",
        ngram_range=(1, 2),
        sublinear_tf=True,
        min_df=1,
        max_df=0.5 if n >= 50 else 1.0,
        dtype=np.float32,
    )
    try:
        return vec.fit_transform(texts).tocsr()
    except ValueError:  # empty vocabulary
        return sp.csr_matrix((n, 1), dtype=np.float32)


def _topk_sparse(m: sp.csr_matrix, k: int, row_offset: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Top-k entries per row of a CSR matrix, vectorised (no loop over rows)."""
    m = m.tocsr()
    m.eliminate_zeros()
    counts = np.diff(m.indptr)
    rows = np.repeat(np.arange(m.shape[0]), counts)
    order = np.lexsort((-m.data, rows))
    rank = np.arange(len(order)) - m.indptr[rows[order]]
    keep = order[rank < k]
    return rows[keep] + row_offset, m.indices[keep], m.data[keep]


def lexical_knn(x: sp.csr_matrix, k: int, min_sim: float = 0.1) -> np.ndarray:
    """Top-k lexical neighbours of every row (cosine of TF-IDF rows) by chunked sparse products.

    Args:
        x: L2-normalised CSR rows.
        k: neighbours per row.
        min_sim: drop neighbours below this cosine.

    Returns:
        int64 array (m, 2) of pairs (i, j) with i != j.
    """
    n = x.shape[0]
    if n > 5_000:  # candidate generation only: very common terms make dense products and add no signal
        df = np.bincount(x.indices, minlength=x.shape[1])
        x = x[:, np.flatnonzero(df <= max(50, int(0.02 * n)))].tocsr()
    xt = x.T.tocsr()
    out = []
    chunk = min(_CHUNK, max(64, 20_000_000 // max(x.shape[0], 1)))  # bounded product size
    for start in range(0, x.shape[0], chunk):
        prod = (x[start : start + chunk] @ xt).tocsr()
        prod.data[prod.data < min_sim] = 0.0
        r, c, _ = _topk_sparse(prod, k + 1, start)
        out.append(np.stack([r, c], axis=1))
    pairs = np.concatenate(out) if out else np.zeros((0, 2), dtype=np.int64)
    return pairs[pairs[:, 0] != pairs[:, 1]].astype(np.int64)


def dense_knn(vectors: np.ndarray, k: int, min_sim: float = 0.0) -> np.ndarray:
    """Top-k dense neighbours of every row via a FAISS self-join (inner product on normalised rows).

    Args:
        vectors: float32 (n, d), L2-normalised.
        k: neighbours per row.
        min_sim: drop neighbours below this cosine.

    Returns:
        int64 array (m, 2) of pairs (i, j) with i != j.
    """
    v = np.ascontiguousarray(vectors, dtype=np.float32)
    n, d = v.shape
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    kk = min(k + 1, n)
    if n <= EXACT_LIMIT:
        index: faiss.Index = faiss.IndexFlatIP(d)
    else:
        nlist = int(4 * np.sqrt(n))
        quant = faiss.IndexFlatIP(d)
        index = faiss.IndexIVFFlat(quant, d, nlist, faiss.METRIC_INNER_PRODUCT)
        rng = np.random.default_rng(0)
        index.train(v[rng.choice(n, size=min(n, nlist * 40), replace=False)])
        index.nprobe = 8
    index.add(v)
    out = []
    for start in range(0, n, 8192):
        sims, nbrs = index.search(v[start : start + 8192], kk)
        rows = np.repeat(np.arange(start, start + len(sims)), kk)
        ok = (nbrs.reshape(-1) >= 0) & (sims.reshape(-1) >= min_sim)
        out.append(np.stack([rows[ok], nbrs.reshape(-1)[ok]], axis=1))
    pairs = np.concatenate(out).astype(np.int64)
    return pairs[pairs[:, 0] != pairs[:, 1]]


def _unique_pairs(*parts: np.ndarray) -> np.ndarray:
    p = np.concatenate([x.reshape(-1, 2) for x in parts]) if parts else np.zeros((0, 2), np.int64)
    p = np.sort(p, axis=1)
    return np.unique(p, axis=0) if len(p) else p


def _rowwise_sparse_dot(x: sp.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    out = np.empty(len(i), dtype=np.float32)
    for s in range(0, len(i), 50_000):
        a, b = x[i[s : s + 50_000]], x[j[s : s + 50_000]]
        out[s : s + 50_000] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out


def dense_baseline(vectors: np.ndarray, samples: int = 4000, seed: int = 0) -> float:
    """Mean cosine of random pairs: what "unrelated" looks like for this model and corpus.

    Small multilingual models give every pair of Vietnamese texts a high cosine; scores are
    measured above this baseline.
    """
    n = len(vectors)
    if n < 3:
        return 0.0
    rng = np.random.default_rng(seed)
    i, j = rng.integers(0, n, samples), rng.integers(0, n, samples)
    keep = i != j
    return float(np.clip(np.einsum("ij,ij->i", vectors[i[keep]], vectors[j[keep]]).mean(), 0.0, 0.95))


def rescale_dense(dense: np.ndarray, baseline: float) -> np.ndarray:
    """Map cosines so that the corpus baseline is 0 and identical texts are 1."""
    return np.clip((np.asarray(dense, dtype=np.float32) - baseline) / (1.0 - baseline), 0.0, 1.0)


@dataclass
class PairScores:
    """Candidate pairs with their cosines and combined score (before relation labelling)."""

    pairs: np.ndarray  # (m, 2) int64, i < j
    dense: np.ndarray
    lexical: np.ndarray
    score: np.ndarray
    family: np.ndarray  # bool: same object once action words are removed, different actions
    same_name: np.ndarray  # bool: the same name (folded, level hints removed)


def score_pairs(procedures: Sequence[Procedure], vectors: np.ndarray, k: int = 10,
                texts: Optional[Sequence[str]] = None) -> PairScores:
    """Candidate pairs from the dense and lexical self-joins, scored.

    Args:
        procedures: the procedures (row i of ``vectors`` is procedure i).
        vectors: float32 (n, d) L2-normalised.
        k: neighbours per procedure in each self-join.
        texts: lexical texts (defaults to ``procedure_text``).

    Returns:
        ``PairScores`` for the union of candidates.
    """
    n = len(procedures)
    texts = list(texts) if texts is not None else [procedure_text(p) for p in procedures]
    x = tfidf_matrix(texts)
    cand = _unique_pairs(dense_knn(vectors, k), lexical_knn(x, k))
    i, j = cand[:, 0], cand[:, 1]
    v = np.asarray(vectors, dtype=np.float32)
    dense = np.einsum("ij,ij->i", v[i], v[j]) if len(cand) else np.zeros(0, np.float32)
    lex = _rowwise_sparse_dot(x, i, j) if len(cand) else np.zeros(0, np.float32)
    score = DENSE_WEIGHT * rescale_dense(dense, dense_baseline(v)) + (1.0 - DENSE_WEIGHT) * lex
    actions, objects = zip(*(split_action(p.name) for p in procedures)) if n else ((), ())
    obj_ids = np.unique(np.array(objects, dtype=object), return_inverse=True)[1] if n else np.zeros(0, int)
    act_ids = np.unique(np.array(actions, dtype=object), return_inverse=True)[1] if n else np.zeros(0, int)
    has_act = np.array([bool(a) for a in actions])
    long_obj = np.array([len(o.split()) >= 3 for o in objects])
    family = (
        (obj_ids[i] == obj_ids[j]) & (act_ids[i] != act_ids[j]) & has_act[i] & has_act[j] & long_obj[i]
        if len(cand)
        else np.zeros(0, bool)
    )
    names = [name_key(p.name) for p in procedures]
    name_ids = np.unique(np.array(names, dtype=object), return_inverse=True)[1] if n else np.zeros(0, int)
    long_name = np.array([len(x.split()) >= 2 for x in names], dtype=bool)
    same_name = (name_ids[i] == name_ids[j]) & long_name[i] if len(cand) else np.zeros(0, bool)
    return PairScores(cand, dense.astype(np.float32), lex.astype(np.float32), score.astype(np.float32), family,
                      same_name)


def duplicates_from_records(
    procedures: Sequence[Procedure],
    vectors: np.ndarray,
    *,
    min_score: Optional[float] = None,
    k: int = 10,
    thresholds: Optional[RelationThresholds] = None,
) -> DuplicateReport:
    """Find duplicate / variant / family / overlap pairs among procedures, group them, link the groups.

    Args:
        procedures: the procedures.
        vectors: one L2-normalised row per procedure.
        min_score: accept pairs with a combined score at least this (default ``DEFAULT_MIN_SCORE``);
            family pairs (same object, other action) and pairs with the same name are accepted
            at any candidate score.
        k: neighbours per procedure in the self-joins.
        thresholds: relation cut-offs.

    Returns:
        A ``DuplicateReport`` with pairs (highest score first), groups (``clusters``) and themes.
    """
    t0 = time.perf_counter()
    ms = DEFAULT_MIN_SCORE if min_score is None else float(min_score)
    ps = score_pairs(procedures, vectors, k)
    keep = (ps.score >= ms) | ps.family | ps.same_name
    idx = np.flatnonzero(keep)
    idx = idx[np.argsort(-ps.score[idx], kind="stable")]
    pairs: list[DuplicatePair] = []
    for e in idx:
        a, b = procedures[int(ps.pairs[e, 0])], procedures[int(ps.pairs[e, 1])]
        cmp = compare_procedures(a, b)
        rel, why = classify(cmp, thresholds)
        pairs.append(DuplicatePair(a, b, float(ps.score[e]), float(ps.dense[e]), float(ps.lexical[e]),
                                   rel, why, cmp.evidence()))
    clusters, themes = build_groups(procedures, ps.pairs[idx], ps.score[idx], [p.relation for p in pairs],
                                    [p.why for p in pairs], [p.evidence["documents"]["shared"] for p in pairs])
    return DuplicateReport(pairs, clusters, ms, len(procedures), len(ps.pairs), time.perf_counter() - t0, themes)


def _aligned(index: Any) -> tuple[list[Procedure], np.ndarray]:
    """Procedures and their vectors in the same order, from a SearchIndex."""
    procs = list(index.procedures())
    ids, vecs = index.procedure_vectors()
    row = {rid: r for r, rid in enumerate(ids)}
    keep = [p for p in procs if p.id in row]
    if not keep:
        return [], np.zeros((0, vecs.shape[1] if vecs.ndim == 2 else 1), dtype=np.float32)
    return keep, np.asarray(vecs, dtype=np.float32)[[row[p.id] for p in keep]]


def find_duplicates(index: Any, *, min_score: Optional[float] = None, k: int = 10) -> DuplicateReport:
    """Duplicate, variant, family and overlapping procedures of an index.

    Args:
        index: a ``SearchIndex`` (``procedures()`` and ``procedure_vectors()`` are used).
        min_score: combined-score threshold 0..1 (default ``DEFAULT_MIN_SCORE``).
        k: neighbours per procedure in the self-joins.

    Returns:
        A ``DuplicateReport``; ``to_dict()`` gives {"pairs": [...], "clusters": [...], "themes": [...]}.
    """
    procs, vecs = _aligned(index)
    return duplicates_from_records(procs, vecs, min_score=min_score, k=k)


class Neighbourhood:
    """Similarity of any procedure to all others; build once, ask many times (peers for many codes).

    Args:
        index: a ``SearchIndex``.
    """

    def __init__(self, index: Any) -> None:
        self.procedures, self.vectors = _aligned(index)
        self.x = tfidf_matrix([procedure_text(p) for p in self.procedures])
        self.baseline = dense_baseline(self.vectors)
        self.row: dict[str, int] = {}
        for r, p in enumerate(self.procedures):
            self.row[p.id] = r
            if p.code:
                self.row.setdefault(p.code, r)

    def neighbours(self, code: str, k: int = 10) -> list[tuple[str, float]]:
        """The k procedures most similar to ``code`` (code or id), most similar first."""
        pos = self.row.get(code)
        if pos is None or len(self.procedures) < 2:
            return []
        lex = np.asarray((self.x @ self.x[pos].T).todense()).ravel()
        dense = rescale_dense(self.vectors @ self.vectors[pos], self.baseline)
        score = DENSE_WEIGHT * dense + (1.0 - DENSE_WEIGHT) * lex
        score[pos] = -np.inf
        top = np.argsort(-score, kind="stable")[:k]
        return [(self.procedures[t].code or self.procedures[t].id, float(score[t])) for t in top]


def neighbours(index: Any, code: str, k: int = 10) -> list[tuple[str, float]]:
    """The procedures most similar to one procedure (dense and TF-IDF cosines combined).

    For many codes, build one ``Neighbourhood`` and call its ``neighbours``.

    Args:
        index: a ``SearchIndex``.
        code: procedure code or id ("1.000080" or "tthc:1.000080").
        k: how many.

    Returns:
        (code, score) pairs, most similar first; [] when the code is unknown.
    """
    return Neighbourhood(index).neighbours(code, k)


__all__ = [
    "DEFAULT_MIN_SCORE",
    "DuplicatePair",
    "DuplicateReport",
    "Neighbourhood",
    "PairScores",
    "dense_baseline",
    "dense_knn",
    "duplicates_from_records",
    "find_duplicates",
    "lexical_knn",
    "neighbours",
    "procedure_text",
    "score_pairs",
    "tfidf_matrix",
]
