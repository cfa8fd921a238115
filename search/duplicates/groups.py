"""Groups of procedures one decision can act on, and "themes" (overlap links between groups).

A group holds the same procedure written twice (duplicate), the same procedure at another
level, agency or province or a special version of it (variant), or the members of one permit's
family (cấp mới / cấp lại / gia hạn …). Groups are built from those pairs only, by average
linkage with a floor (``LINK_FLOOR``): two parts join only when most pairs across them are
reported pairs, so groups cannot chain the way connected components do. Overlap pairs
(different procedures sharing papers or steps) never join a group: they become themes,
links between groups (or single procedures) with the action "liên thông".

Each group carries one action with its evidence and the saving of that action only:
- duplicate → bãi bỏ thủ tục trùng lặp: the copies go (procedures and their papers);
- variant → thống nhất quy định giữa các cấp/địa phương: no procedure goes; the papers and
  days asked beyond the simplest version go;
- family → hợp nhất hồ sơ của các trường hợp (cấp mới/cấp lại/gia hạn): no procedure goes; the
  papers the later cases ask again go.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform

from indexer.records import Procedure
from search.duplicates.compare import working_days
from search.duplicates.names import name_key, split_action
from search.duplicates.paper_names import canonical_paper

#: relations that put two procedures in one group; "overlap" pairs become themes
GROUP_RELATIONS = ("duplicate", "variant", "family")
#: average-linkage cut (distance 1 for a pair that is not reported, ≤ 0.5 for one that is):
#: two parts join only when well over half of the pairs across them are reported pairs
LINK_FLOOR = 0.6
#: a group larger than this is split further unless all members carry one name (one procedure
#: across levels or provinces)
MAX_GROUP = 15

ACTIONS = {
    "bai_bo": "Bãi bỏ thủ tục trùng lặp",
    "thong_nhat": "Thống nhất quy định giữa các cấp/địa phương",
    "hop_nhat": "Hợp nhất hồ sơ các trường hợp của cùng một thủ tục",
    "lien_thong": "Liên thông",
}
_ACTION_OF = {"duplicate": "bai_bo", "variant": "thong_nhat", "family": "hop_nhat"}
_PRIORITY = {"duplicate": 0, "variant": 1, "family": 2}
# first actions of a family: the papers given then need not be given again
_BASE_ACTIONS = {"cấp mới", "đăng ký", "chứng nhận", "công nhận", "cấp mới có thời hạn", "cấp tạm thời"}
_FORM_WORDS = ("don ", "to khai", "mau ", "ban khai", "phieu")


@dataclass
class Cluster:
    """A group of procedures one decision can act on.

    Attributes:
        members: procedure codes (ids when a code is missing), representative first.
        representative: the member most linked to the others (highest summed pair score).
        titles: names of the members, same order.
        relations: how many reported pairs of each relation link the members.
        relation: the group's relation (duplicate / variant / family), the most common inside.
        action: key of the proposed action (``ACTIONS``): bai_bo, thong_nhat or hop_nhat.
        proposal: the action in one Vietnamese sentence.
        evidence: Vietnamese lines: each member against the representative, and what was counted.
        papers_total: papers asked over all members; papers_distinct: distinct canonical papers.
        days_total: summed processing time (working days) of the members that state one.
        saving_procedures, saving_papers, saving_days: what the action would save (see the module).
        score: mean score of the reported pairs inside the group.
        pair_share: share of member pairs that are reported pairs (1.0 for two members).
        one_name: all members carry one name (one procedure across levels or provinces).
    """

    members: list[str]
    representative: str
    titles: list[str] = field(default_factory=list)
    relations: dict[str, int] = field(default_factory=dict)
    relation: str = ""
    action: str = ""
    proposal: str = ""
    evidence: list[str] = field(default_factory=list)
    papers_total: int = 0
    papers_distinct: int = 0
    days_total: float = 0.0
    saving_procedures: int = 0
    saving_papers: int = 0
    saving_days: float = 0.0
    score: float = 0.0
    pair_share: float = 1.0
    one_name: bool = False

    @property
    def action_label(self) -> str:
        """The action in Vietnamese ("Bãi bỏ thủ tục trùng lặp")."""
        return ACTIONS.get(self.action, "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "members": self.members,
            "representative": self.representative,
            "titles": self.titles,
            "size": len(self.members),
            "relation": self.relation,
            "relations": self.relations,
            "action": self.action,
            "action_label": self.action_label,
            "proposal": self.proposal,
            "evidence": self.evidence,
            "papers_total": self.papers_total,
            "papers_distinct": self.papers_distinct,
            "days_total": round(self.days_total, 2),
            "saving": {
                "procedures": self.saving_procedures,
                "papers": self.saving_papers,
                "days": round(self.saving_days, 2),
            },
            "score": round(self.score, 4),
            "pair_share": round(self.pair_share, 3),
        }


@dataclass
class Theme:
    """Overlap pairs between two groups (or single procedures): a liên thông candidate.

    Attributes:
        a, b: member codes of each side (a group's members, or one procedure).
        a_group, b_group: index of the side's group in the cluster list, or None for a single procedure.
        a_title, b_title: the side's representative name.
        pairs: the overlap pairs (code A, code B, score), highest score first.
        shared_papers: papers the pairs share (A's wording), most frequent first.
        why: the reason of the best pair.
        score: best pair score.
    """

    a: list[str]
    b: list[str]
    a_group: Optional[int]
    b_group: Optional[int]
    a_title: str
    b_title: str
    pairs: list[tuple[str, str, float]] = field(default_factory=list)
    shared_papers: list[str] = field(default_factory=list)
    why: str = ""
    score: float = 0.0
    action: str = "lien_thong"

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": {"codes": self.a, "group": self.a_group, "title": self.a_title},
            "b": {"codes": self.b, "group": self.b_group, "title": self.b_title},
            "pairs": [{"a": x, "b": y, "score": round(s, 4)} for x, y, s in self.pairs],
            "shared_papers": self.shared_papers,
            "action": self.action,
            "action_label": ACTIONS[self.action],
            "why": self.why,
            "score": round(self.score, 4),
        }


def _key(p: Procedure) -> str:
    return p.code or p.id


def _papers(p: Procedure) -> set[str]:
    return {x for x in (canonical_paper(d.name) for d in p.documents) if x}


def _split(idx: np.ndarray, w: dict[tuple[int, int], float], cut: float) -> list[np.ndarray]:
    """Average-linkage clusters of ``idx`` (global rows) cut at ``cut``."""
    n = len(idx)
    if n <= 2:
        return [idx]
    pos = {int(g): r for r, g in enumerate(idx)}
    d = np.ones((n, n), dtype=np.float64)
    for (i, j), s in w.items():
        if i in pos and j in pos:
            d[pos[i], pos[j]] = d[pos[j], pos[i]] = 0.5 * (1.0 - min(max(s, 0.0), 1.0))
    np.fill_diagonal(d, 0.0)
    labels = fcluster(linkage(squareform(d, checks=False), method="average"), t=cut, criterion="distance")
    return [idx[labels == c] for c in np.unique(labels)]


def _groups_of(n: int, edges: np.ndarray, scores: np.ndarray, names: list[str], cut: float,
               max_group: int) -> list[np.ndarray]:
    """Average-linkage groups inside each connected component of the group edges."""
    if len(edges) == 0:
        return []
    g = sp.coo_matrix((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(n, n))
    ncomp, labels = connected_components(g, directed=False)
    w = {(int(min(a, b)), int(max(a, b))): float(s) for (a, b), s in zip(edges, scores)}
    by_comp: dict[int, list[tuple[int, int]]] = {}
    for key in w:
        by_comp.setdefault(int(labels[key[0]]), []).append(key)
    out: list[np.ndarray] = []
    sizes = np.bincount(labels, minlength=ncomp)
    for c in np.flatnonzero(sizes >= 2):
        idx = np.flatnonzero(labels == c)
        cw = {k: w[k] for k in by_comp.get(int(c), [])}
        todo = [(idx, cut)]
        while todo:
            part, cc = todo.pop()
            for sub in _split(part, cw, cc):
                if len(sub) > max_group and len({names[i] for i in sub}) > 1 and cc > 0.05:
                    todo.append((sub, cc - 0.1))  # too large for one decision: a tighter floor
                elif len(sub) >= 2:
                    out.append(sub)
    return out


def _saving(rel: str, members: list[Procedure], rep: int, dup_removed: list[int]) -> tuple[int, int, float, str]:
    """(procedures, papers, days, explanation) the group's action would save."""
    papers = [_papers(p) for p in members]
    days = [working_days(p) for p in members]
    if rel == "duplicate":
        n_pap = sum(len(papers[i]) for i in dup_removed)
        return (len(dup_removed), n_pap, 0.0,
                f"bãi bỏ {len(dup_removed)} bản trùng lặp (cùng tên, cùng cấp và cơ quan) cùng {n_pap} giấy tờ "
                "chúng yêu cầu; giữ thủ tục đại diện")
    if rel == "variant":
        target = min(range(len(members)), key=lambda i: (len(papers[i]), i != rep))
        n_pap = sum(len(p - papers[target]) for p in papers)
        known = [d for d in days if d is not None]
        n_days = float(sum(d - min(known) for d in known)) if known else 0.0
        return (0, n_pap, n_days,
                f"không bãi bỏ thủ tục nào; nếu mọi phiên bản theo bản đơn giản nhất ({_key(members[target])}): "
                f"bớt {n_pap} giấy tờ, {n_days:g} ngày làm việc")
    acts = [split_action(p.name)[0] for p in members]
    base = next((i for i, a in enumerate(acts) if a in _BASE_ACTIONS), rep)
    n_pap = 0
    for i, p in enumerate(papers):
        if i != base:
            n_pap += sum(1 for x in p & papers[base] if not x.startswith(_FORM_WORDS))
    return (0, n_pap, 0.0,
            f"không bãi bỏ thủ tục nào (mỗi trường hợp vẫn cần); {n_pap} giấy tờ đã nộp khi "
            f"{acts[base] or 'thực hiện'} ({_key(members[base])}) không phải nộp lại")


_PROPOSAL = {
    "bai_bo": "Bãi bỏ các bản trùng lặp (cùng tên, cùng cấp và cơ quan), giữ một bản; các thủ tục còn lại của "
              "nhóm giữ nguyên.",
    "thong_nhat": "Thống nhất một quy định cho thủ tục «{title}» ở các cấp/địa phương/phiên bản: cùng thành phần hồ "
                  "sơ và thời hạn theo bản đơn giản nhất.",
    "hop_nhat": "Hợp nhất hồ sơ các trường hợp (cấp mới, cấp lại, gia hạn…) của «{obj}»: dùng lại giấy tờ đã nộp, "
                "một mẫu đơn chung.",
}


def build_groups(
    procedures: Sequence[Procedure],
    edges: np.ndarray,
    scores: np.ndarray,
    relations: Sequence[str],
    whys: Optional[Sequence[str]] = None,
    shared: Optional[Sequence[Sequence[str]]] = None,
    *,
    cut: float = LINK_FLOOR,
    max_group: int = MAX_GROUP,
) -> tuple[list[Cluster], list[Theme]]:
    """Groups from duplicate / variant / family pairs, themes from overlap pairs.

    Args:
        procedures: all procedures (edge endpoints index into this list).
        edges: int array (m, 2) of reported pairs.
        scores: float array (m,) of pair scores.
        relations: relation label per pair.
        whys: reason per pair (optional; shown as evidence).
        shared: shared papers per pair (optional; for themes).
        cut: average-linkage cut (``LINK_FLOOR``).
        max_group: groups above this size are split further unless all members carry one name.

    Returns:
        (groups with their action, largest saving first; themes, most pairs first).
    """
    n = len(procedures)
    edges = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    scores = np.asarray(scores, dtype=np.float64).reshape(-1)
    rels = np.array(list(relations), dtype=object) if len(edges) else np.zeros(0, dtype=object)
    whys = list(whys) if whys is not None else [""] * len(edges)
    if n == 0 or len(edges) == 0:
        return [], []
    grp = np.isin(rels, GROUP_RELATIONS)
    names = [name_key(p.name) for p in procedures]
    parts = _groups_of(n, edges[grp], scores[grp], names, cut, max_group)
    pair_info: dict[tuple[int, int], tuple[str, float, str]] = {}
    for e in range(len(edges)):
        a, b = int(edges[e, 0]), int(edges[e, 1])
        pair_info[(min(a, b), max(a, b))] = (str(rels[e]), float(scores[e]), whys[e])
    clusters: list[Cluster] = []
    for part in parts:
        idx = [int(i) for i in part]
        inside = [(i, j) for x, i in enumerate(idx) for j in idx[x + 1:] if (min(i, j), max(i, j)) in pair_info]
        strength = Counter()
        gcount: Counter = Counter()
        for i, j in inside:
            rel, s, _ = pair_info[(min(i, j), max(i, j))]
            strength[i] += s
            strength[j] += s
            gcount[rel] += 1
        idx.sort(key=lambda i: -strength[i])
        members = [procedures[i] for i in idx]
        gr = [r for r in gcount if r in _PRIORITY]
        # copies of one procedure are removed whatever else the group holds; else the most common relation
        rel = "duplicate" if gcount.get("duplicate") else (
            min(gr, key=lambda r: (-gcount[r], _PRIORITY[r])) if gr else "variant")
        rep = idx[0]
        ev = []
        dup_removed = []
        for k, i in enumerate(idx[1:], 1):
            info = pair_info.get((min(i, rep), max(i, rep)))
            if info is None:  # not linked to the representative: its best link inside the group
                linked = [(pair_info[(min(i, j), max(i, j))], j) for j in idx if j != i
                          and (min(i, j), max(i, j)) in pair_info]
                info, other = max(linked, key=lambda t: t[0][1])
            else:
                other = rep
            ev.append(f"{_key(procedures[i])} — {_key(procedures[other])}: {info[0]} ({info[1]:.2f}); {info[2]}")
        if rel == "duplicate":  # in each set of copies the most linked member stays, the others go
            kept: set[int] = set()
            for k, i in enumerate(idx):
                copies = [j for j in idx if pair_info.get((min(i, j), max(i, j)), ("",))[0] == "duplicate"]
                if copies and not any(j in kept for j in copies):
                    kept.add(i)
                elif copies:
                    dup_removed.append(k)
        papers = [x for p in members for x in _papers(p)]
        days = [d for d in (working_days(p) for p in members) if d is not None]
        action = _ACTION_OF[rel]
        if action == "bai_bo" and not dup_removed:
            action, rel = "thong_nhat", "variant"
        sp_, pa_, da_, note = _saving(rel, members, 0, dup_removed)
        ev.append("Tiết kiệm: " + note + ".")
        m = len(idx)
        cl = Cluster(
            members=[_key(p) for p in members],
            representative=_key(members[0]),
            titles=[p.name for p in members],
            relations=dict(gcount),
            relation=rel,
            action=action,
            proposal=_PROPOSAL[action].format(rep=_key(members[0]), title=members[0].name,
                                              obj=split_action(members[0].name)[1] or members[0].name),
            evidence=ev,
            papers_total=len(papers),
            papers_distinct=len(set(papers)),
            days_total=float(sum(days)),
            saving_procedures=sp_,
            saving_papers=pa_,
            saving_days=da_,
            score=float(np.mean([pair_info[(min(i, j), max(i, j))][1] for i, j in inside])) if inside else 0.0,
            pair_share=len(inside) / (m * (m - 1) / 2),
            one_name=len({names[i] for i in idx}) == 1,
        )
        clusters.append(cl)
    order = sorted(range(len(clusters)), key=lambda c: (-clusters[c].saving_procedures, -clusters[c].saving_papers,
                                                         -clusters[c].saving_days, -clusters[c].score))
    clusters = [clusters[c] for c in order]
    group_of: dict[int, int] = {}
    by_code = {_key(p): r for r, p in enumerate(procedures)}
    for g, cl in enumerate(clusters):
        for code in cl.members:
            group_of[by_code[code]] = g
    return clusters, _themes(procedures, edges, scores, rels, whys, shared, clusters, group_of)


def _themes(procedures: Sequence[Procedure], edges: np.ndarray, scores: np.ndarray, rels: np.ndarray,
            whys: list[str], shared: Optional[Sequence[Sequence[str]]], clusters: list[Cluster],
            group_of: dict[int, int]) -> list[Theme]:
    """Overlap pairs gathered per pair of sides (group or single procedure)."""
    acc: dict[tuple, dict[str, Any]] = {}
    for e in np.flatnonzero(rels == "overlap"):
        a, b = int(edges[e, 0]), int(edges[e, 1])
        ga, gb = group_of.get(a), group_of.get(b)
        if ga is not None and ga == gb:
            continue  # both in one group: the group already says it
        sa = ("g", ga) if ga is not None else ("p", a)
        sb = ("g", gb) if gb is not None else ("p", b)
        if sb < sa:
            sa, sb, a, b = sb, sa, b, a
        t = acc.setdefault((sa, sb), {"pairs": [], "papers": Counter(), "why": "", "best": -1.0})
        t["pairs"].append((_key(procedures[a]), _key(procedures[b]), float(scores[e])))
        if shared is not None:
            t["papers"].update(shared[e])
        if scores[e] > t["best"]:
            t["best"], t["why"] = float(scores[e]), whys[e]

    def side(s: tuple) -> tuple[list[str], Optional[int], str]:
        if s[0] == "g":
            cl = clusters[s[1]]
            return cl.members, s[1], cl.titles[0]
        p = procedures[s[1]]
        return [_key(p)], None, p.name

    out = []
    for (sa, sb), t in acc.items():
        ca, ga, ta = side(sa)
        cb, gb, tb = side(sb)
        out.append(Theme(ca, cb, ga, gb, ta, tb, sorted(t["pairs"], key=lambda x: -x[2]),
                         [p for p, _ in t["papers"].most_common(10)], t["why"], t["best"]))
    out.sort(key=lambda th: (-len(th.pairs), -th.score))
    return out


def build_clusters(
    procedures: Sequence[Procedure],
    edges: np.ndarray,
    scores: np.ndarray,
    relations: Sequence[str] | None = None,
) -> list[Cluster]:
    """The groups of ``build_groups`` (without themes); pairs without a relation count as variants.

    Args:
        procedures: all procedures.
        edges: int array (m, 2) of reported pairs.
        scores: float array (m,) of pair scores.
        relations: relation label per pair (optional).

    Returns:
        Groups, largest saving first.
    """
    edges = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    rel = list(relations) if relations is not None else ["variant"] * len(edges)
    return build_groups(procedures, edges, scores, rel)[0]


__all__ = ["ACTIONS", "Cluster", "GROUP_RELATIONS", "LINK_FLOOR", "MAX_GROUP", "Theme", "build_clusters",
           "build_groups"]
