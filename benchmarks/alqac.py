"""ALQAC 2023 retrieval benchmark: lexical (BM25) vs dense (multilingual e5) vs hybrid fusion.

Corpus: 2,249 law articles (title = "<law>. <article heading>"); 100 training questions
with their relevant articles. Questions are split dev (even positions: the only half used
to choose defaults) / test (odd positions: reported, never tuned on). Plain bm25s over the
same tokens runs in the same process as the peer.

A second question set, "named law", is the same 100 questions prefixed with
"Theo <the answer's law> năm 2020, …" — the held-out style that names the document.

Dense side: the product's default model (``indexer.embeddings``: multilingual-e5-small, 4 bit,
256 tokens) over "<law>. <heading>. <body>" plus, as the product cuts them, one unit per clause
of each long article (an article scores by its best unit; ``--articles-only`` for articles
alone); queries embedded as ``SearchIndex.dense_query_text`` gives them; vectors cached in /tmp under the keys of
benchmarks/embedding_models.py (shared with it).

Run:
    .venv/bin/python benchmarks/alqac.py              # everything (vectors cached in /tmp)
    .venv/bin/python benchmarks/alqac.py --no-dense   # lexical only
    .venv/bin/python benchmarks/alqac.py --pyvi       # + the word-segmentation experiment
    .venv/bin/python benchmarks/alqac.py --questions benchmarks/data/alqac_own_questions.json
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from benchmarks.common import (  # noqa: E402
    CANDIDATES,
    HALVES_HEAD,
    Corpus,
    Question,
    alqac_clause_units,
    dense_search,
    dense_search_owners,
    dense_texts,
    encode_default,
    evaluate_fusion,
    fmt_halves,
    folded_questions,
    halves,
    lexical_runs,
    load_alqac,
    metrics,
    named_masks,
    print_fusion_table,
)
from benchmarks.common import lexical_ranked as _lexical_ranked  # noqa: E402
from indexer.lexical import analyse, build_arrays  # noqa: E402
from indexer.vietnamese import bigrams, tokenize  # noqa: E402
from search.lexical import LexicalIndex, LexicalParams  # noqa: E402

def bm25s_ranked(corpus, questions, tokens_fn) -> list[list[str]]:
    """Plain bm25s (lucene, k1=1.5, b=0.75) over title+body with the given token function."""
    import bm25s

    docs = [tokens_fn(f"{t}\n{b}") for t, b in zip(corpus.titles, corpus.bodies)]
    retr = bm25s.BM25()
    retr.index(docs, show_progress=False)
    vocab = retr.vocab_dict
    ranked = []
    for q in questions:
        qt = [t for t in dict.fromkeys(tokens_fn(q.text)) if t in vocab]
        if not qt:
            ranked.append([])
            continue
        s = retr.get_scores(qt)
        top = np.argsort(-s, kind="stable")[:10]
        ranked.append([corpus.ids[i] for i in top if s[i] > 0])
    return ranked


def bm25s_baseline(corpus, questions, tokens_fn) -> dict:
    """Metrics of :func:`bm25s_ranked`."""
    return metrics(bm25s_ranked(corpus, questions, tokens_fn), questions)


def syl_bigrams(text: str) -> list[str]:
    toks = tokenize(text)
    return toks + bigrams(toks)


def pyvi_tokens(text: str) -> list[str]:
    """Syllables plus pyvi compound words (word segmentation) instead of all bigrams."""
    from pyvi import ViTokenizer

    from indexer.vietnamese import normalize

    words = ViTokenizer.tokenize(normalize(text).lower()).split()
    compounds = [w for w in words if "_" in w and all(p.isalpha() for p in w.split("_"))]
    return tokenize(text) + compounds


def pyvi_plus_bigrams(text: str) -> list[str]:
    return syl_bigrams(text) + [t for t in pyvi_tokens(text) if "_" in t]


def index_with(corpus, analysed, k1: float, b: dict) -> LexicalIndex:
    return LexicalIndex.from_arrays(*build_arrays(corpus.titles, corpus.bodies, k1=k1, b=b, analysed=analysed))


def lexical_ranked(idx: LexicalIndex, corpus, questions, k: int = 10, prefer=None, boost: float = 0.0,
                   catalogue: "np.ndarray | None | str" = "articles") -> list[list[str]]:
    """Ranked article ids of the lexical index (by default scored as SearchIndex scores articles)."""
    if isinstance(catalogue, str):
        catalogue = np.zeros(len(corpus.ids), dtype=bool)
    return _lexical_ranked(idx, corpus.ids, questions, k, prefer, boost, catalogue)


def law_docs(corpus) -> list[tuple[str, str, str]]:
    """(doc_type, doc_number, doc_title) of each article: its law's name ("Luật Cư trú")."""
    return [("", "", i.rsplit("@", 1)[0]) for i in corpus.ids]


