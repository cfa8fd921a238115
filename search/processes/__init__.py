"""Soát xét quy trình ISO 9001: tie each quy trình to the published procedure it implements and check it.

The room's job: given quy trình records (``indexer.records.Process``, read by ``indexer``) and a
``SearchIndex``, say which published procedure each one implements (``matched`` | ``ambiguous`` |
``unmatched`` | ``internal``) and what deviates from it — ``time_exceeds``, ``extra_paper``,
``missing_paper``, ``legal_basis_outdated``, ``fee_mismatch``, ``step_without_owner``,
``step_without_time`` — each with a Vietnamese detail, the lines of both documents side by side and
the legal basis; pair the copies two units wrote of one procedure; write the report (XLSX, DOCX).

Modules: ``tie`` (which procedure), ``findings`` (the checks), ``legal`` (replaced documents, the
rules cited), ``check`` (``ProcessChecker``, ``check_files``), ``pairs`` (two units, one procedure),
``reports`` (XLSX one row per finding; DOCX "Báo cáo soát xét quy trình" per agency).
"""

from __future__ import annotations

from search.processes.check import (
    ProcessCheck,
    ProcessChecker,
    check_files,
    indexed_processes,
    summary,
)
from search.processes.findings import FINDING_KINDS, FINDING_LABELS, Finding
from search.processes.pairs import ProcessGroup, ProcessPair, process_pairs
from search.processes.tie import STATUS_LABELS, STATUSES, Tie, tie_process

__all__ = [
    "FINDING_KINDS",
    "FINDING_LABELS",
    "STATUSES",
    "STATUS_LABELS",
    "Finding",
    "ProcessCheck",
    "ProcessChecker",
    "ProcessGroup",
    "ProcessPair",
    "Tie",
    "check_files",
    "indexed_processes",
    "process_pairs",
    "summary",
    "tie_process",
]
