"""The plain BM25 matrix builder kept as a reference for the tests (not used by the product).

``indexer.lexical.build_arrays`` / ``build_arrays_from_store`` must give exactly these arrays.
"""

from __future__ import annotations

from typing import Iterable

import numpy as np
import scipy.sparse as sp

from indexer.lexical import DEFAULT_B, DEFAULT_K1, FIELDS, SPACES, _meta, _pack_vocab, analyse, bm25_term_matrix


def reference_build_arrays(
    titles: list[str],
    bodies: list[str],
    *,
    k1: float = DEFAULT_K1,
    b: dict[str, float] | None = None,
    analysed: Iterable[tuple[dict, dict]] | None = None,
    body_has_title: bool = True,
) -> tuple[dict[str, np.ndarray], dict]:
    """Analyse every row and grow one vocabulary per space field by field (titles first).

    With ``body_has_title`` the body field holds the title's terms and length too.
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
    meta = _meta(len(titles), k1, b, body_has_title)
    for space in SPACES:
        vocab: dict[str, int] = {}
        mats = {}
        for fi, field in enumerate(FIELDS):
            terms = [pair[fi][space][0] for pair in analysed]
            lengths = np.array([pair[fi][space][1] for pair in analysed], dtype=np.float64)
            if field == "body" and body_has_title:
                terms = [pair[0][space][0] + t for pair, t in zip(analysed, terms)]
                lengths = lengths + np.array([pair[0][space][1] for pair in analysed], dtype=np.float64)
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
