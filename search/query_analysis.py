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
- codes and document numbers ("1.000080", "19/2014/qđ-ttg") are never matched nor weighted down;
- **document names**: a question that names an indexed document ("theo Luật Cư trú năm 2020 …",
  "Nghị định 63", "Quyết định 19/2014/QĐ-TTg") is told which documents it names
  (:class:`DocumentNames`), so that search can prefer their units. The names come from the
  indexed documents themselves (type + number, type + short number, type + title), never
  from a fixed list; a named document that is not indexed changes nothing.
- **named levels**: where the asker says they go ("công an phường", "Sở Tư pháp", "Bộ Tư pháp")
  gives the level of the procedure they need (:func:`named_levels`), so that search can prefer
  the procedures done there.

Pure functions over token lists; the lexicon is data (JSON), loaded once per index.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from indexer.legal_units import DOC_TYPES
from indexer.vietnamese import fold, has_diacritics, normalize, tokenize

LEXICON_PATH = Path(__file__).resolve().parent / "data" / "colloquial.json"
MAX_SHORT_ALNUM = 4  # "1979", "ct07": a lexicon phrase may hold such a token (not a code)


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

    def phrases(self) -> list[str]:
        """Every accented phrase of the lexicon (matches, expansions, stop phrases), space-joined.

        Returns:
            The phrases (how users ask and what the catalogue calls it), for language statistics.
        """
        out = [" ".join(p) for e in self.entries for p in e.match]
        out += [" ".join(e.expand) for e in self.entries]
        out += [" ".join(p) for p in self.stop_phrases]
        return list(dict.fromkeys(out))

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
    """A syllable, or a short letters-and-digits token ("số 1", "bằng b2", "ct07", "p2p").

    Codes and document numbers ("1.000080", "19/2014/qđ-ttg") hold punctuation and are never touched.
    """
    return tok.isalpha() or (tok.isalnum() and len(tok) <= MAX_SHORT_ALNUM)


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
    return AnalysedQuery(list(tokens), weights, _without_contained(expansions))


def _without_contained(expansions: list[Expansion]) -> list[Expansion]:
    """Drop an expansion whose words another expansion of the query already holds.

    "nuôi cá lồng" → "nuôi trồng thủy sản lồng bè" with the nested "nuôi cá" → "nuôi trồng thủy
    sản" would count one notion twice and outweigh the rest of the question.

    Args:
        expansions: the query's expansions, in query order.
    Returns:
        those whose words no other expansion holds (of two alike, the first).
    """
    sets = [set(e.tokens) for e in expansions]
    keep = [e for i, e in enumerate(expansions)
            if not any(j != i and sets[i] <= sets[j] and (sets[i] < sets[j] or j < i) for j in range(len(sets)))]
    return keep


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


# --- document names ---------------------------------------------------------------------------

_TYPE_TOKENS = {tuple(fold(t) for t in tokenize(d)) for d in DOC_TYPES}
_TYPE_FIRST = {t[0] for t in _TYPE_TOKENS}


def _folded_tokens(text: str) -> tuple[str, ...]:
    return tuple(fold(t) for t in tokenize(text))


def document_aliases(doc_type: str, doc_number: str, doc_title: str) -> list[tuple[str, ...]]:
    """The ways a question names a document, as accent-folded token tuples.

    "Nghị định" + "63/2010/NĐ-CP" → ("63/2010/nd-cp",), ("nghi", "dinh", "63"),
    ("nghi", "dinh", "so", "63"), ("nghi", "dinh", "63/2010"), ("nd", "63"), …;
    "Luật" + title "Cư trú" (or "Luật Cư trú") → ("luat", "cu", "tru").

    Args:
        doc_type: loại văn bản ("Luật", "Nghị định"…; may be "").
        doc_number: số hiệu ("63/2010/NĐ-CP"; may be "").
        doc_title: tên / trích yếu (may be "").

    Returns:
        Unique aliases; each has a number or starts with a document type, so a bare common
        phrase never counts as a document name.
    """
    out: list[tuple[str, ...]] = []
    typ = _folded_tokens(doc_type) if doc_type else ()
    num = doc_number.strip()
    if num:
        full = _folded_tokens(num)
        if len(full) == 1 and "/" in full[0]:
            out.append(full)
        pieces = num.split("/")
        head = pieces[0].strip()
        shorts = [head] + (["/".join(pieces[:2])] if len(pieces) >= 3 else [])
        code = pieces[-1].split("-")[0].strip() if len(pieces) >= 2 else ""
        heads = [typ] if typ else []
        if code and code.isalpha() and len(code) >= 2 and not code.upper().startswith("QH"):
            heads.append(_folded_tokens(code))  # "NĐ 63", "QĐ 19"
        for h in heads:
            for sh in shorts:
                st = _folded_tokens(sh)
                if st:
                    out += [h + st, h + ("so",) + st]
            if full:
                out += [h + full, h + ("so",) + full]
    title = _folded_tokens(doc_title) if doc_title else ()
    if title:
        starts_typed = any(title[: len(t)] == t for t in _TYPE_TOKENS)
        named = title if starts_typed else (typ + title if typ else ())
        if named:
            out.append(named)
            if named[:2] == ("bo", "luat"):  # "Bộ luật dân sự" is also said "Luật dân sự"
                out.append(named[1:])
    return [a for a in dict.fromkeys(out) if a and (len(a) >= 2 or "/" in a[0])]


