"""Tie a quy trình to the published procedure it implements, or call it internal / unmatched.

Candidates come from the index (BM25 over procedure names with the quy trình's title, plus any
procedure code the quy trình writes); each is scored on four signals, averaged over those both
sides have: name (``search.duplicates.names.name_similarity`` on the title without "Quy trình …"),
papers (share matched one-to-one, ``match_process_papers``), legal basis (shared document
numbers) and place (level and province the quy trình's agency implies).

Status: ``matched`` (a clear best), ``ambiguous`` (two close candidates, or a weak best),
``unmatched`` (no candidate good enough), ``internal`` (an internal task, decided from content:
no dossier and no fee, an internal title, or nothing in the index close to it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

from indexer.records import Procedure, Process
from indexer.vietnamese import expand_abbreviations, fold, normalize
from search.duplicates.names import levels_of, name_key, name_similarity
from search.duplicates.paper_names import (
    PAPER_THRESHOLD,
    PaperMatch,
    canonical_paper,
    match_names,
    similarity_matrix,
)
from search.processes.legal import number_key, procedure_numbers

STATUSES = ("matched", "ambiguous", "unmatched", "internal")
STATUS_LABELS = {
    "matched": "đã xác định thủ tục",
    "ambiguous": "chưa chắc chắn (nhiều thủ tục gần giống)",
    "unmatched": "không tìm thấy thủ tục tương ứng",
    "internal": "quy trình nội bộ (không phải thủ tục hành chính)",
}

#: a best candidate at least this is matched (when clear of the runner-up)
MATCH_SCORE = 0.62
#: below this nothing is tied
MIN_SCORE = 0.5
#: the runner-up within this of the best makes the tie ambiguous
MARGIN = 0.04

_WEIGHTS = {"name": 0.55, "papers": 0.3, "legal": 0.05, "place": 0.1}
# words every procedure name uses; the rest say what the procedure is about
_GENERIC = frozenset("dang ky cap thu tuc giay to cho va cua ve doi voi cac theo tai trong nguoi viec thuc hien giai "
                     "quyet hanh chinh nhan".split())
_TITLE_PREFIX = re.compile(
    r"^(?:quy trinh|qt)\s*(?:[:\-–]\s*)?"
    r"(?:(?:tiep nhan(?:,| va)? )?(?:giai quyet|thuc hien|xu ly|tiep nhan)(?: va tra ket qua)?\s+)?"
    r"(?:ho so\s+)?(?:(?:thu tuc hanh chinh|thu tuc|tthc)\s*(?:ve\s+)?)?[:\-–]?\s*"
)
_CODE = re.compile(r"\b[12]\.\d{6}\b")
_INTERNAL_TITLES = [
    "quan ly van ban", "van ban den", "van ban di", "kiem soat tai lieu", "kiem soat ho so", "danh gia noi bo",
    "hanh dong khac phuc", "khac phuc su khong phu hop", "xem xet cua lanh dao", "kiem soat su khong phu hop",
    "tuyen dung", "mua sam", "dao tao", "thi dua", "khen thuong", "luu tru", "quan ly tai san", "cong tac phi",
    "danh gia su hai long", "trao doi thong tin noi bo", "quan ly rui ro", "hop giao ban", "lap ke hoach",
    "soan thao van ban", "tham dinh van ban", "ban hanh van ban", "quan ly con dau", "quan ly xe",
    "cham cong", "nang luong", "bo nhiem", "quan ly nhan su", "kiem tra noi bo", "quyet toan", "du toan",
]
_PROVINCE = re.compile(r"\b(?:tinh|thanh pho)\s+((?:[a-z]+\s?){1,3})")


def strip_title(title: str) -> str:
    """The procedure name inside a quy trình title ("Quy trình giải quyết thủ tục đăng ký khai sinh" →
    "đăng ký khai sinh"), accents kept."""
    t = normalize(title or "").strip()
    f = fold(t)
    m = _TITLE_PREFIX.match(f)
    if m and m.end():
        # fold keeps length for Vietnamese letters, so the folded match maps back onto the original
        t = t[m.end():] if len(f) == len(t) else t
    return t.strip(" :-–.\"“”") or normalize(title or "").strip()


def process_text(p: Process) -> str:
    """Folded text of what a quy trình says about where it applies (agency, scope, place, title)."""
    return fold(expand_abbreviations(normalize(" ".join((p.agency, p.scope, p.place, p.title)))))


def _level_of_agency(text: str) -> str:
    """The level implied by an agency's name ("ubnd xa …" → "cap xa")."""
    t = fold(expand_abbreviations(normalize(text or "")))
    if re.search(r"\b(?:uy ban nhan dan|ubnd) (?:cap )?(?:xa|phuong|thi tran|dac khu)\b", t) or \
            re.search(r"\bcong chuc (?:tu phap|dia chinh)\b", t):
        return "cap xa"
    if re.search(r"\b(?:uy ban nhan dan|ubnd) (?:cap )?(?:huyen|quan|thi xa)\b", t):
        return "cap huyen"
    if re.search(r"\bso [a-z]|\b(?:uy ban nhan dan|ubnd) (?:cap )?tinh\b|\bban quan ly\b", t):
        return "cap tinh"
    if re.search(r"\b(?:bo|cuc|tong cuc)\s+[a-z]", t):
        return "cap bo"
    return ""


