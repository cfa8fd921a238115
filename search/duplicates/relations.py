"""Relation labels for a pair of similar procedures: duplicate, variant, family, overlap.

- ``duplicate``: the same procedure written twice (same name object, action, level and agency);
- ``variant``: the same procedure at another level, agency or province;
- ``family``: cấp mới / cấp lại / gia hạn / điều chỉnh / cấp đổi / bổ sung … of one permit —
  found by stripping these action words from the names and comparing what is left;
- ``overlap``: different procedures sharing components (papers, steps, legal basis):
  a merge or liên thông candidate.
"""

from __future__ import annotations

from dataclasses import dataclass

from search.duplicates.compare import Comparison
from search.duplicates.names import (  # noqa: F401 — name helpers re-exported for callers of relations
    _changed_meaning, _substituted, level_hint, levels_of, name_key, name_similarity, object_similarity, split_action,
)

RELATIONS = ("duplicate", "variant", "family", "overlap")
RELATION_LABELS = {
    "duplicate": "trùng lặp",
    "variant": "biến thể (khác cấp/cơ quan/địa phương)",
    "family": "cùng nhóm (cấp mới/cấp lại/gia hạn…)",
    "overlap": "chồng chéo một phần",
}


@dataclass
class RelationThresholds:
    """Cut-offs (0..100 for names, 0..1 for component shares) used by ``classify``."""

    same_name: float = 90.0
    same_object: float = 88.0
    same_components: float = 0.6


def classify(cmp: Comparison, t: RelationThresholds | None = None) -> tuple[str, str]:
    """Label a compared pair and say why, in Vietnamese.

    Args:
        cmp: the field-level comparison of the two procedures.
        t: thresholds (defaults are tuned on the planted-duplicate benchmark).

    Returns:
        (relation, reason) with relation in ``RELATIONS``.
    """
    t = t or RelationThresholds()
    a, b = cmp.a, cmp.b
    act_a, obj_a = split_action(a.name)
    act_b, obj_b = split_action(b.name)
    name_sim = cmp.fields["name"].similarity * 100.0
    obj_sim = object_similarity(a.name, b.name)
    where_diff = cmp.where_differs()
    if act_a != act_b and act_a and act_b and obj_sim >= t.same_object:
        return "family", f"cùng đối tượng «{obj_a}», khác hành động: {act_a} / {act_b}"
    same_name = name_sim >= 99.0 or (
        (name_sim >= t.same_name or (obj_sim >= t.same_name and act_a == act_b)) and not _substituted(a.name, b.name)
    )
    if same_name:
        if where_diff:
            return "variant", "cùng tên thủ tục, khác " + ", ".join(where_diff)
        if not _changed_meaning(a.name, b.name):
            return "duplicate", "cùng tên, cùng cấp và cơ quan thực hiện"
    comp = cmp.component_share()
    if comp >= t.same_components and name_sim >= 75.0:
        if not where_diff and not _substituted(a.name, b.name) and not _changed_meaning(a.name, b.name):
            return "duplicate", f"tên gần giống ({name_sim:.0f}/100), thành phần trùng {comp:.0%}"
        if "cấp thực hiện" in where_diff or "địa phương" in where_diff:
            return "variant", f"tên gần giống, thành phần trùng {comp:.0%}, khác " + ", ".join(where_diff)
        shared = cmp.shared_summary()
        return "overlap", (f"tên gần giống, thành phần trùng {comp:.0%}"
                           + (f", khác {', '.join(where_diff)}" if where_diff else "")
                           + (f"; dùng chung {shared}" if shared else "") + ": ứng viên hợp nhất/liên thông")
    shared = cmp.shared_summary()
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