@dataclass
class DocumentNames:
    """Names of the indexed documents, to find the ones a question names.

    Attributes:
        aliases: folded token tuple → indexes of the documents it names.
    """

    aliases: dict[tuple[str, ...], list[int]] = field(default_factory=dict)
    max_len: int = 0

    @classmethod
    def build(cls, docs: list[tuple[str, str, str]]) -> "DocumentNames":
        """Index the names of documents given as (doc_type, doc_number, doc_title).

        Args:
            docs: one triple per document; its position is the document's index.

        Returns:
            The look-up table.
        """
        names = cls()
        for i, (typ, num, title) in enumerate(docs):
            for a in document_aliases(typ, num, title):
                lst = names.aliases.setdefault(a, [])
                if i not in lst:
                    lst.append(i)
                names.max_len = max(names.max_len, len(a))
        return names

    def find(self, query: str) -> list[int]:
        """Indexes of the documents the query names (longest names first, no overlaps).

        "theo Luật Giáo dục đại học" names "Luật Giáo dục đại học" when it is indexed, and
        "Luật Giáo dục" only when it is not.

        Args:
            query: the user's query (with or without diacritics).

        Returns:
            Document indexes in order of mention (empty when none).
        """
        if not self.aliases:
            return []
        toks = _folded_tokens(query)
        found: list[int] = []
        i, n = 0, len(toks)
        while i < n:
            hit = 0
            for L in range(min(self.max_len, n - i), 0, -1):
                docs = self.aliases.get(toks[i : i + L])
                if docs:
                    found += [d for d in docs if d not in found]
                    hit = L
                    break
            i += hit or 1
        return found




# Where the asker says they go, the level of the procedure they need: "công an phường" → cấp xã,
# "Sở Tư pháp" → cấp tỉnh, "Bộ Tư pháp" / "trung ương" → cấp bộ. The catalogue splits many
# procedures by level ("Trình báo mất thẻ ABTC (thực hiện tại cấp xã)" / "… cấp tỉnh"). Patterns
# are kept unambiguous: typed with diacritics, "xã"/"tỉnh" are words of their own; "sở"/"bộ" count
# only before a department's name ("cơ sở", "bộ hồ sơ" do not); typed without diacritics, only
# phrases that cannot be anything else ("cap xa", "cong an phuong", "so tu phap").
_DEPARTMENTS = ("tư pháp|công an|tài chính|nội vụ|y tế|giáo dục|công thương|nông nghiệp|xây dựng|giao thông"
                "|tài nguyên|lao động|văn hóa|khoa học|thông tin|kế hoạch|ngoại giao|ngoại vụ|quốc phòng|dân tộc"
                "|du lịch|thể thao")
_LEVEL_CUES: dict[str, tuple[str, str]] = {
    # level: (pattern on the NFC query when typed with diacritics, pattern on the folded query)
    "xã": (r"\b(?:xã(?! hội)|phường|thị trấn)\b",  # not "bảo hiểm xã hội"
           r"\b(?:cap xa|ubnd xa|cong an xa|ubnd phuong|cong an phuong|thi tran)\b"),
    "huyện": (r"\b(?:huyện|quận)\b", r"\b(?:cap huyen|ubnd huyen|cong an huyen|ubnd quan|cong an quan)\b"),
    "tỉnh": (rf"\b(?:tỉnh|sở (?:{_DEPARTMENTS}))\b",
             rf"\b(?:cap tinh|ubnd tinh|cong an tinh|so (?:{fold(_DEPARTMENTS)}))\b"),
    "bộ": (rf"\b(?:trung ương|cấp bộ|bộ (?:{_DEPARTMENTS}))\b",
           rf"\b(?:trung uong|cap bo|bo (?:{fold(_DEPARTMENTS)}))\b"),
}


def named_levels(query: str) -> list[str]:
    """Administrative levels the query names as the place to go ("công an phường" → ["xã"]).

    Args:
        query: the user's query.
    Returns:
        Levels among "xã", "huyện", "tỉnh", "bộ", in that order (empty when none is named).
    """
    text = normalize(query or "").lower()
    accented = has_diacritics(text)
    folded = fold(text)
    return [level for level, (exact, plain) in _LEVEL_CUES.items()
            if (accented and re.search(exact, text)) or re.search(plain, folded)]


__all__ = ["DocumentNames", "document_aliases", "AnalysedQuery", "Expansion", "LEXICON_PATH", "MAX_SHORT_ALNUM", "Lexicon", "LexiconEntry", "analyse_text", "analyse_tokens", "named_levels"]
