"""The action a procedure name opens with, and the actions a question asks for.

The national catalogue splits one matter into sibling procedures by action: "Cấp giấy phép X",
"Gia hạn giấy phép X", "Cấp lại giấy phép X", "Sửa đổi, bổ sung giấy phép X", "Thu hồi giấy phép
X". A question that asks for none of the derived actions ("công ty muốn bán phần mềm chống mã
độc có cần giấy phép không") wants the base procedure, yet both sides score the siblings alike
and the shorter sibling name often wins. ``SearchIndex.search`` therefore lowers, a little, the
procedures whose name opens with a derived action the question does not ask for
(``search.fusion.ACTION_PENALTY``); a question that asks for it ("giấy phép sắp hết hạn",
"bị mất", "đổi địa chỉ") keeps the order. The lexicon's wording counts as asked ("mất sổ đỏ" →
"cấp lại …").
"""

from __future__ import annotations

from typing import Iterable

from indexer.vietnamese import fold, has_diacritics, tokenize

# action → (how a name opens with it, how a question asks for it)
ACTIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "gia hạn": (("gia hạn",),
                ("gia hạn", "hết hạn", "hết thời hạn", "quá hạn", "kéo dài")),
    "cấp lại": (("cấp lại",),
                ("cấp lại", "làm lại", "xin lại", "mất", "thất lạc", "hỏng", "rách", "hư")),
    "thay đổi": (("sửa đổi", "bổ sung", "thay đổi", "điều chỉnh", "cấp đổi", "đổi"),
                 ("sửa", "đổi", "bổ sung", "điều chỉnh", "dời", "chuyển", "thêm", "cập nhật", "hiệu đính",
                  # what expires is extended or exchanged ("bằng lái hết hạn" → "Đổi giấy phép lái xe")
                  "hết hạn", "hết thời hạn", "quá hạn")),
    "thu hồi": (("thu hồi",),
                ("thu hồi", "tước", "rút")),
    "chấm dứt": (("chấm dứt", "giải thể", "xóa", "hủy", "đình chỉ"),
                 ("chấm dứt", "giải thể", "xóa", "hủy", "ngừng", "dừng", "đóng cửa", "thôi", "đình chỉ", "kết thúc")),
}
# words a name may open with before its action ("Thủ tục đề nghị đăng ký thay đổi …")
_NAME_LEADS: tuple[tuple[str, ...], ...] = (("thủ", "tục"), ("đề", "nghị"), ("đăng", "ký"))


def _phrases(texts: Iterable[str]) -> list[tuple[str, ...]]:
    return [tuple(tokenize(t)) for t in texts]


_NAME_CUES = {a: _phrases(name) for a, (name, _) in ACTIONS.items()}
_ASK_CUES = {a: _phrases(ask) for a, (_, ask) in ACTIONS.items()}
_ASK_CUES_FOLDED = {a: [tuple(fold(t) for t in p) for p in ps] for a, ps in _ASK_CUES.items()}


def name_action(name: str) -> str | None:
    """The derived action a procedure name opens with ("Gia hạn giấy phép …" → "gia hạn").

    Args:
        name: the procedure's name.
    Returns:
        a key of ``ACTIONS``, or None for a base procedure ("Cấp giấy phép …", "Cấp, cấp lại …").
    """
    toks = tokenize(name)
    for lead in _NAME_LEADS:
        if tuple(toks[: len(lead)]) == lead:
            toks = toks[len(lead):]
    for action, cues in _NAME_CUES.items():
        if any(tuple(toks[: len(c)]) == c for c in cues):
            return action
    return None


def _holds(tokens: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(tokens[i : i + n]) == phrase for i in range(len(tokens) - n + 1))


def asked_actions(query: str, extra: Iterable[str] = ()) -> set[str]:
    """The derived actions a question asks for ("bằng lái bị mất" → {"cấp lại"}).

    Args:
        query: the question as typed (compared without diacritics when typed without them).
        extra: more wording that counts as asked (the lexicon's expansions).
    Returns:
        keys of ``ACTIONS``.
    """
    accented = has_diacritics(query)
    toks = tokenize(query)
    if not accented:
        toks = [fold(t) for t in toks]
    more = [tokenize(e) for e in extra]
    cues = _ASK_CUES if accented else _ASK_CUES_FOLDED
    asked = {a for a, ps in cues.items() if any(_holds(toks, p) for p in ps)}
    asked |= {a for a, ps in _ASK_CUES.items() if any(_holds(m, p) for m in more for p in ps)}
    return asked


__all__ = ["ACTIONS", "asked_actions", "name_action"]
