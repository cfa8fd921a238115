"""Reviewer decisions on simplification candidates: accept / reject / note, kept across reindexing.

Stored next to the bundle in ``<index DIR>/reviews.json`` (outside ``versions/``, so a
reindex never touches it), written atomically (temporary file + ``os.replace``) under a
file lock. A review is keyed by procedure code + rule + component, the same triple the
candidate id is hashed from, so it follows the candidate through reindexing.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional, Sequence, Union

from filelock import FileLock

from search.simplify.candidates import Candidate

REVIEWS_FILE = "reviews.json"
DECISIONS = ("accept", "reject", "note", "clear")
DECISION_LABELS = {"accept": "Chấp nhận", "reject": "Bác bỏ", "note": "Ghi chú", "pending": "Chưa xem xét"}


@dataclass
class Review:
    """One reviewer decision.

    Attributes:
        candidate_id: the candidate's id when decided.
        code, rule, component: the key.
        decision: "accept", "reject" or "note" (a note without a decision).
        note: free text.
        updated: ISO time (UTC).
    """

    candidate_id: str
    code: str
    rule: str
    component: str
    decision: str
    note: str = ""
    updated: str = ""

    @property
    def key(self) -> str:
        return f"{self.code}|{self.rule}|{self.component}"

    def to_dict(self) -> dict:
        d = asdict(self)
        d["label"] = DECISION_LABELS.get(self.decision, self.decision)
        return d


def reviews_path(index_dir: Union[str, Path]) -> Path:
    """``<index DIR>/reviews.json``."""
    return Path(index_dir) / REVIEWS_FILE


def load_reviews(index_dir: Union[str, Path]) -> dict[str, Review]:
    """All reviews of a bundle, by key ("code|rule|component"); {} when none.

    Raises:
        ValueError: the file exists but is not a reviews file (message in Vietnamese).
    """
    path = reviews_path(index_dir)
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"Tệp đánh giá {path} bị hỏng: {exc}") from exc
    items = data.get("reviews", {}) if isinstance(data, dict) else None
    if not isinstance(items, dict):
        raise ValueError(f"Tệp đánh giá {path} không đúng định dạng.")
    out: dict[str, Review] = {}
    for key, d in items.items():
        try:
            r = Review(**{k: d.get(k, "") for k in Review.__dataclass_fields__})
        except (TypeError, AttributeError):
            continue
        out[key] = r
    return out


def _write_atomic(path: Path, payload: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".reviews-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False, indent=2, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def set_review(
    index_dir: Union[str, Path], candidate: Candidate, decision: str, note: str = ""
) -> Optional[Review]:
    """Record (or clear) a decision on a candidate.

    Args:
        index_dir: the bundle directory.
        candidate: the candidate decided on.
        decision: "accept", "reject", "note" (keeps any earlier accept/reject, sets the note) or "clear".
        note: free text.

    Returns:
        The stored ``Review``, or None after "clear".

    Raises:
        ValueError: unknown decision (message in Vietnamese).
    """
    if decision not in DECISIONS:
        raise ValueError(f"Quyết định không hợp lệ {decision!r}; chọn một trong: {', '.join(DECISIONS)}.")
    path = reviews_path(index_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path) + ".lock", timeout=30):
        current = load_reviews(index_dir)
        key = candidate.key
        result: Optional[Review] = None
        if decision == "clear":
            current.pop(key, None)
        else:
            prev = current.get(key)
            kept = prev.decision if (decision == "note" and prev and prev.decision in ("accept", "reject")) else decision
            result = Review(
                candidate_id=candidate.id,
                code=candidate.code,
                rule=candidate.rule,
                component=candidate.component,
                decision=kept,
                note=note if (note or decision != "note") else (prev.note if prev else ""),
                updated=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            )
            if decision == "note" and note == "" and prev:
                result.note = prev.note
            current[key] = result
        payload = {"version": 1, "reviews": {k: asdict(v) for k, v in sorted(current.items())}}
        _write_atomic(path, payload)
    return result


def attach_reviews(candidates: Sequence[Candidate], index_dir: Union[str, Path, None]) -> list[Candidate]:
    """Set ``candidate.review`` from the bundle's reviews (by code + rule + component).

    Args:
        candidates: candidates from ``advise``.
        index_dir: the bundle directory (None: nothing attached).

    Returns:
        The same candidates (list).
    """
    out = list(candidates)
    if index_dir is None:
        return out
    reviews = load_reviews(index_dir)
    by_id = {r.candidate_id: r for r in reviews.values()}
    for c in out:
        r = reviews.get(c.key) or by_id.get(c.id)
        c.review = r.to_dict() if r else None
    return out


def orphan_reviews(candidates: Sequence[Candidate], index_dir: Union[str, Path]) -> list[Review]:
    """Reviews whose candidate no longer exists (e.g. the procedure text changed)."""
    keys = {c.key for c in candidates}
    return [r for k, r in load_reviews(index_dir).items() if k not in keys]


__all__ = [
    "DECISIONS",
    "DECISION_LABELS",
    "REVIEWS_FILE",
    "Review",
    "attach_reviews",
    "load_reviews",
    "orphan_reviews",
    "reviews_path",
    "set_review",
]
