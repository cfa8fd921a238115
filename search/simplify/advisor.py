"""Simplification advisor: procedures → candidates (phương án đơn giản hóa) with a saving each.

``advise`` works on a plain list of ``Procedure`` records (no index needed); rules 4 and 6
use comparison groups: the same field (lĩnh vực), plus the neighbours and duplicate
clusters of ``search.duplicates.pairs`` when given or, through ``advise_index``, when that
module is installed.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections import Counter
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence

import numpy as np

from indexer.records import Procedure
from indexer.vietnamese import fold
from search.simplify.candidates import Candidate, candidate_id, review_key
from search.simplify.cost_model import Assumptions, Cost, baseline_cost, estimate, load_assumptions
from search.duplicates import find_duplicates
from search.simplify.reviews import attach_reviews
from search.simplify.rules import (
    CRITERIA,
    RULE_BY_ID,
    RULES,
    ClusterEvidence,
    Finding,
    PeerStats,
    peer_fee,
    procedure_days,
    resolve_rules,
    rule_copies,
    rule_databases,
    rule_duplicates,
    rule_obsolete,
    rule_online,
    rule_out_of_line,
    rule_vague,
)


def _code(p: Procedure) -> str:
    return p.code or p.id.split(":", 1)[1]


def _legal_texts(p: Procedure) -> list[str]:
    out = []
    for lb in p.legal_basis:
        text = " ".join(x for x in (lb.number, lb.title) if x).strip()
        if lb.date:
            text += f" ({lb.date})"
        if text:
            out.append(text)
    return out


# --- comparison groups ---------------------------------------------------------------------


def peer_stats(
    procedures: Sequence[Procedure], peers: Optional[Mapping[str, Sequence[str]]] = None
) -> dict[str, PeerStats]:
    """Rule 4 comparison group of every procedure: same field, plus given neighbours.

    Args:
        procedures: all procedures.
        peers: optional code → neighbour codes (e.g. ``search.duplicates.neighbours``).

    Returns:
        code → ``PeerStats``.
    """
    codes = [_code(p) for p in procedures]
    days = {c: procedure_days(p) for c, p in zip(codes, procedures)}
    fees = {c: peer_fee(p) for c, p in zip(codes, procedures)}
    by_field: dict[str, list[str]] = {}
    for c, p in zip(codes, procedures):
        by_field.setdefault(fold(p.field).strip(), []).append(c)
    out: dict[str, PeerStats] = {}
    for c, p in zip(codes, procedures):
        fkey = fold(p.field).strip()
        group = [x for x in by_field.get(fkey, []) if x != c] if fkey else []
        label = f"cùng lĩnh vực “{p.field.strip()}”" if fkey else ""
        extra = [x for x in (peers or {}).get(c, []) if x != c and x in days and x not in set(group)]
        if extra:
            group = group + extra
            label = (label + f" và {len(extra)} thủ tục tương tự") if label else f"{len(extra)} thủ tục tương tự"
        out[c] = PeerStats(
            days=days[c],
            fee=fees[c],
            peer_days=[days[x] for x in group if days.get(x) is not None],
            peer_fees=[fees[x] for x in group if fees.get(x)],
            group=label,
            days_text=_days_text(p) if days[c] is not None else "",
        )
    return out


def _days_text(p: Procedure) -> str:
    """The processing time as written for the channel with the shortest time."""
    best = None
    for ch in p.channels:
        pt = ch.processing_time
        if pt is not None and pt.in_working_days():
            if best is None or pt.in_working_days() < best.in_working_days():
                best = pt
    if best is None:
        return ""
    text = best.text.strip() or f"{best.value:g} {best.unit}"
    return text if len(text) <= 60 else ""


_LEVEL_WORDS = re.compile(r"\((?:[^()]*)\)|\bcap (?:tinh|huyen|xa|trung uong|bo|so)\b|\btai cap \w+\b")


def same_field_clusters(procedures: Sequence[Procedure], threshold: float = 95.0) -> list[list[str]]:
    """Fallback duplicate groups: same field and near-identical names (rapidfuzz ≥ threshold).

    Args:
        procedures: all procedures.
        threshold: name similarity 0..100 (rapidfuzz ``ratio`` on folded names without level words).

    Returns:
        Groups (≥ 2 codes each).
    """
    from rapidfuzz import fuzz, process

    by_field: dict[str, list[int]] = {}
    for i, p in enumerate(procedures):
        by_field.setdefault(fold(p.field).strip(), []).append(i)
    parent = list(range(len(procedures)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for idx in by_field.values():
        if len(idx) < 2:
            continue
        names = [re.sub(r"\s+", " ", _LEVEL_WORDS.sub(" ", fold(procedures[i].name))).strip() for i in idx]
        m = process.cdist(names, names, scorer=fuzz.ratio, dtype=np.uint8, score_cutoff=int(threshold))
        rows, cols = np.nonzero(np.triu(m, 1))
        for r, c in zip(rows, cols):
            if names[r] and names[c]:
                parent[find(idx[r])] = find(idx[c])
    groups: dict[int, list[str]] = {}
    for i in range(len(procedures)):
        groups.setdefault(find(i), []).append(_code(procedures[i]))
    return [g for g in groups.values() if len(g) > 1]


def _cluster_codes(cluster: Any) -> tuple[list[str], float]:
    """Codes and score of a cluster object of any reasonable shape (list, .codes/.members/.ids)."""
    score = 1.0
    members: Any = cluster
    if not isinstance(cluster, (list, tuple, set)):
        for attr in ("codes", "members", "ids", "procedures"):
            if hasattr(cluster, attr):
                members = getattr(cluster, attr)
                break
        for attr in ("score", "mean_score", "min_score", "cohesion"):
            val = getattr(cluster, attr, None)
            if isinstance(val, (int, float)):
                score = float(val)
                break
    codes = []
    for m in members or []:
        if not isinstance(m, str):
            m = getattr(m, "code", None) or getattr(m, "id", None) or str(m)
        codes.append(m.split(":", 1)[1] if m.startswith("tthc:") else m)
    if score > 1.0:
        score /= 100.0
    return codes, max(0.0, min(1.0, score))


def cluster_action(cluster: Any) -> Optional[str]:
    """The action a duplicate group carries (``Cluster.action``; None for a plain list of codes).

    Groups are objects from ``search.duplicates`` (whose ``action`` is None or "" when the group
    calls for nothing) or plain lists of codes given by a caller, which are taken as they are.
    """
    if isinstance(cluster, (list, tuple, set)):
        return None
    action = getattr(cluster, "action", None)
    return str(action).strip() if action else ""


def cluster_evidence(
    procedures: Sequence[Procedure], clusters: Optional[Iterable[Any]], source: str
) -> dict[str, ClusterEvidence]:
    """code → ``ClusterEvidence`` (the other members of its cluster).

    Rule 6 only comes from groups that carry an action: a group object whose ``action`` is
    missing, None or "" is skipped (the chained groups of similar names proposed nothing a
    reviewer could act on); plain lists of codes are kept.
    """
    by_code = {_code(p): p for p in procedures}
    out: dict[str, ClusterEvidence] = {}
    for cl in clusters or []:
        action = cluster_action(cl)
        if action == "":
            continue
        codes, score = _cluster_codes(cl)
        codes = [c for c in dict.fromkeys(codes) if c in by_code]
        for c in codes:
            others = [(o, by_code[o].name, by_code[o].level, score) for o in codes if o != c]
            if others and c not in out:
                rel = getattr(cl, "relations", None)
                out[c] = ClusterEvidence(members=others, source=source,
                                         relations=dict(rel) if isinstance(rel, dict) else {},
                                         action=action or "", proposal=getattr(cl, "proposal", "") or "")
    return out


# --- the advisor ---------------------------------------------------------------------------


def _finalise(p: Procedure, f: Finding, a: Assumptions, cost: Optional[Cost] = None) -> Candidate:
    code = _code(p)
    rule = RULE_BY_ID[f.rule]
    crit = f.criterion or rule.criterion
    saving = estimate(
        p, a, hours=f.hours, fee_vnd=f.fee_vnd, other_vnd=f.other_vnd, days=f.days, basis=f.basis,
        quantified=f.quantified, cost=cost,
    )
    return Candidate(
        id=candidate_id(code, f.rule, f.component),
        code=code,
        title=p.name,
        rule=f.rule,
        rule_title=rule.title,
        criterion=CRITERIA[crit],
        component=f.component,
        evidence=f.evidence,
        proposal=f.proposal,
        legal_basis=f.legal_basis,
        database=f.database,
        saving=saving,
        confidence=round(float(f.confidence), 2),
        field=p.field,
        level=p.level,
        agency=p.agency,
        legal_texts=_legal_texts(p),
        details=_details(f),
    )


_DETAIL_KEYS = ("dossier_line", "clause", "segment", "provisions", "database_keys", "lookup", "paper", "action")


def _details(f: Finding) -> dict:
    """The rule-specific evidence a reviewer and the exports need (rule 1: line, databases, provisions)."""
    return {k: f.data[k] for k in _DETAIL_KEYS if k in f.data}


def advise(
    procedures: Sequence[Procedure],
    *,
    rules: Optional[Iterable[str]] = None,
    peers: Optional[Mapping[str, Sequence[str]]] = None,
    clusters: Optional[Iterable[Any]] = None,
    assumptions: Optional[Assumptions] = None,
    cluster_source: str = "search.duplicates.pairs",
) -> list[Candidate]:
    """Simplification candidates for a list of procedures.

    Args:
        procedures: the procedures to review (also the comparison population of rules 4, 6).
        rules: rule names ("R1", "1", "csdl" ...); None for all.
        peers: code → neighbour codes for rule 4 (added to the same-field group).
        clusters: duplicate clusters for rule 6 (lists of codes or objects with ``codes``/``members``);
            None: near-identical names in the same field.
        assumptions: cost model figures (defaults when None).
        cluster_source: label of where ``clusters`` came from (shown as evidence).

    Returns:
        Candidates ordered by procedure, rule, component; one per (code, rule, component).
    """
    a = assumptions or load_assumptions()
    wanted = set(resolve_rules(rules))
    stats = peer_stats(procedures, peers) if "R4" in wanted else {}
    evidence: dict[str, ClusterEvidence] = {}
    if "R6" in wanted:
        if clusters is None:
            evidence = cluster_evidence(procedures, same_field_clusters(procedures), "cùng lĩnh vực, tên gần trùng")
            by_code = {_code(p): p for p in procedures}
            for code in list(evidence):  # name similarity alone: a weaker signal than search.duplicates.pairs
                ev = evidence[code]
                lv = fold(by_code[code].level)
                if any(fold(m[2]) != lv for m in ev.members):
                    del evidence[code]  # the same procedure published once per level (competence split)
                    continue
                ev.members = [(c, n, lvl, min(s, 0.4)) for c, n, lvl, s in ev.members]
        else:
            evidence = cluster_evidence(procedures, clusters, cluster_source)
    out: dict[str, Candidate] = {}
    for p in procedures:
        code = _code(p)
        found: list[Finding] = []
        r1: list[Finding] = []
        if "R1" in wanted:
            r1 = rule_databases(p, a)
            found += r1
        if "R2" in wanted:
            found += rule_obsolete(p, a)
        if "R3" in wanted:
            found += rule_copies(p, a, skip_papers={f.data.get("paper_name", "") for f in r1})
        if "R4" in wanted:
            found += rule_out_of_line(p, stats.get(code), a)
        if "R5" in wanted:
            found += rule_online(p, a)
        if "R6" in wanted:
            found += rule_duplicates(p, evidence.get(code), a)
        if "R7" in wanted:
            found += rule_vague(p, a)
        cost = baseline_cost(p, a) if found else None
        for f in found:
            c = _finalise(p, f, a, cost)
            prev = out.get(c.id)
            if prev is None:
                out[c.id] = c
            elif c.evidence not in prev.evidence:
                prev.evidence = f"{prev.evidence} | {c.evidence}"
    return _in_order(out.values())


def _in_order(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Candidates by procedure code, rule, component (the order ``advise`` returns)."""
    order = {r.id: i for i, r in enumerate(RULES)}
    return sorted(candidates, key=lambda c: (c.code, order[c.rule], c.component))


