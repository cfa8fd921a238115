"""Highlighted snippets: the best window of a text for a query, HTML-escaped, with <mark>.

What is marked: the query's words and phrases, not every common syllable. A run of two
or more words that follow each other in the query as well ("cơ chế một cửa", "khai sinh")
is marked whole; a word found alone is marked only when it is meaningful — not a function
word, and not one of the common syllables of administrative text
(``search/data/common_syllables.json``: "cơ", "quan", "giấy", "một"…) unless the query is
that one word. For "cơ chế một cửa", "cơ quan" is therefore left alone.

Matching is accent-insensitive ("dang ky" marks "đăng ký"); a query typed with
diacritics prefers exact-accent matches and falls back on folded ones. Abbreviations
in the query also mark their full form (UBND → Ủy ban nhân dân). Windows never cut
inside a word; "…" marks a cut end.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

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


COMMON_PATH = Path(__file__).resolve().parent / "data" / "common_syllables.json"


@lru_cache(maxsize=1)
def _common() -> tuple[frozenset[str], frozenset[str]]:
    """Common syllables (exact lower-case forms) and their folded forms."""
    words = json.loads(COMMON_PATH.read_text(encoding="utf-8"))["syllables"]
    return frozenset(words), frozenset(fold(w) for w in words)


@lru_cache(maxsize=64)
def _query_forms(query: str) -> tuple[frozenset[str], frozenset[str], frozenset[tuple[str, str]],
                                      frozenset[tuple[str, str]], frozenset[str], frozenset[str]]:
    """The query's forms for matching.

    Returns:
        (exact content words, folded content words, exact bigrams, folded bigrams, exact
        words marked alone, folded words marked alone). Bigrams come from the whole query and
        from each abbreviation's full form; content words exclude function words (unless the
        query has nothing else); words marked alone are the content words that are not common
        syllables (all content words when the query has only one); an abbreviation's full form
        is marked as a phrase only.
    """
    toks = tokenize(query)
    seqs = [toks]
    for t in toks:
        full = _ABBR_BY_FOLD.get(fold(t))
        if full:
            seqs.append(tokenize(full))
    every = [t for seq in seqs for t in seq]
    accented = has_diacritics(query)
    content = [t for t in every if (t not in _STOP_EXACT if accented else fold(t) not in _STOP_FOLD)] or every
    exact_bi = frozenset(p for seq in seqs for p in zip(seq, seq[1:]))
    fold_bi = frozenset((fold(a), fold(b)) for a, b in exact_bi)
    common_exact, common_fold = _common()
    own = [t for t in content if t in toks] or content  # an abbreviation's full form only as a phrase
    if len(set(own)) <= 1:
        alone = own
    else:
        alone = [t for t in own if not (t in common_exact if accented else fold(t) in common_fold)]
    return (frozenset(content), frozenset(fold(t) for t in content), exact_bi, fold_bi,
            frozenset(alone), frozenset(fold(t) for t in alone))


def _marked(forms: list[str], adjacent, words: frozenset[str], pairs: frozenset[tuple[str, str]],
            alone: frozenset[str], known: frozenset[str]) -> list[int]:
    """Indexes of the tokens to mark: phrase runs (≥ 2 query-adjacent words with a content
    word among them) and meaningful words found alone.

    Args:
        forms: the text's tokens (exact or folded, as the query forms).
        adjacent: adjacent(i) is True when only spaces separate token i and token i + 1.
        words, pairs, alone: content words, bigrams and words marked alone (same form).
        known: every word of the query's bigrams and content words.
    """
    cand = [i for i, w in enumerate(forms) if w in known]  # one pass at C speed; the rest is short
    out: list[int] = []
    k, n = 0, len(cand)
    while k < n:
        m = k
        while m + 1 < n and cand[m + 1] == cand[m] + 1 and (forms[cand[m]], forms[cand[m + 1]]) in pairs \
                and adjacent(cand[m]):
            m += 1
        run = cand[k : m + 1]
        if m > k and any(forms[x] in words for x in run):
            out.extend(run)
        elif forms[cand[k]] in alone:
            out.append(cand[k])
            m = k
        elif m > k:
            m = k  # a run of function words only: look again from the next word
        k = m + 1
    return out


def _matches(text: str, query: str) -> list[tuple[int, int, str]]:
    """(start, end, folded form) of every token of text to mark for the query."""
    words, fwords, pairs, fpairs, alone, falone = _query_forms(query)
    if not fwords:
        return []
    lower = text.lower()
    if len(lower) == len(text):  # one C-level split of the text
        toks, ends = _token_spans(lower)
        starts, stops = ends[0::2], ends[1::2]
    else:
        found = [(m.start(), m.end(), m.group(0).lower()) for m in _TOKEN.finditer(text)]
        toks = [w for _, _, w in found]
        starts, stops = [a for a, _, _ in found], [b for _, b, _ in found]
    if not toks:
        return []

    def adjacent(i: int) -> bool:
        return text[stops[i]:starts[i + 1]].isspace()

    idx: list[int] = []
    if has_diacritics(query):
        known = words | {w for p in pairs for w in p}
        if any(t in words for t in toks):
            idx = _marked(toks, adjacent, words, pairs, alone, known)
    if not idx:
        # fold every token at once: "\n" never occurs in a token and NFC never composes across it
        ftoks = unicodedata.normalize("NFC", "\n".join(toks)).translate(_FOLD).lower().split("\n")
        if len(ftoks) != len(toks):
            ftoks = [fold(t) for t in toks]
        idx = _marked(ftoks, adjacent, fwords, fpairs, falone, fwords | {w for p in fpairs for w in p})
        return [(starts[i], stops[i], ftoks[i]) for i in idx]
    return [(starts[i], stops[i], fold(toks[i])) for i in idx]


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
