"""BM25 speed: RaSoát's scipy index vs bm25s on the same tokens, in the same run.

Corpora: ALQAC 2023 articles + national procedures (~4.9k documents, real questions as
queries) and a synthetic corpus (default 200,000 documents of Vietnamese syllables drawn
with a Zipf law from the real vocabulary; random 2–6 syllable queries).

Measured:
- build: bm25s ``index(tokens)`` vs ``indexer.lexical.bm25_term_matrix(tokens)`` on the
  same pre-tokenised syllables+bigrams (one field), plus the full RaSoát build
  (tokenisation, folding, 2 spaces × 2 fields) for reference on the real corpus;
- query: bm25s ``retrieve([tokens], k=10)`` vs RaSoát core scoring of the same
  pre-tokenised terms + top-10; plus the full ``LexicalIndex.search(text, 10)``
  (tokenising, folding, abbreviations, 4 matrices) for reference.

Run:
    .venv/bin/python benchmarks/lexical_speed.py               # 200k synthetic docs
    .venv/bin/python benchmarks/lexical_speed.py --synthetic 50000
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import scipy.sparse as sp  # noqa: E402

from benchmarks.common import load_alqac, load_procedure_questions, load_procedures  # noqa: E402
from indexer.lexical import DEFAULT_K1, bm25_term_matrix  # noqa: E402
from indexer.vietnamese import bigrams, tokenize  # noqa: E402
from search.lexical import LexicalIndex, LexicalParams  # noqa: E402


def terms_of(text: str) -> list[str]:
    toks = tokenize(text)
    return toks + bigrams(toks)


def core_index(docs: list[list[str]], lengths: np.ndarray, b: float) -> LexicalIndex:
    """A one-field LexicalIndex (exact/body) built from pre-tokenised terms."""
    vocab: dict[str, int] = {}
    m = bm25_term_matrix(docs, lengths, vocab, k1=DEFAULT_K1, b=b)
    terms = sorted(vocab, key=vocab.__getitem__)
    n = len(docs)
    empty = sp.csr_matrix((len(terms), n), dtype=np.float32)
    mats = {("exact", "body"): m, ("exact", "title"): empty, ("fold", "body"): empty, ("fold", "title"): empty}
    meta = {"n_docs": n, "k1": DEFAULT_K1, "b": {"title": b, "body": b}}
    vocabs = {"exact": terms, "fold": []}
    return LexicalIndex(mats, vocabs, meta, LexicalParams(title_weight=0.0, fuzzy=False))


def core_query(idx: LexicalIndex, qterms: list[str], k: int = 10) -> tuple[np.ndarray, np.ndarray]:
    ids = idx._ids("exact", list(dict.fromkeys(qterms)))
    return idx.top_k(idx._accumulate([("exact", ids, 1.0)]), k)


def pct(xs: list[float]) -> str:
    a = np.array(xs) * 1000
    return f"p50 {np.percentile(a, 50):.2f} ms, p95 {np.percentile(a, 95):.2f} ms"


def compare(name: str, docs: list[list[str]], lengths: np.ndarray, queries: list[list[str]], b: float) -> None:
    import bm25s

    print(f"\n## {name}: {len(docs):,} documents, {sum(map(len, docs)):,} terms, {len(queries)} queries\n")
    t = time.perf_counter()
    ref = bm25s.BM25(k1=DEFAULT_K1, b=b, method="lucene")
    ref.index(docs, show_progress=False)
    t_ref = time.perf_counter() - t
    lengths = np.array([len(d) for d in docs], dtype=np.float64)  # bm25s counts every term
    t = time.perf_counter()
    idx = core_index(docs, lengths, b)
    t_ours = time.perf_counter() - t
    print(f"build: bm25s {t_ref:.2f} s | RaSoát {t_ours:.2f} s | ratio RaSoát/bm25s {t_ours / t_ref:.2f}")

    vocab = ref.vocab_dict
    lat_ref, lat_ours, agree = [], [], 0
    for q in queries:
        qt = [x for x in dict.fromkeys(q) if x in vocab]
        if not qt:
            continue
        t = time.perf_counter()
        res, sc = ref.retrieve([qt], k=10, show_progress=False, n_threads=1)
        lat_ref.append(time.perf_counter() - t)
        t = time.perf_counter()
        rows, scores = core_query(idx, q)
        lat_ours.append(time.perf_counter() - t)
        agree += int(np.allclose(np.sort(sc[0])[::-1][: len(scores)], scores, rtol=1e-4))
    r = np.median(lat_ours) / np.median(lat_ref)
    print(f"query bm25s.retrieve: {pct(lat_ref)}")
    print(f"query RaSoát core:    {pct(lat_ours)}")
    print(f"ratio RaSoát/bm25s (p50): {r:.2f}  — top-10 scores identical for {agree}/{len(lat_ours)} queries")


def synthetic(n_docs: int, seed: int = 7) -> tuple[list[list[str]], np.ndarray, list[list[str]]]:
    """Zipf-distributed Vietnamese syllables (from the procedure corpus vocabulary)."""
    rng = np.random.default_rng(seed)
    c = load_procedures()
    counts: dict[str, int] = {}
    for text in c.titles + c.bodies[:500]:
        for t in tokenize(text):
            if t.isalpha():
                counts[t] = counts.get(t, 0) + 1
    words = np.array(sorted(counts, key=counts.get, reverse=True))
    ranks = np.arange(1, len(words) + 1)
    p = 1.0 / ranks**1.05
    p /= p.sum()
    lens = rng.integers(15, 80, size=n_docs)
    flat = words[rng.choice(len(words), size=int(lens.sum()), p=p)].tolist()
    docs, pos = [], 0
    for n in lens.tolist():
        toks = flat[pos : pos + n]
        pos += n
        docs.append(toks + bigrams(toks))
    queries = []
    for _ in range(200):
        d = docs[int(rng.integers(n_docs))]
        n_syl = (len(d) + 1) // 2
        start = int(rng.integers(max(1, n_syl - 6)))
        qs = d[start : start + int(rng.integers(2, 7))]
        queries.append(qs + bigrams(qs))
    return docs, lens.astype(np.float64), queries


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--synthetic", type=int, default=200_000)
    args = ap.parse_args()

    alqac, aq = load_alqac()
    proc = load_procedures()
    pq = load_procedure_questions()
    titles, bodies = alqac.titles + proc.titles, alqac.bodies + proc.bodies
    texts = [f"{a}\n{b}" for a, b in zip(titles, bodies)]
    t = time.perf_counter()
    toks = [tokenize(x) for x in texts]
    print(f"tokenise {len(texts):,} real documents: {time.perf_counter() - t:.2f} s")
    docs = [x + bigrams(x) for x in toks]
    lengths = np.array([len(x) for x in toks], dtype=np.float64)
    qtexts = [q.text for q in aq] + [q.text for q in pq]
    queries = [terms_of(q) for q in qtexts]
    compare("ALQAC + national procedures (real)", docs, lengths, queries, 0.75)

    t = time.perf_counter()
    full = LexicalIndex.from_texts(titles, bodies)
    t_full = time.perf_counter() - t
    lat = []
    for q in qtexts * 3:
        t = time.perf_counter()
        full.search(q, 10)
        lat.append(time.perf_counter() - t)
    print(f"\nRaSoát full build (tokenise + fold + 2 spaces × 2 fields): {t_full:.2f} s")
    print(f"RaSoát full search(text, 10) incl. tokenising/folding/abbreviations: {pct(lat)}")

    if args.synthetic > 0:
        t = time.perf_counter()
        sdocs, slens, squeries = synthetic(args.synthetic)
        print(f"\n(synthetic corpus generated in {time.perf_counter() - t:.1f} s)")
        compare(f"synthetic {args.synthetic:,}", sdocs, slens, squeries, 0.75)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
