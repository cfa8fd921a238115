"""Dense (vector) search with FAISS over L2-normalised vectors (inner product = cosine).

Exact ``IndexFlatIP`` up to ``ANN_THRESHOLD`` vectors, ``IndexIVFFlat`` (inner product,
about sqrt(n) lists, ``IVF_NPROBE`` probed) above it; ``IndexHNSWFlat`` is also read
but not built by default: on the shared 2-core machine it took ~2 min to build for
20k vectors (docs/benchmarks.md). Row i of the index is unit row i of the bundle. Updates and
deletes are handled by building each bundle version from the embedding cache
(only changed units are re-embedded), so row ids always match ``units.jsonl``.
Saved with ``faiss.write_index`` (no pickle).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

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


def _faiss():
    import faiss

    return faiss


def build_index(vectors: np.ndarray, *, threshold: int = ANN_THRESHOLD, kind: str = "ivf"):
    """Build a FAISS index whose row ids are the rows of ``vectors``.

    Args:
        vectors: (n, d) float32, L2-normalised.
        threshold: above this many rows use an approximate index instead of exact search.
        kind: the approximate index: "ivf" (default) or "hnsw".
    Returns:
        the FAISS index.
    """
    faiss = _faiss()
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
    _faiss().write_index(index, str(path))


class DenseIndex:
    """A loaded FAISS index plus the vectors it holds (for filters and per-record vectors).

    Args:
        index: FAISS index (flat or HNSW flat).
    """

    def __init__(self, index) -> None:
        self.index = index
        faiss = _faiss()
        n, d = index.ntotal, index.d
        if isinstance(index, faiss.IndexIVF):
            index.nprobe = max(index.nprobe, IVF_NPROBE)
            index.make_direct_map()
            self.vectors = index.reconstruct_n(0, n) if n else np.zeros((0, d), dtype=np.float32)
            return
        if isinstance(index, faiss.IndexHNSW):
            index.hnsw.efSearch = max(index.hnsw.efSearch, HNSW_EF_SEARCH)
            storage = faiss.downcast_index(index.storage)
        else:
            storage = index
        if n:
            self.vectors = faiss.rev_swig_ptr(storage.get_xb(), n * d).reshape(n, d)
        else:
            self.vectors = np.zeros((0, d), dtype=np.float32)

    @classmethod
    def load(cls, path: Path) -> "DenseIndex":
        """Read a FAISS index written by ``save_index``."""
        return cls(_faiss().read_index(str(path)))

    @property
    def size(self) -> int:
        return int(self.index.ntotal)

    @property
    def exact(self) -> bool:
        return self.kind == "flat"

    @property
    def kind(self) -> str:
        """"flat", "ivf" or "hnsw"."""
        faiss = _faiss()
        if isinstance(self.index, faiss.IndexIVF):
            return "ivf"
        return "hnsw" if isinstance(self.index, faiss.IndexHNSW) else "flat"

    def search(self, query: np.ndarray, k: int, allowed: Optional[np.ndarray] = None
               ) -> tuple[np.ndarray, np.ndarray]:
        """Nearest rows by cosine similarity.

        Args:
            query: (d,) or (1, d) normalised query vector.
            k: how many rows.
            allowed: boolean mask over rows (filters) or None.
        Returns:
            (rows int64, scores float32), best first.
        """
        q = np.ascontiguousarray(query, dtype=np.float32).reshape(1, -1)
        n = self.size
        if n == 0 or k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        if allowed is not None:
            rows = np.flatnonzero(allowed)
            if len(rows) == 0:
                return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
            if len(rows) < n:
                scores = self.vectors[rows] @ q[0]
                top = _top_k(scores, k)
                return rows[top].astype(np.int64), scores[top].astype(np.float32)
        k = min(k, n)
        faiss = _faiss()
        before = faiss.omp_get_max_threads()
        faiss.omp_set_num_threads(1)  # one query: OpenMP threads only add contention (speed.md)
        try:
            scores, rows = self.index.search(q, k)
        finally:
            faiss.omp_set_num_threads(before)
        keep = rows[0] >= 0
        return rows[0][keep].astype(np.int64), scores[0][keep].astype(np.float32)


def _top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k largest scores, best first."""
    k = min(k, len(scores))
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    part = np.argpartition(-scores, k - 1)[:k]
    return part[np.argsort(-scores[part], kind="stable")]