def product_titles(corpus: Corpus) -> Corpus:
    """The articles titled as SearchIndex titles them ("Điều 12. <heading>"): the law's name
    is then only the document's name (named-document preference), not title words."""
    titles = [f"Điều {i.rsplit('@', 1)[1]}. {t.split('. ', 1)[1] if '. ' in t else t}"
              for i, t in zip(corpus.ids, corpus.titles)]
    return Corpus(corpus.name + "-product-titles", corpus.ids, titles, corpus.bodies)


def named_law_questions(questions: list[Question]) -> list[Question]:
    """The questions prefixed with "Theo <the first relevant article's law> năm 2020, "."""
    out = []
    for q in questions:
        law = sorted(q.relevant)[0].rsplit("@", 1)[0]
        out.append(Question(q.qid, f"Theo {law} năm 2020, {q.text[:1].lower()}{q.text[1:]}", q.relevant))
    return out


LEXICAL_VARIANTS: list[tuple[str, dict]] = [
    ("**default** (articles: lexicon and title coverage off)", {}),
    ("before: lexicon + title coverage on every row", {"catalogue": None}),
    ("before, without the lexicon", {"catalogue": None, "colloquial": False}),
    ("before, without title coverage", {"catalogue": None, "title_coverage": 0.0}),
    ("default, no stop phrases", {"stop_phrases": False}),
    ("default, title_weight=0.5", {"title_weight": 0.5}),
    ("default, title_weight=1", {"title_weight": 1.0}),
    ("default, bigram_weight=0.5", {"bigram_weight": 0.5}),
    ("default, fold_weight_accented=0", {"fold_weight_accented": 0.0}),
]
NAMED_BOOSTS = (0.0, 0.1, 0.2, 0.3, 0.5)


