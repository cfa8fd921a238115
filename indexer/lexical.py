"""Build the Vietnamese BM25 index (scipy sparse, saved as npz without pickle).

Two term spaces, each with a title field and a body field:

- ``exact``: lower-case syllables with their diacritics, plus syllable bigrams
  ("khai_sinh"); document numbers and procedure codes stay whole tokens
  ("19/2014/qđ-ttg", "1.000080").
- ``fold``: the same tokens accent-folded ("dang", "dang_ky"), for queries typed
  without diacritics and as a helper for queries with them.

For every (space, field) the index stores a term-major CSR matrix whose entry
(t, d) is the BM25 weight of term t in document d (Lucene idf, the same formula
as ``bm25s`` with ``method="lucene"``), so that a query is scored by summing a
few matrix rows. The document length used for both unigrams and bigrams is the
number of syllable tokens of the field.

Files written into ``out_dir``: ``lexical.npz`` (matrices + vocabularies as
UTF-8 bytes) and ``lexical.json`` (parameters and sizes). ``np.load(...,
allow_pickle=False)`` reads them.
"""

from __future__ import annotations

import json
import os
from itertools import chain, repeat
from pathlib import Path
from typing import Iterable

import numpy as np
import scipy.sparse as sp

from indexer.vietnamese import bigrams, fold_tokens, tokenize

FORMAT_VERSION = 1
SPACES = ("exact", "fold")
FIELDS = ("title", "body")
MAX_TOKEN_CHARS = 64
DEFAULT_K1 = 1.2
DEFAULT_B = {"title": 0.75, "body": 0.75}


def field_terms(tokens: list[str]) -> list[str]:
    """Index terms of one field: the tokens followed by their bigrams.

    Args:
        tokens: tokens of the field (already exact or folded).

    Returns:
        Unigrams then bigrams ("đăng", "ký", "đăng_ký").
    """
    tokens = [t for t in tokens if len(t) <= MAX_TOKEN_CHARS]
    return tokens + bigrams(tokens)


def analyse(text: str) -> dict[str, tuple[list[str], int]]:
    """Terms and syllable length of a text in both spaces.

    Returns:
        {"exact": (terms, n_tokens), "fold": (terms, n_tokens)}.
    """
    toks = tokenize(text)
    folded = fold_tokens(toks)
    return {"exact": (field_terms(toks), len(toks)), "fold": (field_terms(folded), len(folded))}


def bm25_term_matrix(
    docs_terms: list[list[str]],
    doc_lengths: np.ndarray,
    vocab: dict[str, int],
    *,
    k1: float = DEFAULT_K1,
    b: float = 0.75,
    grow_vocab: bool = True,
) -> sp.csr_matrix:
    """Term-major BM25 weight matrix of one field (Lucene variant, as bm25s "lucene").

    weight(t, d) = idf(t) * tf / (tf + k1 * (1 - b + b * dl / avgdl)),
    idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5)).

    Args:
        docs_terms: terms of each document.
        doc_lengths: length of each document used for normalisation (syllables).
        vocab: term → row; new terms are appended when ``grow_vocab``.
        k1: term-frequency saturation.
        b: length normalisation.
        grow_vocab: add unseen terms to ``vocab`` (otherwise they are dropped).

    Returns:
        CSR matrix of shape (len(vocab), n_docs), float32.
    """
    n_docs = len(docs_terms)
    counts = np.fromiter((len(t) for t in docs_terms), dtype=np.int64, count=n_docs)
    flat = list(chain.from_iterable(docs_terms))
    if grow_vocab:
        for t in dict.fromkeys(flat):  # unique terms in first-seen order (C speed)
            if t not in vocab:
                vocab[t] = len(vocab)
        term_ids = np.fromiter(map(vocab.__getitem__, flat), dtype=np.int64, count=len(flat))
        doc_ids = np.repeat(np.arange(n_docs, dtype=np.int64), counts)
    else:
        term_ids = np.fromiter(map(vocab.get, flat, repeat(-1)), dtype=np.int64, count=len(flat))
        doc_ids = np.repeat(np.arange(n_docs, dtype=np.int64), counts)
        keep = term_ids >= 0
        term_ids, doc_ids = term_ids[keep], doc_ids[keep]
    n_terms = len(vocab)
    tf = sp.csr_matrix(
        (np.ones(term_ids.size, dtype=np.float32), (term_ids, doc_ids)), shape=(n_terms, n_docs)
    )
    tf.sum_duplicates()
    df = np.diff(tf.indptr).astype(np.float64)
    idf = np.log1p((n_docs - df + 0.5) / (df + 0.5))
    dl = np.asarray(doc_lengths, dtype=np.float64)
    avgdl = float(dl.mean()) if n_docs and dl.mean() > 0 else 1.0
    norm = k1 * (1.0 - b + b * dl / avgdl)
    rows = np.repeat(np.arange(n_terms), np.diff(tf.indptr))
    t = tf.data.astype(np.float64)
    tf.data = (idf[rows] * t / (t + norm[tf.indices])).astype(np.float32)
    return tf