def name_score(a: str, b: str) -> float:
    """Similarity 0..1 of two procedure names: ``search.duplicates.names.name_similarity``, capped by how
    well the distinctive words agree (F1 of the words left after generic ones such as "đăng ký",
    "cấp", "giấy") — "Đăng ký giám hộ" is not "Đăng ký khai tử" however alike the letters are."""
    sim = name_similarity(a, b) / 100.0
    ta = set(name_key(a).split()) - _GENERIC
    tb = set(name_key(b).split()) - _GENERIC
    if not ta or not tb:
        return sim
    common = len(ta & tb)
    f1 = 2.0 * common / (len(ta) + len(tb))
    return min(sim, 0.35 + 0.65 * f1)


def match_process_papers(a: Sequence[str], b: Sequence[str]) -> PaperMatch:
    """Pair the papers of a quy trình (a) with those of a procedure (b), one to one.

    ``search.duplicates.paper_names.similarity_matrix`` plus one allowance: a quy trình often writes only the
    head of a long published paper ("Giấy chứng sinh" for "Giấy chứng sinh do cơ sở khám bệnh …
    cấp; trường hợp …"), so a canonical name of three words or more that starts the other one counts
    as the same paper.

    Args:
        a: paper names of the quy trình.
        b: paper names of the procedure.
    Returns:
        The ``PaperMatch`` (threshold ``PAPER_THRESHOLD``).
    """
    m = similarity_matrix(a, b)
    if m.size:
        ca = [canonical_paper(x) for x in a]
        cb = [canonical_paper(x) for x in b]
        for i, x in enumerate(ca):
            for j, y in enumerate(cb):
                if m[i, j] >= PAPER_THRESHOLD or not x or not y:
                    continue
                short, long_ = (x, y) if len(x) <= len(y) else (y, x)
                if len(short.split()) >= 3 and (long_ + " ").startswith(short + " "):
                    m[i, j] = max(m[i, j], PAPER_THRESHOLD + 3.0)
    return match_names(a, b, PAPER_THRESHOLD, matrix=m)


@dataclass
class Candidate:
    """A procedure considered for a quy trình, with its score and the signals behind it."""

    procedure: Procedure
    score: float
    parts: dict[str, Optional[float]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.procedure.code or self.procedure.id, "title": self.procedure.name,
                "score": round(self.score, 4),
                "parts": {k: (None if v is None else round(v, 3)) for k, v in self.parts.items()}}


