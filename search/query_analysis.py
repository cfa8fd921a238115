"""How citizens and officers ask → how the national catalogue names procedures.

A question such as "cho tôi hỏi mất sổ đỏ thì làm lại ở đâu" shares few words with the
procedure's name ("Cấp lại Giấy chứng nhận do bị mất"). This module analyses the query's
tokens before BM25 scoring:

- **stop phrases** of questions ("cho tôi hỏi", "ở đâu", "cần những giấy tờ gì", "bao lâu",
  "thủ tục"…) are *down-weighted*, never dropped: when a query is made only of them it keeps
  them at full weight, so a query is never emptied;
- a **colloquial lexicon** (``search/data/colloquial.json``: "sổ đỏ" → "giấy chứng nhận quyền
  sử dụng đất…", "bằng lái" → "giấy phép lái xe", "mở công ty" → "thành lập doanh nghiệp",
  "bị mất" → "cấp lại"…) adds the administrative wording as weighted expansions;
- matching is accent-aware: a query typed with diacritics is compared with diacritics ("ma
  túy" keeps "ma" ≠ "mà"); a query typed without them is compared accent-folded, but a
  one-syllable accented phrase ("cưới", "đang") only matches when typed with its accents
  ("cuoi" is also "cuối", "dang" is also "đăng");
- codes and document numbers ("1.000080", "19/2014/qđ-ttg") are never matched nor weighted down.

Pure functions over token lists; the lexicon is data (JSON), loaded once per index.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from indexer.vietnamese import fold, has_diacritics, tokenize

LEXICON_PATH = Path(__file__).resolve().parent / "data" / "colloquial.json"


@dataclass(frozen=True)
class LexiconEntry:
    """One colloquial → administrative mapping.

    Attributes:
        match: the colloquial phrases (normalised lower-case token tuples).
        expand: tokens of the administrative wording added to the query.
        weight: relative weight of this entry (action words such as "cấp lại" use less).
        field: catalogue field the entry belongs to (documentation only).
    """

    match: tuple[tuple[str, ...], ...]
    expand: tuple[str, ...]
    weight: float = 1.0
    field: str = ""


@dataclass
class Lexicon:
    """Stop phrases and colloquial entries with their look-up tables (exact and folded)."""

    entries: list[LexiconEntry] = field(default_factory=list)
    stop_phrases: list[tuple[str, ...]] = field(default_factory=list)
    _exact: dict[tuple[str, ...], list[int]] = field(default_factory=dict, repr=False)
    _folded: dict[tuple[str, ...], list[int]] = field(default_factory=dict, repr=False)
    _stop_exact: set[tuple[str, ...]] = field(default_factory=set, repr=False)
    _stop_folded: set[tuple[str, ...]] = field(default_factory=set, repr=False)
    max_len: int = 0

    def __post_init__(self) -> None:
        """Build the look-up tables."""
        for i, e in enumerate(self.entries):
            for phrase in e.match:
                self._exact.setdefault(phrase, []).append(i)
                # accent-less typing: only phrases that are not a single accented syllable
                if len(phrase) >= 2 or not has_diacritics(phrase[0]):
                    self._folded.setdefault(tuple(fold(t) for t in phrase), []).append(i)
                self.max_len = max(self.max_len, len(phrase))
        for phrase in self.stop_phrases:
            self._stop_exact.add(phrase)
            if len(phrase) >= 2 or not has_diacritics(phrase[0]):  # "dang" is also "đăng", "the" is "thẻ"
                self._stop_folded.add(tuple(fold(t) for t in phrase))
            self.max_len = max(self.max_len, len(phrase))

    @classmethod
    def from_dict(cls, data: dict) -> "Lexicon":
        """Build from the JSON structure of ``colloquial.json``.

        Args:
            data: {"stop_phrases": [str], "entries": [{"match": [str], "expand": str,
                "weight"?: float, "field"?: str}]}.

        Returns:
            The lexicon.
        """
        entries = []
        for e in data.get("entries", []):
            match = tuple(dict.fromkeys(tuple(tokenize(m)) for m in e.get("match", []) if tokenize(m)))
            expand = tuple(tokenize(e.get("expand", "")))
            if match and expand:
                entries.append(LexiconEntry(match, expand, float(e.get("weight", 1.0)), e.get("field", "")))
        stops = list(dict.fromkeys(tuple(tokenize(s)) for s in data.get("stop_phrases", []) if tokenize(s)))
        return cls(entries=entries, stop_phrases=stops)

    @classmethod
    def load(cls, path: Path | None = None) -> "Lexicon":
        """Read a lexicon JSON file (default: the bundled ``search/data/colloquial.json``).

        Args:
            path: JSON file; None for the bundled one.

        Returns:
            The lexicon.
        """
        p = Path(path) if path is not None else LEXICON_PATH
        return cls.from_dict(json.loads(p.read_text(encoding="utf-8")))

    def lookup(self, window: tuple[str, ...], accented: bool) -> list[int]:
        """Entries matching a token window.

        Args:
            window: tokens of the query.
            accented: the query was typed with diacritics (compare exactly), else accent-folded.

        Returns:
            Indexes into ``entries``.
        """
        if accented:
            return self._exact.get(window, [])
        return self._folded.get(tuple(fold(t) for t in window), [])

    def is_stop(self, window: tuple[str, ...], accented: bool) -> bool:
        """Whether a token window is a question stop phrase (exact or accent-folded comparison)."""
        if accented:
            return window in self._stop_exact
        return tuple(fold(t) for t in window) in self._stop_folded


@dataclass
class Expansion:
    """Administrative wording added for a colloquial phrase of the query."""

    phrase: str
    tokens: list[str]
    weight: float
    field: str = ""


@dataclass
class AnalysedQuery:
    """A query's tokens with per-token weights, plus weighted expansions.

    Attributes:
        tokens: the query's tokens (unchanged order).
        weights: one weight per token (1 for content, ``stop_weight`` for stop phrases).
        expansions: administrative wording added by the lexicon.
    """

    tokens: list[str]
    weights: list[float]
    expansions: list[Expansion] = field(default_factory=list)

    @property
    def content_tokens(self) -> list[str]:
        """Tokens not down-weighted as stop phrases."""
        return [t for t, w in zip(self.tokens, self.weights) if w >= 1.0]


def _is_word(tok: str) -> bool:
    """A syllable (letters only): codes, numbers and document numbers are never touched."""
    return tok.isalpha()


def analyse_tokens(
    tokens: list[str],
    lexicon: Lexicon,
    *,
    stop_weight: float = 0.2,
    expansion_weight: float = 0.6,
    stop_phrases: bool = True,
    colloquial: bool = True,
) -> AnalysedQuery:
    """Weight a query's tokens and add the lexicon's expansions.

    Args:
        tokens: the query's tokens (``indexer.vietnamese.tokenize``).
        lexicon: the loaded lexicon.
        stop_weight: weight of tokens inside question stop phrases.
        expansion_weight: weight of expansion tokens (times the entry's own weight).
        stop_phrases: down-weight stop phrases.
        colloquial: add lexicon expansions.

    Returns:
        The analysed query; never all tokens down-weighted.
    """
    n = len(tokens)
    weights = [1.0] * n
    expansions: list[Expansion] = []
    if n == 0 or (not stop_phrases and not colloquial):
        return AnalysedQuery(list(tokens), weights, expansions)
    max_len = min(lexicon.max_len, n)
    accented = any(has_diacritics(t) for t in tokens)  # whole query: "ma túy" keeps "ma" ≠ "mà"
    stop_mask = [False] * n
    seen: set[int] = set()
    for i in range(n):
        for L in range(max_len, 0, -1):
            if i + L > n:
                continue
            window = tuple(tokens[i : i + L])
            if not all(_is_word(t) for t in window):
                continue
            if stop_phrases and lexicon.is_stop(window, accented):
                for j in range(i, i + L):
                    stop_mask[j] = True
            if colloquial:
                for ei in lexicon.lookup(window, accented):
                    if ei in seen:
                        continue
                    seen.add(ei)
                    e = lexicon.entries[ei]
                    expansions.append(Expansion(" ".join(window), list(e.expand), expansion_weight * e.weight, e.field))
    if stop_phrases and not all(stop_mask):
        weights = [stop_weight if s else 1.0 for s in stop_mask]
    return AnalysedQuery(list(tokens), weights, expansions)


def analyse_text(query: str, lexicon: Lexicon | None = None, **kw: float | bool) -> AnalysedQuery:
    """Convenience: tokenise a query and analyse it (bundled lexicon when None).

    Args:
        query: the user's query.
        lexicon: a lexicon, or None to load the bundled one.
        **kw: options of :func:`analyse_tokens`.

    Returns:
        The analysed query.
    """
    return analyse_tokens(tokenize(query), lexicon or Lexicon.load(), **kw)  # type: ignore[arg-type]


__all__ = ["AnalysedQuery", "Expansion", "LEXICON_PATH", "Lexicon", "LexiconEntry", "analyse_text", "analyse_tokens"]