def batch_neighbours(index: Any, k: int = 10, min_sim: float = 0.75) -> dict[str, list[str]]:
    """Dense nearest neighbours of every procedure in one matrix product (rule 4 peers).

    Args:
        index: a ``SearchIndex`` with ``procedure_vectors()``.
        k: neighbours per procedure.
        min_sim: minimum cosine similarity.

    Returns:
        code → neighbour codes (most similar first); {} when the index has no vectors.
    """
    try:
        ids, vecs = index.procedure_vectors()
    except Exception:  # noqa: BLE001 — an index without vectors: same-field peers only
        return {}
    vecs = np.asarray(vecs, dtype=np.float32)
    if vecs.ndim != 2 or len(ids) < 2:
        return {}
    codes = [i.split(":", 1)[1] if i.startswith("tthc:") else i for i in ids]
    out: dict[str, list[str]] = {}
    kk = min(k + 1, len(ids))
    for start in range(0, len(ids), 2048):
        sims = vecs[start : start + 2048] @ vecs.T
        for r in range(sims.shape[0]):
            sims[r, start + r] = -1.0
        top = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
        for r in range(sims.shape[0]):
            row = top[r][np.argsort(-sims[r, top[r]])]
            out[codes[start + r]] = [codes[j] for j in row if sims[r, j] >= min_sim][:k]
    return out


