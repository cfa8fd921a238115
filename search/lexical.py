"""BM25 search over the matrices written by :mod:`indexer.lexical`.

Query handling (Vietnamese first):

- the query is tokenised like the documents (syllables + bigrams, codes and
  document numbers whole); abbreviations (UBND, GCN, CCCD, …) add their full form;
- a query typed with diacritics scores on the exact-accent space and, with a
  smaller weight, on the accent-folded space; a query typed without diacritics
  scores on the folded space ("dang ky khai sinh" finds "đăng ký khai sinh");
- titles weigh more than bodies; bigrams add to syllables (phrase evidence);
- the colloquial lexicon and the title-coverage factor speak the national catalogue's
  language (procedure names): given a ``catalogue`` mask, they apply to those rows only, and
  the other rows (articles of regulations) are scored on the question's own words — on legal
  questions they only added noise ("ly hôn" → "… ghi vào sổ hộ tịch", generic headings such
  as "Hiệu lực thi hành" covered by any question that says "hiệu lực");
- fall-backs, so that a Vietnamese query never silently finds nothing: when no
  term is known in the exact space the folded space gets full weight; when still
  nothing matches, unknown syllables are matched by prefix or by a close spelling
  in the folded vocabulary.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from indexer.lexical import FIELDS, MAX_TOKEN_CHARS, SPACES
from indexer.vietnamese import bigrams, fold, fold_tokens, has_diacritics, tokenize
from search.diacritics import ABBREVIATIONS_BY_FOLD, DiacriticRestorer
from search.query_analysis import Lexicon, analyse_tokens



@dataclass
class LexicalParams:
    """Query-time weights (index-time k1/b live in lexical.json)."""

    title_weight: float | None = None  # None: the bundle's (TITLE_WEIGHT, by its body field)
    body_weight: float = 1.0
    bigram_weight: float = 1.0
    fold_weight_accented: float = 0.3  # folded space weight for a query with diacritics
    exact_weight_plain: float = 0.0  # exact space weight for a query without diacritics
    expand_abbreviations: bool = True  # False turns off every query expansion (abbreviations and lexicon)
    fuzzy: bool = True  # unknown syllables: prefix / close-spelling matches in the folded space
    fuzzy_weight: float = 0.5
    stop_phrases: bool = True  # down-weight question stop phrases ("cho tôi hỏi", "ở đâu"…)
    stop_weight: float = 0.2
    colloquial: bool = True  # colloquial → administrative expansions ("sổ đỏ" → "giấy chứng nhận…")
    expansion_weight: float = 0.6
    # when several colloquial phrases of one query expand, each expansion weighs at most as much as
    # this many tokens ("giấy xác nhận độc thân để … vay mua nhà": the 21 tokens of the land-transfer
    # wording drowned the 8 of "cấp giấy xác nhận tình trạng hôn nhân"); docs/benchmarks.md "Issue 10f"
    expansion_tokens: int = 6
    title_coverage: float = 0.5  # ranking: score × (1 + this × share of the title's syllables in the query)


KINDS = ("exact_uni", "exact_bi", "fold_uni", "fold_bi")
# title field weight by what the body field holds (lexical.json "body_has_title"): with the whole
# row in the body field, the title adds on top of it. ALQAC train / own questions / procedure
# questions, docs/benchmarks.md "Issue 10d"
TITLE_WEIGHT = {True: 0.5, False: 0.75}
# each colloquial-lexicon phrase counts as this many documents in the diacritic restorer:
# syllable accuracy on the tuning questions written with diacritics, folded, 0.869 → 0.941
# (20 keeps the bundle's own wording in charge), benchmarks/diacritics.py, docs/benchmarks.md
# "Issue 10c"
LEXICON_PSEUDO_DOCS = 20


@dataclass
class QueryTerms:
    """Weighted terms of a query in both spaces (unigrams and bigrams).

    ``weights[kind]`` maps each term to its weight (1 for the query's content words, less
    for stop phrases and lexicon expansions); the list attributes keep the order.
    """

    exact_uni: list[str] = field(default_factory=list)
    exact_bi: list[str] = field(default_factory=list)
    fold_uni: list[str] = field(default_factory=list)
    fold_bi: list[str] = field(default_factory=list)
    accented: bool = False
    weights: dict[str, dict[str, float]] = field(default_factory=lambda: {k: {} for k in KINDS})
    content_fold_uni: list[str] = field(default_factory=list)  # full-weight folded syllables (fuzzy fallback)
    highlight: list[str] = field(default_factory=list)  # surface forms for snippets
    own_exact: list[str] = field(default_factory=list)  # the query's own exact terms (not expansions)
    colloquial: bool = False  # the colloquial lexicon added expansions

    def add(self, tokens: list[str], weights: list[float]) -> None:
        """Add a token sequence with per-token weights (bigram weight = the smaller of its two)."""
        folded = fold_tokens(tokens)
        bw = [min(a, b) for a, b in zip(weights, weights[1:])]
        for kind, terms, ws in (
            ("exact_uni", tokens, weights),
            ("exact_bi", bigrams(tokens), bw),
            ("fold_uni", folded, weights),
            ("fold_bi", bigrams(folded), bw),
        ):
            d = self.weights[kind]
            lst = getattr(self, kind)
            for t, w in zip(terms, ws):
                if t not in d:
                    lst.append(t)
                    d[t] = w
                elif w > d[t]:
                    d[t] = w


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def analyse_query(
    query: str,
    expand: bool = True,
    lexicon: Lexicon | None = None,
    params: LexicalParams | None = None,
) -> QueryTerms:
    """Split a query into weighted exact and folded unigrams and bigrams.

    Args:
        query: the user's query.
        expand: add the full form of abbreviations (UBND → ủy ban nhân dân).
        lexicon: colloquial lexicon and stop phrases (None: no query analysis).
        params: weights of stop phrases and expansions (defaults if None).

    Returns:
        The query's terms.
    """
    p = params or LexicalParams()
    toks = [t for t in tokenize(query) if len(t) <= MAX_TOKEN_CHARS]
    if lexicon is not None:
        aq = analyse_tokens(
            toks,
            lexicon,
            stop_weight=p.stop_weight,
            expansion_weight=p.expansion_weight,
            stop_phrases=p.stop_phrases,
            colloquial=p.colloquial and expand,
        )
        weights, expansions = aq.weights, aq.expansions
    else:
        weights, expansions = [1.0] * len(toks), []
    variants = [(toks, weights)]
    if expand:
        expanded: list[str] = []
        ew: list[float] = []
        changed = False
        for t, w in zip(toks, weights):
            full = ABBREVIATIONS_BY_FOLD.get(fold(t))
            if full and not t.isdigit():
                ft = tokenize(full)
                expanded.extend(ft)
                ew.extend([w] * len(ft))
                changed = True
            else:
                expanded.append(t)
                ew.append(w)
        if changed:
            variants.append((expanded, ew))
    q = QueryTerms(accented=has_diacritics(query))
    for v, w in variants:
        q.add(v, w)
        q.content_fold_uni += [f for f, x in zip(fold_tokens(v), w) if x >= 1.0]
    q.highlight = list(q.exact_uni)
    q.own_exact = q.exact_uni + q.exact_bi
    q.colloquial = bool(expansions)
    for e in expansions:
        w = e.weight
        if len(expansions) > 1 and p.expansion_tokens > 0:  # several phrases: none outweighs by its length
            w *= min(1.0, p.expansion_tokens / max(1, len(e.tokens)))
        q.add(e.tokens, [w] * len(e.tokens))
        if e.weight >= p.expansion_weight:  # not the generic action words ("cấp lại")
            q.highlight += e.tokens
    q.content_fold_uni = _dedupe(q.content_fold_uni)
    q.highlight = [t for t in _dedupe(q.highlight) if len(t) <= MAX_TOKEN_CHARS]
    return q


def _unpack_vocab(arr: np.ndarray) -> list[str]:
    blob = arr.tobytes().decode("utf-8")
    return blob.split("\n") if blob else []


class LexicalIndex:
    """A loaded BM25 index: ``search(query, k, allowed)`` → (rows, scores)."""

    def __init__(
        self,
        matrices: dict[tuple[str, str], sp.csr_matrix],
        vocabs: dict[str, list[str]],
        meta: dict,
        params: LexicalParams | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        """Wrap in-memory matrices (use :meth:`load` for files); ``lexicon`` None = the bundled one."""
        self.lexicon = lexicon if lexicon is not None else Lexicon.load()
        self.meta = meta
        self.params = params or LexicalParams()
        self.n_docs = int(meta["n_docs"])
        self._terms = vocabs
        self._vocab = {s: {t: i for i, t in enumerate(v)} for s, v in vocabs.items()}
        self._m = matrices
        self._sorted_fold_unigrams: list[str] | None = None
        self._title_len: np.ndarray | None = None
        self._restorer: DiacriticRestorer | None = None

    @classmethod
    def load(cls, dir: Path, params: LexicalParams | None = None) -> "LexicalIndex":
        """Load lexical.npz / lexical.json from a folder (no pickle).

        Args:
            dir: the folder given to ``write_lexical``.
            params: query-time weights (defaults if None).

        Returns:
            The index.
        """
        dir = Path(dir)
        meta = json.loads((dir / "lexical.json").read_text(encoding="utf-8"))
        with np.load(dir / "lexical.npz", allow_pickle=False) as z:
            return cls.from_arrays(z, meta, params)

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray], meta: dict,
                    params: LexicalParams | None = None) -> "LexicalIndex":
        """Wrap the arrays and metadata of ``indexer.lexical.build_arrays`` (or an opened lexical.npz).

        Args:
            arrays: "<space>_vocab" and "<space>_<field>_{data,indices,indptr}" for every space and field.
            meta: the lexical.json metadata.
            params: query-time weights (defaults if None).

        Returns:
            The index.
        """
        vocabs = {s: _unpack_vocab(arrays[f"{s}_vocab"]) for s in SPACES}
        mats = {
            (s, f): sp.csr_matrix(
                (arrays[f"{s}_{f}_data"], arrays[f"{s}_{f}_indices"], arrays[f"{s}_{f}_indptr"]),
                shape=(len(vocabs[s]), int(meta["n_docs"])),
            )
            for s in SPACES
            for f in FIELDS
        }
        return cls(mats, vocabs, meta, params)

    @classmethod
    def from_texts(cls, titles: list[str], bodies: list[str], params: LexicalParams | None = None) -> "LexicalIndex":
        """Build in memory (tests, benchmarks) with the same code as ``write_lexical``."""
        from indexer.lexical import build_arrays

        return cls.from_arrays(*build_arrays(titles, bodies), params)

    # --- query side -----------------------------------------------------------------------

    def diacritic_restorer(self) -> DiacriticRestorer:
        """The index's syllable bigram model for accent-less queries (built once, on first use).

        Frequencies are the exact space's document frequencies (title and body), plus the
        colloquial lexicon's phrases counted ``LEXICON_PSEUDO_DOCS`` times each.

        Returns:
            The restorer (:mod:`search.diacritics`).
        """
        if self._restorer is None:
            self._restorer = self.make_diacritic_restorer()
        return self._restorer

    def make_diacritic_restorer(self, lexicon_weight: int = LEXICON_PSEUDO_DOCS) -> DiacriticRestorer:
        """A new restorer from the exact space's document frequencies (title and body).

        Args:
            lexicon_weight: pseudo-documents per colloquial-lexicon phrase (0: the corpus only).
        Returns:
            The restorer (not cached; :meth:`diacritic_restorer` keeps the product's).
        """
        # titles count twice (in both fields of a bundle whose body field holds the title): the
        # names' wording leads, syllables right 0.941 vs 0.938 counting each row once (Issue 10d)
        df = sum(np.diff(self._m[("exact", f)].indptr) for f in FIELDS)
        r = DiacriticRestorer.from_vocabulary(self._terms["exact"], df)
        if lexicon_weight:
            r.add_phrases(self.lexicon.phrases(), lexicon_weight)
        return r

    def dense_query_text(self, query: str) -> str:
        """The text the dense side embeds for a query (``SearchIndex.dense_query_text``).

        The query with its diacritics restored when typed without them and its abbreviations
        written out (:meth:`diacritic_restorer`), followed by the colloquial lexicon's
        administrative wording in brackets ("sổ đỏ bị mất (giấy chứng nhận quyền sử dụng đất)"),
        as the lexical side adds it — generic action words excepted. Dense-only MRR@10 on the
        70 tuning procedure questions: 0.397 as typed, 0.520 restored, 0.671 with the wording;
        ALQAC typed without diacritics 0.012 → 0.879 (docs/benchmarks.md "Issue 10c").

        Args:
            query: the user's query.
        Returns:
            The text to embed.
        """
        text = self.diacritic_restorer().restore(query) if self.params.expand_abbreviations else query
        if not (self.params.expand_abbreviations and self.params.colloquial):
            return text
        toks = [t for t in tokenize(query) if len(t) <= MAX_TOKEN_CHARS]
        aq = analyse_tokens(toks, self.lexicon, expansion_weight=self.params.expansion_weight,
                            stop_phrases=False, colloquial=True)
        extra = _dedupe([" ".join(e.tokens) for e in aq.expansions if e.weight >= self.params.expansion_weight])
        return f"{text} ({'; '.join(extra)})" if extra else text

    def query_terms(self, query: str) -> list[str]:
        """Surface forms to highlight: the query's syllables/codes plus abbreviation expansions.

        Args:
            query: the user's query.

        Returns:
            Unique lower-case tokens (exact forms; snippets match them accent-insensitively).
        """
        q = self._analyse(query)
        return q.highlight

    def _analyse(self, query: str) -> QueryTerms:
        return analyse_query(query, self.params.expand_abbreviations, self.lexicon, self.params)

    def _ids(self, space: str, terms: list[str]) -> np.ndarray:
        v = self._vocab[space]
        return np.array([v[t] for t in terms if t in v], dtype=np.int64)

    def _accumulate(self, parts: list[tuple[str, np.ndarray, float]]) -> np.ndarray:
        """Sum weighted rows of the term matrices: parts = (space, term ids, weight)."""
        p = self.params
        tw = p.title_weight if p.title_weight is not None else TITLE_WEIGHT[bool(self.meta.get("body_has_title"))]
        datas, idxs = [], []
        for space, ids, w in parts:
            if w == 0 or ids.size == 0:
                continue
            for fld, fw in (("title", tw), ("body", p.body_weight)):
                if fw == 0:
                    continue
                m = self._m[(space, fld)]
                starts, ends = m.indptr[ids], m.indptr[ids + 1]
                for s, e in zip(starts.tolist(), ends.tolist()):
                    if e > s:
                        idxs.append(m.indices[s:e])
                        datas.append(m.data[s:e] * np.float32(w * fw))
        if not idxs:
            return np.zeros(self.n_docs, dtype=np.float32)
        return np.bincount(
            np.concatenate(idxs), weights=np.concatenate(datas), minlength=self.n_docs
        ).astype(np.float32)

    def _fuzzy_fold_terms(self, terms: list[str]) -> list[str]:
        """Known folded unigrams for unknown folded syllables: prefix matches, then close spellings."""
        vocab = self._vocab["fold"]
        if self._sorted_fold_unigrams is None:
            self._sorted_fold_unigrams = sorted(t for t in self._terms["fold"] if "_" not in t)
        words = self._sorted_fold_unigrams
        out: list[str] = []
        for t in terms:
            if t in vocab or len(t) < 2 or not t.isalpha():
                continue  # codes, numbers and document numbers match exactly or not at all
            i = bisect_left(words, t)
            pref = []
            while i < len(words) and words[i].startswith(t) and len(pref) < 5:
                pref.append(words[i])
                i += 1
            if pref:
                out += pref
                continue
            if len(t) >= 3:
                from rapidfuzz import distance, process

                near = process.extract(
                    t, words, scorer=distance.Levenshtein.distance, limit=3, score_cutoff=1
                )
                out += [w for w, _, _ in near]
        return _dedupe(out)

    def _weighted_ids(self, space: str, terms: dict[str, float]) -> list[tuple[np.ndarray, float]]:
        """Known terms grouped by weight: [(term ids, weight)]."""
        v = self._vocab[space]
        groups: dict[float, list[int]] = {}
        for t, w in terms.items():
            i = v.get(t)
            if i is not None and w > 0:
                groups.setdefault(w, []).append(i)
        return [(np.array(ids, dtype=np.int64), w) for w, ids in groups.items()]

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every row for the query (float32, length n_docs)."""
        return self._scores(self._analyse(query))

    def _scores(self, q: QueryTerms) -> np.ndarray:
        p = self.params
        groups = {
            kind: self._weighted_ids(kind.split("_")[0], q.weights[kind]) for kind in KINDS
        }
        if q.accented:
            w_exact, w_fold = 1.0, p.fold_weight_accented
            if not any(t in self._vocab["exact"] for t in q.own_exact):
                w_fold = 1.0  # nothing known with these accents: fall back on the folded space
        else:
            w_exact, w_fold = p.exact_weight_plain, 1.0
        bw = p.bigram_weight
        space_w = {"exact_uni": w_exact, "exact_bi": w_exact * bw, "fold_uni": w_fold, "fold_bi": w_fold * bw}
        parts = [
            (kind.split("_")[0], ids, w * space_w[kind]) for kind in KINDS for ids, w in groups[kind]
        ]
        if p.fuzzy:
            extra = self._fuzzy_fold_terms(q.content_fold_uni)  # only syllables unknown to the index
            if extra:
                known = any(groups[k] for k in KINDS)
                parts.append(("fold", self._ids("fold", extra), p.fuzzy_weight if known else 1.0))
        return self._accumulate(parts)

    def rank_scores(self, query: str, catalogue: np.ndarray | None = None) -> np.ndarray:
        """Ranking score of every row: BM25 (:meth:`scores`) times the title-coverage factor.

        A title whose syllables are mostly found in the query (with its expansions) is the
        procedure asked about; a longer sibling ("… có yếu tố nước ngoài", "… lưu động") adds
        words the question never said. Factor = 1 + title_coverage × covered share.

        Args:
            query: the user's query.
            catalogue: boolean mask of the rows named in the catalogue's language (procedures):
                colloquial expansions and title coverage apply to them only; None = every row.
        """
        q = self._analyse(query)
        s = self._scores(q)
        if catalogue is not None:
            catalogue = np.asarray(catalogue, dtype=bool)
            if q.colloquial and not catalogue.all():
                plain = analyse_query(query, self.params.expand_abbreviations, self.lexicon,
                                      replace(self.params, colloquial=False))
                s = np.where(catalogue, s, self._scores(plain)).astype(np.float32)
        if self.params.title_coverage > 0 and s.any() and (catalogue is None or catalogue.any()):
            cov = self._title_coverage(q.weights["fold_uni"])
            if catalogue is not None:
                cov = np.where(catalogue, cov, np.float32(0))
            s = s * (1.0 + np.float32(self.params.title_coverage) * cov)
        return s.astype(np.float32)

    def _title_coverage(self, terms: dict[str, float]) -> np.ndarray:
        """Share of each title's distinct folded syllables that the query (with expansions) contains."""
        m = self._m[("fold", "title")]
        if self._title_len is None:
            uni = np.fromiter(("_" not in t for t in self._terms["fold"]), dtype=bool, count=len(self._terms["fold"]))
            rows = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
            self._title_len = np.bincount(m.indices[uni[rows]], minlength=self.n_docs).astype(np.float32)
        ids = self._ids("fold", [t for t, w in terms.items() if w > 0])
        if ids.size == 0:
            return np.zeros(self.n_docs, dtype=np.float32)
        idx = np.concatenate([m.indices[m.indptr[i] : m.indptr[i + 1]] for i in ids.tolist()])
        hits = np.bincount(idx, minlength=self.n_docs).astype(np.float32)
        return hits / np.maximum(self._title_len, 1.0)

    def search(
        self,
        query: str,
        k: int,
        allowed: np.ndarray | None = None,
        prefer: np.ndarray | None = None,
        prefer_boost: float = 0.0,
        catalogue: np.ndarray | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-k rows for a query.

        Args:
            query: the user's query (with or without diacritics).
            k: how many rows at most.
            allowed: optional boolean mask over rows (filters); False rows are skipped.
            prefer: optional boolean mask of preferred rows (units of a document the query
                names); their scores are multiplied by ``1 + prefer_boost``.
            prefer_boost: see ``prefer``.
            catalogue: rows in the catalogue's language (procedures), see :meth:`rank_scores`.

        Returns:
            (rows int64, scores float32), scores descending, only scores > 0.
        """
        if k <= 0 or self.n_docs == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        s = self.rank_scores(query, catalogue)
        if prefer is not None and prefer_boost:
            s = np.where(np.asarray(prefer, dtype=bool), s * np.float32(1.0 + prefer_boost), s).astype(np.float32)
        return self.top_k(s, k, allowed)

    def top_k(self, s: np.ndarray, k: int, allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Best k rows of a score vector (score > 0 only, ties by row number)."""
        empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))
        if k <= 0:
            return empty
        if allowed is not None:
            s = np.where(np.asarray(allowed, dtype=bool), s, np.float32(0))
        cand = np.flatnonzero(s > 0)
        if cand.size == 0:
            return empty
        if cand.size > k:
            part = np.argpartition(-s[cand], k - 1)[:k]
            cand = cand[part]
        order = np.lexsort((cand, -s[cand]))  # score descending, row ascending on ties
        rows = cand[order].astype(np.int64)
        return rows, s[rows]


__all__ = ["KINDS", "LexicalIndex", "LexicalParams", "QueryTerms", "analyse_query"]
