"""The web app's handle on the index: opened lazily, re-opened when a new bundle version is published.

One ``IndexHolder`` is created per app (no module-level state). Searches keep using the
``SearchIndex`` they got while a reindex publishes a new version; the next call sees the new one.
Derived results (duplicates, candidates, facets) are cached per bundle version.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Callable


class NoIndexError(RuntimeError):
    """Raised when the index folder holds no complete bundle yet."""


class IndexHolder:
    """Lazily opened, version-aware SearchIndex plus a small per-version cache.

    Args:
        index_dir: the bundle folder (``--index``).
        data_dir: folder where uploaded files are stored.
    """

    def __init__(self, index_dir: str | Path, data_dir: str | Path) -> None:
        self.index_dir = Path(index_dir)
        self.data_dir = Path(data_dir)
        self._lock = threading.RLock()
        self._index: Any = None
        self._cache: dict[str, Any] = {}
        self.reindex_lock = threading.Lock()

    def get(self) -> Any:
        """The current SearchIndex (re-opened if a newer bundle version was published).

        Raises:
            NoIndexError: no bundle exists yet (or it cannot be opened).
        """
        from search import open_index

        with self._lock:
            index = self._index
            if index is not None:
                try:
                    if not index.is_stale():
                        return index
                except Exception:  # noqa: BLE001 - cannot tell: keep answering from what we have
                    return index
            try:
                fresh = open_index(self.index_dir)
            except Exception as exc:  # noqa: BLE001 - half-written or missing bundle
                if index is not None:
                    return index
                raise NoIndexError(
                    f"Chưa có chỉ mục dùng được trong thư mục {self.index_dir} ({exc}). "
                    "Hãy tải dữ liệu lên ở thẻ “Dữ liệu” hoặc chạy: rasoat index <nguồn> --index "
                    f"{self.index_dir}"
                ) from exc
            self._index, self._cache = fresh, {}
            return fresh

    def reload(self) -> Any:
        """Force re-opening the index (after a reindex finished)."""
        with self._lock:
            self._index = None
        return self.get()

    def cached(self, key: str, compute: Callable[[Any], Any]) -> Any:
        """Compute ``compute(index)`` once per bundle version."""
        index = self.get()
        with self._lock:
            if key in self._cache and self._index is index:
                return self._cache[key]
        value = compute(index)
        with self._lock:
            if self._index is index:
                self._cache[key] = value
        return value

    def forget(self, key: str) -> None:
        """Drop one cached value (e.g. after a review changed)."""
        with self._lock:
            self._cache.pop(key, None)
