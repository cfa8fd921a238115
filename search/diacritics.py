"""Put the diacritics back on a query typed without them, from the bundle's own vocabulary.

Many users type Vietnamese without diacritics ("lam the can cuoc cho con"). The lexical side
copes (it scores on the accent-folded space), but the embedding model reads such text as a
foreign language: multilingual-e5 finds almost nothing for it (docs/benchmarks.md, issue 10).
So the dense side embeds the query with its diacritics restored.

The restorer is a syllable bigram model read from the bundle's lexical index (the exact space
already holds every syllable and every syllable bigram with its document frequency), decoded
with Viterbi: each folded syllable of the query may be any indexed syllable that folds to it
("can" → cần, căn, cán, cản, can…), and the pair frequencies choose ("thẻ căn cước", not
"the cán cuốc"). It speaks the language of the indexed texts, which is the language users
search in; syllables it does not know are left as typed. Abbreviations typed in any case
(cccd, BHYT) are written out first, so that they give context to their neighbours and the
model reads the full form.

pyvi's ``ViUtils.add_accents`` (a general CRF) was measured beside it on the same folded
questions (benchmarks/diacritics.py): it restores far fewer syllables right on administrative
wording, see docs/benchmarks.md.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np

from indexer.vietnamese import ABBREVIATIONS, fold, has_diacritics, normalize

# abbreviations by their folded lower-case form ("cccd" → "căn cước công dân"); not document-number suffixes
ABBREVIATIONS_BY_FOLD: dict[str, str] = {fold(k): v for k, v in ABBREVIATIONS.items() if "-" not in k}
_WORD = re.compile(r"[^\W_]+|[^\w\s]+|\s+", re.UNICODE)
# P(syllable | previous) = BIGRAM_WEIGHT × pair frequency / previous frequency + the rest × unigram
# share (linear interpolation): syllable accuracy on the 70 tuning questions typed accent-less,
# docs/benchmarks.md "accent-less queries"
BIGRAM_WEIGHT = 0.7


@dataclass
class DiacriticRestorer:
    """Syllable and bigram document frequencies of an exact (accented) vocabulary.

    Args:
        df: document frequency of each accented syllable.
        pair_df: document frequency of each syllable bigram ("thẻ_căn").
        by_fold: folded syllable → its accented forms, most frequent first.
        max_candidates: accented forms tried per syllable.
        bigram_weight: weight of the pair estimate against the unigram one.
    """

    df: dict[str, int]
    pair_df: dict[str, int]
    by_fold: dict[str, list[str]] = field(default_factory=dict)
    max_candidates: int = 12
    bigram_weight: float = BIGRAM_WEIGHT

    def __post_init__(self) -> None:
        if not self.by_fold:
            for s in self.df:
                self.by_fold.setdefault(fold(s), []).append(s)
        self._refresh()

    def _refresh(self) -> None:
        """Order each fold's forms by frequency and recompute the unigram totals (after counting)."""
        for forms in self.by_fold.values():
            forms.sort(key=lambda s: -self.df.get(s, 0))
        self._total = float(sum(self.df.values())) or 1.0
        self._n = max(len(self.df), 1)

    @classmethod
    def from_vocabulary(cls, terms: list[str], df: np.ndarray) -> "DiacriticRestorer":
        """Build from an exact-space vocabulary (unigrams and "a_b" bigrams) and its frequencies.

        Args:
            terms: the vocabulary (term i has frequency ``df[i]``).
            df: document frequency of each term.
        Returns:
            The restorer (alphabetic syllables only; codes and numbers are never changed).
        """
        uni: dict[str, int] = {}
        pairs: dict[str, int] = {}
        for t, n in zip(terms, np.asarray(df).tolist()):
            if not n:
                continue
            if "_" in t:
                pairs[t] = int(n)
            elif t.isalpha():
                uni[t] = int(n)
        return cls(uni, pairs)

    def add_phrases(self, phrases: list[str], weight: int) -> None:
        """Count each phrase's syllables and syllable pairs ``weight`` more times.

        Used for the colloquial lexicon (how users ask: "ở đâu", "lấy vợ", "sổ đỏ"), which the
        indexed texts seldom say.

        Args:
            phrases: accented phrases.
            weight: pseudo-documents per phrase.
        """
        from indexer.vietnamese import tokenize

        for ph in phrases:
            toks = [t for t in tokenize(ph) if t.isalpha()]
            for t in toks:
                self.df[t] = self.df.get(t, 0) + weight
                key = fold(t)
                if t not in self.by_fold.get(key, []):
                    self.by_fold.setdefault(key, []).append(t)
            for a, c in zip(toks, toks[1:]):
                self.pair_df[f"{a}_{c}"] = self.pair_df.get(f"{a}_{c}", 0) + weight
        self._refresh()

    def _log_uni(self, s: str) -> float:
        return math.log((self.df.get(s, 0) + 0.5) / (self._total + 0.5 * self._n))

    def _log_pair(self, prev: str, s: str) -> float:
        p_uni = (self.df.get(s, 0) + 0.5) / (self._total + 0.5 * self._n)
        p_pair = self.pair_df.get(f"{prev}_{s}", 0) / max(self.df.get(prev, 0), 1)
        return math.log(self.bigram_weight * min(p_pair, 1.0) + (1.0 - self.bigram_weight) * p_uni)

    def restore_tokens(self, tokens: list[str]) -> list[str]:
        """Most likely accented form of each lower-case folded syllable (Viterbi).

        Args:
            tokens: lower-case syllables typed without diacritics.
        Returns:
            The same number of syllables; unknown ones unchanged.
        """
        out: list[str] = []
        run: list[str] = []
        for t in tokens + [""]:
            cands = self.by_fold.get(t) if t else None
            if cands:
                run.append(t)
                continue
            out += self._decode(run)
            run = []
            if t:
                out.append(t)
        return out

    def _decode(self, run: list[str]) -> list[str]:
        if not run:
            return []
        lattice = [self.by_fold[t][: self.max_candidates] for t in run]
        scores = [self._log_uni(s) for s in lattice[0]]
        back: list[list[int]] = []
        for cands in lattice[1:]:
            prev_cands = lattice[len(back)]
            new, ptr = [], []
            for s in cands:
                best, arg = -math.inf, 0
                for j, p in enumerate(prev_cands):
                    v = scores[j] + self._log_pair(p, s)
                    if v > best:
                        best, arg = v, j
                new.append(best)
                ptr.append(arg)
            scores = new
            back.append(ptr)
        i = int(np.argmax(scores))
        path = [i]
        for ptr in reversed(back):
            i = ptr[i]
            path.append(i)
        path.reverse()
        return [lattice[k][j] for k, j in enumerate(path)]

    def restore(self, text: str) -> str:
        """The text with its diacritics restored (a text that has any diacritic is kept as typed).

        Abbreviations (any case) are written out; punctuation and spacing are kept.

        Args:
            text: a query.
        Returns:
            The restored text (lower case where restored).
        """
        text = normalize(text)
        if has_diacritics(text):
            return expand_query_abbreviations(text)
        pieces = _WORD.findall(text)
        words: list[tuple[int, str]] = []  # (piece index, lower-case syllable)
        for i, p in enumerate(pieces):
            if p[0].isalpha():
                full = ABBREVIATIONS_BY_FOLD.get(p.lower())
                if full:
                    pieces[i] = full
                    continue  # already accented: a context break is fine
                words.append((i, p.lower()))
        restored = self.restore_tokens([w for _, w in words])
        for (i, typed), new in zip(words, restored):
            if new != typed:
                pieces[i] = new
        return "".join(pieces)


def expand_query_abbreviations(text: str) -> str:
    """Write out stand-alone abbreviations typed in any case ("cccd", "BHYT" → the full form).

    Args:
        text: a query.
    Returns:
        The text with each abbreviation replaced by its full form.
    """
    pieces = _WORD.findall(text)
    return "".join(ABBREVIATIONS_BY_FOLD.get(fold(p), p) if p[0].isalpha() else p for p in pieces)
