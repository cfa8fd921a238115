"""Simplification advice grounded in law: rules (NĐ 63/2010 criteria, NQ 66.7/2025 databases),
cost model, the advisor, reviewer decisions and the exports (DOCX plan, XLSX/CSV/JSON).

Modules: ``rules`` (the rules R1–R7), ``national_databases`` (papers a national database holds),
``cost_model`` (standard cost model), ``candidates`` (the proposal record), ``advisor``
(``advise``, ``advise_index``, ``summarize``), ``reviews`` (decisions kept across reindexing),
``plan_docx`` and ``exports``.
"""

from search.simplify.advisor import advise, advise_index, summarize
from search.simplify.candidates import Candidate

__all__ = ["Candidate", "advise", "advise_index", "summarize"]
