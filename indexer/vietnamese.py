"""Vietnamese text: normalisation, accent folding, tokenisation. Used everywhere.

- ``normalize``: NFC, one tone-mark placement, the traditional one used by
  official documents (hoà → hòa, thuý → thúy, Uỷ → Ủy, qủa → quả),
  invisible characters removed, spaces tidied (line breaks kept).
- ``fold``: accent-folded lower-case form for accent-less queries (đ → d).
- ``tokenize``: lower-case syllable tokens that keep document numbers
  ("19/2014/qđ-ttg"), procedure codes ("1.000080") and abbreviations whole.
- ``clean_pdf_text``: undo PDF line breaks and hyphenation.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

# --- tone marks ---------------------------------------------------------------------------

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng
_VOWELS = set("aeiouyAEIOUY")
_QUALITY_MARKS = {"\u0302", "\u0306", "\u031b"}  # â ê ô / ă / ơ ư


def _decompose_letter(ch: str) -> tuple[str, str, str]:
    """Split one letter into (base, quality marks, tone mark)."""
    nfd = unicodedata.normalize("NFD", ch)
    base, marks = nfd[0], nfd[1:]
    tone = "".join(m for m in marks if m in _TONE_MARKS)
    quality = "".join(m for m in marks if m not in _TONE_MARKS)
    return base, quality, tone


@lru_cache(maxsize=200_000)
def _normalize_word(word: str) -> str:
    """Put the tone mark of one syllable where the traditional rule puts it (hòa, thúy, quả)."""
    if len(word) > 7 or (not word.isupper() and any(c.isupper() for c in word[1:])):
        return word  # not one syllable: glued words such as "gianPhí" from flattened tables
    letters = [_decompose_letter(c) for c in word]
    tones = [t for _, _, t in letters if t]
    if len(tones) != 1:
        return word  # no tone (nothing to move) or not a Vietnamese syllable
    tone = tones[0]
    lower = [b.lower() for b, _, _ in letters]
    # vowel cluster: the first run of vowels, skipping the consonant parts of "qu" and "gi"
    start = 0
    while start < len(lower) and lower[start] not in _VOWELS:
        start += 1
    if start >= len(lower):
        return word
    if start > 0 and lower[start - 1] == "q" and lower[start] == "u":
        start += 1
    elif (
        start > 0
        and lower[start - 1] == "g"
        and lower[start] == "i"
        and start + 1 < len(lower)
        and lower[start + 1] in _VOWELS
    ):
        start += 1
    end = start
    while end < len(lower) and lower[end] in _VOWELS:
        end += 1
    if end == start:
        return word
    if any(lower[i] in _VOWELS for i in range(end, len(lower))):
        return word  # two vowel groups: glued words ("tinnộp"), not one syllable
    if any(lower[i] not in _VOWELS and not lower[i].isalpha() for i in range(len(lower))):
        return word
    cluster = list(range(start, end))
    has_final = end < len(lower)
    marked = [i for i in cluster if letters[i][1]]
    if marked:
        target = marked[-1]  # ươ → ơ; otherwise the only marked vowel
    elif len(cluster) == 1:
        target = cluster[0]
    elif has_final:
        target = cluster[-1]
    elif len(cluster) == 3:
        target = cluster[1]
    else:
        target = cluster[0]  # hòa, khỏe, thủy, mùa, cái (traditional placement)
    out = []
    for i, (base, quality, _) in enumerate(letters):
        out.append(unicodedata.normalize("NFC", base + quality + (tone if i == target else "")))
    return "".join(out)


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def normalize(text: str) -> str:
    """NFC, modern tone placement, invisible characters removed, spaces collapsed.

    Args:
        text: any text.

    Returns:
        The normalised text; line breaks are kept.
    """
    if not text:
        return ""
    if len(text) <= _CACHED_CHARS:
        return _normalize_short(text)
    return _normalize_text(text)


_CACHED_CHARS = 2000  # short texts (names, papers, steps) repeat a lot: cache them
_WORD_SPLIT = re.compile(r"([^\W\d_]+)", re.UNICODE)


def _normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    parts = _WORD_SPLIT.split(text)  # separators at even positions, words at odd ones
    parts[1::2] = map(_normalize_word, parts[1::2])
    return "".join(parts)


@lru_cache(maxsize=20_000)  # ≤ 2000 chars each: bounded to tens of MB in a long-running server
def _normalize_short(text: str) -> str:
    return _normalize_text(text)


# --- accent folding -----------------------------------------------------------------------


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if base != ch and base:
            table[cp] = base
    table[ord("đ")] = "d"
    table[ord("Đ")] = "D"
    for cp in range(0x0300, 0x0370):  # stray combining marks
        table[cp] = ""
    return table


_FOLD = _build_fold_table()


def strip_accents(text: str) -> str:
    """Remove all diacritics (đ → d) but keep the case."""
    return unicodedata.normalize("NFC", text).translate(_FOLD)


def fold(text: str) -> str:
    """Accent-folded lower-case form: "Đăng ký khai sinh" → "dang ky khai sinh"."""
    return strip_accents(text).lower()


def has_diacritics(text: str) -> bool:
    """True if the text carries any Vietnamese diacritic (so it is not typed accent-less)."""
    return strip_accents(text) != unicodedata.normalize("NFC", text)


# --- tokenisation -------------------------------------------------------------------------

_L = r"[^\W_]"  # a letter or digit
_TOKEN = re.compile(
    # document numbers: 19/2014/QĐ-TTg, 66.7/2025/NQ-CP, 6225/QĐ-BQP, QĐ/0001-BCA, 02/2011/QH13
    rf"(?:\d+(?:\.\d+)*(?:/{_L}+)+(?:[-–]{_L}+)*)"
    rf"|(?:[^\W\d_]+/\d+(?:[-–]{_L}+)+)"
    # codes and numbers with dots or colons: 1.000080, 1.012275.H36, 19.8.QĐ.3.1, 9001:2008
    rf"|(?:\d+(?:[.:]{_L}+)+)"
    # plain words and numbers
    rf"|(?:{_L}+)",
    re.UNICODE,
)


def tokenize(text: str) -> list[str]:
    """Split into lower-case normalised tokens (syllables, numbers, document numbers, codes).

    Args:
        text: raw or normalised text.

    Returns:
        Tokens such as ["quyết", "định", "19/2014/qđ-ttg", "1.000080", "ubnd"].
    """
    text = normalize(text).lower()
    return [t.replace("–", "-") for t in _TOKEN.findall(text)]


def fold_tokens(tokens: Iterable[str]) -> list[str]:
    """Accent-fold each token."""
    return [t.translate(_FOLD) for t in tokens]


def bigrams(tokens: list[str]) -> list[str]:
    """Adjacent token pairs joined by "_" ("khai_sinh")."""
    return [f"{a}_{b}" for a, b in zip(tokens, tokens[1:])]


# --- abbreviations ------------------------------------------------------------------------

ABBREVIATIONS: dict[str, str] = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "CCCD": "căn cước công dân",
    "CMND": "chứng minh nhân dân",
    "CMTND": "chứng minh thư nhân dân",
    "GCN": "giấy chứng nhận",
    "GPLX": "giấy phép lái xe",
    "QSDĐ": "quyền sử dụng đất",
    "QSD": "quyền sử dụng",
    "BHXH": "bảo hiểm xã hội",
    "BHYT": "bảo hiểm y tế",
    "HTX": "hợp tác xã",
    "DN": "doanh nghiệp",
    "DNTN": "doanh nghiệp tư nhân",
    "ĐKKD": "đăng ký kinh doanh",
    "TTHC": "thủ tục hành chính",
    "CSDL": "cơ sở dữ liệu",
    "VBQPPL": "văn bản quy phạm pháp luật",
    "NĐ-CP": "Nghị định",
    "TT-BTC": "Thông tư Bộ Tài chính",
    "QĐ-TTg": "Quyết định Thủ tướng",
    "TP": "thành phố",
    "LĐTBXH": "lao động thương binh và xã hội",
    "PCCC": "phòng cháy chữa cháy",
    "ATTP": "an toàn thực phẩm",
    "TNHH": "trách nhiệm hữu hạn",
    "THCS": "trung học cơ sở",
    "THPT": "trung học phổ thông",
    "BTXH": "bảo trợ xã hội",
    "GPXD": "giấy phép xây dựng",
    "GPKD": "giấy phép kinh doanh",
    "ĐKDN": "đăng ký doanh nghiệp",
    "MST": "mã số thuế",
    # banking, insurance, securities, tax, trade, land (issue 10: questions written by officers)
    "NHNN": "Ngân hàng Nhà nước",
    "TCTD": "tổ chức tín dụng",
    "QTDND": "quỹ tín dụng nhân dân",
    "TCTCVM": "tổ chức tài chính vi mô",
    "DNBH": "doanh nghiệp bảo hiểm",
    "CTCK": "công ty chứng khoán",
    "TTCK": "thị trường chứng khoán",
    "CTCP": "công ty cổ phần",
    "HĐQT": "hội đồng quản trị",
    "HĐTV": "hội đồng thành viên",
    "BKS": "ban kiểm soát",
    "HKD": "hộ kinh doanh",
    "DNNN": "doanh nghiệp nhà nước",
    "DNNVV": "doanh nghiệp nhỏ và vừa",
    "TCKT": "tổ chức kinh tế",
    "VPĐD": "văn phòng đại diện",
    "SXKD": "sản xuất kinh doanh",
    "GTGT": "giá trị gia tăng",
    "TNCN": "thu nhập cá nhân",
    "TNDN": "thu nhập doanh nghiệp",
    "XNK": "xuất nhập khẩu",
    "XNC": "xuất nhập cảnh",
    "KCN": "khu công nghiệp",
    "KKT": "khu kinh tế",
    "BQL": "ban quản lý",
    "GPMB": "giải phóng mặt bằng",
    "ĐTM": "đánh giá tác động môi trường",
    "NOXH": "nhà ở xã hội",
    "LLTP": "lý lịch tư pháp",
    "SHTT": "sở hữu trí tuệ",
    "HĐLĐ": "hợp đồng lao động",
    "GTVT": "giao thông vận tải",
    "CSGT": "cảnh sát giao thông",
    "ATTT": "an toàn thông tin",
    "BVTV": "bảo vệ thực vật",
    "CFS": "giấy chứng nhận lưu hành tự do",
    "KBNN": "kho bạc nhà nước",
    "NSNN": "ngân sách nhà nước",
}

_ABBR = re.compile(
    r"(?<![\w/-])(" + "|".join(sorted(map(re.escape, ABBREVIATIONS), key=len, reverse=True)) + r")(?![\w/-])"
)


def expand_abbreviations(text: str) -> str:
    """Replace common administrative abbreviations by their full form ("UBND" → "Ủy ban nhân dân").

    Only whole, stand-alone abbreviations are replaced; document numbers such as
    "19/2014/QĐ-TTg" are left alone.
    """
    return _ABBR.sub(lambda m: ABBREVIATIONS[m.group(1)], text)


# --- PDF clean-up -------------------------------------------------------------------------

_STRUCTURAL_LINE = re.compile(
    r"^\s*(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC|Điều|ĐIỀU|Bước|BƯỚC|Phụ lục|PHỤ LỤC|"
    r"\d+[.)]|[a-zđ][)]|[-+•*–]|[IVXLC]+[.)])(?:\s|$)"
)
_HEADING_LINE = re.compile(r"^\s*(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC|Điều|ĐIỀU)\s+[\dIVXLC]+")
_SENTENCE_END = re.compile(r"[.:;!?)\]”\"]\s*$")
_HEADING_CAPS = re.compile(r"^[^a-zà-ỹđ]*$")


def _is_caps_heading(line: str) -> bool:
    """An all-capitals heading line ("ỦY BAN NHÂN DÂN TỈNH ..."), not a bare document number."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and "/" not in line


def clean_pdf_text(text: str) -> str:
    """Join lines that a PDF broke mid-sentence and undo end-of-line hyphenation.

    A line break is kept when the next line starts a structural element (Chương, Điều,
    "1.", "a)", "-", ...), when the previous line ends a sentence, or around blank lines
    and all-capitals headings.
    """
    text = normalize(text)
    lines = [ln.strip() for ln in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not out or not line or not out[-1]:
            out.append(line)
            continue
        prev = out[-1]
        if _HEADING_LINE.match(prev) and not line[:1].islower():
            out.append(line)  # "Điều 1. Phạm vi" stays apart from the body that follows
        elif prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha() and line[:1].islower():
            out[-1] = prev[:-1] + line  # hyphenated word split across lines
        elif (
            _STRUCTURAL_LINE.match(line)
            or _SENTENCE_END.search(prev)
            or _is_caps_heading(prev)
            or _is_caps_heading(line)
        ):
            out.append(line)
        else:
            out[-1] = prev + " " + line
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()


__all__ = [
    "ABBREVIATIONS",
    "bigrams",
    "clean_pdf_text",
    "expand_abbreviations",
    "fold",
    "fold_tokens",
    "has_diacritics",
    "normalize",
    "strip_accents",
    "tokenize",
]
