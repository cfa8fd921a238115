"""Dense (vector) search with FAISS over L2-normalised vectors (inner product = cosine).

The index is built by ``indexer.faiss_index`` when a bundle version is written (exact up to
``ANN_THRESHOLD`` vectors, IVF above; HNSW is also read). Row i of the index is unit row i of
the bundle: each bundle version is built from the embedding cache, so row ids always match
``units.jsonl``. Read with ``faiss.read_index`` (no pickle).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import numpy as np

from indexer.faiss_index import HNSW_EF_SEARCH, IVF_NPROBE


def _faiss():
    import faiss

    return faiss


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
