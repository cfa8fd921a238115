"""Match a list of procedures (CSV/XLSX rows: name, maybe a code) to the procedures of an index.

- Codes such as "1.012275.H36" or "1.003695.000.00.00.H36" carry the national base code
  (1.012275): it is used when it exists in the index and the names roughly agree
  (hand-typed lists carry wrong codes);
- names alone work: accent-less, abbreviations (UBND, GCN…), dropped words, typos, the level
  in brackets or bare ("(cấp tỉnh)", "cấp xã") — which also chooses between the same procedure
  at two levels; "cấp huyện" (abolished in 2025: its procedures went to cấp xã or cấp tỉnh)
  chooses nothing;
- what real lists add is cleaned first (``clean_row``): a row number, a leading "Thủ tục", a
  province suffix ("(TP Đà Nẵng)", "- tỉnh Quảng Ninh");
- a cell holding several procedures (one per line, or separated by ";") is matched part by part
  (``MatchResult.parts``).
Names are compared with character n-gram TF-IDF (scikit-learn) over the folded,
abbreviation-expanded name, then re-ranked with rapidfuzz; the semantic vectors of the bundle
(``DenseNames``) add candidates and a share of the score when given. A row that is not clearly
one procedure is ``ambiguous`` rather than a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

import numpy as np
from rapidfuzz import fuzz
from sklearn.feature_extraction.text import TfidfVectorizer

from indexer.records import CatalogueEntry, Procedure
from indexer.vietnamese import fold, normalize
from search.duplicates.names import _FILLER, level_hint, levels_of, name_key, split_action

#: a best score at least this is "matched" (when clear of the runner-up)
MATCH_THRESHOLD = 0.6
#: a best score between this and MATCH_THRESHOLD is "ambiguous" (a candidate, not a match); below: "unmatched"
GREY_THRESHOLD = 0.5
#: two candidates closer than this (and over MATCH_THRESHOLD) make the row "ambiguous"
AMBIGUITY_GAP = 0.03
#: a row naming less than this share of the best candidate's words (and missing 2+ of them) is
#: "ambiguous": a shortened name that may be another procedure with the same beginning
MIN_COVERAGE = 0.7
#: a best candidate with this many content words the row lacks inside the name is "ambiguous"
MAX_INNER_MISSING = 2
#: share of the dense (semantic) cosine in the score when vectors are given
DENSE_WEIGHT = 0.2
#: whether ``match_catalogue`` uses the bundle's vectors: off until benchmarks/matching.py --index
#: shows that they help (the e5 bundle was not measured yet; names alone reach acc@1 0.975)
USE_DENSE = False
#: names must agree at least this much (0..100) for a code to be trusted
CODE_NAME_AGREEMENT = 60.0
_CANDIDATES = 30
_STOP = {"va", "cua", "cac", "cho", "doi", "voi", "tai", "theo", "trong", "nhung", "mot", "so", "thu", "tuc", "o"}
_BASE_CODE = re.compile(r"(?<![\d.])(\d\.\d{6})(?![\d])")


@dataclass
class MatchResult:
    """The outcome of matching one list row.

    Attributes:
        entry: the row as read.
        status: "matched", "ambiguous" or "unmatched".
        matches: best candidates (code, title, level, score 0..1), best first.
        via: "code" when the row's code decided, "name" otherwise.
        reason: short Vietnamese explanation.
        parts: one result per procedure when the cell holds several (``matches`` then holds the
            best candidate of each part).
    """

    entry: CatalogueEntry
    status: str
    matches: list[dict[str, Any]] = field(default_factory=list)
    via: str = "name"
    reason: str = ""
    parts: list["MatchResult"] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "input": {"row": self.entry.row, "name": self.entry.name, "code": self.entry.code},
            "status": self.status,
            "matches": self.matches,
            "via": self.via,
            "reason": self.reason,
        }
        if self.parts:
            d["parts"] = [p.to_dict() for p in self.parts]
        return d


def base_code(text: str) -> str:
    """The national base code inside a code such as "1.003695.000.00.00.H36" ("1.003695"), or ""."""
    m = _BASE_CODE.search(text or "")
    return m.group(1) if m else ""


_ROW_NUMBER = re.compile(r"^\s*(?:\d{1,4}(?:\.\d{1,3})*[.)]?|[a-zđ][.)]|[IVX]{1,5}[.)]|[-–•*+])\s+", re.I)
_LEADING_TTHC = re.compile(r"^\s*(?:thủ tục hành chính|thủ tục|tthc)\s*[:\-–]?\s*", re.I)
_PLACE = r"(?:tỉnh|thành phố|tp\.?|t\.p\.?|ubnd tỉnh|ubnd thành phố|ubnd tp\.?)"
_PROVINCE_BRACKET = re.compile(r"\(\s*(?:" + _PLACE + r"\s+)?[^()]*\)\s*$", re.I)
_PROVINCE_TAIL = re.compile(r"\s+[-–—]\s*" + _PLACE + r"\s+[^()\-–—]+$", re.I)
_LEVEL_WORDS = re.compile(r"\b(?:thực hiện\s+)?(?:tại\s+|ở\s+)?cấp\s+(?:tỉnh|huyện|xã|bộ|trung ương)\b", re.I)
_CELL_SPLIT = re.compile(r"\s*(?:\n+|;\s+|\s(?=\d{1,2}[.)]\s+[A-ZĐÀ-Ỹ]))\s*")


def _proper_name(text: str) -> bool:
    """A place name such as "Hà Nội", "Đà Nẵng" (2–4 capitalised words, no numbers or ranks)."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and not re.fullmatch(r"[IVX]+|\d+\w*", w) for w in words)


