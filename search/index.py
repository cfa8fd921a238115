"""``SearchIndex``: the read side of a bundle (hybrid search, records, vectors).

A SearchIndex is a snapshot of the version that was live when it was opened;
indexing in another process never disturbs it (a new version is written beside
it). Open again (``open_index``) to see a newer version.

Filters (``where``): keys ``kind``, ``field`` (lĩnh vực), ``level``, ``agency``,
``doc_number``, ``code``, ``part``; values compared case- and accent-insensitively
(``vietnamese.fold``). ``kind``, ``code`` and ``part`` must be equal; the others
match when the value is contained in the unit's value (``level=tỉnh`` matches
"Cấp tỉnh"; ``doc_number=63/2010`` matches procedures whose decision or legal
basis cites 63/2010/NĐ-CP). A list value means any of them. Several keys: all of them.

Codes: a query that holds a record's code as a word ("thủ tục 1.001193", "QT-TP-01") puts that
record first, in every mode and within the filters — the code is written nowhere in the searched
text, and an officer who types it means that record.

Levels: a query that names where the asker goes ("công an phường", "Sở Tư pháp", "Bộ Tư pháp")
prefers the procedures done at that level (``search.fusion.LEVEL_BOOST``), in every mode, when
its best hit is a procedure (a question answered by a regulation keeps its order).

Named documents: a query that names an indexed document ("theo Luật Cư trú …", "Nghị định
63", "Quyết định 19/2014/QĐ-TTg"; :class:`search.query_analysis.DocumentNames`) prefers
that document's units (``search.fusion.NAMED_BOOST``), in every mode.
"""

from __future__ import annotations

import html
import re
import threading
from pathlib import Path
from typing import Any, Iterable, Optional, Union

import numpy as np

from indexer import bundle
from indexer.records import LegalUnit, Procedure, record_from_dict
from indexer.units import Unit
from indexer.vietnamese import fold
from search.hits import Hit

MODES = ("hybrid", "lexical", "dense")
FILTER_KEYS = ("kind", "field", "level", "agency", "doc_number", "code", "part")
_EXACT_KEYS = {"kind", "code", "part"}
_KIND_ALIASES = {"thu tuc": "procedure", "thutuc": "procedure", "tthc": "procedure",
                 "van ban": "regulation", "vanban": "regulation", "dieu": "regulation", "quy dinh": "regulation",
                 "quy trinh": "process", "quytrinh": "process", "iso": "process"}


_LEVEL_IN_NAME = re.compile(r"\b(?:cap (?:xa|huyen|tinh|bo|trung uong)|trung uong)\b")  # on folded names
_CODE_EDGES = "\"'“”‘’()[]{}<>,;:?!."  # stripped around a word before it is looked up as a code


class SearchError(ValueError):
    """A bad search request (unknown mode or filter key)."""


def _make_snippet(text: str, query: str, width: int = 240) -> str:
    try:
        from search.snippets import make_snippet
    except ImportError:  # D2's module not installed: plain escaped excerpt
        cut = text[:width]
        return html.escape(cut + ("…" if len(text) > width else ""))
    return make_snippet(text, query, width)