def _duplicates_inputs(index: Any, want_peers: bool, want_clusters: bool,
                       duplicates: Any = None) -> tuple[Optional[list], Optional[dict]]:
    """Clusters from ``search.duplicates`` (``duplicates`` when given) and dense neighbours from the index."""
    clusters = peers = None
    if want_clusters:
        try:
            report = duplicates if duplicates is not None else find_duplicates(index)
            clusters = list(report.clusters)
        except Exception:  # noqa: BLE001 — optional evidence; the same-field groups still apply
            clusters = None
    if want_peers:
        peers = batch_neighbours(index) or None
    return clusters, peers


def bundle_clusters(index_dir: str, version_dir: str) -> list:
    """The duplicate groups of one bundle version (``find_duplicates``), for a worker process.

    Args:
        index_dir: the bundle folder.
        version_dir: the version to read (the one the caller has open).

    Returns:
        The report's clusters (plain dataclasses of codes and texts).
    """
    from search.index import SearchIndex

    return list(find_duplicates(SearchIndex(Path(index_dir), Path(version_dir))).clusters)


def _start_clusters(index: Any) -> Optional[Future]:
    """Start ``bundle_clusters`` in a fresh process (spawn: safe in a threaded server); None when the
    machine has one core or the index has no folder on disk."""
    version_dir = getattr(index, "version_dir", None)
    if (os.cpu_count() or 1) < 2 or version_dir is None:
        return None
    try:
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        future = pool.submit(bundle_clusters, str(index.path), str(version_dir))
        pool.shutdown(wait=False)
        return future
    except (OSError, RuntimeError):  # no process can be started here: do it in this one
        return None


