"""The FAISS index of a bundle version, written by the pipeline (the write side of ``search.dense``).

Exact ``IndexFlatIP`` up to ``ANN_THRESHOLD`` vectors, ``IndexIVFFlat`` (inner product, about
sqrt(n) lists, ``IVF_NPROBE`` probed) above it; ``IndexHNSWFlat`` can be built but is not the
default: on the shared 2-core machine it took ~2 min to build for 20k vectors
(docs/benchmarks.md). Row i of the index is unit row i of the bundle. Saved with
``faiss.write_index`` (no pickle).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

# Measured in benchmarks/speed.py (docs/benchmarks.md): on the shared 2-core machine exact
# search of one 384-d query (one thread) costs p95 ~17 ms at 50k vectors, ~37 ms at 100k and
# ~84 ms at 200k, while IVF (nlist sqrt(n), nprobe 96) stays ~6-14 ms at 200k with recall@10
# ~0.8 on clustered vectors; above this many vectors IVF keeps a hybrid query under 100 ms.
ANN_THRESHOLD = 50_000
HNSW_THRESHOLD = ANN_THRESHOLD  # former name
IVF_NPROBE = 96
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 128


def build_index(vectors: np.ndarray, *, threshold: int = ANN_THRESHOLD, kind: str = "ivf"):
    """Build a FAISS index whose row ids are the rows of ``vectors``.

    Args:
        vectors: (n, d) float32, L2-normalised.
        threshold: above this many rows use an approximate index instead of exact search.
        kind: the approximate index: "ivf" (default) or "hnsw".
    Returns:
        the FAISS index.
    """
    import faiss

    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    n = len(vectors)
    d = int(vectors.shape[1]) if vectors.ndim == 2 and vectors.shape[1] else 1
    if n > threshold and kind == "hnsw":
        index = faiss.IndexHNSWFlat(d, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
    elif n > threshold:
        nlist = int(max(16, min(4096, round(np.sqrt(n)))))
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(d), d, nlist, faiss.METRIC_INNER_PRODUCT)
        rng = np.random.default_rng(0)
        sample = vectors[rng.choice(n, size=min(n, 40 * nlist), replace=False)]
        index.train(sample)
        index.nprobe = IVF_NPROBE
    else:
        index = faiss.IndexFlatIP(d)
    if n:
        index.add(vectors)
    return index


def save_index(index, path: Path) -> None:
    """Write a FAISS index with ``faiss.write_index``."""
    import faiss

    faiss.write_index(index, str(path))
