"""One simplification proposal for one procedure (``Candidate``) and its stable ids.

Shared by the advisor, the reviews store and the exports, so that none of them imports another
just for the record.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from dataclasses import field as dc_field
from typing import Any, Optional

from indexer.vietnamese import fold
from search.simplify.cost_model import Saving


@dataclass
class Candidate:
    """One proposal for one procedure.

    Attributes:
        id: stable id "<code>-R<n>-<hash of code|rule|component>".
        code, title: the procedure; field, level, agency: for grouping in reports.
        rule: "R1" … "R7"; rule_title: its Vietnamese title.
        criterion: NĐ 63/2010 Điều 10 criterion ("Sự cần thiết", ...).
        component: paper, step or field concerned.
        evidence: quoted text; proposal: what to change; legal_basis: citations.
        database: national database (rule 1), else "".
        saving: ``Saving``; confidence: 0..1.
        legal_texts: the procedure's legal basis (văn bản cần sửa đổi).
        details: rule-specific evidence (rule 1: ``dossier_line``, ``clause``, ``provisions`` —
            database and provision each —, ``lookup``; rule 6: ``action``).
        review: reviewer decision attached by ``search.simplify.reviews`` (None if none).
    """

    id: str
    code: str
    title: str
    rule: str
    rule_title: str
    criterion: str
    component: str
    evidence: str
    proposal: str
    legal_basis: str
    database: str
    saving: Saving
    confidence: float
    field: str = ""
    level: str = ""
    agency: str = ""
    legal_texts: list[str] = dc_field(default_factory=list)
    details: dict = dc_field(default_factory=dict)
    review: Optional[dict] = None

    @property
    def priority(self) -> float:
        """Saving × confidence: the order a reviewer should work in (đồng/năm weighted by confidence)."""
        return float(self.saving.per_year_vnd or 0.0) * float(self.confidence)

    @property
    def key(self) -> str:
        """Review key: procedure code + rule + component."""
        return review_key(self.code, self.rule, self.component)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["saving"] = self.saving.to_dict()
        if self.review is None:
            d.pop("review")
        return d


def review_key(code: str, rule: str, component: str) -> str:
    """"<code>|<rule>|<component>" — what a review is stored under."""
    return f"{code}|{rule}|{component}"


def candidate_id(code: str, rule: str, component: str) -> str:
    """Stable id from code, rule and component (unchanged by reindexing)."""
    h = hashlib.sha1(f"{code}|{rule}|{fold(component)}".encode("utf-8")).hexdigest()[:8]
    return f"{code}-{rule}-{h}"
