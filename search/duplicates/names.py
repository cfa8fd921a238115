"""Procedure names: action and object (cấp lại / giấy phép …), level hints, name similarity.

Shared by the field comparison (``compare``), the relation labels (``relations``) and
catalogue matching (``catalogue``).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from rapidfuzz import fuzz

from indexer.vietnamese import expand_abbreviations, fold, has_diacritics, normalize

# folded action phrases, longest first; value = canonical action label
_ACTIONS: list[tuple[str, str]] = [
    ("cap moi", "cấp mới"),
    ("cap lan dau", "cấp mới"),
    ("cap lai", "cấp lại"),
    ("cap doi", "cấp đổi"),
    ("gia han", "gia hạn"),
    ("dieu chinh noi dung", "điều chỉnh"),
    ("dieu chinh", "điều chỉnh"),
    ("sua doi bo sung", "sửa đổi, bổ sung"),
    ("sua doi, bo sung", "sửa đổi, bổ sung"),
    ("sua doi", "sửa đổi, bổ sung"),
    ("bo sung", "sửa đổi, bổ sung"),
    ("thay doi noi dung", "thay đổi"),
    ("thay doi", "thay đổi"),
    ("thu hoi", "thu hồi"),
    ("cham dut", "chấm dứt"),
    ("huy bo", "hủy bỏ"),
    ("dang ky lai", "đăng ký lại"),
    ("dang ky thay doi noi dung", "thay đổi"),
    ("dang ky thay doi", "thay đổi"),
    ("dang ky bien dong", "thay đổi"),
    ("chung nhan lai", "chứng nhận lại"),
    ("cong nhan lai", "công nhận lại"),
    ("cap", "cấp mới"),
]
# actions recognised only at the start of a name ("Đăng ký khai sinh", "Chứng nhận chủng loại gạo"):
# elsewhere these words belong to the object ("Giấy chứng nhận đăng ký …")
_LEADING_ACTIONS: list[tuple[str, str]] = [("dang ky", "đăng ký"), ("chung nhan", "chứng nhận"),
                                           ("cong nhan", "công nhận")]
_ACTION_RE = re.compile(r"\b(" + "|".join(re.escape(a) for a, _ in _ACTIONS) + r")\b")
_LEADING_RE = re.compile(r"^(" + "|".join(re.escape(a) for a, _ in _ACTIONS + _LEADING_ACTIONS) + r")\b")
# further actions written next to the first one ("cấp lại, điều chỉnh, gia hạn giấy phép …")
_MORE_ACTIONS = re.compile(r"^\s*(?:va |hoac |/ )?(" + "|".join(re.escape(a) for a, _ in _ACTIONS) + r")\b")
_ACTION_LABEL = dict(_ACTIONS + _LEADING_ACTIONS)
_LINKERS = re.compile(r"\b(?:va|hoac|,|;)\b")

# level hints written into names or list rows
_LEVEL_HINTS = [
    ("cap trung uong", "Cấp bộ"),
    ("trung uong", "Cấp bộ"),
    ("cap bo", "Cấp bộ"),
    ("cap tinh", "Cấp tỉnh"),
    ("cap huyen", "Cấp huyện"),
    ("cap xa", "Cấp xã"),
]
_HINT_BRACKET = re.compile(r"\(([^()]*)\)")
_LEVEL_IN_NAME = re.compile(
    r"\b(?:thuc hien |giai quyet )?(?:tai |o )?(?:cap trung uong|cap bo|cap tinh|cap huyen|cap xa)\b"
)


def level_hint(text: str) -> str:
    """The level a name or list row says in words ("(cấp tỉnh)" → "Cấp tỉnh"), or ""."""
    f = fold(normalize(text or ""))
    for key, label in _LEVEL_HINTS:
        if re.search(r"\b" + key + r"\b", f):
            return label
    return ""


def levels_of(level: str) -> set[str]:
    """Levels named in a procedure's level field ("Cấp bộ, Cấp tỉnh" → {"cap bo", "cap tinh"})."""
    f = fold(level or "")
    out = {key for key, _ in _LEVEL_HINTS[2:] if key in f}
    if "trung uong" in f:
        out.add("cap bo")
    return out


@lru_cache(maxsize=100_000)
def name_key(name: str) -> str:
    """Folded, abbreviation-expanded name without level hints and punctuation (for comparing names)."""
    f = fold(expand_abbreviations(normalize(name or "")))
    f = _HINT_BRACKET.sub(lambda m: " " if _LEVEL_IN_NAME.search(m.group(1)) else " " + m.group(1) + " ", f)
    f = _LEVEL_IN_NAME.sub(" ", f)
    f = re.sub(r"\bthu tuc\b", " ", f)
    f = re.sub(r"[^\w\s/.-]+", " ", f)
    f = re.sub(r"\s*/\s*", " / ", f)  # "xây dựng/ Báo cáo" = "xây dựng/Báo cáo"
    return re.sub(r"\s+", " ", f).strip(" .-/")


# qualifiers written after the object that say which member of a permit family it is
_ACTION_QUALIFIERS = [(r"\b(?:xay dung|cap|giay phep|chung nhan) moi\b", "moi", "cấp mới"),
                      (r"\bco thoi han\b", "", "cấp có thời hạn"),
                      (r"\btam thoi\b", "", "cấp tạm thời"),
                      (r"\blan dau\b", "", "cấp mới")]


