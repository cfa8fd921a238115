"""Shared parsers for the fields of an administrative procedure.

Used by every procedure reader (national portal, Ministry of Defence, publication
documents): processing time, fee, dossier quantity, legal document numbers, legal
basis lists, steps and item lists. All functions normalise their input with
``indexer.vietnamese.normalize`` and never raise on odd text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Optional

from indexer.records import Fee, LegalBasis, ProcessingTime
from indexer.vietnamese import fold, normalize

# --- empty values ----------------------------------------------------------------------------

_EMPTY_FOLDED = {
    "",
    "khong co thong tin",
    "dang cap nhat",
    "chua co thong tin",
    "khong co du lieu",
    "n/a",
    "-",
    "--",
    "...",
    "…",
}


def is_empty_value(text: Optional[str]) -> bool:
    """True for a value that carries no information.

    Args:
        text: a field value ("", "Không có thông tin", "Đang cập nhật", spaces ...).

    Returns:
        True when the value is empty or a placeholder.
    """
    if not text:
        return True
    stripped = text.strip()
    if len(stripped) > 30:
        return False  # every placeholder is short
    key = fold(stripped).strip().strip(".:;,").strip()
    key = re.sub(r"\s+", " ", key)
    return key in _EMPTY_FOLDED


_NONE_FOLDED = {"khong", "khong co", "khong quy dinh", "khong yeu cau", "khong co yeu cau"}


def _is_none_value(text: str) -> bool:
    """True for "Không", "Không có", "Không quy định" (an explicit *none*)."""
    if len(text) > 30:
        return False
    key = re.sub(r"\s+", " ", fold(text).strip().strip(".:;,()").strip())
    return key in _NONE_FOLDED


# --- numbers ---------------------------------------------------------------------------------

_NUMBER_WORDS = {
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7,
    "tam": 8, "chin": 9, "muoi": 10, "muoi lam": 15, "hai muoi": 20, "ba muoi": 30,
}


def _to_float(num: str) -> Optional[float]:
    """Parse "05", "1,5", "0.5", "1.000" (a thousands dot) into a float."""
    num = num.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", num):
        num = num.replace(".", "")
    num = num.replace(",", ".")
    try:
        return float(num)
    except ValueError:
        return None


# --- processing time -------------------------------------------------------------------------

_TIME_UNIT = (
    r"(ngay lam viec|ngay lv|ngay|gio lam viec|gio|thang|tuan|nam|phut)"
)
_TIME = re.compile(
    r"(?<![\d/.,])(\d+(?:[.,]\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
    r"\s*(?:\(\s*[a-z ]+\s*\)\s*)?" + _TIME_UNIT + r"(?![a-z])"
)
_SAME_DAY = re.compile(r"\b(?:trong ngay|ngay lam viec do|trong ngay lam viec|ngay trong ngay)\b")


def parse_processing_time(text: Optional[str]) -> Optional[ProcessingTime]:
    """Read a processing time (thời hạn giải quyết).

    Args:
        text: e.g. "20 Ngày làm việc", "05 ngày làm việc kể từ ...", "24 giờ", "Trong ngày",
            "01 tháng", "Không quá 15 ngày" or free text.

    Returns:
        ProcessingTime(value, unit, text) with unit in working_days|days|hours|months|text
        (value None for free text); None when the text is empty or a placeholder.
    """
    if is_empty_value(text):
        return None
    original = normalize(text or "").strip()
    folded = fold(original)
    if _SAME_DAY.match(folded):
        # "Ngay trong ngày …; hồ sơ nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo": same day,
        # the later clock time is not the duration
        return ProcessingTime(1.0, "working_days", original)
    m = _TIME.search(folded)
    if m:
        raw, unit = m.group(1), m.group(2)
        value = _to_float(raw) if raw[0].isdigit() else float(_NUMBER_WORDS[raw])
        if value is not None:
            if unit in ("ngay lam viec", "ngay lv"):
                return ProcessingTime(value, "working_days", original)
            if unit == "ngay":
                return ProcessingTime(value, "days", original)
            if unit in ("gio", "gio lam viec"):
                return ProcessingTime(value, "hours", original)
            if unit == "phut":
                return ProcessingTime(round(value / 60.0, 4), "hours", original)
            if unit == "thang":
                return ProcessingTime(value, "months", original)
            if unit == "tuan":
                return ProcessingTime(value * 7, "days", original)
            if unit == "nam":
                return ProcessingTime(value * 12, "months", original)
    if _SAME_DAY.search(folded):
        return ProcessingTime(1.0, "working_days", original)
    return ProcessingTime(None, "text", original)


# --- fee -------------------------------------------------------------------------------------

_CURRENCY = r"(?:viet nam dong|dong|vnd|vnđ|d\b|đ\b)"
_AMOUNT = re.compile(
    r"(?<![\d/.,])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*"
    r"(trieu|nghin|ngan)?\s*" + _CURRENCY
)
_FREE = re.compile(
    r"\b(?:mien phi|mien le phi|mien thu|khong thu|khong mat phi|khong phai nop|"
    r"khong co phi|khong co le phi|khong thu phi|khong thu le phi)\b"
)

# "Phí : Không Đồng", "Lệ phí : không đồng", "Phí : o Đồng" (a typed letter o for 0)
_ZERO_WORD = re.compile(r"^\s*(?:(?:le )?phi\s*:\s*)?(?:khong|o)\s*(?:dong)?\s*[.;]?\s*$")


def _amount_value(num: str, multiplier: Optional[str]) -> Optional[int]:
    if multiplier:
        val = _to_float(num)
        factor = 1_000_000 if multiplier == "trieu" else 1_000
        return None if val is None else int(round(val * factor))
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", num):
        return int(re.sub(r"[.,]", "", num))
    val = _to_float(num)
    return None if val is None else int(round(val))


def fee_amounts(text: str) -> list[int]:
    """All amounts in đồng found in a fee text, in order (duplicates kept).

    Args:
        text: fee text such as "Lệ phí : 50.000 Đồng; Phí : 0 Đồng".

    Returns:
        Amounts as integers.
    """
    folded = fold(text or "")
    out = []
    for m in _AMOUNT.finditer(folded):
        val = _amount_value(m.group(1), m.group(2))
        if val is not None:
            out.append(val)
    return out


def parse_fee(text: Optional[str]) -> Optional[Fee]:
    """Read a fee (phí, lệ phí).

    Args:
        text: e.g. "Phí : 0 Đồng", "Lệ phí : 50.000 Đồng", "100.000 đồng/hồ sơ", "Không",
            "Miễn lệ phí".

    Returns:
        Fee(amount_vnd, text): 0 for free, the amount when the text names one non-zero
        amount, None (text kept) for several different amounts or free text; None when
        the text is empty or a placeholder ("Không có thông tin").
    """
    if is_empty_value(text):
        return None
    original = normalize(text or "").strip()
    amounts = fee_amounts(original)
    nonzero = sorted(set(a for a in amounts if a))
    if amounts:
        if not nonzero:
            return Fee(0, original)
        if len(nonzero) == 1:
            return Fee(nonzero[0], original)
        return Fee(None, original)
    folded = fold(original)
    if _is_none_value(original) or _FREE.search(folded) or _ZERO_WORD.match(folded):
        return Fee(0, original)
    return Fee(None, original)


# --- quantity --------------------------------------------------------------------------------

_QTY_PAIR = re.compile(r"(Bản chính|Bản sao)\s*:\s*(\d+)", re.IGNORECASE)
_QTY_LIST = re.compile(r"^(\d+)\s*(bản chính|bản sao)(?:\s*,\s*(\d+)\s*(bản chính|bản sao))*$", re.IGNORECASE)


def parse_quantity(text: Optional[str]) -> str:
    """Tidy a dossier quantity.

    Args:
        text: "1 bản chính", "Bản chính: 1 Bản sao: 0", "0 bản chính,1 bản sao",
            "01 bản sao có chứng thực".

    Returns:
        A readable quantity such as "1 bản chính" or "1 bản chính, 1 bản sao" (zero
        counts dropped unless all are zero); "" when empty.
    """
    if is_empty_value(text):
        return ""
    t = re.sub(r"\s+", " ", normalize(text or "")).strip()
    pairs = [(kind, n) for kind, n in _QTY_PAIR.findall(t)]
    if not pairs and _QTY_LIST.match(t):
        pairs = [(kind, n) for n, kind in re.findall(r"(\d+)\s*(bản chính|bản sao)", t, re.IGNORECASE)]
    if pairs:
        parts = [f"{int(n)} {kind.lower()}" for kind, n in pairs if int(n) > 0]
        return ", ".join(parts) if parts else f"0 {pairs[0][0].lower()}"
    return t


# --- document numbers ------------------------------------------------------------------------

_UP = "A-ZĐƯƠÂĂÊÔ"  # letters of issuer codes ("BLĐTBXH", "UBTƯMTTQVN")
_SEG = r"(?:TTg|[" + _UP + r"\d]+)"
_DOC_NUMBER = re.compile(
    # 63/2010/NĐ-CP, 19/2014/QĐ-TTg, 02/2011/QH13, 66.7/2025/NQ-CP, 6225/QĐ-BQP, 08/VBHN-BTP, 105/2025/NĐ- CP
    r"(?<![\d.,/])\d+(?:\.\d+)?/(?:(?:19|20)\d\d/)?[A-ZĐ][" + _UP + r"\d]*"
    r"(?:(?:[-–]|\s[-–]\s?|[-–]\s)" + _SEG + r")*"
    # QĐ/0001-BCA
    r"|(?<![\w/])[A-ZĐ]{2,}/\d+(?:[-–]" + _SEG + r")+"
)
_NEXT_NUMBER = re.compile(r"(?:\.\d+)?/")
_GLUED_NUMBER = re.compile(_DOC_NUMBER.pattern.replace("(?<![\\d.,/])", "", 1))


_ONSETS = ("ch", "gh", "gi", "kh", "ng", "nh", "ph", "th", "tr", "qu")
_VOWEL_FOLDED = set("aeiouy")


def _starts_word(two: str) -> bool:
    """True if an upper-case letter plus the next lower-case one can start a Vietnamese word."""
    f = fold(two)
    if len(f) < 2:
        return False
    return f[1] in _VOWEL_FOLDED or f in _ONSETS or f[0] in _VOWEL_FOLDED


def doc_number_spans(text: str) -> list[tuple[int, int, str]]:
    """Find document numbers with their positions, repairing glued table cells.

    Flattened tables glue cells together: "Nghị định 137/2020/NĐ-CP137/2020/NĐ-CP",
    "68/2013/TT-BCALuật ...", "năm 201102/2011/QH13". The spans returned cut such
    glue apart.

    Args:
        text: text already passed through ``normalize``.

    Returns:
        (start, end, number) triples in order; ``number`` is cleaned (see
        ``extract_doc_numbers``).
    """
    out: list[tuple[int, int, str]] = []
    pos = 0
    glued = False
    while True:
        m = (_GLUED_NUMBER.match(text, pos) if glued else None) or _DOC_NUMBER.search(text, pos)
        glued = False
        if not m:
            return out
        start, end = m.start(), m.end()
        num = m.group(0)
        # digits of the next number eaten: "NĐ-CP137" + "/2020/..." -> "NĐ-CP"; "QH1306" -> "QH13"
        if _NEXT_NUMBER.match(text, end):
            digits = re.search(r"\d+$", num)
            if digits and "/" in num[: digits.start()]:
                keep = 2 if num[: digits.start()].endswith("QH") and len(digits.group(0)) > 2 else 0
                cut = len(digits.group(0)) - keep
                if keep or not num[: digits.start()].endswith("/"):
                    num, end = num[: len(num) - cut], end - cut
                    glued = True
        # a title glued after: "TT-BCALuật" -> "TT-BCA", "NĐ-CPQuy định" -> "NĐ-CP"
        # (but "TT-BNNMTquy định" keeps its T: "Tq" cannot start a Vietnamese word)
        if (
            end < len(text)
            and text[end].islower()
            and num[-1:].isupper()
            and (num[-2:-1].isalnum() or num[-2:-1] in ("-", "–", " "))
            and _starts_word(num[-1] + text[end])
        ):
            num, end = num[:-1], end - 1
        # "QH13LUẬT": letters glued after the legislature number
        elif end < len(text) and text[end].isupper() and re.search(r"QH\d\d[A-ZĐ]+$", num):
            cut = len(re.search(r"[A-ZĐ]+$", num).group(0))
            num, end = num[:-cut], end - cut
        num = num.rstrip("-– ")
        # a year glued in front: "năm 201102/2011/QH13" -> "02/2011/QH13"
        lead = re.match(r"((?:19|20)\d\d)(\d{1,4}/)", num)
        if lead and len(num.split("/")[0]) >= 6:
            num, start = num[4:], start + 4
        clean = re.sub(r"\s+", "", num).replace("–", "-")
        if "/" in clean:
            out.append((start, end, clean))
        pos = max(end, m.start() + 1)


def extract_doc_numbers(text: Optional[str]) -> list[str]:
    """Find Vietnamese legal document numbers (số ký hiệu) in a text.

    Args:
        text: any text, e.g. "Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 ...".

    Returns:
        Numbers such as ["63/2010/NĐ-CP", "19/2014/QĐ-TTg", "66.7/2025/NQ-CP"], in order of
        appearance, without duplicates, NFC with "Đ" (not "Ð").
    """
    if not text:
        return []
    t = unicodedata.normalize("NFC", text).replace("Ð", "Đ")  # tone placement is irrelevant here
    seen: dict[str, None] = {}
    for _, _, num in doc_number_spans(t):
        seen.setdefault(num, None)
    return list(seen)


# --- dates -----------------------------------------------------------------------------------

_DATE = re.compile(
    r"(?:ngày\s*)?(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})"
    r"|ngày\s+(\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})",
    re.IGNORECASE,
)


def extract_date(text: Optional[str]) -> str:
    """The first date in a text, as written ("08/6/2010", "20 tháng 11 năm 2014"), or ""."""
    if not text:
        return ""
    m = _DATE.search(unicodedata.normalize("NFC", text))
    if not m:
        return ""
    return re.sub(r"\s+", "" if m.group(1) else " ", m.group(1) or m.group(2))


# --- lists -----------------------------------------------------------------------------------

_BULLET = re.compile(r"^\s*(?:[-+•*–−·]+|[a-zđ][).]|\d{1,2}(?:\.\d{1,2})*[.)](?!\d)|[ivx]+[.)])\s*", re.IGNORECASE)
_INLINE_BULLET = re.compile(r"(?<=[;.:])\s*(?=(?:[-+•]|[a-zđ]\)|\d{1,2}\))\s+\S)")


def _strip_bullet(line: str) -> str:
    return _BULLET.sub("", line, count=1).strip()


def _clean_item(item: str) -> str:
    item = re.sub(r"[ \t]+", " ", item).strip()
    return item.rstrip(" ;,").strip()


def split_items(text: Optional[str]) -> list[str]:
    """Split a list-like field (yêu cầu, điều kiện, thành phần hồ sơ ...) into items.

    Items are separated by line breaks, bullets ("+", "-", "•", "a)", "1.") or, in a
    single line, by ";". A line starting in lower case continues the previous item.

    Args:
        text: the field text.

    Returns:
        Items without their bullets; [] for empty values and explicit "Không".
    """
    if is_empty_value(text) or _is_none_value(text or ""):
        return []
    t = normalize(text or "")
    lines: list[str] = []
    for raw in t.split("\n"):
        raw = raw.strip()
        if not raw:
            continue
        lines.extend(p for p in _INLINE_BULLET.split(raw) if p.strip())
    items: list[str] = []
    for line in lines:
        bulleted = bool(_BULLET.match(line))
        body = _strip_bullet(line) if bulleted else line.strip()
        if not body:
            continue
        if items and not bulleted and body[:1].islower():
            items[-1] = items[-1].rstrip() + " " + body
        else:
            items.append(body)
    if len(items) == 1 and ";" in items[0]:
        items = [p for p in items[0].split(";")]
    out = [_clean_item(i) for i in items]
    return [i for i in out if i and not is_empty_value(i)]


_STEP_MARK = re.compile(r"(?=(?:^|(?<=\s)|(?<=[.;:]))Bước\s*\d+\s*[:.)\-–]?)", re.IGNORECASE)


def split_steps(text: Optional[str]) -> list[str]:
    """Split the procedure steps (trình tự thực hiện) into one string per step.

    Recognises "Bước 1: ...", bullet lists ("- ...", "+ ...", "1. ..."), else paragraphs
    (blank-line separated), else lines.

    Args:
        text: the field text.

    Returns:
        One string per step (inner line breaks kept as "\\n"); [] when empty.
    """
    if is_empty_value(text):
        return []
    t = normalize(text or "").strip()
    return [s for s in _split_steps(t) if re.search(r"[^\W_]", s)]


def _split_steps(t: str) -> list[str]:
    if len(re.findall(r"Bước\s*\d+", t, re.IGNORECASE)) >= 2:
        out = []
        for part in _STEP_MARK.split(t):  # a preamble before "Bước 1" is kept as its own step
            body = "\n".join(ln.strip() for ln in part.strip().split("\n") if ln.strip())
            body = body.rstrip(" \n-+•*–")  # the bullet of the next "- Bước 2" line
            if body:
                out.append(body)
        return out
    lines = [ln.strip() for ln in t.split("\n") if ln.strip()]
    bulleted = [ln for ln in lines if _BULLET.match(ln)]
    if len(bulleted) >= 2:
        steps: list[str] = []
        for ln in lines:
            if _BULLET.match(ln) or not steps:
                body = _strip_bullet(ln) if _BULLET.match(ln) else ln
                if body:
                    steps.append(body)
            else:
                steps[-1] += "\n" + ln
        return steps
    paras = [p.strip() for p in re.split(r"\n\s*\n", t) if p.strip()]
    if len(paras) >= 2:
        return [re.sub(r"\s*\n\s*", "\n", p) for p in paras]
    # one line per step; a line starting in lower case continues the previous one (page breaks)
    steps = []
    for ln in lines:
        if steps and ln[:1].islower():
            steps[-1] += " " + ln
        else:
            steps.append(ln)
    return steps


# --- legal basis -----------------------------------------------------------------------------


def parse_legal_basis_text(text: Optional[str]) -> list[LegalBasis]:
    """Read a free-text legal basis (căn cứ pháp lý) list.

    Args:
        text: one document per line, or items separated by "+", "-" or ";", e.g.
            "+ Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014;\\n+ Nghị định số 123/2015/NĐ-CP ...".

    Returns:
        One LegalBasis(number, title, date) per item ([] when empty). An item with
        several numbers keeps the first as ``number``.
    """
    if is_empty_value(text) or _is_none_value(text or ""):
        return []
    t = normalize(text or "")
    lines = [ln.strip() for ln in t.split("\n") if ln.strip()]
    items: list[str] = []
    for line in lines:
        for part in re.split(r";\s*|\s+(?=[+•]\s)|(?<=[.;])\s*-\s+(?=[A-ZĐ])", line):
            body = _strip_bullet(part)
            if not body:
                continue
            if items and body[:1].islower() and not extract_doc_numbers(body[:20]):
                items[-1] += " " + body
            else:
                items.append(body)
    out: list[LegalBasis] = []
    for item in items:
        item = _clean_item(item).rstrip(".").strip()
        if not item or is_empty_value(item):
            continue
        nums = extract_doc_numbers(item)
        out.append(LegalBasis(number=nums[0] if nums else "", title=item, date=extract_date(item)))
    return out


__all__ = [
    "doc_number_spans",
    "extract_date",
    "extract_doc_numbers",
    "fee_amounts",
    "is_empty_value",
    "parse_fee",
    "parse_legal_basis_text",
    "parse_processing_time",
    "parse_quantity",
    "split_items",
    "split_steps",
]
