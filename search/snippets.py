"""Highlighted snippets: the best window of a text for a query, HTML-escaped, with <mark>.

Matching is accent-insensitive ("dang ky" marks "đăng ký"); a query typed with
diacritics prefers exact-accent matches and falls back on folded ones. Abbreviations
in the query also mark their full form (UBND → Ủy ban nhân dân). Windows never cut
inside a word; "…" marks a cut end.
"""

from __future__ import annotations

import html
import re

from indexer.vietnamese import _TOKEN, ABBREVIATIONS, fold, has_diacritics, normalize, tokenize

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


def _query_forms(query: str) -> tuple[set[str], set[str]]:
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
    return set(toks), {fold(t) for t in toks}


def _matches(text: str, query: str) -> list[tuple[int, int, str]]:
    """(start, end, folded form) of every token of text that matches the query."""
    exact, folded = _query_forms(query)
    if not folded:
        return []
    spans = [(m.start(), m.end(), m.group(0).lower()) for m in _TOKEN.finditer(text)]
    if has_diacritics(query):
        hits = [(s, e, fold(w)) for s, e, w in spans if w in exact]
        if hits:
            return hits
    return [(s, e, f) for s, e, w in spans if (f := fold(w)) in folded]


def _best_window(hits: list[tuple[int, int, str]], width: int) -> tuple[int, int]:
    """Character range [a, b) of width at most `width` covering the most distinct matched terms."""
    best = (-1.0, 0, 0)
    hits = hits[:2000]
    j = 0
    for i, (s, _, _) in enumerate(hits):
        j = max(j, i)
        while j + 1 < len(hits) and hits[j + 1][1] - s <= width:
            j += 1
        window = hits[i : j + 1]
        distinct = len({f for _, _, f in window})
        # adjacent matched words (phrases) count a little extra
        adjacent = sum(1 for a, b in zip(window, window[1:]) if b[0] - a[1] <= 1)
        score = distinct + 0.3 * adjacent + 0.01 * len(window)
        if score > best[0]:
            best = (score, s, window[-1][1])
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
    text = _SPACE.sub(" ", normalize(text or "")).strip()
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
