"""Highlighted snippets: the best window of a text for a query, HTML-escaped, with <mark>.

Matching is accent-insensitive ("dang ky" marks "đăng ký"); a query typed with
diacritics prefers exact-accent matches and falls back on folded ones. Abbreviations
in the query also mark their full form (UBND → Ủy ban nhân dân). Windows never cut
inside a word; "…" marks a cut end.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from itertools import accumulate

from indexer.vietnamese import (_FOLD, _INVISIBLE, _TOKEN, _WORD, ABBREVIATIONS, _normalize_word, fold,
                                has_diacritics, tokenize)

_SPACE = re.compile(r"\s+")
_ABBR_BY_FOLD = {fold(k): v for k, v in ABBREVIATIONS.items() if "-" not in k}
# function words marked only when the query has nothing else (exact forms; folded forms
# only where the folded word is not also a common content word)
_STOP_EXACT = {
    "là", "gì", "của", "và", "có", "không", "được", "cho", "thì", "với", "các", "những", "nào",
    "để", "tôi", "em", "mình", "bao", "nhiêu", "như", "thế", "ở", "đâu", "khi", "hay", "mà",
    "một", "trong", "tại", "về", "theo", "nếu", "phải", "sao", "ai", "bị", "đã", "này", "đó",
}
_STOP_FOLD = {
    "la", "gi", "cua", "va", "khong", "duoc", "thi", "voi", "cac", "nhung", "nao", "toi",
    "minh", "nhieu", "nhu", "dau", "khi", "hay", "mot", "trong", "neu", "phai", "sao", "nay",
}
ELLIPSIS = "…"
# the same patterns with one capturing group: ``split`` gives [gap, match, gap, match, …, gap] in C
_INVISIBLE_CHARS = tuple(chr(c) for c in _INVISIBLE)
_WORD_SPLIT = re.compile(f"({_WORD.pattern})", _WORD.flags)
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})", _TOKEN.flags)


def _normalize_fast(text: str) -> str:
    """``_SPACE.sub(" ", vietnamese.normalize(text)).strip()`` (same result), faster.

    Every whitespace run becomes one space (``str.split`` and ``\\s`` use the same Unicode
    whitespace), so normalize's own space and line-break tidying is not needed; words are
    normalised with one C-level split instead of a Python call per regex match.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    if any(ch in text for ch in _INVISIBLE_CHARS):  # translate() is slow; most texts have none
        text = text.translate(_INVISIBLE)
    pieces = _WORD_SPLIT.split(" ".join(text.split()))
    pieces[1::2] = map(_normalize_word, pieces[1::2])
    return "".join(pieces)


def _token_spans(text: str) -> tuple[list[str], list[int]]:
    """Tokens of ``text`` (``_TOKEN`` matches) and their offsets: token i is text[ends[2i]:ends[2i+1]]."""
    pieces = _TOKEN_SPLIT.split(text)
    return pieces[1::2], list(accumulate(map(len, pieces)))


@lru_cache(maxsize=64)
def _query_forms(query: str) -> tuple[frozenset[str], frozenset[str]]:
    """Exact lower-case forms and folded forms of the query's tokens (+ abbreviation expansions)."""
    toks = tokenize(query)
    extra: list[str] = []
    for t in toks:
        full = _ABBR_BY_FOLD.get(fold(t))
        if full:
            extra += tokenize(full)
    toks = toks + extra
    accented = has_diacritics(query)
    content = [t for t in toks if (t not in _STOP_EXACT if accented else fold(t) not in _STOP_FOLD)]
    if content:
        toks = content
    return frozenset(toks), frozenset(fold(t) for t in toks)


def _matches(text: str, query: str) -> list[tuple[int, int, str]]:
    """(start, end, folded form) of every token of text that matches the query."""
    exact, folded = _query_forms(query)
    if not folded:
        return []
    lower = text.lower()
    if len(lower) == len(text):  # fast path: one C-level split of the text (same result)
        toks, ends = _token_spans(lower)
        if has_diacritics(query):
            idx = [i for i, w in enumerate(toks) if w in exact]
            if idx:
                return [(ends[2 * i], ends[2 * i + 1], fold(toks[i])) for i in idx]
        # fold every token at once: "\n" never occurs in a token and NFC never composes across it
        ftoks = unicodedata.normalize("NFC", "\n".join(toks)).translate(_FOLD).lower().split("\n")
        if len(ftoks) == len(toks):
            return [(ends[2 * i], ends[2 * i + 1], f) for i, f in enumerate(ftoks) if f in folded]
    spans = [(m.start(), m.end(), m.group(0).lower()) for m in _TOKEN.finditer(text)]
    if has_diacritics(query):
        hits = [(s, e, fold(w)) for s, e, w in spans if w in exact]
        if hits:
            return hits
    return [(s, e, f) for s, e, w in spans if (f := fold(w)) in folded]


