"""Quy trình written by two units for the same procedure: pairs, grouped under that procedure.

A unit's quy trình of a procedure is usually copied from a framework model, so many units hold
their own copy; each copy drifts on its own. Pairs are built from the ties (``ProcessChecker``):
two quy trình of different agencies tied (``matched``) to the same procedure have the relation
``same_procedure``; the group lists every copy with its findings so the copies can be aligned.
Separate from ``search.duplicates`` (which pairs published procedures).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Sequence

from indexer.vietnamese import fold, normalize
from search.duplicates.names import name_similarity
from search.processes.check import ProcessCheck
from search.processes.tie import strip_title

RELATION = "same_procedure"
RELATION_LABEL = "cùng một thủ tục, do hai đơn vị viết"


@dataclass
class ProcessPair:
    """Two quy trình of different units implementing the same procedure.

    Attributes:
        a, b: the two checks (a's path sorts first).
        relation: always ``same_procedure``.
        why: Vietnamese reason.
        differences: finding kinds only one of the two has, per side.
    """

    a: ProcessCheck
    b: ProcessCheck
    relation: str
    why: str
    differences: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        proc = self.a.procedure
        return {
            "a": _side(self.a),
            "b": _side(self.b),
            "procedure": {"code": proc.code or proc.id, "title": proc.name} if proc else None,
            "relation": self.relation,
            "why": self.why,
            "differences": self.differences,
        }


@dataclass
class ProcessGroup:
    """Every unit's quy trình of one procedure."""

    procedure_code: str
    procedure_title: str
    members: list[ProcessCheck]

    def to_dict(self) -> dict[str, Any]:
        return {"procedure": {"code": self.procedure_code, "title": self.procedure_title},
                "members": [_side(m) | {"findings": [f.kind for f in m.findings]} for m in self.members]}


def _side(c: ProcessCheck) -> dict[str, Any]:
    p = c.process
    return {"path": c.path, "code": p.code if p else "", "title": p.title if p else "", "agency": p.agency if p else ""}


def _unit(c: ProcessCheck) -> str:
    p = c.process
    return fold(normalize(p.agency)).strip() if p and p.agency else c.path


def process_pairs(checks: Sequence[ProcessCheck]) -> tuple[list[ProcessPair], list[ProcessGroup]]:
    """Pair the quy trình that two units wrote for the same procedure and group them under it.

    Args:
        checks: checked quy trình (``ProcessChecker.check`` / ``check_files``).
    Returns:
        (pairs, groups): pairs of different units tied (``matched``) to the same procedure,
        and one group per procedure with two units or more (largest first).
    """
    by_proc: dict[str, list[ProcessCheck]] = {}
    for c in checks:
        if c.status == "matched" and c.procedure is not None:
            by_proc.setdefault(c.procedure.id, []).append(c)
    pairs: list[ProcessPair] = []
    groups: list[ProcessGroup] = []
    for members in by_proc.values():
        members = sorted(members, key=lambda c: c.path)
        if len({_unit(c) for c in members}) < 2:
            continue
        proc = members[0].procedure
        groups.append(ProcessGroup(proc.code or proc.id, proc.name, members))
        for a, b in combinations(members, 2):
            if _unit(a) == _unit(b):
                continue
            ka, kb = {f.kind for f in a.findings}, {f.kind for f in b.findings}
            sim = name_similarity(strip_title(a.process.title), strip_title(b.process.title))
            why = (f"cả hai quy trình thực hiện thủ tục {proc.code} «{proc.name}» "
                   f"({a.process.agency or a.path} / {b.process.agency or b.path}); tên giống {sim:.0f}/100")
            pairs.append(ProcessPair(a, b, RELATION, why, {"only_a": sorted(ka - kb), "only_b": sorted(kb - ka)}))
    groups.sort(key=lambda g: (-len(g.members), g.procedure_code))
    return pairs, groups


__all__ = ["RELATION", "RELATION_LABEL", "ProcessGroup", "ProcessPair", "process_pairs"]