def main() -> int:
    from search.fusion import NAMED_BOOST

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pyvi", action="store_true", help="also the pyvi word-segmentation baselines")
    ap.add_argument("--no-dense", action="store_true")
    ap.add_argument("--as-typed", action="store_true",
                    help="embed the questions as typed (before search.diacritics), for comparison")
    ap.add_argument("--variants", action="store_true", help="also the k1/b index variants")
    ap.add_argument("--articles-only", action="store_true",
                    help="dense side over whole articles only (no clause units of long articles)")
    ap.add_argument("--questions", type=Path,
                    help="another question file in train.json's format (e.g. benchmarks/data/alqac_own_questions.json)")
    args = ap.parse_args()

    corpus, questions = load_alqac(args.questions)
    named_qs = named_law_questions(questions)
    sets = [("ALQAC train", questions), ("ALQAC train, named law", named_qs)]
    docs = law_docs(corpus)
    print(f"ALQAC 2023: {len(corpus.ids)} điều luật, {len(questions)} câu hỏi (dev = even, test = odd)\n")

    print("## Baselines (bm25s over title+body, same engine, different tokens)\n")
    for set_name, qs in sets:
        print(f"\n### {set_name}\n")
        print(HALVES_HEAD)
        print(fmt_halves("bm25s syllables", halves(bm25s_ranked(corpus, qs, tokenize), qs)))
        print(fmt_halves("bm25s syllables+bigrams", halves(bm25s_ranked(corpus, qs, syl_bigrams), qs)))
        if args.pyvi:
            t = time.perf_counter()
            print(fmt_halves("bm25s syllables+pyvi words", halves(bm25s_ranked(corpus, qs, pyvi_tokens), qs)))
            print(fmt_halves("bm25s syllables+bigrams+pyvi words", halves(bm25s_ranked(corpus, qs, pyvi_plus_bigrams), qs)))
            print(f"\n(pyvi runs: {time.perf_counter() - t:.1f} s)")

    t = time.perf_counter()
    analysed = [(analyse(a), analyse(b)) for a, b in zip(corpus.titles, corpus.bodies)]
    print(f"\n(analysis of {len(corpus.ids)} articles: {time.perf_counter() - t:.1f} s)")
    idx = index_with(corpus, analysed, 1.2, {"title": 0.75, "body": 0.75})
    if args.variants:
        print("\n## RaSoát lexical index: k1 / b\n")
        print(HALVES_HEAD)
        for name, k1, b in [
            ("k1=1.2 b(title)=0.75 b(body)=0.75 (default)", 1.2, {"title": 0.75, "body": 0.75}),
            ("k1=1.5 b=0.75/0.75", 1.5, {"title": 0.75, "body": 0.75}),
            ("k1=1.2 b=0.3/0.75", 1.2, {"title": 0.3, "body": 0.75}),
        ]:
            ix = index_with(corpus, analysed, k1, b)
            print(fmt_halves(name, halves(lexical_ranked(ix, corpus, questions), questions)))

    masks = {name: named_masks(docs, qs) for name, qs in sets}
    print(f"\n(questions naming an indexed law: {sum(m is not None for m in masks[sets[0][0]])} / {len(questions)})")
    pc = product_titles(corpus)
    for layout, cp, ix in [("title = law + heading", corpus, idx),
                           ("title = Điều N + heading (as SearchIndex)", pc, LexicalIndex.from_texts(pc.titles, pc.bodies))]:
        print(f"\n## RaSoát lexical, {layout}: components and the named-document preference\n")
        for set_name, qs in sets + [("ALQAC train typed without diacritics", folded_questions(questions))]:
            m = masks.get(set_name) or named_masks(docs, qs)
            print(f"\n### {set_name}\n")
            print(HALVES_HEAD)
            if cp is not corpus:
                print(fmt_halves("bm25s syllables+bigrams, same titles", halves(bm25s_ranked(cp, qs, syl_bigrams), qs)))
            for name, kw in LEXICAL_VARIANTS:
                kw = dict(kw)
                cat = kw.pop("catalogue", "articles")
                ix.params = LexicalParams(**kw)
                print(fmt_halves(name, halves(lexical_ranked(ix, cp, qs, catalogue=cat), qs)))
            ix.params = LexicalParams()
            for boost in NAMED_BOOSTS[1:]:
                print(fmt_halves(f"default + named law ×{1 + boost:g}",
                                 halves(lexical_ranked(ix, cp, qs, prefer=m, boost=boost), qs)))

    if args.no_dense:
        return 0
    print("\n## Lexical vs dense (default model: multilingual-e5-small 4 bit, 256 tokens) vs hybrid "
          "(top-100 of each side)\n")
    t = time.perf_counter()
    dvecs = encode_default([f"{a}. {b}" for a, b in zip(corpus.titles, corpus.bodies)], "passage", "e5256-alqac")
    owners, ctexts = alqac_clause_units(corpus)
    if not args.articles_only:  # as the product: long articles also get one unit per clause
        dvecs = np.vstack([dvecs, encode_default(ctexts, "passage", "e5256-alqac-clauses")])
        owners = list(corpus.ids) + owners
    print(f"(document embeddings: {time.perf_counter() - t:.1f} s, cached in /tmp; "
          f"{len(dvecs)} units, {len(dvecs) - len(corpus.ids)} of them clauses)")
    dense_sets = sets + [("ALQAC train typed without diacritics", folded_questions(questions))]
    tags = ["e5256-alqac-q", "e5256-alqac-qnamed", "e5256-alqac-qplain"]
    for (set_name, qs), tag in zip(dense_sets, tags):
        qvecs = encode_default(dense_texts(idx, qs, restore=not args.as_typed), "query", tag)
        dense = (dense_search(qvecs, dvecs, CANDIDATES) if args.articles_only
                 else dense_search_owners(qvecs, dvecs, owners, corpus.ids, CANDIDATES))
        m = masks.get(set_name) or named_masks(docs, qs)
        for boost_l, boost_f in [(0.0, 0.0), (NAMED_BOOST["lexical"], NAMED_BOOST["fused"])]:
            print(f"\n### {set_name}: named-law bonus lexical ×{1 + boost_l:g}, fused ×{1 + boost_f:g}\n")
            lex = lexical_runs(idx, qs, CANDIDATES, prefer=m, boost=boost_l, catalogue=np.zeros(len(corpus.ids), dtype=bool))
            print_fusion_table(evaluate_fusion(corpus.ids, qs, lex, dense, prefer=m, boost=boost_f))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
