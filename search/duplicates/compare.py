"""Field-level comparison of two procedures: what they share and what differs, side by side.

Names, dossier papers (matched fuzzily: the same paper is written many ways), steps,
legal basis (shared document numbers), result, agency and level, processing time and fee.
``Comparison.to_dict()`` is what the UI shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from rapidfuzz import fuzz

from indexer.records import Procedure
from indexer.vietnamese import expand_abbreviations, fold, normalize
from search.duplicates.paper_names import PAPER_THRESHOLD, match_names
from search.duplicates.names import levels_of, name_similarity

STEP_THRESHOLD = 70.0
_STEP_CHARS = 300
_DOC_NUMBER = re.compile(r"\d+(?:\.\d+)*(?:/[^\W_]+)+(?:[-–][^\W_]+)*", re.UNICODE)

# weights of the fields in the overall similarity
_WEIGHTS = {"name": 0.35, "documents": 0.25, "steps": 0.1, "legal_basis": 0.15, "result": 0.1, "agency": 0.05}


@dataclass
class FieldDiff:
    """One field of a comparison.

    Attributes:
        field: field key ("name", "documents", ...).
        label: Vietnamese label for display.
        similarity: 0..1, or None when neither side has the field.
        a, b: the values shown side by side (text, or list for list fields).
        shared: items both sides have (A's wording), for list fields.
        shared_pairs: the matched items with both wordings and the score (0..100).
        only_a, only_b: items only one side has.
        note: a short Vietnamese remark (e.g. "B nhanh hơn 5 ngày làm việc").
    """

    field: str
    label: str
    similarity: Optional[float]
    a: Any = ""
    b: Any = ""
    shared: list[str] = field(default_factory=list)
    shared_pairs: list[dict[str, Any]] = field(default_factory=list)
    only_a: list[str] = field(default_factory=list)
    only_b: list[str] = field(default_factory=list)
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "label": self.label,
            "similarity": None if self.similarity is None else round(self.similarity, 4),
            "a": self.a,
            "b": self.b,
        }
        if isinstance(self.a, list) or self.shared or self.only_a or self.only_b:
            d.update(shared=self.shared, shared_pairs=self.shared_pairs, only_a=self.only_a, only_b=self.only_b)
        if self.note:
            d["note"] = self.note
        return d


@dataclass
class Comparison:
    """Field-level comparison of procedures A and B (see ``compare_procedures``)."""

    a: Procedure
    b: Procedure
    fields: dict[str, FieldDiff]
    similarity: float

    def where_differs(self) -> list[str]:
        """Which of level / agency / province differ, in Vietnamese ("cấp", "cơ quan", "địa phương")."""
        out = []
        if self.fields["level"].similarity is not None and self.fields["level"].similarity < 1.0:
            out.append("cấp thực hiện")
        ag = self.fields["agency"].similarity
        if ag is not None and ag < 0.85:
            out.append("cơ quan thực hiện")
        pa, pb = fold(self.a.province).strip(), fold(self.b.province).strip()
        if pa != pb and (pa or pb):
            out.append("địa phương")
        return out

    def component_share(self) -> float:
        """Mean similarity of the components that either side has (papers, steps, legal basis, result)."""
        sims = [self.fields[k].similarity for k in ("documents", "steps", "legal_basis", "result")]
        sims = [s for s in sims if s is not None]
        return sum(sims) / len(sims) if sims else 0.0

    def shared_summary(self) -> str:
        """Short Vietnamese summary of what is shared ("3 giấy tờ, 2 căn cứ pháp lý")."""
        parts = []
        for key, word in (("documents", "giấy tờ"), ("steps", "bước"), ("legal_basis", "căn cứ pháp lý")):
            n = len(self.fields[key].shared)
            if n:
                parts.append(f"{n} {word}")
        if (self.fields["result"].similarity or 0) >= 0.8:
            parts.append("kết quả")
        return ", ".join(parts)

    def evidence(self) -> dict[str, Any]:
        """Compact evidence for a duplicate pair: shared and differing items per field."""
        ev: dict[str, Any] = {"similarity": {k: (None if f.similarity is None else round(f.similarity, 3))
                                             for k, f in self.fields.items()}}
        for key in ("documents", "steps", "legal_basis"):
            f = self.fields[key]
            ev[key] = {"shared": f.shared, "only_a": f.only_a, "only_b": f.only_b}
        ev["differs"] = {k: f.note or True for k, f in self.fields.items()
                         if k in ("level", "agency", "processing_time", "fee") and f.similarity is not None
                         and f.similarity < 1.0}
        return ev

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": {"code": self.a.code, "title": self.a.name},
            "b": {"code": self.b.code, "title": self.b.name},
            "similarity": round(self.similarity, 4),
            "fields": {k: f.to_dict() for k, f in self.fields.items()},
        }


# --- helpers ---------------------------------------------------------------------------------


def _text_key(text: str) -> str:
    return re.sub(r"\s+", " ", fold(expand_abbreviations(normalize(text or "")))).strip()


def _text_sim(a: str, b: str) -> Optional[float]:
    ka, kb = _text_key(a), _text_key(b)
    if not ka and not kb:
        return None
    if not ka or not kb:
        return 0.0
    return (0.5 * fuzz.token_set_ratio(ka, kb) + 0.5 * fuzz.token_sort_ratio(ka, kb)) / 100.0


def _list_diff(key: str, label: str, a: list[str], b: list[str], threshold: float) -> FieldDiff:
    a = [x for x in (normalize(s).strip() for s in a) if x]
    b = [x for x in (normalize(s).strip() for s in b) if x]
    if not a and not b:
        return FieldDiff(key, label, None, a, b)
    m = match_names([x[:_STEP_CHARS] for x in a], [x[:_STEP_CHARS] for x in b], threshold)
    return FieldDiff(
        key,
        label,
        m.dice(len(a), len(b)),
        a,
        b,
        shared=[a[i] for i, _, _ in m.pairs],
        shared_pairs=[{"a": a[i], "b": b[j], "score": round(s, 1)} for i, j, s in m.pairs],
        only_a=[a[i] for i in m.only_a],
        only_b=[b[j] for j in m.only_b],
    )


def legal_numbers(p: Procedure) -> dict[str, str]:
    """Document numbers of a procedure's legal basis, keyed by a folded form ("63/2010/nd-cp")."""
    out: dict[str, str] = {}
    for lb in p.legal_basis:
        numbers = [lb.number] if lb.number else _DOC_NUMBER.findall(normalize(lb.title))
        for n in numbers:
            key = fold(n).replace("–", "-").replace(" ", "").strip(".,;")
            if key:
                out.setdefault(key, n)
    return out


def _legal_diff(a: Procedure, b: Procedure) -> FieldDiff:
    na, nb = legal_numbers(a), legal_numbers(b)
    label = "Căn cứ pháp lý"
    if not na and not nb:
        ta = [lb.title for lb in a.legal_basis]
        tb = [lb.title for lb in b.legal_basis]
        return _list_diff("legal_basis", label, ta, tb, PAPER_THRESHOLD)
    shared = [k for k in na if k in nb]
    sim = 2 * len(shared) / (len(na) + len(nb))
    return FieldDiff(
        "legal_basis",
        label,
        sim,
        list(na.values()),
        list(nb.values()),
        shared=[na[k] for k in shared],
        shared_pairs=[{"a": na[k], "b": nb[k], "score": 100.0} for k in shared],
        only_a=[v for k, v in na.items() if k not in nb],
        only_b=[v for k, v in nb.items() if k not in na],
    )


def working_days(p: Procedure) -> Optional[float]:
    """Shortest processing time over the channels, in working days (None when unknown)."""
    vals = [c.processing_time.in_working_days() for c in p.channels if c.processing_time]
    vals = [v for v in vals if v is not None]
    return min(vals) if vals else None


def fee_vnd(p: Procedure) -> Optional[int]:
    """Lowest fee over the channels in VND (None when unknown)."""
    vals = [c.fee.amount_vnd for c in p.channels if c.fee and c.fee.amount_vnd is not None]
    return min(vals) if vals else None


def _number_diff(key: str, label: str, va: Optional[float], vb: Optional[float], unit: str, ta: str,
                 tb: str) -> FieldDiff:
    if va is None and vb is None:
        sim = None if not (ta or tb) else _text_sim(ta, tb)
        return FieldDiff(key, label, sim, ta, tb)
    if va is None or vb is None:
        return FieldDiff(key, label, 0.0, ta or ("" if va is None else f"{va:g} {unit}"),
                         tb or ("" if vb is None else f"{vb:g} {unit}"), note="chỉ một bên có thông tin")
    hi = max(va, vb)
    sim = 1.0 if hi == 0 else min(va, vb) / hi
    note = ""
    if va != vb:
        faster = "A" if va < vb else "B"
        note = f"{faster} thấp hơn {abs(va - vb):g} {unit}"
    return FieldDiff(key, label, sim, f"{va:g} {unit}", f"{vb:g} {unit}", note=note)


def _level_diff(a: Procedure, b: Procedure) -> FieldDiff:
    la, lb = levels_of(a.level), levels_of(b.level)
    if not la and not lb:
        sim = None if not (a.level or b.level) else float(fold(a.level) == fold(b.level))
    elif not la or not lb:
        sim = 0.0
    else:
        sim = len(la & lb) / len(la | lb)
    note = "" if sim in (None, 1.0) else "khác cấp thực hiện"
    return FieldDiff("level", "Cấp thực hiện", sim, a.level, b.level, note=note)


def _times_text(p: Procedure) -> str:
    return p.time_text or "; ".join(c.processing_time.text for c in p.channels if c.processing_time)


def _fee_text(p: Procedure) -> str:
    return p.fee_text or "; ".join(c.fee.text for c in p.channels if c.fee and c.fee.text)


def compare_procedures(a: Procedure, b: Procedure) -> Comparison:
    """Compare two procedures field by field.

    Args:
        a, b: the two procedures.

    Returns:
        A ``Comparison`` with a ``FieldDiff`` per field (name, documents, steps, legal_basis,
        result, agency, level, processing_time, fee) and a weighted overall similarity 0..1.
    """
    f: dict[str, FieldDiff] = {}
    f["name"] = FieldDiff("name", "Tên thủ tục", name_similarity(a.name, b.name) / 100.0, a.name, b.name)
    f["documents"] = _list_diff("documents", "Thành phần hồ sơ", [d.name for d in a.documents],
                                [d.name for d in b.documents], PAPER_THRESHOLD)
    f["steps"] = _list_diff("steps", "Trình tự thực hiện", a.steps, b.steps, STEP_THRESHOLD)
    f["legal_basis"] = _legal_diff(a, b)
    f["result"] = FieldDiff("result", "Kết quả", _text_sim(a.result, b.result), a.result, b.result)
    ag = _text_sim(a.agency, b.agency)
    f["agency"] = FieldDiff("agency", "Cơ quan thực hiện", ag, a.agency, b.agency,
                            note="" if ag in (None, 1.0) else "khác cơ quan thực hiện")
    f["level"] = _level_diff(a, b)
    f["processing_time"] = _number_diff("processing_time", "Thời hạn giải quyết", working_days(a),
                                        working_days(b), "ngày làm việc", _times_text(a), _times_text(b))
    fa, fb = fee_vnd(a), fee_vnd(b)
    f["fee"] = _number_diff("fee", "Phí, lệ phí", None if fa is None else float(fa),
                            None if fb is None else float(fb), "đồng", _fee_text(a), _fee_text(b))
    total = weight = 0.0
    for key, w in _WEIGHTS.items():
        s = f[key].similarity
        if s is not None:
            total += w * s
            weight += w
    return Comparison(a=a, b=b, fields=f, similarity=total / weight if weight else 0.0)


__all__ = ["Comparison", "FieldDiff", "compare_procedures", "fee_vnd", "legal_numbers", "working_days"]