class SearchIndex:
    """A loaded bundle version.

    Args:
        index_dir: the index folder (``--index DIR``).
        version_dir: the version folder to load (default: the live one).
    """

    def __init__(self, index_dir: Path, version_dir: Optional[Path] = None) -> None:
        from search.dense import DenseIndex
        from search.lexical import LexicalIndex

        self.path = Path(index_dir)
        v = version_dir or bundle.current_version(self.path)
        if v is None:
            raise bundle.IndexMissingError(
                f"Chưa có chỉ mục tại {self.path} — hãy chạy: rasoat index <NGUỒN> --index {self.path}"
            )
        self.version_dir = Path(v)
        self.manifest: dict = bundle.read_manifest(self.version_dir)
        files = self.manifest.get("files", {})
        self._units = [Unit.from_dict(d) for d in bundle.read_jsonl(self.version_dir / files.get("units", "units.jsonl"))]
        self._record_rows: dict[str, dict] = {}
        self._record_order: list[str] = []
        for row in bundle.read_jsonl(self.version_dir / files.get("records", "records.jsonl")):
            self._record_rows[row["id"]] = row["record"]
            self._record_order.append(row["id"])
        self.dense = DenseIndex.load(self.version_dir / files.get("vectors", "vectors.faiss"))
        self.lexical = LexicalIndex.load(self.version_dir)
        self._unit_pos = {u.id: i for i, u in enumerate(self._units)}
        # code (lower case) → record ids in bundle order: a quy trình code may be shared by units
        self._code_records: dict[str, list[str]] = {}
        for rid, rec in self._record_rows.items():
            code = (rec.get("code") or "").strip()
            if code:
                self._code_records.setdefault(code.lower(), []).append(rid)
        self._records_cache: dict[str, Union[Procedure, LegalUnit]] = {}
        self._folded: dict[str, list[str]] = {}
        self._part_masks: dict[frozenset[str], np.ndarray] = {}
        self._level_masks: dict[tuple[str, ...], np.ndarray] = {}
        self._name_actions: Optional[np.ndarray] = None  # per row: index into ACTIONS, -1 = none
        self._embedder = None
        self._names = None  # (DocumentNames, row → document index), built on first use
        self._catalogue: Optional[np.ndarray] = None
        self._lock = threading.Lock()
        self.warnings: list[str] = []

    # --- records -----------------------------------------------------------------------

    def _record(self, rid: str) -> Union[Procedure, LegalUnit]:
        rec = self._records_cache.get(rid)
        if rec is None:
            rec = record_from_dict(self._record_rows[rid])
            self._records_cache[rid] = rec
        return rec

    def get(self, id_or_code: str) -> Optional[Union[Procedure, LegalUnit]]:
        """A record by id (``tthc:1.000080``, ``vb:…``), unit id, or procedure code (``1.000080``).

        Args:
            id_or_code: the id or code.
        Returns:
            the Procedure / LegalUnit, or None.
        """
        key = (id_or_code or "").strip()
        rid = self.resolve_id(key)
        return self._record(rid) if rid else None

    def resolve_id(self, id_or_code: str) -> Optional[str]:
        """The bundle record id for an id, unit id or procedure code (None if unknown)."""
        key = (id_or_code or "").strip()
        if not key:
            return None
        if key in self._record_rows:
            return key
        if f"tthc:{key}" in self._record_rows:
            return f"tthc:{key}"
        pos = self._unit_pos.get(key)
        if pos is not None:
            return self._units[pos].record_id
        code = key[5:] if key.lower().startswith("tthc:") else key
        return next(iter(self._code_records.get(code.lower(), ())), None)

    def record_ids(self, kind: Optional[str] = None) -> list[str]:
        """Record ids in bundle order, optionally of one kind."""
        return [r for r in self._record_order if kind is None or self._record_rows[r].get("kind") == kind]

    def procedures(self) -> list[Procedure]:
        """Every procedure, in bundle order."""
        return [self._record(r) for r in self.record_ids("procedure")]  # type: ignore[misc]

    def regulations(self) -> list[LegalUnit]:
        """Every regulation record (normally one per Điều), in bundle order."""
        return [self._record(r) for r in self.record_ids("regulation")]  # type: ignore[misc]

    def units(self) -> list[Unit]:
        """The index units (row order of the vectors and BM25 matrices)."""
        return list(self._units)

    def procedure_vectors(self) -> tuple[list[str], np.ndarray]:
        """One vector per procedure: its whole-record unit (name unit if none).

        Returns:
            (record ids, float32 array (n, d) of L2-normalised rows).
        """
        best: dict[str, int] = {}
        for i, u in enumerate(self._units):
            if u.kind != "procedure":
                continue
            if u.part == "whole" or u.record_id not in best:
                best[u.record_id] = i
        ids = [r for r in self.record_ids("procedure") if r in best]
        rows = np.array([best[r] for r in ids], dtype=np.int64)
        vecs = np.array(self.dense.vectors[rows], dtype=np.float32) if len(rows) else \
            np.zeros((0, self.dense.index.d), dtype=np.float32)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        return ids, vecs / np.maximum(norms, 1e-12)

    # --- embedding ---------------------------------------------------------------------

    def _get_embedder(self):
        with self._lock:
            if self._embedder is None:
                from indexer.embeddings import Embedder, model_from_manifest

                self._embedder = Embedder(model_from_manifest(self.manifest.get("model", {})))
            return self._embedder

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        """Embed queries with the bundle's model (query prefix applied).

        Args:
            texts: query texts.
        Returns:
            float32 (len(texts), d), L2-normalised.
        """
        return self._get_embedder().encode(list(texts), kind="query")

    def _part_rows(self, parts: frozenset[str]) -> np.ndarray:
        """Boolean mask of the unit rows whose part is one of ``parts`` (cached)."""
        rows = self._part_masks.get(parts)
        if rows is None:
            rows = self._part_masks[parts] = np.array([u.part in parts for u in self._units], dtype=bool)
        return rows

    def dense_query_text(self, query: str) -> str:
        """The text the dense side embeds for a query.

        A query typed without diacritics gets them back from the bundle's own syllable
        statistics ("the can cuoc bi hong" → "thẻ căn cước bị hỏng"), abbreviations are
        written out ("CCCD" → "căn cước công dân"): the model reads neither
        (:mod:`search.diacritics`); the colloquial lexicon's administrative wording follows in
        brackets (``LexicalIndex.dense_query_text``).

        Args:
            query: the user's query.
        Returns:
            The text to embed.
        """
        return self.lexical.dense_query_text(query)

    # --- filters -----------------------------------------------------------------------

    def _column(self, key: str) -> list[str]:
        col = self._folded.get(key)
        if col is None:
            col = [fold(getattr(u, key) or "") for u in self._units]
            self._folded[key] = col
        return col

    def mask(self, where: Optional[dict[str, Any]]) -> Optional[np.ndarray]:
        """Boolean mask over unit rows for a ``where`` filter (None: no filter).

        Args:
            where: {key: value or list of values}; see the module docstring.
        Returns:
            the mask, or None when where is empty.
        Raises:
            SearchError: unknown key.
        """
        if not where:
            return None
        m = np.ones(len(self._units), dtype=bool)
        for key, value in where.items():
            if key not in FILTER_KEYS:
                raise SearchError(f"Khóa lọc không hợp lệ: {key!r} (dùng: {', '.join(FILTER_KEYS)})")
            values = [value] if isinstance(value, str) else list(value or [])
            wanted = [fold(str(v)).strip() for v in values if str(v).strip()]
            if key == "kind":
                wanted = [_KIND_ALIASES.get(w, w) for w in wanted]
            if not wanted:
                continue
            col = self._column(key)
            if key in _EXACT_KEYS:
                ok = set(wanted)
                m &= np.fromiter((c in ok for c in col), dtype=bool, count=len(col))
            else:
                m &= np.fromiter((any(w in c for w in wanted) for c in col), dtype=bool, count=len(col))
        return m

    # --- named documents ---------------------------------------------------------------

    def _document_names(self):
        with self._lock:
            if self._names is None:
                from search.query_analysis import DocumentNames

                docs: dict[tuple[str, str, str], int] = {}
                row_doc = np.full(len(self._units), -1, dtype=np.int64)
                for i, u in enumerate(self._units):
                    if u.kind != "regulation":
                        continue
                    rec = self._record_rows.get(u.record_id) or {}
                    key = (rec.get("doc_type") or "", rec.get("doc_number") or u.doc_number or "",
                           rec.get("doc_title") or "")
                    if any(key):
                        row_doc[i] = docs.setdefault(key, len(docs))
                self._names = (DocumentNames.build(list(docs)), row_doc)
            return self._names

    def _catalogue_rows(self) -> np.ndarray:
        """Rows named in the catalogue's language (procedure units): lexicon and title coverage apply."""
        if self._catalogue is None:
            self._catalogue = self.mask({"kind": "procedure"})
        return self._catalogue

    def named_rows(self, query: str) -> Optional[np.ndarray]:
        """Unit rows of the indexed documents that the query names (None when it names none).

        Args:
            query: the user's query.
        Returns:
            a boolean mask over unit rows, or None.
        """
        names, row_doc = self._document_names()
        found = names.find(query)
        return np.isin(row_doc, found) if found else None

    def coded_records(self, query: str) -> list[str]:
        """Record ids whose code the query holds as a word ("thủ tục 1.001193 …"), in query order.

        Args:
            query: the user's query.
        Returns:
            the record ids (empty when the query holds no known code).
        """
        found: list[str] = []
        for word in query.split():
            for rid in self._code_records.get(word.strip(_CODE_EDGES).lower(), ()):
                if rid not in found:
                    found.append(rid)
        return found

    def _code_first(self, fused: list, coded: list[str], allowed: Optional[np.ndarray]) -> list:
        """The fused hits with the records the query names by code first (their best unit, or
        the record's first unit when neither side found it)."""
        from search.fusion import FusedHit

        if not coded:
            return fused
        top = max((h.score for h in fused), default=0.0) + 1.0
        first: list = []
        for rid in coded:
            mine = [h for h in fused if self._units[int(h.row)].record_id == rid]
            if not mine:
                whole = self._unit_pos.get(f"{rid}#whole")
                rows = [whole] if whole is not None else [i for i, u in enumerate(self._units) if u.record_id == rid]
                rows = [r for r in rows if allowed is None or allowed[r]]
                mine = [FusedHit(row=rows[0], score=0.0)] if rows else []
            for h in mine[:1]:
                h.score = top
                first.append(h)
            top -= 1e-6
        keep = {id(h) for h in first}
        return first + [h for h in fused if id(h) not in keep]

    def level_rows(self, query: str) -> Optional[np.ndarray]:
        """Procedure unit rows of the level(s) the query names as the place to go (None: none named).

        "công an phường" → the procedures done at cấp xã (their "Cấp thực hiện", or a name that says
        "cấp xã"); see :func:`search.query_analysis.named_levels`.

        Args:
            query: the user's query.
        Returns:
            a boolean mask over unit rows, or None.
        """
        from search.query_analysis import named_levels

        levels = tuple(named_levels(query))
        if not levels:
            return None
        rows = self._level_masks.get(levels)
        if rows is None:
            marks = [f"cap {fold(lv)}" for lv in levels] + (["trung uong"] if "bộ" in levels else [])
            level, title = self._column("level"), self._column("title")
            # a name that states its level ("… (thực hiện tại cấp huyện)") says it better than the
            # "Cấp thực hiện" field, which the 2025 reform left at "Cấp xã" for former district procedures
            said = np.fromiter((any(m in (t if _LEVEL_IN_NAME.search(t) else lv) for m in marks)
                                for t, lv in zip(title, level)), dtype=bool, count=len(self._units))
            rows = self._catalogue_rows() & said
            self._level_masks[levels] = rows
        return rows

    def unasked_action_rows(self, query: str) -> Optional[np.ndarray]:
        """Procedure unit rows whose name opens with a derived action the query does not ask for.

        "Gia hạn giấy phép X" for "có cần giấy phép X không"; see :mod:`search.procedure_actions`.
        The lexicon's wording for the query counts as asked ("mất sổ đỏ" → "cấp lại …").

        Args:
            query: the user's query.
        Returns:
            a boolean mask over unit rows, or None (no such row: the query asks for every action, or
            no indexed name opens with one it leaves out).
        """
        from search.procedure_actions import ACTIONS, asked_actions, name_action
        from search.query_analysis import analyse_text

        names = list(ACTIONS)
        if self._name_actions is None:
            cat = self._catalogue_rows()
            acts = [name_action(u.title) if cat[i] else None for i, u in enumerate(self._units)]
            self._name_actions = np.fromiter((-1 if a is None else names.index(a) for a in acts),
                                             dtype=np.int8, count=len(self._units))
        expansions = [" ".join(e.tokens) for e in analyse_text(query, self.lexical.lexicon).expansions]
        unasked = [i for i, a in enumerate(names) if a not in asked_actions(query, expansions)]
        if not unasked:
            return None
        rows = np.isin(self._name_actions, unasked)
        return rows if rows.any() else None

    # --- search ------------------------------------------------------------------------

    def search(self, query: str, k: int = 10, where: Optional[dict[str, Any]] = None, mode: str = "hybrid",
               explain: bool = False) -> list[Hit]:
        """Search procedures and regulations; one hit per record (its best unit).

        Args:
            query: text, with or without diacritics.
            k: number of hits.
            where: filters (module docstring).
            mode: "hybrid", "lexical" or "dense".
            explain: attach each side's rank and score and the matched unit.
        Returns:
            hits, best first.
        Raises:
            SearchError: unknown mode or filter key.
        """
        from search.fusion import ACTION_PENALTY, HYBRID_DENSE_SKIPS, LEVEL_BOOST, NAMED_BOOST, fuse, params_for, prefer

        if mode not in MODES:
            raise SearchError(f"Chế độ tìm kiếm không hợp lệ: {mode!r} (dùng: {', '.join(MODES)})")
        query = (query or "").strip()
        if not query or k <= 0 or not self._units:
            return []
        allowed = self.mask(where)
        if allowed is not None and not allowed.any():
            return []
        n_cand = min(len(self._units), max(100, 10 * k))
        empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))
        named = self.named_rows(query)
        lex = (self.lexical.search(query, n_cand, allowed=allowed, prefer=named, prefer_boost=NAMED_BOOST["lexical"],
                                   catalogue=self._catalogue_rows())
               if mode in ("hybrid", "lexical") else empty)
        dense = empty
        method = None if mode == "hybrid" else mode
        if mode in ("hybrid", "dense"):
            try:
                qv = self.encode_queries([self.dense_query_text(query)])[0]
                dense_rows = allowed
                if mode == "hybrid":
                    skip = self._part_rows(HYBRID_DENSE_SKIPS)
                    dense_rows = ~skip if allowed is None else allowed & ~skip
                dense = self.dense.search(qv, n_cand, allowed=dense_rows)
            except Exception as exc:  # noqa: BLE001 - model trouble: fall back to lexical
                if mode == "dense":
                    raise
                msg = f"Không dùng được tìm kiếm ngữ nghĩa ({exc}); chỉ dùng tìm kiếm từ khóa."
                if msg not in self.warnings:
                    self.warnings.append(msg)
                method = "lexical"
        fused = fuse(lex, dense, k=n_cand, method=method,
                     **params_for(self.manifest.get("model", {}).get("name", ""), method))
        if not fused and mode == "hybrid" and len(dense[0]):
            fused = fuse(lex, dense, k=n_cand, method="dense")
        if method != "lexical":  # the lexical side already carries its own preference
            fused = prefer(fused, named, NAMED_BOOST["fused"])
        levelled = self.level_rows(query)
        if levelled is not None and fused and self._units[int(fused[0].row)].kind != "procedure":
            levelled = None  # a question answered by a regulation ("Bộ Tư pháp có trách nhiệm gì") keeps its order
        fused = prefer(fused, levelled, LEVEL_BOOST)
        unasked = self.unasked_action_rows(query)
        fused = prefer(fused, unasked, -ACTION_PENALTY)
        coded = self.coded_records(query)
        fused = self._code_first(fused, coded, allowed)
        return self._collapse(fused, query, k, explain, mode, named, coded, levelled, unasked)

    def _collapse(self, fused: Iterable, query: str, k: int, explain: bool, mode: str,
                  named: Optional[np.ndarray] = None, coded: Iterable[str] = (),
                  levelled: Optional[np.ndarray] = None, unasked: Optional[np.ndarray] = None) -> list[Hit]:
        hits: list[Hit] = []
        seen: set[str] = set()
        for fh in fused:
            u = self._units[int(fh.row)]
            if u.record_id in seen:
                continue
            seen.add(u.record_id)
            hit = self._hit(u, float(fh.score), query, fh if explain else None, mode)
            if hit.explain is not None and named is not None:
                hit.explain["named_document"] = bool(named[int(fh.row)])
            if hit.explain is not None and levelled is not None:
                hit.explain["named_level"] = bool(levelled[int(fh.row)])
            if hit.explain is not None and unasked is not None:
                hit.explain["unasked_action"] = bool(unasked[int(fh.row)])
            if hit.explain is not None and u.record_id in coded:
                hit.explain["code_match"] = True
            hits.append(hit)
            if len(hits) >= k:
                break
        return hits

    def _hit(self, u: Unit, score: float, query: str, fh, mode: str) -> Hit:
        rec = self._record_rows[u.record_id]
        text = u.body
        if u.part == "name":
            whole = self._unit_pos.get(f"{u.record_id}#whole")
            text = self._units[whole].body if whole is not None else u.body
        src = rec.get("source") or {}
        source = src.get("file", "") if isinstance(src, dict) else str(src)
        if isinstance(src, dict) and src.get("page"):
            source += f" (trang {src['page']})"
        ex = None
        if fh is not None:
            ex = {**fh.explain(), "mode": mode, "unit": u.id, "part": u.part}
        return Hit(id=u.record_id, kind=u.kind, code=rec.get("code", "") if u.kind in ("procedure", "process") else "",
                   title=u.title, citation=u.citation, score=score, snippet=_make_snippet(text, query),
                   source=source, explain=ex)

    # --- status ------------------------------------------------------------------------

    def is_stale(self) -> bool:
        """True when a newer version has been published since this one was opened."""
        v = bundle.current_version(self.path)
        return v is not None and v.name != self.version_dir.name

    def status(self) -> dict[str, Any]:
        """Summary for UIs: version, build time, counts, model, dense index type, warnings."""
        m = self.manifest
        model = m.get("model", {})
        return {
            "path": str(self.path),
            "version": self.version_dir.name,
            "built": m.get("built", ""),
            "documents": len(self._record_rows),
            "procedures": len(self.record_ids("procedure")),
            "regulations": len(self.record_ids("regulation")),
            "processes": len(self.record_ids("process")),
            "units": len(self._units),
            "sources": len(m.get("sources", {})),
            "model": model.get("name", ""),
            "dimension": model.get("dimension", 0),
            "dense": self.dense.kind,
            "stale": self.is_stale(),
            "warnings": list(self.warnings),
        }


def open_index(path: "str | Path") -> SearchIndex:
    """Open the live version of the bundle at ``path``.

    Args:
        path: the index folder (``--index DIR``).
    Returns:
        the SearchIndex.
    Raises:
        indexer.bundle.IndexMissingError: no complete version there.
    """
    path = Path(path)
    for attempt in range(3):
        try:
            return SearchIndex(path)
        except (FileNotFoundError, OSError) as exc:
            if isinstance(exc, bundle.IndexMissingError) or attempt == 2:
                raise
    raise bundle.IndexMissingError(str(path))  # pragma: no cover