@dataclass
class Tie:
    """Which procedure a quy trình implements.

    Attributes:
        status: one of ``STATUSES``.
        procedure: the best candidate (None when unmatched or internal without a candidate).
        score: its score 0..1.
        candidates: the best few, best first.
        reason: why, in Vietnamese.
    """

    status: str
    procedure: Optional[Procedure]
    score: float
    candidates: list[Candidate]
    reason: str

    def procedure_dict(self) -> Optional[dict[str, Any]]:
        """{"code", "title", "score"} of the tied procedure, None when there is none."""
        if self.procedure is None:
            return None
        return {"code": self.procedure.code or self.procedure.id, "title": self.procedure.name,
                "score": round(self.score, 4)}


def internal_hint(p: Process) -> str:
    """Why a quy trình looks like an internal task, in Vietnamese ("" when it does not)."""
    title = fold(normalize(p.title))
    scope = fold(normalize(p.scope))
    if p.documents or (p.fee and p.fee.amount_vnd):
        return ""
    for w in _INTERNAL_TITLES:
        if re.search(r"\b" + w + r"\b", title):
            return f"tên quy trình là công việc nội bộ («{w}»), không có thành phần hồ sơ, lệ phí"
    if re.search(r"\bnoi bo\b", title + " " + scope) and "thu tuc hanh chinh" not in title:
        return "phạm vi là công việc nội bộ, không có thành phần hồ sơ, lệ phí"
    return ""


def score_candidate(p: Process, proc: Procedure, *, name: str = "", refs: Optional[set[str]] = None,
                    where: Optional[tuple[str, str]] = None) -> Candidate:
    """Score one procedure as the one a quy trình implements.

    Args:
        p: the quy trình.
        proc: the procedure.
        name: the procedure name inside the quy trình title (default ``strip_title(p.title)``).
        refs: number keys of the quy trình's references (computed when None).
        where: (level, folded text) of the quy trình (computed when None).
    Returns:
        A ``Candidate`` with the weighted score and its parts.
    """
    name = name or strip_title(p.title)
    parts: dict[str, Optional[float]] = {"name": name_score(name, proc.name)}
    pa, pb = [d.name for d in p.documents], [d.name for d in proc.documents]
    parts["papers"] = match_process_papers(pa, pb).dice(len(pa), len(pb)) if pa and pb else None
    refs = refs if refs is not None else {number_key(r.number) for r in p.references if r.number}
    nums = set(procedure_numbers(proc))
    parts["legal"] = (len(refs & nums) / len(nums)) if refs and nums else None
    level, text = where if where is not None else (_level_of_agency(p.agency or p.place), process_text(p))
    place: list[float] = []
    lv = levels_of(proc.level)
    if level and lv:
        place.append(1.0 if level in lv else 0.0)
    prov = fold(normalize(proc.province)).strip()
    if prov:
        named = {m.group(1).strip() for m in _PROVINCE.finditer(text)}
        if prov in text:
            place.append(1.0)
        elif named:
            place.append(0.0)
    parts["place"] = min(place) if place else None  # another level or province is another procedure
    total = weight = 0.0
    for k, w in _WEIGHTS.items():
        v = parts[k]
        if v is not None:
            total += w * v
            weight += w
    score = total / weight if weight else 0.0
    # a name far off is not rescued by shared papers or place
    score = min(score, parts["name"] + 0.15)
    return Candidate(proc, float(score), parts)


class NameSearch:
    """BM25 over the procedure-name units of an index only (no fusion, no snippets): the candidate
    step of ``tie_process``, about 6× cheaper per quy trình than ``SearchIndex.search``.

    Args:
        index: a ``SearchIndex``.
    """

    def __init__(self, index: Any) -> None:
        self.index = index
        self.mask = None
        self.record_ids: list[str] = []
        try:
            self.mask = index.mask({"kind": "procedure", "part": "name"})
            self.record_ids = [u.record_id for u in index.units()]
        except (AttributeError, ValueError):
            self.mask = None
        if self.mask is not None and not self.mask.any():
            self.mask = None

    def __call__(self, text: str, k: int) -> list[str]:
        """Record ids of the k procedures whose names best match ``text``."""
        if self.mask is None:
            return [h.id for h in self.index.search(text, k=k, where={"kind": "procedure"}, mode="lexical")]
        rows, _ = self.index.lexical.search(text, k, allowed=self.mask)
        return list(dict.fromkeys(self.record_ids[int(r)] for r in rows))