def _best_window(hits: list[tuple[int, int, str]], width: int) -> tuple[int, int]:
    """Character range [a, b) of width at most `width` covering the most distinct matched terms.

    One sliding pass: term counts and adjacent-pair counts are updated as the window moves
    (the same scores as recounting each window, in linear time).
    """
    best = (-1.0, 0, 0)
    hits = hits[:2000]
    n = len(hits)
    # adj[k]: hits k and k+1 are adjacent words (a phrase); prefix sums give each window's count
    pre = [0]
    for a, b in zip(hits, hits[1:]):
        pre.append(pre[-1] + (1 if b[0] - a[1] <= 1 else 0))
    counts: dict[str, int] = {}
    j = -1  # last hit inside the window [i, j]
    for i, (s, _, _) in enumerate(hits):
        if i > 0:  # drop hit i-1 from the window
            f = hits[i - 1][2]
            counts[f] -= 1
            if not counts[f]:
                del counts[f]
        if j < i:
            j = i
            counts[hits[i][2]] = counts.get(hits[i][2], 0) + 1
        while j + 1 < n and hits[j + 1][1] - s <= width:
            j += 1
            counts[hits[j][2]] = counts.get(hits[j][2], 0) + 1
        distinct = len(counts)
        adjacent = pre[j] - pre[i]
        score = distinct + 0.3 * adjacent + 0.01 * (j - i + 1)
        if score > best[0]:
            best = (score, s, hits[j][1])
    return best[1], best[2]


def _expand_to_words(text: str, a: int, b: int, width: int) -> tuple[int, int]:
    """Grow [a, b) to about `width` characters with context, then snap both ends to spaces."""
    n = len(text)
    slack = max(0, width - (b - a))
    lo = a - min(slack // 3, a)
    hi = max(b, min(n, lo + width))
    if hi == n:
        lo = max(0, min(lo, n - width))
    if lo > 0 and not text[lo - 1].isspace():  # inside a word: move to a word start
        nxt = text.find(" ", lo, a)
        lo = nxt + 1 if nxt >= 0 else text.rfind(" ", 0, lo) + 1
    if hi < n and not text[hi].isspace() and not text[hi - 1].isspace():
        prev = text.rfind(" ", max(lo, b), hi)
        if prev >= 0:
            hi = prev
        else:
            nxt = text.find(" ", hi)
            hi = nxt if nxt >= 0 else n
    return lo, hi


def make_snippet(text: str, query: str, width: int = 240) -> str:
    """The best window of the text for the query, HTML-escaped, matches in <mark></mark>.

    Args:
        text: the document text (any whitespace, any Unicode form).
        query: the user's query (with or without diacritics).
        width: target length of the window in characters.

    Returns:
        Escaped HTML such as "… hồ sơ <mark>đăng ký khai sinh</mark> gồm …";
        the beginning of the text when nothing matches; "" for an empty text.
    """
    text = _normalize_fast(text or "")
    if not text:
        return ""
    width = max(20, int(width))
    hits = _matches(text, query or "")
    if hits:
        a, b = _best_window(hits, width)
    else:
        a, b = 0, 0
    a, b = _expand_to_words(text, a, b, width)
    inside = [(s, e) for s, e, _ in hits if s >= a and e <= b]
    # merge matches separated only by spaces into one <mark>
    merged: list[list[int]] = []
    for s, e in inside:
        if merged and text[merged[-1][1] : s].strip() == "":
            merged[-1][1] = e
        else:
            merged.append([s, e])
    out, pos = [], a
    for s, e in merged:
        out.append(html.escape(text[pos:s], quote=False))
        out.append("<mark>" + html.escape(text[s:e], quote=False) + "</mark>")
        pos = e
    out.append(html.escape(text[pos:b], quote=False))
    body = "".join(out).strip()
    return (ELLIPSIS if a > 0 else "") + body + (ELLIPSIS if b < len(text) else "")


__all__ = ["make_snippet"]