def clean_row(text: str) -> tuple[str, str]:
    """What a list adds to a procedure name removed; the level it names kept as a hint.

    Args:
        text: the name as typed ("12. Thủ tục đăng ký khai sinh (TP Đà Nẵng)").
    Returns:
        (the cleaned name, the level hint such as "Cấp xã" or "").
    """
    s = normalize(text or "").strip()
    hint = ""
    for _ in range(3):
        before = s
        s = _ROW_NUMBER.sub("", s)
        s = _LEADING_TTHC.sub("", s)
        m = _PROVINCE_BRACKET.search(s)
        if m:
            inner = m.group(0)
            lv = level_hint(inner)
            if lv:
                hint = hint or lv
                s = s[: m.start()].rstrip()
            elif re.search(r"^\(\s*" + _PLACE + r"\s", inner, re.I) or _proper_name(inner.strip("() ")):
                s = s[: m.start()].rstrip()  # a province or town name in brackets
        s = _PROVINCE_TAIL.sub("", s).strip(" .;,-–")
        if s == before:
            break
    tail = _LEVEL_WORDS.search(s)
    if tail and s[tail.end():].strip(" .;,-–()") == "":
        hint = hint or level_hint(tail.group(0))
        s = s[: tail.start()].rstrip(" -–,(")
    return s, hint


def split_cell(text: str) -> list[str]:
    """The procedures of a cell that holds several (one per line, ";", or "1. … 2. …"); [text] otherwise."""
    parts = [p.strip(" ;,") for p in _CELL_SPLIT.split(text or "") if p and p.strip(" ;,")]
    parts = [p for p in parts if len(name_key(p).split()) >= 3]
    return parts if len(parts) >= 2 else [text]


def _entry_hint(e: CatalogueEntry) -> str:
    hint = level_hint(" ".join(re.findall(r"\(([^()]*)\)", e.name)))
    if not hint:
        for k, v in e.extra.items():
            if "cap" in name_key(k) or "level" in k.lower():
                hint = level_hint(v) or hint
    return hint or clean_row(e.name)[1]


class DenseNames:
    """Semantic vectors of the procedures and a query encoder (from a bundle).

    Args:
        vectors: code → L2-normalised vector.
        encode: texts → L2-normalised query vectors (the bundle's model, query role).
    """

    def __init__(self, vectors: dict[str, np.ndarray], encode: Any) -> None:
        self.vectors = vectors
        self.encode = encode

    @classmethod
    def from_index(cls, index: Any) -> "DenseNames":
        """Vectors of a ``SearchIndex`` (``procedure_vectors``) and its ``encode_queries``."""
        ids, vecs = index.procedure_vectors()
        code = {p.id: (p.code or p.id) for p in index.procedures()}
        return cls({code.get(i, i): v for i, v in zip(ids, np.asarray(vecs, dtype=np.float32))},
                   index.encode_queries)