def _pack_vocab(vocab: dict[str, int]) -> np.ndarray:
    """Vocabulary (ordered by id) as one UTF-8 byte array, terms separated by newlines."""
    terms = sorted(vocab, key=vocab.__getitem__)
    return np.frombuffer("\n".join(terms).encode("utf-8"), dtype=np.uint8)


def build_arrays(
    titles: list[str],
    bodies: list[str],
    *,
    k1: float = DEFAULT_K1,
    b: dict[str, float] | None = None,
    analysed: Iterable[tuple[dict, dict]] | None = None,
) -> tuple[dict[str, np.ndarray], dict]:
    """Build all matrices and vocabularies in memory.

    Args:
        titles: title (name) of each row.
        bodies: body text of each row (same length).
        k1: BM25 k1.
        b: BM25 b per field.
        analysed: optional pre-analysed (title, body) pairs from :func:`analyse`.

    Returns:
        (arrays for np.savez, metadata for lexical.json).
    """
    if len(titles) != len(bodies):
        raise ValueError("titles và bodies phải có cùng số phần tử")
    b = {**DEFAULT_B, **(b or {})}
    if analysed is None:
        seen: dict[str, dict] = {}  # titles repeat (every part of a procedure has its name as title)

        def once(text: str) -> dict:
            if text not in seen:
                seen[text] = analyse(text)
            return seen[text]

        analysed = [(once(t or ""), once(x or "")) for t, x in zip(titles, bodies)]
    analysed = list(analysed)
    arrays: dict[str, np.ndarray] = {}
    meta: dict = {
        "format": FORMAT_VERSION,
        "n_docs": len(titles),
        "k1": k1,
        "b": b,
        "spaces": list(SPACES),
        "fields": list(FIELDS),
        "vocab_size": {},
    }
    for space in SPACES:
        vocab: dict[str, int] = {}
        mats = {}
        for fi, field in enumerate(FIELDS):
            terms = [pair[fi][space][0] for pair in analysed]
            lengths = np.array([pair[fi][space][1] for pair in analysed], dtype=np.float64)
            mats[field] = bm25_term_matrix(terms, lengths, vocab, k1=k1, b=b[field])
        n_terms = len(vocab)
        for field, m in mats.items():
            m = m.tocsr()
            if m.shape[0] < n_terms:  # the title matrix was built before the body grew the vocabulary
                m = sp.csr_matrix((m.data, m.indices, np.concatenate(
                    [m.indptr, np.full(n_terms - m.shape[0], m.indptr[-1], dtype=m.indptr.dtype)]
                )), shape=(n_terms, m.shape[1]))
            arrays[f"{space}_{field}_data"] = m.data.astype(np.float32)
            arrays[f"{space}_{field}_indices"] = m.indices.astype(np.int32)
            arrays[f"{space}_{field}_indptr"] = m.indptr.astype(np.int64)
        arrays[f"{space}_vocab"] = _pack_vocab(vocab)
        meta["vocab_size"][space] = n_terms
    return arrays, meta


def write_lexical(out_dir: Path, titles: list[str], bodies: list[str]) -> None:
    """Build the BM25 index of rows (title, body) and write it into out_dir.

    Args:
        out_dir: folder (created if needed); receives lexical.npz and lexical.json.
        titles: title of each row (procedure name, article heading); weighs more.
        bodies: body text of each row.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    arrays, meta = build_arrays(list(titles), list(bodies))
    tmp = out_dir / "lexical.tmp.npz"
    with open(tmp, "wb") as fh:
        np.savez(fh, **arrays)
    os.replace(tmp, out_dir / "lexical.npz")
    tmpj = out_dir / "lexical.tmp.json"
    tmpj.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmpj, out_dir / "lexical.json")


__all__ = ["analyse", "bm25_term_matrix", "build_arrays", "field_terms", "write_lexical"]
