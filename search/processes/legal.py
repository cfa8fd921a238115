"""Legal side of a quy trình check: document-number keys, replaced documents, the rules cited.

- ``number_key``: a comparable key for a document number ("63/2010/NĐ-CP" → "63/2010/nd-cp").
- ``Replacements``: documents that the index's regulations say are replaced or no longer in
  force ("Quyết định này … thay thế Quyết định số 22/2019/QĐ-UBND", "… hết hiệu lực"), read once
  per index from the regulation units.
- ``RuleBook``: the rules a finding rests on (NĐ 63/2010/NĐ-CP Điều 6, Điều 18; QĐ 19/2014/QĐ-TTg
  Điều 4; TCVN ISO 9001:2015), each cited with the index's own citation when the article is
  indexed, else marked "tham khảo" (outside the indexed texts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from indexer.procedure_fields import extract_doc_numbers
from indexer.records import LegalUnit, Procedure
from indexer.vietnamese import fold, normalize

_TYPE_WORDS = r"(?:Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư liên tịch|Thông tư|Quyết định|Chỉ thị|Pháp lệnh)"
# "thay thế [cho] Quyết định số N", "bãi bỏ Nghị định N" — a whole document, not "Điều 3 của …"
_REPLACES = re.compile(r"(?:thay thế|bãi bỏ)\s+(?:cho\s+)?(?:các\s+)?" + _TYPE_WORDS + r"\s+(?:số\s+)?$", re.IGNORECASE)
_EXPIRES = re.compile(r"^[^.;]{0,160}?\b(?:hết hiệu lực|bị bãi bỏ|được thay thế|bị thay thế)", re.IGNORECASE)
_PART_BEFORE = re.compile(r"(?:Điều|khoản|điểm|Chương|Mục)\s+[\w.]+\s+(?:của\s+)?" + _TYPE_WORDS + r"\s+(?:số\s+)?$",
                          re.IGNORECASE)
_CHAIN = re.compile(r"^[^.;]{0,120}?(?:,|\svà)\s*" + _TYPE_WORDS + r"\s+(?:số\s+)?$")
_SENTENCE = re.compile(r"(?<=[.;])\s+|\n+")


def number_key(number: str) -> str:
    """Comparable key of a document number: folded, no spaces, en dash → hyphen ("63/2010/nd-cp")."""
    return re.sub(r"\s+", "", fold(normalize(number or ""))).replace("–", "-").strip(".,;:()")


def year_of(number: str) -> Optional[int]:
    """The year written in a document number ("123/2015/NĐ-CP" → 2015), or None."""
    m = re.search(r"/((?:19|20)\d\d)(?:/|$)", number or "")
    return int(m.group(1)) if m else None


def suffix_of(number: str) -> str:
    """The issuer suffix of a number ("123/2015/NĐ-CP" → "nd-cp"; "60/2014/QH13" → "qh")."""
    key = number_key(number)
    tail = key.rsplit("/", 1)[-1] if "/" in key else ""
    return re.sub(r"\d+$", "", tail)


def procedure_numbers(p: Procedure) -> dict[str, str]:
    """The legal-basis document numbers of a procedure keyed by ``number_key`` (as written as value)."""
    out: dict[str, str] = {}
    for lb in p.legal_basis:
        nums = [lb.number] if lb.number else extract_doc_numbers(normalize(lb.title))
        for n in nums:
            if number_key(n):
                out.setdefault(number_key(n), n)
    return out


@dataclass
class Replacement:
    """A document the indexed regulations say is replaced or no longer in force.

    Attributes:
        number: the old document's number as written.
        by: the replacing document's number ("" when the text only says it expired).
        citation: where that is said (the index's citation, "Điều 10, Quyết định 07/2025/QĐ-UBND").
        line: the sentence that says it.
    """

    number: str
    by: str
    citation: str
    line: str


def _sentences(text: str) -> Iterable[str]:
    for s in _SENTENCE.split(normalize(text or "")):
        s = s.strip()
        if s:
            yield s


def replacements_in(unit: LegalUnit) -> list[Replacement]:
    """Documents that one regulation unit replaces, repeals or says are no longer in force.

    Args:
        unit: a regulation unit (one Điều, khoản or điểm).

    Returns:
        One ``Replacement`` per document number named as replaced; numbers of articles or
        clauses ("Điều 3 của Nghị định …") and the unit's own document are left out.
    """
    text = unit.text or ""
    f = fold(text)
    if "thay the" not in f and "het hieu luc" not in f and "bai bo" not in f:
        return []
    own = number_key(unit.doc_number)
    out: list[Replacement] = []
    for sent in _sentences(text):
        fs = fold(sent)
        if "thay the" not in fs and "het hieu luc" not in fs and "bai bo" not in fs:
            continue
        last_end = -1  # end of the last replaced number: "thay thế A, Thông tư số B và Thông tư số C"
        for m in re.finditer(r"\S+", sent):
            nums = extract_doc_numbers(m.group(0))
            if not nums:
                continue
            num = nums[0]
            key = number_key(num)
            if not key or key == own or year_of(num) is None:
                continue
            before = sent[: m.start()]
            after = sent[m.end():]
            if _PART_BEFORE.search(before[-80:]):
                continue  # an article or clause of that document, not the document
            chained = last_end >= 0 and _CHAIN.match(sent[last_end: m.start()]) is not None
            if chained or _REPLACES.search(before[-80:]) or _EXPIRES.match(after):
                by = unit.doc_number if chained or _REPLACES.search(before[-80:]) or "thay the" in fs else ""
                out.append(Replacement(num, by, unit.citation or unit.doc_number, sent))
                pos = m.group(0).find(num)
                last_end = m.start() + (pos + len(num) if pos >= 0 else len(m.group(0)))
    return out


class Replacements:
    """Replaced / expired documents known from the regulations of an index.

    Args:
        units: the regulation units (``SearchIndex.regulations()``).
    """

    def __init__(self, units: Iterable[LegalUnit]) -> None:
        self.by_key: dict[str, Replacement] = {}
        for u in units:
            for r in replacements_in(u):
                self.by_key.setdefault(number_key(r.number), r)

    def get(self, number: str) -> Optional[Replacement]:
        """The replacement of a document number, or None."""
        return self.by_key.get(number_key(number))

    def __len__(self) -> int:
        return len(self.by_key)


@dataclass(frozen=True)
class Rule:
    """A legal rule a finding rests on.

    Attributes:
        doc_number: the document ("63/2010/NĐ-CP"); "" for a standard.
        article, clause, point: where in it.
        label: the citation as written when the article is not in the index.
        gist: what it says, in a few words (quoted in reports).
    """

    doc_number: str
    article: str
    clause: str
    point: str
    label: str
    gist: str


#: the rules the findings cite; checked against the index at run time
RULES: dict[str, Rule] = {
    "no_extra_papers": Rule("63/2010/NĐ-CP", "18", "6", "", "Điều 18 khoản 6 Nghị định 63/2010/NĐ-CP",
                            "cơ quan thực hiện thủ tục hành chính không tự đặt ra thủ tục hành chính, hồ sơ, giấy tờ "
                            "ngoài quy định của pháp luật"),
    "no_extra_demands": Rule("63/2010/NĐ-CP", "6", "1", "b", "Điều 6 khoản 1 điểm b Nghị định 63/2010/NĐ-CP",
                             "nghiêm cấm cán bộ, công chức từ chối thực hiện, kéo dài thời gian thực hiện hoặc tự ý "
                             "yêu cầu bổ sung thêm hồ sơ, giấy tờ ngoài quy định mà không nêu rõ lý do bằng văn bản"),
    "no_extra_money": Rule("63/2010/NĐ-CP", "6", "1", "d", "Điều 6 khoản 1 điểm d Nghị định 63/2010/NĐ-CP",
                           "nghiêm cấm nhận tiền ngoài phí, lệ phí đã được quy định và công bố công khai"),
    "iso_lawful": Rule("19/2014/QĐ-TTg", "4", "2", "c", "Điều 4 khoản 2 điểm c Quyết định 19/2014/QĐ-TTg",
                       "hệ thống quản lý chất lượng (các quy trình) phải bảo đảm phù hợp với quy định của pháp luật"),
    "iso_responsibility": Rule("", "", "", "", "TCVN ISO 9001:2015, điều 4.4.1 e)",
                               "phân công trách nhiệm và quyền hạn cho các quá trình"),
    "iso_control": Rule("", "", "", "", "TCVN ISO 9001:2015, điều 4.4.1 c) và 8.1",
                        "xác định chuẩn mực vận hành và kiểm soát các quá trình"),
}


def _clause_text(text: str, clause: str, point: str) -> str:
    """The words of khoản ``clause`` (and điểm ``point``) of an article's text ("" when not found)."""
    lines = [ln.strip() for ln in normalize(text or "").splitlines() if ln.strip()]
    start = next((i for i, ln in enumerate(lines) if re.match(rf"{re.escape(clause)}\.\s", ln)), None) if clause else 0
    if start is None:
        return ""
    if not point:
        return re.sub(rf"^{re.escape(clause)}\.\s*", "", lines[start]) if clause else lines[0]
    for ln in lines[start + 1:]:
        if re.match(r"\d+\.\s", ln):
            break
        if re.match(rf"{re.escape(point)}\)\s", ln):
            return re.sub(rf"^{re.escape(point)}\)\s*", "", ln).rstrip(";. ")
    return ""


class RuleBook:
    """Citations of ``RULES``, checked against the regulations of an index.

    Args:
        units: the regulation units of the index.
    """

    def __init__(self, units: Iterable[LegalUnit]) -> None:
        wanted = {(number_key(r.doc_number), r.article) for r in RULES.values() if r.doc_number}
        self._found: dict[tuple[str, str], LegalUnit] = {}
        self._definition: Optional[LegalUnit] = None
        for u in units:
            key = (number_key(u.doc_number), u.article)
            if key in wanted and not u.clause:
                self._found.setdefault(key, u)
            f = fold(u.text or "")
            if self._definition is None and re.search(r"\bquy trinh la\b", f) and "trach nhiem" in f \
                    and "thoi gian" in f:
                self._definition = u

    def cite(self, key: str) -> str:
        """One rule as "<citation>: «<its words in the index>»", or "<citation> (tham khảo …): <gist>" when
        its article is not indexed."""
        r = RULES[key]
        unit = self._found.get((number_key(r.doc_number), r.article)) if r.doc_number else None
        if unit is not None:
            words = _clause_text(unit.text, r.clause, r.point)
            title = f" ({unit.article_title[:1].lower()}{unit.article_title[1:]})" if unit.article_title else ""
            return f"{r.label}{title}: «{words}»" if words else f"{r.label}: {r.gist}"
        return f"{r.label} (tham khảo — không có trong các văn bản đã lập chỉ mục): {r.gist}"

    def in_index(self, key: str) -> bool:
        """True when the rule's article is one of the indexed regulation units."""
        r = RULES[key]
        return bool(r.doc_number) and (number_key(r.doc_number), r.article) in self._found

    def definition(self) -> str:
        """The indexed article that defines a quy trình by its steps, responsibility and time ("" if none)."""
        u = self._definition
        if u is None:
            return ""
        cit = u.citation or u.doc_number
        m = re.search(r"Quy trình là[^.;\n]*", normalize(u.text))
        return f"{cit}" + (f": «{m.group(0).strip()}»" if m else "")


__all__ = ["RULES", "Replacement", "Replacements", "Rule", "RuleBook", "number_key", "procedure_numbers",
           "replacements_in", "suffix_of", "year_of"]