def tie_process(p: Process, index: Any, *, k: int = 8, procedures: Optional[dict[str, Procedure]] = None,
                names: Optional[NameSearch] = None) -> Tie:
    """Find the published procedure a quy trình implements.

    Args:
        p: the quy trình.
        index: a ``SearchIndex`` (lexical search over procedure names, ``get`` by code).
        k: candidates taken from the search.
        procedures: optional cache {record id: Procedure} shared across calls.
        names: the name search to use (built from ``index`` when None; share one across calls).
    Returns:
        The ``Tie``.
    """
    name = strip_title(p.title)
    cands: dict[str, Procedure] = {}
    cache = procedures if procedures is not None else {}

    def _get(rid: str) -> Optional[Procedure]:
        rec = cache.get(rid)
        if rec is None:
            rec = index.get(rid)
            if isinstance(rec, Procedure):
                cache[rid] = rec
        return rec if isinstance(rec, Procedure) else None

    text_codes = _CODE.findall(" ".join((p.title, p.scope, p.code)))
    for code in text_codes:
        rec = _get(code)
        if rec is not None:
            cands[rec.id] = rec
    if name:
        for rid in (names or NameSearch(index))(name, k):
            rec = _get(rid)
            if rec is not None:
                cands.setdefault(rec.id, rec)
    refs = {number_key(r.number) for r in p.references if r.number}
    where = (_level_of_agency(p.agency or p.place), process_text(p))
    scored = [score_candidate(p, proc, name=name, refs=refs, where=where) for proc in cands.values()]
    for c in scored:
        if c.procedure.code and c.procedure.code in text_codes:
            c.score = max(c.score, 0.95)
            c.parts["code"] = 1.0
    scored.sort(key=lambda c: -c.score)
    scored = scored[:5]
    hint = internal_hint(p)
    best = scored[0] if scored else None
    if hint and (best is None or best.score < MATCH_SCORE + 0.1):
        return Tie("internal", None, 0.0, scored, hint)
    if best is None or best.score < MIN_SCORE:
        if not p.documents and not p.fee and not hint:
            return Tie("internal", None, 0.0, scored,
                       "không có thành phần hồ sơ, lệ phí và không gần thủ tục nào đã công bố: công việc nội bộ")
        return Tie("unmatched", None, 0.0, scored,
                   "không có thủ tục nào trong chỉ mục đủ gần (tên, thành phần hồ sơ, căn cứ pháp lý)")
    second = scored[1] if len(scored) > 1 else None
    exact = (best.parts.get("name") or 0.0) >= 0.99
    if exact and second is not None and (second.parts.get("name") or 0.0) >= 0.99 and \
            second.score >= best.score - MARGIN:
        return Tie("ambiguous", best.procedure, best.score, scored,
                   f"thủ tục được công bố hai lần cùng tên: {best.procedure.code} và {second.procedure.code}")
    if second is not None and second.score >= best.score - MARGIN and not exact:
        return Tie("ambiguous", best.procedure, best.score, scored,
                   f"hai thủ tục gần như nhau: {best.procedure.code} ({best.score:.2f}) và "
                   f"{second.procedure.code} ({second.score:.2f})")
    if best.score < MATCH_SCORE:
        return Tie("ambiguous", best.procedure, best.score, scored, f"thủ tục gần nhất chỉ đạt {best.score:.2f}")
    return Tie("matched", best.procedure, best.score, scored,
               "khớp tên" + (", thành phần hồ sơ" if best.parts.get("papers") else "")
               + (", căn cứ pháp lý" if best.parts.get("legal") else ""))


__all__ = ["MARGIN", "MATCH_SCORE", "MIN_SCORE", "STATUSES", "STATUS_LABELS", "Candidate", "NameSearch", "Tie", "internal_hint",
           "match_process_papers", "name_score", "process_text", "score_candidate", "strip_title", "tie_process"]