@lru_cache(maxsize=100_000)
def split_action(name: str) -> tuple[str, str]:
    """Split a name into its action and object.

    Args:
        name: procedure name ("Cấp lại Giấy phép hoạt động …").

    Returns:
        (canonical action such as "cấp lại", or "" when none; the folded object
        with the action words removed, e.g. "giay phep hoat dong …").
    """
    key = name_key(name)
    m = _LEADING_RE.search(key) or _ACTION_RE.search(key[:40])
    if not m:
        return "", key
    labels = [_ACTION_LABEL[m.group(1)]]
    end = m.end()
    while True:  # "cấp lại, cấp đổi …": every action word goes, the first names the family member
        more = _MORE_ACTIONS.search(key[end:])
        if not more:
            break
        labels.append(_ACTION_LABEL[more.group(1)])
        end += more.end()
    action = ", ".join(dict.fromkeys(labels))
    obj = (key[: m.start()] + " " + key[end:]).strip()
    # "Cấp giấy phép xây dựng mới", "… có thời hạn": the qualifier names the family member
    for pat, word, label in _ACTION_QUALIFIERS:
        q = re.search(pat, obj)
        if q:
            obj = obj[: q.start()] + q.group(0).replace(word or q.group(0), "") + obj[q.end() :]
            if action == "cấp mới":
                action = label
            break
    obj = _LINKERS.sub(" ", obj)
    obj = re.sub(r"\s+", " ", obj).strip()
    return action, obj


def _substituted(a: str, b: str) -> bool:
    """True when each name has words the other lacks (a substitution such as nội địa / quốc tế)."""
    if has_diacritics(a) and has_diacritics(b):  # keep accents: "biển" is not "biện"
        ta = set(re.findall(r"\w+", normalize(expand_abbreviations(a)).lower()))
        tb = set(re.findall(r"\w+", normalize(expand_abbreviations(b)).lower()))
        ta -= {"thực", "hiện", "tại", "cấp"}
        tb -= {"thực", "hiện", "tại", "cấp"}
    else:
        ta, tb = set(name_key(a).split()), set(name_key(b).split())
    da = {w for w in ta - tb if not _RANK.fullmatch(w)}
    db = {w for w in tb - ta if not _RANK.fullmatch(w)}
    return bool(da) and bool(db)


# words that, added to a name, make it another procedure ("Mở khóa", "chấm dứt", "tự huấn luyện", "trừ")
_CHANGING = {"mo", "cham", "dut", "lai", "tu", "khong", "huy", "hoi", "xoa", "ngung", "tam", "tru"}


def _changed_meaning(a: str, b: str) -> bool:
    """True when one name adds a word that changes what the procedure does."""
    ta, tb = set(name_key(a).split()), set(name_key(b).split())
    return bool((ta ^ tb) & _CHANGING)


_RANK = re.compile(r"[ivx]+|\d+|hang|loai")


def name_similarity(a: str, b: str) -> float:
    """Similarity 0..100 of two procedure names (folded, level hints removed)."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return 0.0
    return 0.5 * fuzz.token_sort_ratio(ka, kb) + 0.5 * fuzz.ratio(ka, kb)


def object_similarity(a: str, b: str) -> float:
    """Similarity 0..100 of the objects of two names once action words are removed."""
    oa, ob = split_action(a)[1], split_action(b)[1]
    if not oa or not ob:
        return 0.0
    return 0.5 * fuzz.token_sort_ratio(oa, ob) + 0.5 * fuzz.ratio(oa, ob)


# small words that do not make a name another procedure when one side adds them
_FILLER = {"va", "cua", "cac", "cho", "doi", "voi", "tai", "theo", "nhung", "mot", "so", "o",
           "viec", "thuc", "hien", "giai", "quyet", "nguoi", "to", "chuc", "ca", "nhan", "la", "co", "duoc"}
# words that join two procedures into one ("đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con")
_COMBINING = re.compile(r"\bket hop\b|^(?:\w+ ){0,2}lien thong\b")


def name_extras(a: str, b: str) -> tuple[list[str], list[str]]:
    """Content words each name has that the other lacks (folded, level hints and small words removed).

    Args:
        a, b: procedure names.
    Returns:
        (words only in a, words only in b), each in the order of its name.
    """
    ta, tb = name_key(a).split(), name_key(b).split()
    ca, cb = Counter(ta), Counter(tb)  # counted: folded "biện pháp … tàu biển" has "bien" twice
    da, db = ca - cb, cb - ca
    only_a = [w for w in dict.fromkeys(ta) if w in da and w not in _FILLER]
    only_b = [w for w in dict.fromkeys(tb) if w in db and w not in _FILLER]
    return only_a, only_b


def combined_part(a: str, b: str) -> str:
    """"a" or "b" when that name is a combined procedure ("… kết hợp …", "Liên thông …") holding the other.

    Args:
        a, b: procedure names.
    Returns:
        which side is the combined one, or "" when neither.
    """
    ka, kb = name_key(a), name_key(b)
    for side, big, small in (("a", ka, kb), ("b", kb, ka)):
        if _COMBINING.search(big) and not _COMBINING.search(small):
            words = set(big.split())
            core = [w for w in small.split() if w not in _FILLER]
            if core and sum(w in words for w in core) >= 0.8 * len(core):
                return side
    return ""