def advise_index(
    index: Any, rules: Optional[Iterable[str]] = None, assumptions: Optional[Assumptions] = None,
    *, use_duplicates: bool = True, duplicates: Any = None, parallel: bool = True,
) -> list[Candidate]:
    """``advise`` over every procedure of a ``SearchIndex``, with its reviews attached.

    Args:
        index: an open ``SearchIndex`` (``procedures()`` and ``path``).
        rules: rule names; None for all.
        assumptions: cost figures.
        use_duplicates: take clusters/neighbours from ``search.duplicates``.
        duplicates: a ``DuplicateReport`` already computed for this index (at
            ``DEFAULT_MIN_SCORE``, e.g. by the web app's Trùng lặp tab); None computes it.
        parallel: compute the duplicate groups (rule 6) in a second process while the other rules
            run in this one (on 2 cores ``rasoat simplify`` on the national bundle: 37 → 30 s).

    Returns:
        Candidates, each with ``review`` set when a reviewer decided on it.
    """
    procedures = list(index.procedures())
    wanted = set(resolve_rules(rules))
    clusters = peers = None
    future = None
    if use_duplicates and "R6" in wanted and duplicates is None and parallel:
        future = _start_clusters(index)
    if use_duplicates and wanted & {"R4", "R6"}:
        clusters, peers = _duplicates_inputs(index, "R4" in wanted, "R6" in wanted and future is None, duplicates)
    if future is None:
        cands = advise(procedures, rules=wanted, peers=peers, clusters=clusters, assumptions=assumptions)
    else:
        first = advise(procedures, rules=wanted - {"R6"}, peers=peers, assumptions=assumptions) if wanted - {"R6"} else []
        try:
            clusters = future.result()
        except Exception:  # noqa: BLE001 — the worker failed: compute the groups here, as without it
            clusters, _ = _duplicates_inputs(index, False, True, None)
        cands = _in_order([*first, *advise(procedures, rules=["R6"], clusters=clusters, assumptions=assumptions)])
    return attach_reviews(cands, index.path)


