"""Relation labels for a pair of similar procedures: duplicate, variant, family, overlap.

- ``duplicate``: the same procedure written twice (the same name, level and agency);
- ``variant``: the same procedure at another level, agency or province, or a special version of it
  (the same name plus a few words: "… tại khu vực biên giới");
- ``family``: cấp mới / cấp lại / gia hạn / điều chỉnh / cấp đổi / bổ sung … of one permit —
  found by stripping these action words from the names and comparing what is left;
- ``overlap``: different procedures sharing components (papers, steps, legal basis), or a
  combined procedure and one of its parts: a liên thông candidate, never grouped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from indexer.vietnamese import fold, normalize
from search.duplicates.compare import Comparison
from search.duplicates.names import (  # noqa: F401 — name helpers re-exported for callers of relations
    _FILLER, _RANK, _changed_meaning, combined_part, level_hint, levels_of, name_extras, name_key, name_similarity,
    object_similarity, split_action,
)

RELATIONS = ("duplicate", "variant", "family", "overlap")
RELATION_LABELS = {
    "duplicate": "trùng lặp",
    "variant": "biến thể (khác cấp/cơ quan/địa phương, phiên bản riêng)",
    "family": "cùng nhóm (cấp mới/cấp lại/gia hạn…)",
    "overlap": "chồng chéo một phần",
}


@dataclass
class RelationThresholds:
    """Cut-offs (0..100 for names) used by ``classify``.

    Attributes:
        same_object: objects of two names at least this similar are one object (families).
        typo: two differing words at least this similar are one word mistyped.
        max_extra: a name adding at most this many content words to the other is a special version.
    """

    same_object: float = 88.0
    typo: float = 80.0
    max_extra: int = 6


# actions that end a permit: never a member of its family
_ENDING = {"thu hồi", "chấm dứt", "hủy bỏ"}


def _clip(text: str, n: int = 70) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _accented(words: list[str], name: str) -> str:
    """The words of ``name`` (with their accents) whose folded form is in ``words``."""
    want = set(words)
    toks = re.findall(r"\w+", normalize(name))
    hit = [k for k, w in enumerate(toks) if fold(w).lower() in want]
    if not hit:
        return " ".join(words)
    spans, start = [], hit[0]
    for prev, k in zip(hit, hit[1:] + [None]):
        if k is None or k - prev > 2:  # words close together read as one phrase ("có yếu tố nước ngoài")
            spans.append(" ".join(toks[start: prev + 1]))
            start = k
    return " … ".join(spans)


def _typos_only(only_a: list[str], only_b: list[str], t: RelationThresholds) -> bool:
    """Every differing word has a near twin on the other side (a typo, not another word)."""
    if not only_a or not only_b or len(only_a) != len(only_b):
        return False
    if any(_RANK.fullmatch(w) for w in only_a + only_b):
        return False
    return all(max(fuzz.ratio(w, v) for v in only_b) >= t.typo for w in only_a)


def _same_object(obj_a: str, obj_b: str, t: RelationThresholds) -> bool:
    if not obj_a or not obj_b:
        return False
    ca = Counter(w for w in obj_a.split() if w not in _FILLER)  # counted: "bien phap … tau bien"
    cb = Counter(w for w in obj_b.split() if w not in _FILLER)
    da, db = ca - cb, cb - ca
    if not da and not db:
        return True
    if ca and cb and (not da or not db):
        return sum((da + db).values()) <= 2  # "… do bị mất": a detail, not another object
    # words on both sides: one object only when they are typos of each other (tàu bay ≠ tàu biển)
    return (_typos_only(sorted(da), sorted(db), t)
            and 0.5 * fuzz.token_sort_ratio(obj_a, obj_b) + 0.5 * fuzz.ratio(obj_a, obj_b) >= t.same_object)


def classify(cmp: Comparison, t: RelationThresholds | None = None) -> tuple[str, str]:
    """Label a compared pair and say why, in Vietnamese.

    - a combined procedure and one of its parts → overlap (liên thông, not a duplicate);
    - one object, other action (cấp / cấp lại / cấp đổi / gia hạn / chứng nhận lại …) → family;
    - the same name (accents, abbreviations, level hints and typos aside) → duplicate, or variant
      when level, agency or province differ;
    - one name is the other plus a few words (a special area or subject: "… tại khu vực biên giới")
      → variant, with those words as the reason;
    - anything else → overlap (what they share is the reason).

    Args:
        cmp: the field-level comparison of the two procedures.
        t: thresholds.

    Returns:
        (relation, reason) with relation in ``RELATIONS``.
    """
    t = t or RelationThresholds()
    a, b = cmp.a, cmp.b
    where_diff = cmp.where_differs()
    shared = cmp.shared_summary()
    side = combined_part(a.name, b.name)
    if side:
        big, small = (a, b) if side == "a" else (b, a)
        return "overlap", (f"thủ tục kết hợp «{_clip(big.name)}» bao gồm thủ tục «{_clip(small.name)}»: "
                           "ứng viên liên thông, không phải trùng lặp" + (f"; dùng chung {shared}" if shared else ""))
    act_a, obj_a = split_action(a.name)
    act_b, obj_b = split_action(b.name)
    if act_a != act_b and act_a and act_b and _same_object(obj_a, obj_b, t):
        ending = [x for x in (act_a, act_b) if x.split(",")[0] in _ENDING]
        if ending:  # thu hồi / chấm dứt a permit is another procedure, not a case of obtaining it
            return "overlap", (f"cùng đối tượng «{obj_a}», nhưng {ending[0]} là thủ tục khác (không cùng nhóm cấp "
                               f"mới/cấp lại/gia hạn)" + (f"; dùng chung {shared}" if shared else ""))
        return "family", f"cùng đối tượng «{obj_a}», khác hành động: {act_a} / {act_b}"
    only_a, only_b = name_extras(a.name, b.name)
    if ((not only_a and not only_b) or _typos_only(only_a, only_b, t)) and not _changed_meaning(a.name, b.name):
        if where_diff:
            return "variant", "cùng tên thủ tục, khác " + ", ".join(where_diff)
        return "duplicate", "cùng tên, cùng cấp và cơ quan thực hiện" + (f"; dùng chung {shared}" if shared else "")
    extra = only_a or only_b
    short, long_ = (b.name, a.name) if only_a else (a.name, b.name)
    head = [w for w in name_key(short).split() if w not in _FILLER][:2]
    same_start = bool(head) and [w for w in name_key(long_).split() if w not in _FILLER][:2] == head
    if (bool(only_a) != bool(only_b) and len(extra) <= t.max_extra and same_start
            and not _changed_meaning(a.name, b.name)):  # words added after the same beginning: a qualifier
        which, name = ("A", a.name) if only_a else ("B", b.name)
        return "variant", (f"phiên bản riêng của cùng thủ tục: {which} thêm «{_accented(extra, name)}»"
                           + (f", khác {', '.join(where_diff)}" if where_diff else ""))
    if only_a and only_b:
        return "overlap", (f"khác nội dung: A «{_accented(only_a[:6], a.name)}», B «{_accented(only_b[:6], b.name)}»"
                           + (f"; dùng chung {shared}" if shared else ""))
    return "overlap", "dùng chung " + (shared or "nội dung tương tự")


__all__ = [
    "RELATIONS",
    "RELATION_LABELS",
    "RelationThresholds",
    "classify",
    "level_hint",
    "levels_of",
    "name_key",
    "name_similarity",
    "object_similarity",
    "split_action",
]
