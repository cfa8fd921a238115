"""Clusters of procedures linked by accepted duplicate pairs, ordered by what a merge would save."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from indexer.records import Procedure
from search.duplicates.compare import working_days
from search.duplicates.paper_names import canonical_paper


@dataclass
class Cluster:
    """A connected group of similar procedures.

    Attributes:
        members: procedure codes (ids when a code is missing), representative first.
        representative: the member most similar to the others (highest summed pair score).
        titles: names of the members, same order.
        relations: how many pairs of each relation link the members.
        papers_total: papers asked over all members; papers_distinct: distinct canonical papers.
        days_total: summed processing time (working days) of the members that state one.
        saving_procedures, saving_papers, saving_days: what merging into one procedure would save
            (members − 1; papers_total − papers_distinct; days_total − the longest member's days).
        score: mean score of the pairs inside the cluster.
    """

    members: list[str]
    representative: str
    titles: list[str] = field(default_factory=list)
    relations: dict[str, int] = field(default_factory=dict)
    papers_total: int = 0
    papers_distinct: int = 0
    days_total: float = 0.0
    saving_procedures: int = 0
    saving_papers: int = 0
    saving_days: float = 0.0
    score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "members": self.members,
            "representative": self.representative,
            "titles": self.titles,
            "size": len(self.members),
            "relations": self.relations,
            "papers_total": self.papers_total,
            "papers_distinct": self.papers_distinct,
            "days_total": round(self.days_total, 2),
            "saving": {
                "procedures": self.saving_procedures,
                "papers": self.saving_papers,
                "days": round(self.saving_days, 2),
            },
            "score": round(self.score, 4),
        }


def _key(p: Procedure) -> str:
    return p.code or p.id


def build_clusters(
    procedures: Sequence[Procedure],
    edges: np.ndarray,
    scores: np.ndarray,
    relations: Sequence[str] | None = None,
) -> list[Cluster]:
    """Connected components over accepted pairs, with a representative and saving figures.

    Args:
        procedures: all procedures (edge endpoints index into this list).
        edges: int array (m, 2) of accepted pairs.
        scores: float array (m,) of pair scores.
        relations: relation label per edge (optional).

    Returns:
        Clusters of two or more members, largest saving first (procedures, papers, days).
    """
    n = len(procedures)
    edges = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    scores = np.asarray(scores, dtype=np.float64).reshape(-1)
    if n == 0 or len(edges) == 0:
        return []
    g = sp.coo_matrix((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(n, n))
    ncomp, labels = connected_components(g, directed=False)
    strength = np.bincount(edges[:, 0], weights=scores, minlength=n) + np.bincount(
        edges[:, 1], weights=scores, minlength=n
    )
    sizes = np.bincount(labels, minlength=ncomp)
    edge_comp = labels[edges[:, 0]]
    comp_score = np.bincount(edge_comp, weights=scores, minlength=ncomp) / np.maximum(
        np.bincount(edge_comp, minlength=ncomp), 1
    )
    out: list[Cluster] = []
    for c in np.flatnonzero(sizes >= 2):
        idx = np.flatnonzero(labels == c)
        idx = idx[np.argsort(-strength[idx], kind="stable")]
        members = [procedures[i] for i in idx]
        papers = [canonical_paper(d.name) for p in members for d in p.documents]
        papers = [x for x in papers if x]
        days = [working_days(p) for p in members]
        days = [d for d in days if d is not None]
        rel = Counter(relations[j] for j in np.flatnonzero(edge_comp == c)) if relations is not None else Counter()
        out.append(
            Cluster(
                members=[_key(p) for p in members],
                representative=_key(members[0]),
                titles=[p.name for p in members],
                relations=dict(rel),
                papers_total=len(papers),
                papers_distinct=len(set(papers)),
                days_total=float(sum(days)),
                saving_procedures=len(members) - 1,
                saving_papers=len(papers) - len(set(papers)),
                saving_days=float(sum(days) - max(days)) if days else 0.0,
                score=float(comp_score[c]),
            )
        )
    out.sort(key=lambda cl: (-cl.saving_procedures, -cl.saving_papers, -cl.saving_days, -cl.score))
    return out


__all__ = ["Cluster", "build_clusters"]