class CatalogueMatcher:
    """Name matcher over a fixed set of procedures (build once, match many rows).

    Args:
        procedures: the procedures of the index.
        dense: semantic vectors and encoder (optional; ``DenseNames.from_index``).
        dense_weight: share of the rescaled dense cosine in the score.
    """

    def __init__(self, procedures: Sequence[Procedure], dense: "DenseNames | None" = None,
                 dense_weight: float = DENSE_WEIGHT) -> None:
        self.procedures = list(procedures)
        self.keys = [name_key(p.name) for p in self.procedures]
        self.words = [set(k.split()) for k in self.keys]
        self.by_code = {p.code: i for i, p in enumerate(self.procedures) if p.code}
        self.levels = [levels_of(p.level) | levels_of(level_hint(p.name))
                       for p in self.procedures]
        self.actions = [split_action(p.name)[0] for p in self.procedures]
        self.vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, dtype=np.float32)
        self.x = self.vec.fit_transform(self.keys or [""]).tocsr()
        self.dense = dense
        self.dense_weight = float(dense_weight) if dense is not None else 0.0
        self.v: Optional[np.ndarray] = None
        if dense is not None and self.procedures:
            dim = len(next(iter(dense.vectors.values()))) if dense.vectors else 1
            self.v = np.stack([dense.vectors.get(p.code or p.id, np.zeros(dim, np.float32))
                               for p in self.procedures]).astype(np.float32)
            rng = np.random.default_rng(0)
            i, j = rng.integers(0, len(self.v), 2000), rng.integers(0, len(self.v), 2000)
            self.baseline = float(np.einsum("ij,ij->i", self.v[i], self.v[j]).mean())

    def _row(self, i: int, score: float) -> dict[str, Any]:
        p = self.procedures[i]
        return {"code": p.code or p.id, "title": p.name, "level": p.level, "score": round(float(score), 4)}

    def _missing(self, core: set[str], i: int) -> int:
        """Words of the row the candidate lacks (a near twin of 4+ letters counts: typos)."""
        miss = 0
        cw = self.words[i]
        for w in core:
            if w in cw:
                continue
            if len(w) >= 4 and any(fuzz.ratio(w, v) >= 75 for v in cw if abs(len(v) - len(w)) <= 2):
                continue
            miss += 1
        return miss

    def _inner_missing(self, row_words: set[str], i: int) -> list[str]:
        """Content words of the candidate the row lacks *before* the row's last word (not explained by
        a shortened name: "Phê duyệt quy hoạch" ≠ "Phê duyệt điều chỉnh quy hoạch")."""
        cw = self.keys[i].split()
        have = [self._has(w, row_words) for w in cw]
        last = max((k for k, h in enumerate(have) if h), default=-1)
        return [w for w, h in zip(cw[:last], have[:last]) if not h and w not in _STOP and w not in _FILLER]

    @staticmethod
    def _has(w: str, row_words: set[str]) -> bool:
        return w in row_words or (len(w) >= 4 and any(fuzz.ratio(w, v) >= 75 for v in row_words
                                                      if abs(len(v) - len(w)) <= 2))

    def _coverage(self, row_words: set[str], i: int) -> tuple[float, int]:
        """Share of the candidate's words (small words aside) the row has, and how many it lacks."""
        cw = [w for w in self.keys[i].split() if w not in _STOP]
        if not cw:
            return 1.0, 0
        have = 0
        for w in cw:
            if w in row_words or (len(w) >= 4 and any(fuzz.ratio(w, v) >= 75 for v in row_words
                                                      if abs(len(v) - len(w)) <= 2)):
                have += 1
        return have / len(cw), len(cw) - have

    def _rank(self, key: str, hint: str, k: int, core: set[str], action: str = "",
              qvec: Optional[np.ndarray] = None) -> list[tuple[int, float]]:
        q = self.vec.transform([key])
        cos = np.asarray((self.x @ q.T).todense()).ravel()
        top = list(np.argsort(-cos, kind="stable")[:_CANDIDATES])
        dcos = None
        if qvec is not None and self.v is not None:
            dcos = np.clip((self.v @ qvec - self.baseline) / max(1.0 - self.baseline, 1e-6), 0.0, 1.0)
            top += [i for i in np.argsort(-dcos, kind="stable")[:10] if i not in set(top)]
        hint_key = fold(hint) if hint else ""
        scored = []
        for i in top:
            if cos[i] <= 0 and dcos is None:
                continue
            ck = self.keys[i]
            fz = 0.5 * fuzz.token_set_ratio(key, ck) + 0.5 * fuzz.token_sort_ratio(key, ck)
            s = 0.5 * float(cos[i]) + 0.5 * fz / 100.0
            if dcos is not None:
                s = (1.0 - self.dense_weight) * s + self.dense_weight * float(dcos[i])
            if core:  # words of the row that the candidate lacks: another object (rượu ≠ thuốc lá)
                missing = self._missing(core, int(i))
                s -= 0.15 * missing + 0.5 * missing / len(core)
            if action and self.actions[i] and action != self.actions[i]:
                s -= 0.3  # cấp lại ≠ cấp mới: another member of the permit family
            if hint_key and hint_key != "cap huyen":  # cấp huyện is gone (2025): its procedures moved
                if hint_key in self.levels[i]:
                    s += 0.05
                elif self.levels[i]:
                    s -= 0.05
            scored.append((int(i), min(max(s, 0.0), 1.0)))
        scored.sort(key=lambda t: -t[1])
        return scored[: max(k, 2)]

    def match(self, e: CatalogueEntry, k: int = 3, _qvec: Optional[np.ndarray] = None) -> MatchResult:
        """Match one row (a cell with several procedures is matched part by part).

        Args:
            e: the row (name and/or code).
            k: how many candidates to report.

        Returns:
            A ``MatchResult`` (``parts`` set for a cell with several procedures).
        """
        cells = split_cell(e.name) if not (base_code(e.code) or base_code(e.name)) else [e.name]
        whole = None
        if len(cells) > 1 and "\n" not in e.name.strip():  # "…; …" can be one long name: the whole first
            whole = self.match(CatalogueEntry(name=e.name.replace(";", ","), code=e.code, row=e.row, extra=e.extra,
                                              source=e.source), k)
            if whole.status == "matched" and whole.matches and whole.matches[0]["score"] >= 0.75:
                whole.entry = e
                return whole
        if len(cells) > 1:
            parts = [self.match(CatalogueEntry(name=c, row=e.row, extra=e.extra, source=e.source), k)
                     for c in cells]
            status = "matched" if all(p.status == "matched" for p in parts) else (
                "unmatched" if all(p.status == "unmatched" for p in parts) else "ambiguous")
            best = [p.matches[0] for p in parts if p.matches and p.status != "unmatched"]
            return MatchResult(e, status, best, "name",
                               f"ô có {len(parts)} thủ tục: " + "; ".join(
                                   f"{p.entry.name[:40]} → {p.status}" for p in parts), parts)
        key = name_key(e.name)
        code = base_code(e.code) or base_code(e.name)
        note = ""
        if code and code in self.by_code:
            i = self.by_code[code]
            agree = 100.0 if not key else max(fuzz.token_set_ratio(key, self.keys[i]), fuzz.ratio(key, self.keys[i]))
            if agree >= CODE_NAME_AGREEMENT:
                return MatchResult(e, "matched", [self._row(i, 1.0)], "code",
                                   f"mã {code} có trong cơ sở dữ liệu, tên khớp ({agree:.0f}/100)")
            note = f"mã {code} không khớp tên ({agree:.0f}/100); "
        elif code:
            note = f"mã {code} không có trong cơ sở dữ liệu; "
        clean, _ = clean_row(e.name)
        key = name_key(clean)
        if not key:
            return MatchResult(e, "unmatched", [], "name", note + "dòng không có tên thủ tục")
        core = set(name_key(re.sub(r"\([^()]*\)", " ", clean)).split()) - _STOP
        qvec = _qvec
        if qvec is None and self.dense is not None:
            qvec = np.asarray(self.dense.encode([clean]), dtype=np.float32)[0]
        ranked = self._rank(key, _entry_hint(e), k, core, split_action(clean)[0], qvec)
        matches = [self._row(i, s) for i, s in ranked[:k]]
        if not ranked or ranked[0][1] < GREY_THRESHOLD:
            return MatchResult(e, "unmatched", matches, "name", note + "không tìm thấy thủ tục đủ giống")
        if ranked[0][1] < MATCH_THRESHOLD:
            return MatchResult(e, "ambiguous", matches, "name",
                               note + f"thủ tục gần nhất chưa đủ giống ({ranked[0][1]:.2f}); hãy kiểm tra")
        hint = fold(_entry_hint(e))
        lv = self.levels[ranked[0][0]]
        if hint and hint != "cap huyen" and lv and hint not in lv:
            return MatchResult(e, "ambiguous", matches, "name",
                               note + f"dòng ghi {_entry_hint(e).lower()} nhưng thủ tục gần nhất thực hiện ở "
                               f"{self.procedures[ranked[0][0]].level.lower()}: hãy kiểm tra")
        inner = self._inner_missing(set(key.split()), ranked[0][0])
        if len(inner) >= MAX_INNER_MISSING:
            return MatchResult(e, "ambiguous", matches, "name",
                               note + f"thủ tục gần nhất có thêm các từ «{' '.join(inner[:5])}» mà dòng không có: "
                               "có thể là thủ tục khác; hãy kiểm tra")
        covered, lacking = self._coverage(set(key.split()), ranked[0][0])
        if covered < MIN_COVERAGE and lacking >= 2:
            return MatchResult(e, "ambiguous", matches, "name",
                               note + f"tên trong danh mục chỉ có {covered:.0%} số từ của thủ tục gần nhất "
                               f"(thiếu {lacking} từ): có thể là thủ tục khác cùng phần đầu tên; hãy kiểm tra")
        if len(ranked) > 1 and ranked[1][1] >= MATCH_THRESHOLD and ranked[0][1] - ranked[1][1] < AMBIGUITY_GAP:
            return MatchResult(e, "ambiguous", matches, "name",
                               note + "nhiều thủ tục gần như nhau (ví dụ cùng tên ở các cấp khác nhau); "
                               "hãy ghi rõ cấp hoặc mã")
        return MatchResult(e, "matched", matches, "name", note + f"khớp theo tên ({ranked[0][1]:.2f})")

    def match_all(self, entries: Sequence[CatalogueEntry], k: int = 3) -> list[MatchResult]:
        """Match many rows (queries encoded in one batch when vectors are used)."""
        qv: list[Optional[np.ndarray]] = [None] * len(entries)
        if self.dense is not None:
            single = [i for i, e in enumerate(entries) if len(split_cell(e.name)) == 1 and name_key(e.name)]
            if single:
                vecs = np.asarray(self.dense.encode([clean_row(entries[i].name)[0] for i in single]),
                                  dtype=np.float32)
                for i, v in zip(single, vecs):
                    qv[i] = v
        return [self.match(e, k, qv[i]) for i, e in enumerate(entries)]