def summarize(candidates: Sequence[Candidate], assumptions: Optional[Assumptions] = None) -> dict[str, Any]:
    """Counts per rule / criterion / decision and total savings.

    Args:
        candidates: the candidates (with reviews attached or not).
        assumptions: included in the summary so every figure is visible.

    Returns:
        A JSON-ready dict.
    """
    per_rule = Counter(c.rule for c in candidates)
    headline = rule_headline(candidates)
    per_crit = Counter(c.criterion for c in candidates)
    decisions = Counter((c.review or {}).get("decision", "pending") for c in candidates)
    kept = [c for c in candidates if (c.review or {}).get("decision") != "reject"]
    accepted = [c for c in candidates if (c.review or {}).get("decision") == "accept"]
    return {
        "candidates": len(candidates),
        "procedures": len({c.code for c in candidates}),
        "per_rule": {r.id: {"title": r.title, "criterion": CRITERIA[r.criterion], "count": per_rule.get(r.id, 0),
                            "saving_per_year_vnd": sum(c.saving.per_year_vnd for c in kept if c.rule == r.id),
                            **headline.get(r.id, {})}
                     for r in RULES},
        "per_criterion": dict(per_crit),
        "reviews": dict(decisions),
        "saving_per_year_vnd": sum(c.saving.per_year_vnd for c in kept),
        "saving_per_year_accepted_vnd": sum(c.saving.per_year_vnd for c in accepted),
        "hours_saved_per_year": round(sum(c.saving.hours_saved_per_case * c.saving.cases_per_year for c in kept)),
        "assumptions": (assumptions or Assumptions()).to_dict(),
    }


def rule_headline(candidates: Sequence[Candidate]) -> dict[str, dict[str, float]]:
    """Per rule: candidates, procedures, dossier papers, days and money saved (the list's headline).

    Args:
        candidates: the candidates.

    Returns:
        rule id → {"candidates", "procedures", "papers" (distinct dossier lines concerned),
        "days" (working days of waiting saved per case, summed), "vnd" (đồng/năm)}.
    """
    out: dict[str, dict[str, float]] = {}
    for r in RULES:
        cs = [c for c in candidates if c.rule == r.id]
        papers = {(c.code, c.details.get("dossier_line") or c.component) for c in cs
                  if c.component.startswith("Thành phần hồ sơ")}
        out[r.id] = {
            "candidates": len(cs),
            "procedures": len({c.code for c in cs}),
            "papers": len(papers),
            "days": round(sum(c.saving.days_saved_per_case for c in cs), 1),
            "vnd": round(sum(c.saving.per_year_vnd for c in cs)),
        }
    return out


@dataclass
class ProcedureRow:
    """One procedure of the reviewer's work list, its proposals folded under it.

    Attributes:
        code, title, field, agency, level: the procedure.
        candidates: its proposals, highest saving × confidence first.
        priority: summed saving × confidence (đồng/năm).
        saving_vnd: summed yearly saving of its proposals.
    """

    code: str
    title: str
    field: str
    agency: str
    level: str
    candidates: list[Candidate]
    priority: float
    saving_vnd: float

    @property
    def rules(self) -> str:
        """"R1×3, R3" — the rules of its proposals."""
        cnt = Counter(c.rule for c in self.candidates)
        return ", ".join(f"{r}×{n}" if n > 1 else r for r, n in sorted(cnt.items()))


def worklist(
    candidates: Sequence[Candidate], *, rule: str = "", criterion: str = "", field: str = "", agency: str = ""
) -> list[ProcedureRow]:
    """The list a reviewer works through: one row per procedure, by saving × confidence.

    Args:
        candidates: the candidates.
        rule, criterion, field, agency: keep only these ("" keeps all; rule as "R1").

    Returns:
        ``ProcedureRow`` list, the largest summed saving × confidence first (then more
        proposals, then code); inside a row, proposals by saving × confidence, then confidence.
    """
    groups: dict[str, list[Candidate]] = {}
    for c in candidates:
        if (rule and c.rule != rule) or (criterion and c.criterion != criterion) or (field and c.field != field) \
                or (agency and c.agency != agency):
            continue
        groups.setdefault(c.code, []).append(c)
    rows = []
    for code, cs in groups.items():
        cs.sort(key=lambda c: (-c.priority, -c.confidence, c.rule, c.component))
        first = cs[0]
        rows.append(ProcedureRow(code, first.title, first.field, first.agency, first.level, cs,
                                 sum(c.priority for c in cs), sum(c.saving.per_year_vnd for c in cs)))
    rows.sort(key=lambda r: (-r.priority, -len(r.candidates), r.code))
    return rows


__all__ = [
    "Candidate",
    "ProcedureRow",
    "advise",
    "advise_index",
    "batch_neighbours",
    "bundle_clusters",
    "candidate_id",
    "cluster_action",
    "cluster_evidence",
    "peer_stats",
    "review_key",
    "rule_headline",
    "same_field_clusters",
    "summarize",
    "worklist",
]
