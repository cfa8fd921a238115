"""Records -> index units.

A procedure gives one unit for the whole record plus one per non-empty part
(name, papers, steps, requirements). A regulation record (one Điều) gives one
unit for the article and, when the article is long, one unit per khoản (or
điểm) from ``indexer.legal_units.split_clauses`` — never fixed-size windows.
Catalogue entries are not indexed. A quy trình (``Process``) gives a whole unit, its name,
its papers and one unit per work step (citation "QT-HT-01, bước B3 (<đơn vị>)").

Unit fields used as filters: ``kind``, ``field`` (lĩnh vực of a procedure),
``level``, ``agency``, ``doc_number`` (regulation number; for a procedure its
announcing decision and legal-basis numbers), ``code`` and ``part``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Iterable

from indexer.records import LegalUnit, Procedure, Process, Record

# An article longer than this (characters) is also indexed per khoản/điểm.
LONG_ARTICLE_CHARS = 1200

PROCEDURE_PARTS = ("whole", "name", "papers", "steps", "requirements")
# Parts that get a dense vector. The per-field parts (papers, steps, requirements) are searched
# lexically only: their meaning is already in the "whole" vector, and embedding them would more
# than double the indexing time on a 2-core machine for no measured gain.
DENSE_PARTS = frozenset({"whole", "name", "article", "clause"})
# Tokens embedded per part, where less than the model's own cap (the default model reads 256):
# a whole procedure is cut to its first 128 tokens (name, lĩnh vực, cấp, cơ quan, đối tượng and
# the start of the steps) — measured in docs/benchmarks.md ("Mô hình nhúng mặc định"): the
# same quality as 256 tokens at half the cost of the largest share of a national build. Articles
# and clauses keep the model's cap (an article over 1,200 characters also has clause units).
DENSE_MAX_TOKENS: dict[str, int] = {"whole": 128}
PART_LABELS = {
    "whole": "toàn văn",
    "name": "tên thủ tục",
    "papers": "thành phần hồ sơ",
    "steps": "trình tự thực hiện",
    "requirements": "yêu cầu, điều kiện",
    "article": "điều",
    "clause": "khoản",
    "step": "bước quy trình",
}


@dataclass
class Unit:
    """One searchable piece of a record.

    Attributes:
        id: unique unit id (``<record id>#<part>`` or the clause's LegalUnit id).
        record_id: the record it belongs to.
        kind: "procedure" or "regulation".
        part: which part: whole/name/papers/steps/requirements/article/clause.
        title: display title.
        body: the text searched and shown in snippets.
        citation: ready-to-paste reference.
        field, level, agency, doc_number, code: filter values.
    """

    id: str
    record_id: str
    kind: str
    part: str
    title: str
    body: str
    citation: str
    field: str = ""
    level: str = ""
    agency: str = ""
    doc_number: str = ""
    code: str = ""

    def embed_text(self) -> str:
        """Text given to the embedding model (title first, then body)."""
        if self.part in ("name",) or self.body.startswith(self.title):
            return self.body
        return f"{self.title}. {self.body}"

    @property
    def dense(self) -> bool:
        """True when this unit gets its own dense vector (see DENSE_PARTS)."""
        return self.part in DENSE_PARTS

    @property
    def embed_max_tokens(self) -> "int | None":
        """Tokens embedded for this unit when below the model's cap (``DENSE_MAX_TOKENS``), else None."""
        return DENSE_MAX_TOKENS.get(self.part)

    def text_hash(self) -> str:
        """sha256 of the embedded text and its token cap (the embedding-cache key before the model)."""
        cap = self.embed_max_tokens
        text = self.embed_text() if cap is None else f"{self.embed_text()}\x1f{cap}"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict:
        """Plain dict of the fields (all strings: no deep copy needed, unlike ``asdict``)."""
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    @classmethod
    def from_dict(cls, d: dict) -> "Unit":
        return cls(**{k: d.get(k, "") for k in cls.__dataclass_fields__})


def procedure_citation(p: Procedure) -> str:
    """Reference to paste: ``Thủ tục 1.000080: <tên>``."""
    return f"Thủ tục {p.code}: {p.name}" if p.code else f"Thủ tục: {p.name}"


def regulation_title(u: LegalUnit) -> str:
    """Display title: ``Điều 5. <tên điều> — Quyết định 19/2014/QĐ-TTg``."""
    head = f"Điều {u.article}" if u.article else (u.citation or "Văn bản")
    if u.article_title:
        head += f". {u.article_title}"
    doc = " ".join(x for x in (u.doc_type, u.doc_number) if x) or u.doc_title
    return f"{head} — {doc}" if doc else head


def regulation_citation(u: LegalUnit) -> str:
    """The unit's own citation, or one built from article/clause/point and document."""
    if u.citation:
        return u.citation
    loc = " ".join(x for x in (
        f"Điều {u.article}" if u.article else "",
        f"khoản {u.clause}" if u.clause else "",
        f"điểm {u.point}" if u.point else "",
    ) if x)
    doc = " ".join(x for x in (u.doc_type, u.doc_number) if x) or u.doc_title
    return ", ".join(x for x in (loc, doc) if x) or u.source.file


def _lines(items: Iterable[str]) -> str:
    return "\n".join(s.strip() for s in items if s and s.strip())


def procedure_units(p: Procedure, record_id: str) -> list[Unit]:
    """Units of one procedure: whole + name + papers + steps + requirements (non-empty ones).

    Args:
        p: the procedure.
        record_id: its (unique) id in the bundle.
    Returns:
        the units.
    """
    papers = _lines([" ".join(x for x in (d.name, d.quantity) if x) for d in p.documents] + list(p.forms))
    steps = _lines(p.steps)
    reqs = _lines(p.requirements)
    legal = "; ".join(" ".join(x for x in (b.number, b.title) if x) for b in p.legal_basis)
    channels = "; ".join(
        " ".join(x for x in (c.channel, c.processing_time.text if c.processing_time else "",
                             c.fee.text if c.fee else "") if x) for c in p.channels)
    whole = _lines([
        p.name,
        f"Lĩnh vực: {p.field}" if p.field else "",
        f"Cấp thực hiện: {p.level}" if p.level else "",
        f"Cơ quan thực hiện: {p.agency}" if p.agency else "",
        f"Đối tượng thực hiện: {p.applicants}" if p.applicants else "",
        f"Trình tự thực hiện: {steps}" if steps else "",
        f"Cách thức thực hiện: {channels}" if channels else "",
        f"Thành phần hồ sơ: {papers}" if papers else "",
        f"Yêu cầu, điều kiện: {reqs}" if reqs else "",
        f"Kết quả: {p.result}" if p.result else "",
        f"Phí, lệ phí: {p.fee_text}" if p.fee_text else "",
        f"Thời hạn: {p.time_text}" if p.time_text else "",
        f"Căn cứ pháp lý: {legal}" if legal else "",
    ])
    doc_numbers = "; ".join(x for x in [p.decision] + [b.number for b in p.legal_basis] if x)
    common = dict(record_id=record_id, kind="procedure", title=p.name, citation=procedure_citation(p),
                  field=p.field, level=p.level, agency=p.agency, doc_number=doc_numbers, code=p.code)
    bodies = {"whole": whole, "name": p.name, "papers": papers, "steps": steps, "requirements": reqs}
    return [Unit(id=f"{record_id}#{part}", part=part, body=bodies[part], **common)
            for part in PROCEDURE_PARTS if bodies[part].strip()]


_CLAUSE_LINE = re.compile(r"^\s*(\d{1,3})\s*[.)]\s+", re.M)


def _split_clauses(u: LegalUnit) -> list[LegalUnit]:
    """khoản/điểm of an article: helper B's ``split_clauses`` when present, else numbered lines."""
    try:
        from indexer.legal_units import split_clauses
    except ImportError:
        split_clauses = None
    if split_clauses is not None:
        parts = list(split_clauses(u, points=True))
        size = {c.clause: len(c.text) for c in parts if not c.point}
        return [c for c in parts if not c.point or size.get(c.clause, 0) > LONG_ARTICLE_CHARS]
    starts = [m for m in _CLAUSE_LINE.finditer(u.text)]
    if len(starts) < 2:
        return [u]
    out = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(u.text)
        d = u.to_dict()
        d.update(clause=m.group(1), text=u.text[m.start():end].strip(), citation="")
        out.append(LegalUnit.from_dict(d))
    return out


def regulation_units(u: LegalUnit, record_id: str) -> list[Unit]:
    """Units of one regulation record: the article, plus its khoản/điểm when long.

    Args:
        u: the LegalUnit (normally one Điều).
        record_id: its (unique) id in the bundle.
    Returns:
        the units.
    """
    title = regulation_title(u)
    common = dict(record_id=record_id, kind="regulation", title=title, field="", level="", agency="",
                  doc_number=u.doc_number, code="")
    part = "clause" if (u.clause or u.point) else "article"
    head = f"Điều {u.article}. {u.article_title}".strip() if u.article else ""
    body = u.text if (not head or u.text.startswith(head)) else f"{head}\n{u.text}"
    units = [Unit(id=record_id, part=part, body=body, citation=regulation_citation(u), **common)]
    if part == "article" and len(u.text) > LONG_ARTICLE_CHARS:
        seen = {record_id}
        for c in _split_clauses(u):
            if not c.text.strip() or c.text.strip() == u.text.strip():
                continue
            cid = c.id
            while cid in seen:
                cid += "'"
            seen.add(cid)
            units.append(Unit(id=cid, part="clause", body=c.text, citation=regulation_citation(c), **common))
    return units


def process_citation(p: Process, step: str = "") -> str:
    """Reference to paste: ``Quy trình QT-HT-01: <tên> (<đơn vị>)`` or ``QT-HT-01, bước B3 (<đơn vị>)``."""
    unit = f" ({p.agency})" if p.agency else ""
    code = p.code or "Quy trình"
    if step:
        return f"{code}, bước {step}{unit}"
    return (f"Quy trình {p.code}: {p.title}" if p.code else f"Quy trình: {p.title}") + unit


def duration_text(d) -> str:  # type: ignore[no-untyped-def]
    if d is None or d.value is None:
        return ""
    unit = {"working_days": "ngày làm việc", "days": "ngày", "hours": "giờ", "months": "tháng"}.get(d.unit, "")
    value = f"{d.value:g}".replace(".", ",")
    return f"{value} {unit}".strip()


def process_step_text(s) -> str:  # type: ignore[no-untyped-def]
    """One step as a line: "B3. <việc> — Trách nhiệm: … — Thời gian: … — Kết quả: …"."""
    parts = [f"{s.no}. {s.action}" if s.no else s.action]
    if s.responsible:
        parts.append(f"Trách nhiệm: {s.responsible}")
    t = duration_text(s.time)
    if t:
        parts.append(f"Thời gian: {t}")
    if s.output:
        parts.append(f"Kết quả: {s.output}")
    return " — ".join(parts)


def process_units(p: Process, record_id: str) -> list[Unit]:
    """Units of one quy trình: whole + name + papers + one per step (non-empty ones).

    Args:
        p: the quy trình.
        record_id: its (unique) id in the bundle.
    Returns:
        the units (kind "process"; step units have part "step" and a "bước Bn" citation).
    """
    papers = _lines([" ".join(x for x in (d.name, d.quantity) if x) for d in p.documents])
    steps = _lines(process_step_text(s) for s in p.steps)
    refs = "; ".join(r.title or r.number for r in p.references)
    whole = _lines([
        f"Quy trình {p.title}",
        f"Mã hiệu: {p.code}" if p.code else "",
        f"Đơn vị: {p.agency}" if p.agency else "",
        f"Phạm vi: {p.scope}" if p.scope else "",
        f"Tài liệu viện dẫn, cơ sở pháp lý: {refs}" if refs else "",
        f"Thành phần hồ sơ: {papers}" if papers else "",
        f"Thời gian xử lý: {duration_text(p.time_limit)}" if duration_text(p.time_limit) else "",
        f"Nơi tiếp nhận và trả kết quả: {p.place}" if p.place else "",
        f"Lệ phí: {p.fee.text}" if p.fee and p.fee.text else "",
        f"Các bước: {steps}" if steps else "",
    ])
    title = f"{p.code} {p.title}".strip() if p.code else p.title
    doc_numbers = "; ".join(r.number for r in p.references if r.number)
    common = dict(record_id=record_id, kind="process", title=title, field="", level="", agency=p.agency,
                  doc_number=doc_numbers, code=p.code)
    out = []
    for part, body in (("whole", whole), ("name", p.title), ("papers", papers)):
        if body.strip():
            out.append(Unit(id=f"{record_id}#{part}", part=part, body=body, citation=process_citation(p), **common))
    seen: set[str] = set()
    for i, s in enumerate(p.steps, 1):
        body = process_step_text(s)
        if not body.strip():
            continue
        uid = f"{record_id}#step-{s.no or i}"
        while uid in seen:
            uid += "'"
        seen.add(uid)
        out.append(Unit(id=uid, part="step", body=body, citation=process_citation(p, s.no or str(i)), **common))
    return out


def record_units(record: Record, record_id: str) -> list[Unit]:
    """Units of any record (catalogue entries give none)."""
    if isinstance(record, Procedure):
        return procedure_units(record, record_id)
    if isinstance(record, Process):
        return process_units(record, record_id)
    if isinstance(record, LegalUnit):
        return regulation_units(record, record_id)
    return []