def match_catalogue(index: Any, entries: list[CatalogueEntry], k: int = 3,
                    use_dense: bool = USE_DENSE) -> list[MatchResult]:
    """Match list rows to the procedures of an index.

    Args:
        index: a ``SearchIndex`` (``procedures()``; ``procedure_vectors``/``encode_queries`` when
            ``use_dense``).
        entries: the rows (``CatalogueEntry`` from ``indexer.readers.read_path``).
        k: candidates per row.
        use_dense: add the bundle's semantic vectors to the names.

    Returns:
        One ``MatchResult`` per row, in order.
    """
    dense = None
    if use_dense and hasattr(index, "procedure_vectors") and hasattr(index, "encode_queries"):
        try:
            dense = DenseNames.from_index(index)
        except Exception:  # noqa: BLE001 - a bundle without vectors/model: names alone
            dense = None
    return CatalogueMatcher(index.procedures(), dense=dense).match_all(entries, k)


def summary(results: Sequence[MatchResult]) -> dict[str, int]:
    """Count of rows per status."""
    out = {"matched": 0, "ambiguous": 0, "unmatched": 0}
    for r in results:
        out[r.status] = out.get(r.status, 0) + 1
    return out


__all__ = [
    "AMBIGUITY_GAP",
    "DENSE_WEIGHT",
    "GREY_THRESHOLD",
    "MATCH_THRESHOLD",
    "CatalogueMatcher",
    "DenseNames",
    "clean_row",
    "split_cell",
    "MatchResult",
    "base_code",
    "match_catalogue",
    "summary",
]
