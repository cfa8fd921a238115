"""Canonical and fuzzy matching of dossier paper names (thành phần hồ sơ).

The same paper is written many ways: "Bản sao Giấy khai sinh", "Giấy khai sinh
(bản sao)", "01 bản sao có chứng thực giấy khai sinh". ``canonical_paper`` strips
copy qualifiers, quantities, "(nếu có)", templates and punctuation, expands
abbreviations and folds accents; ``paper_similarity`` compares two canonical
names with rapidfuzz; ``match_papers`` pairs two lists one-to-one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np
from rapidfuzz import fuzz, process
from scipy.optimize import linear_sum_assignment

from indexer.vietnamese import expand_abbreviations, fold, normalize

#: default similarity (0..100) above which two paper names are the same paper
PAPER_THRESHOLD = 82.0

# folded phrases that say how a paper is handed in, not what it is
_QUALIFIERS = [
    r"ban sao (?:co )?chung thuc(?: hoac ban sao (?:kem|xuat trinh) ban chinh(?: de doi chieu)?)?",
    r"ban sao hop le",
    r"ban sao hop phap",
    r"ban sao y ban chinh",
    r"ban sao(?: kem| xuat trinh)? ban chinh(?: de (?:doi chieu|so sanh))?",
    r"ban sao dien tu",
    r"ban sao",
    r"ban chinh",
    r"ban goc",
    r"ban photo(?:copy)?",
    r"ban scan",
    r"ban chup",
    r"ban dien tu",
    r"co chung thuc",
    r"hop le",
    r"kem theo",
    r"xuat trinh",
    r"de doi chieu",
    r"neu co",
    r"theo mau(?: so)?(?: [\w./-]+)?",
    r"mau so [\w./-]+",
    r"mau [\w./-]*\d[\w./-]*",
    r"so luong",
    r"\d+",
]
_QUALIFIER_RE = re.compile(r"\b(?:" + "|".join(_QUALIFIERS) + r")\b")
_BRACKETS = re.compile(r"[()\[\]{}]")
_PUNCT = re.compile(r"[^\w\s./-]+|(?<!\w)[./-]|[./-](?!\w)")
_SPACES = re.compile(r"\s+")
_LEADING = re.compile(r"^(?:[-+•*–]|\d+[.)]|[a-zđ][)])\s*")


@lru_cache(maxsize=100_000)
def canonical_paper(name: str) -> str:
    """Canonical, comparable form of a paper name.

    Args:
        name: the paper as written ("Bản sao Giấy khai sinh (nếu có)").

    Returns:
        Folded lower-case words without copy qualifiers ("giay khai sinh");
        "" when nothing is left.
    """
    text = normalize(name or "").strip()
    text = _LEADING.sub("", text)
    text = fold(expand_abbreviations(text))
    text = _BRACKETS.sub(" ", text)
    text = text.replace(";", " ").replace(",", " ").replace(":", " ")
    text = _QUALIFIER_RE.sub(" ", text)
    text = _PUNCT.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    text = re.sub(r"^(?:va|hoac|cua|kem) |(?: va| hoac| cua| kem)$", "", text).strip()
    return text


def _score(a: str, b: str, **_: object) -> float:
    """Similarity 0..100 of two canonical names.

    token_set_ratio alone calls "giấy chứng nhận" the same as any longer
    certificate; averaging it with token_sort_ratio keeps subsets apart unless the
    extra words are few.
    """
    if not a or not b:
        return 0.0
    if a == b:
        return 100.0
    return 0.5 * fuzz.token_set_ratio(a, b) + 0.5 * fuzz.token_sort_ratio(a, b)


@lru_cache(maxsize=200_000)
def _ordered_score(a: str, b: str) -> float:
    return _score(a, b)


def _cached_score(a: str, b: str) -> float:
    """``_score``, remembered: the procedures of a duplicate group share most of their papers and steps,
    so the same two names meet in many pairs (national corpus: 628,249 comparisons, 105,816 distinct)."""
    return _ordered_score(a, b) if a <= b else _ordered_score(b, a)


def paper_similarity(a: str, b: str) -> float:
    """Similarity 0..100 of two paper names as written.

    Args:
        a, b: paper names (any spelling, accents or not).

    Returns:
        100 for the same canonical name; above ``PAPER_THRESHOLD`` for the same paper.
    """
    return _score(canonical_paper(a), canonical_paper(b))


def same_paper(a: str, b: str, threshold: float = PAPER_THRESHOLD) -> bool:
    """True when two paper names denote the same paper."""
    return paper_similarity(a, b) >= threshold


def similarity_matrix(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """Pairwise similarity (0..100) of two lists of paper names (``_score`` of their canonical forms).

    Args:
        a, b: paper names as written.

    Returns:
        float32 array of shape (len(a), len(b)).
    """
    ca = [canonical_paper(x) for x in a]
    cb = [canonical_paper(x) for x in b]
    return np.array([[_cached_score(x, y) for y in cb] for x in ca], dtype=np.float32).reshape(len(ca), len(cb))


@dataclass
class PaperMatch:
    """One-to-one pairing of two lists of names.

    Attributes:
        pairs: (index in a, index in b, similarity 0..100) for matched names.
        only_a: indexes in a without a partner; only_b likewise.
    """

    pairs: list[tuple[int, int, float]]
    only_a: list[int]
    only_b: list[int]

    def dice(self, n_a: int, n_b: int) -> float:
        """Share of names matched: 2·matched / (len a + len b); 1.0 when both are empty."""
        if n_a + n_b == 0:
            return 1.0
        return 2.0 * len(self.pairs) / (n_a + n_b)


def match_names(
    a: Sequence[str], b: Sequence[str], threshold: float = PAPER_THRESHOLD, matrix: np.ndarray | None = None
) -> PaperMatch:
    """Pair two lists of names one-to-one (Hungarian assignment on the similarity matrix).

    Args:
        a, b: names as written.
        threshold: minimum similarity (0..100) for a pair.
        matrix: a precomputed similarity matrix (defaults to ``similarity_matrix``).

    Returns:
        A ``PaperMatch``.
    """
    m = similarity_matrix(a, b) if matrix is None else matrix
    pairs: list[tuple[int, int, float]] = []
    if m.size:
        rows, cols = linear_sum_assignment(-m)
        keep = m[rows, cols] >= threshold
        pairs = [(int(r), int(c), float(m[r, c])) for r, c in zip(rows[keep], cols[keep])]
    used_a = {p[0] for p in pairs}
    used_b = {p[1] for p in pairs}
    return PaperMatch(
        pairs=sorted(pairs),
        only_a=[i for i in range(len(a)) if i not in used_a],
        only_b=[j for j in range(len(b)) if j not in used_b],
    )


def match_papers(a: Sequence[str], b: Sequence[str], threshold: float = PAPER_THRESHOLD) -> PaperMatch:
    """Pair the dossier papers of two procedures (same paper written differently counts once).

    Args:
        a, b: paper names of procedure A and B.
        threshold: minimum similarity (0..100).

    Returns:
        A ``PaperMatch`` with shared pairs and the papers only one side asks for.
    """
    return match_names(a, b, threshold)


def group_papers(names: Sequence[str], threshold: float = PAPER_THRESHOLD) -> list[int]:
    """Group paper names that denote the same paper (for counting how often a paper is asked).

    Args:
        names: paper names from many procedures.
        threshold: minimum similarity (0..100) to join two names.

    Returns:
        A group id per name (names with equal canonical form always share one).
    """
    canon = [canonical_paper(n) for n in names]
    uniq = sorted(set(canon))
    index = {c: i for i, c in enumerate(uniq)}
    parent = list(range(len(uniq)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    if len(uniq) > 1:
        for i, c in enumerate(uniq):
            if not c:
                continue
            hits = process.extract(c, uniq, scorer=_score, score_cutoff=threshold, limit=20)
            for _, _, j in hits:
                if j != i and uniq[j]:
                    parent[find(i)] = find(j)
    return [find(index[c]) for c in canon]


__all__ = [
    "PAPER_THRESHOLD",
    "PaperMatch",
    "canonical_paper",
    "group_papers",
    "match_names",
    "match_papers",
    "paper_similarity",
    "same_paper",
    "similarity_matrix",
]
