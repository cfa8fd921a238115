"""A search result."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

HIT_KEYS = ("id", "kind", "code", "title", "citation", "score", "snippet", "source")


@dataclass
class Hit:
    """One search result (one record; its best-matching unit decides score, citation and snippet).

    Attributes:
        id: record id (``tthc:1.000080``, ``vb:19/2014/QĐ-TTg|5``).
        kind: "procedure" or "regulation".
        code: procedure code ("" for regulations).
        title: procedure name, or "Điều 5. <tên> — Quyết định 19/2014/QĐ-TTg".
        citation: ready to paste ("Thủ tục 1.000080: <tên>", "Điều 5 khoản 2, Quyết định 19/2014/QĐ-TTg").
        score: fused score (higher is better; comparable only within one result list).
        snippet: HTML-escaped excerpt with ``<mark>…</mark>`` around query words.
        source: the file the record was read from (with page when known).
        explain: per-side ranks and scores, matched unit (only when asked).
    """

    id: str
    kind: str
    code: str
    title: str
    citation: str
    score: float
    snippet: str
    source: str
    explain: Optional[dict[str, Any]] = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the eight keys of HIT_KEYS, plus "explain" when it was asked for."""
        d = {k: getattr(self, k) for k in HIT_KEYS}
        d["score"] = round(float(self.score), 6)
        if self.explain is not None:
            d["explain"] = self.explain
        return d
