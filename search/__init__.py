"""Search over a RaSoát index bundle: ``from search import open_index``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from search.index import SearchIndex


def open_index(path) -> "SearchIndex":
    """Open the live version of the bundle at ``path`` (see ``search.index.open_index``)."""
    from search.index import open_index as _open

    return _open(path)


__all__ = ["open_index"]
