"""ALQAC 2023 retrieval benchmark: lexical (BM25) vs dense (bundled MiniLM) vs hybrid fusion.

Corpus: 2,249 law articles; 100 training questions with their relevant articles.
Questions are split dev (even positions, used to choose fusion defaults) / test (odd).

Run:
    .venv/bin/python benchmarks/alqac.py            # everything (dense cached in /tmp)
    .venv/bin/python benchmarks/alqac.py --no-pyvi  # skip the word-segmentation experiment
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from benchmarks.common import (  # noqa: E402
    TABLE_HEAD,
    dense_search,
    encode,
    evaluate_fusion,
    fmt_row,
    load_alqac,
    metrics,
    print_fusion_table,
)
from indexer.lexical import analyse, build_arrays  # noqa: E402
from indexer.vietnamese import bigrams, tokenize  # noqa: E402
from search.lexical import LexicalIndex, LexicalParams, _unpack_vocab  # noqa: E402

CANDIDATES = 100


def bm25s_baseline(corpus, questions, tokens_fn) -> dict:
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
    return metrics(ranked, questions)


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
    arrays, meta = build_arrays(corpus.titles, corpus.bodies, k1=k1, b=b, analysed=analysed)
    import scipy.sparse as sp

    vocabs = {s: _unpack_vocab(arrays[f"{s}_vocab"]) for s in ("exact", "fold")}
    mats = {
        (s, f): sp.csr_matrix(
            (arrays[f"{s}_{f}_data"], arrays[f"{s}_{f}_indices"], arrays[f"{s}_{f}_indptr"]),
            shape=(len(vocabs[s]), meta["n_docs"]),
        )
        for s in ("exact", "fold")
        for f in ("title", "body")
    }
    return LexicalIndex(mats, vocabs, meta)


def lexical_ranked(idx: LexicalIndex, corpus, questions, k: int = 10) -> list[list[str]]:
    return [[corpus.ids[r] for r in idx.search(q.text, k)[0]] for q in questions]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--no-pyvi", action="store_true")
    ap.add_argument("--no-dense", action="store_true")
    args = ap.parse_args()

    corpus, questions = load_alqac()
    print(f"ALQAC 2023: {len(corpus.ids)} điều luật, {len(questions)} câu hỏi\n")

    print("## Baselines (bm25s over title+body, same engine, different tokens)\n")
    print(TABLE_HEAD)
    print(fmt_row("bm25s syllables", bm25s_baseline(corpus, questions, tokenize)))
    print(fmt_row("bm25s syllables+bigrams", bm25s_baseline(corpus, questions, syl_bigrams)))
    if not args.no_pyvi:
        t = time.perf_counter()
        print(fmt_row("bm25s syllables+pyvi words", bm25s_baseline(corpus, questions, pyvi_tokens)))
        print(fmt_row("bm25s syllables+bigrams+pyvi words", bm25s_baseline(corpus, questions, pyvi_plus_bigrams)))
        print(f"\n(pyvi runs: {time.perf_counter() - t:.1f} s for 2 × {len(corpus.ids)} articles)")

    print("\n## RaSoát lexical index: parameters\n")
    t = time.perf_counter()
    analysed = [(analyse(a), analyse(b)) for a, b in zip(corpus.titles, corpus.bodies)]
    print(f"(analysis of {len(corpus.ids)} articles: {time.perf_counter() - t:.1f} s)\n")
    print(TABLE_HEAD)
    variants = [
        ("k1=1.2 b(title)=0.75 b(body)=0.75 (default)", 1.2, {"title": 0.75, "body": 0.75}, {}),
        ("k1=1.5 b=0.75/0.75", 1.5, {"title": 0.75, "body": 0.75}, {}),
        ("k1=1.2 b=0.3/0.75", 1.2, {"title": 0.3, "body": 0.75}, {}),
        ("k1=1.2 b=0.75/0.9", 1.2, {"title": 0.75, "body": 0.9}, {}),
    ]
    idx_default = None
    for name, k1, b, _ in variants:
        idx = index_with(corpus, analysed, k1, b)
        if idx_default is None:
            idx_default = idx
        print(fmt_row(name, metrics(lexical_ranked(idx, corpus, questions), questions)))
    idx = idx_default
    for name, kw in [
        ("default query params", {}),
        ("title_weight=0.5", {"title_weight": 0.5}),
        ("title_weight=1", {"title_weight": 1.0}),
        ("title_weight=2", {"title_weight": 2.0}),
        ("bigram_weight=0 (syllables only)", {"bigram_weight": 0.0}),
        ("bigram_weight=0.5", {"bigram_weight": 0.5}),
        ("bigram_weight=2", {"bigram_weight": 2.0}),
        ("fold_weight_accented=0", {"fold_weight_accented": 0.0}),
        ("fold_weight_accented=1", {"fold_weight_accented": 1.0}),
    ]:
        idx.params = LexicalParams(**kw)
        print(fmt_row(name, metrics(lexical_ranked(idx, corpus, questions), questions)))
    idx.params = LexicalParams()

    from indexer.vietnamese import fold

    folded_qs = [type(q)(q.qid, fold(q.text), q.relevant) for q in questions]
    print(fmt_row("default, questions typed WITHOUT diacritics", metrics(lexical_ranked(idx, corpus, folded_qs), folded_qs)))

    if args.no_dense:
        return 0
    print("\n## Lexical vs dense vs hybrid (candidates: top-100 of each side)\n")
    t = time.perf_counter()
    dvecs = encode([f"{a}. {b}" for a, b in zip(corpus.titles, corpus.bodies)], "alqac-doc")
    qvecs = encode([q.text for q in questions], "alqac-q")
    print(f"(embeddings: {time.perf_counter() - t:.1f} s, cached in /tmp)\n")
    lex = [idx.search(q.text, CANDIDATES) for q in questions]
    dense = dense_search(qvecs, dvecs, CANDIDATES)
    rows = evaluate_fusion(corpus.ids, questions, lex, dense)
    print_fusion_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
