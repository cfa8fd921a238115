"""Check quy trình: tie each one to its procedure, run the checks, and report files that gave nothing.

``ProcessChecker(index)`` reads what the checks need from an index once (replaced documents,
the rules' citations, a procedure cache) and ``check(process)`` returns a ``ProcessCheck``.
``check_files(paths, index)`` reads DOCX/PDF/JSON quy trình with ``indexer.readers`` and checks
every ``process`` record; a file that yields no quy trình is reported with ``status="unreadable"`` and
the reason (never passed over as read).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from indexer.records import Procedure, Process
from search.processes.findings import (
    Finding,
    check_fee,
    check_papers,
    check_references,
    check_steps,
    check_time,
)
from search.processes.legal import Replacements, RuleBook
from search.processes.tie import NameSearch, Tie, tie_process


@dataclass
class ProcessCheck:
    """The result of checking one quy trình (or one file that gave none).

    Attributes:
        path: the file read.
        process: the quy trình (None for a file that gave none).
        tie: its procedure (None for a file that gave none).
        findings: what is wrong with it.
        error: why the file gave no quy trình ("" when it did).
        warnings: what the reader noticed in a file it did read (Vietnamese).
    """

    path: str
    process: Optional[Process]
    tie: Optional[Tie]
    findings: list[Finding] = field(default_factory=list)
    error: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        """matched / ambiguous / unmatched / internal, or "unreadable" for a file that gave no quy trình."""
        return self.tie.status if self.tie is not None else "unreadable"

    @property
    def procedure(self) -> Optional[Procedure]:
        return self.tie.procedure if self.tie is not None else None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: {"path", "title", "code", "status", "procedure", "findings"} (+ "agency",
        "reason", "candidates"; "error" for a file that gave no quy trình)."""
        p = self.process
        d: dict[str, Any] = {
            "path": self.path,
            "title": p.title if p else "",
            "code": p.code if p else "",
            "status": self.status,
            "procedure": self.tie.procedure_dict() if self.tie else None,
            "findings": [f.to_dict() for f in self.findings],
        }
        if p is not None:
            d["agency"] = p.agency
        if self.tie is not None:
            d["reason"] = self.tie.reason
            d["candidates"] = [c.to_dict() for c in self.tie.candidates[:3]]
        if self.error:
            d["error"] = self.error
        if self.warnings:
            d["warnings"] = list(self.warnings)
        return d


class ProcessChecker:
    """Checks quy trình against one index.

    Args:
        index: a ``SearchIndex``.
    """

    def __init__(self, index: Any) -> None:
        self.index = index
        regs = index.regulations()
        self.replaced = Replacements(regs)
        self.rules = RuleBook(regs)
        self._procs: dict[str, Procedure] = {}
        self._names = NameSearch(index)

    def check(self, p: Process, path: str = "") -> ProcessCheck:
        """Tie one quy trình and check it.

        Args:
            p: the quy trình.
            path: the file it came from (default: its source).
        Returns:
            The ``ProcessCheck``; findings against the procedure only when the tie is ``matched``.
        """
        tie = tie_process(p, self.index, procedures=self._procs, names=self._names)
        proc = tie.procedure if tie.status == "matched" else None
        findings: list[Finding] = []
        if proc is not None:
            findings += check_time(p, proc, self.rules)
            findings += check_papers(p, proc, self.rules)
            findings += check_fee(p, proc, self.rules)
        findings += check_references(p, proc, self.replaced, self.rules)
        findings += check_steps(p, self.rules)
        return ProcessCheck(path or p.source.file, p, tie, findings)

    def check_all(self, processes: Iterable[Process]) -> list[ProcessCheck]:
        """``check`` for each quy trình, in order."""
        return [self.check(p) for p in processes]


def indexed_processes(index: Any) -> list[Process]:
    """The quy trình records of an index, in bundle order."""
    out = []
    for rid in index.record_ids("process"):
        rec = index.get(rid)
        if isinstance(rec, Process):
            out.append(rec)
    return out


def check_files(paths: Sequence["str | Path"], index: Any, *, checker: Optional[ProcessChecker] = None
                ) -> list[ProcessCheck]:
    """Read quy trình files (DOCX, PDF, JSON; folders are walked) and check every quy trình in them.

    Args:
        paths: files or folders.
        index: a ``SearchIndex``.
        checker: a ``ProcessChecker`` to reuse (built from ``index`` when None).
    Returns:
        One ``ProcessCheck`` per quy trình, plus one with ``status == "unreadable"`` and the reason per
        file that yielded none (unreadable, not a quy trình, scanned without a text layer, …).
    """
    from indexer.readers import iter_source_files, read_path

    checker = checker or ProcessChecker(index)
    out: list[ProcessCheck] = []
    for path in iter_source_files(paths):
        res = read_path(path)
        procs = [r for r in res.records if isinstance(r, Process)]
        for p in procs:
            c = checker.check(p, str(path))
            c.warnings = [w.warning for w in res.warnings]
            out.append(c)
        if not procs:
            reasons = [f.error for f in res.failures] + [w.warning for w in res.warnings]
            if not reasons:
                kinds = sorted({getattr(r, "kind", "?") for r in res.records})
                reasons = [("tệp không chứa quy trình nào (đọc được: " + ", ".join(kinds) + ")") if kinds
                           else "tệp không chứa quy trình nào"]
            out.append(ProcessCheck(str(path), None, None, [], "; ".join(reasons)))
    return out


def summary(checks: Sequence[ProcessCheck]) -> dict[str, Any]:
    """Counts per status and per finding kind."""
    status: dict[str, int] = {}
    kinds: dict[str, int] = {}
    for c in checks:
        status[c.status] = status.get(c.status, 0) + 1
        for f in c.findings:
            kinds[f.kind] = kinds.get(f.kind, 0) + 1
    return {"processes": sum(1 for c in checks if c.process is not None), "status": status, "findings": kinds}


def timed_check(checker: ProcessChecker, processes: Sequence[Process]) -> tuple[list[ProcessCheck], float]:
    """``check_all`` with its wall time in seconds (for benchmarks)."""
    t = time.perf_counter()
    res = checker.check_all(processes)
    return res, time.perf_counter() - t


__all__ = ["ProcessCheck", "ProcessChecker", "check_files", "indexed_processes", "summary", "timed_check"]
