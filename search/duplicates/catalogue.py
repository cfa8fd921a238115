"""Match a list of procedures (CSV/XLSX rows: name, maybe a code) to the procedures of an index.

- Codes such as "1.012275.H36" or "1.003695.000.00.00.H36" carry the national base code
  (1.012275): it is used when it exists in the index and the names roughly agree
  (hand-typed lists carry wrong codes);
- names alone work: accent-less, abbreviations (UBND, GCN…), dropped words, the level
  in brackets ("(cấp tỉnh)") — which also chooses between the same procedure at two levels.
Names are compared with character n-gram TF-IDF (scikit-learn) over the folded,
abbreviation-expanded name, then re-ranked with rapidfuzz.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np
from rapidfuzz import fuzz
from sklearn.feature_extraction.text import TfidfVectorizer

from indexer.records import CatalogueEntry, Procedure
from indexer.vietnamese import fold
from search.duplicates.names import level_hint, levels_of, name_key, split_action

#: a best score below this is "unmatched"
MATCH_THRESHOLD = 0.6
#: two candidates closer than this (and over MATCH_THRESHOLD) make the row "ambiguous"
AMBIGUITY_GAP = 0.03
#: names must agree at least this much (0..100) for a code to be trusted
CODE_NAME_AGREEMENT = 60.0
_CANDIDATES = 30
_STOP = {"va", "cua", "cac", "cho", "doi", "voi", "tai", "theo", "trong", "nhung", "mot", "so", "thu", "tuc", "o"}
_BASE_CODE = re.compile(r"(?<![\d.])(\d\.\d{6})(?![\d])")


@dataclass
class MatchResult:
    """The outcome of matching one list row.

    Attributes:
        entry: the row as read.
        status: "matched", "ambiguous" or "unmatched".
        matches: best candidates (code, title, level, score 0..1), best first.
        via: "code" when the row's code decided, "name" otherwise.
        reason: short Vietnamese explanation.
    """

    entry: CatalogueEntry
    status: str
    matches: list[dict[str, Any]] = field(default_factory=list)
    via: str = "name"
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "input": {"row": self.entry.row, "name": self.entry.name, "code": self.entry.code},
            "status": self.status,
            "matches": self.matches,
            "via": self.via,
            "reason": self.reason,
        }


def base_code(text: str) -> str:
    """The national base code inside a code such as "1.003695.000.00.00.H36" ("1.003695"), or ""."""
    m = _BASE_CODE.search(text or "")
    return m.group(1) if m else ""


def _entry_hint(e: CatalogueEntry) -> str:
    hint = level_hint(" ".join(re.findall(r"\(([^()]*)\)", e.name)))
    if not hint:
        for k, v in e.extra.items():
            if "cap" in name_key(k) or "level" in k.lower():
                hint = level_hint(v) or hint
    return hint or level_hint(e.name)


class CatalogueMatcher:
    """Name matcher over a fixed set of procedures (build once, match many rows).

    Args:
        procedures: the procedures of the index.
    """

    def __init__(self, procedures: Sequence[Procedure]) -> None:
        self.procedures = list(procedures)
        self.keys = [name_key(p.name) for p in self.procedures]
        self.by_code = {p.code: i for i, p in enumerate(self.procedures) if p.code}
        self.levels = [levels_of(p.level) | levels_of(level_hint(p.name))
                       for p in self.procedures]
        self.actions = [split_action(p.name)[0] for p in self.procedures]
        self.vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, dtype=np.float32)
        self.x = self.vec.fit_transform(self.keys or [""]).tocsr()

    def _row(self, i: int, score: float) -> dict[str, Any]:
        p = self.procedures[i]
        return {"code": p.code or p.id, "title": p.name, "level": p.level, "score": round(float(score), 4)}

    def _rank(self, key: str, hint: str, k: int, core: set[str], action: str = "") -> list[tuple[int, float]]:
        q = self.vec.transform([key])
        cos = np.asarray((self.x @ q.T).todense()).ravel()
        top = np.argsort(-cos, kind="stable")[:_CANDIDATES]
        hint_key = fold(hint) if hint else ""
        scored = []
        for i in top:
            if cos[i] <= 0:
                continue
            ck = self.keys[i]
            fz = 0.5 * fuzz.token_set_ratio(key, ck) + 0.5 * fuzz.token_sort_ratio(key, ck)
            s = 0.5 * float(cos[i]) + 0.5 * fz / 100.0
            if core:  # words of the row that the candidate lacks: another object (rượu ≠ thuốc lá)
                missing = len(core - set(ck.split()))
                s -= 0.15 * missing + 0.5 * missing / len(core)
            if action and self.actions[i] and action != self.actions[i]:
                s -= 0.3  # cấp lại ≠ cấp mới: another member of the permit family
            if hint_key:
                if hint_key in self.levels[i]:
                    s += 0.05
                elif self.levels[i]:
                    s -= 0.05
            scored.append((int(i), min(max(s, 0.0), 1.0)))
        scored.sort(key=lambda t: -t[1])
        return scored[: max(k, 2)]

    def match(self, e: CatalogueEntry, k: int = 3) -> MatchResult:
        """Match one row.

        Args:
            e: the row (name and/or code).
            k: how many candidates to report.

        Returns:
            A ``MatchResult``.
        """
        key = name_key(e.name)
        code = base_code(e.code) or base_code(e.name)
        note = ""
        if code and code in self.by_code:
            i = self.by_code[code]
            agree = 100.0 if not key else max(fuzz.token_set_ratio(key, self.keys[i]), fuzz.ratio(key, self.keys[i]))
            if agree >= CODE_NAME_AGREEMENT:
                return MatchResult(e, "matched", [self._row(i, 1.0)], "code",
                                   f"mã {code} có trong cơ sở dữ liệu, tên khớp ({agree:.0f}/100)")
            note = f"mã {code} không khớp tên ({agree:.0f}/100); "
        elif code:
            note = f"mã {code} không có trong cơ sở dữ liệu; "
        if not key:
            return MatchResult(e, "unmatched", [], "name", note + "dòng không có tên thủ tục")
        core = set(name_key(re.sub(r"\([^()]*\)", " ", e.name)).split()) - _STOP
        ranked = self._rank(key, _entry_hint(e), k, core, split_action(e.name)[0])
        matches = [self._row(i, s) for i, s in ranked[:k]]
        if not ranked or ranked[0][1] < MATCH_THRESHOLD:
            return MatchResult(e, "unmatched", matches, "name", note + "không tìm thấy thủ tục đủ giống")
        if len(ranked) > 1 and ranked[1][1] >= MATCH_THRESHOLD and ranked[0][1] - ranked[1][1] < AMBIGUITY_GAP:
            return MatchResult(e, "ambiguous", matches, "name",
                               note + "nhiều thủ tục gần như nhau (ví dụ cùng tên ở các cấp khác nhau); "
                               "hãy ghi rõ cấp hoặc mã")
        return MatchResult(e, "matched", matches, "name", note + f"khớp theo tên ({ranked[0][1]:.2f})")


def match_catalogue(index: Any, entries: list[CatalogueEntry], k: int = 3) -> list[MatchResult]:
    """Match list rows to the procedures of an index.

    Args:
        index: a ``SearchIndex`` (``procedures()`` is used).
        entries: the rows (``CatalogueEntry`` from ``indexer.readers.read_path``).
        k: candidates per row.

    Returns:
        One ``MatchResult`` per row, in order.
    """
    m = CatalogueMatcher(index.procedures())
    return [m.match(e, k) for e in entries]


def summary(results: Sequence[MatchResult]) -> dict[str, int]:
    """Count of rows per status."""
    out = {"matched": 0, "ambiguous": 0, "unmatched": 0}
    for r in results:
        out[r.status] = out.get(r.status, 0) + 1
    return out


__all__ = [
    "AMBIGUITY_GAP",
    "MATCH_THRESHOLD",
    "CatalogueMatcher",
    "MatchResult",
    "base_code",
    "match_catalogue",
    "summary",
]
