"""Duplicate finding: pairs of similar procedures, field-level comparison, relation labels, groups
and catalogue matching.

Modules: ``pairs`` (self-joins and scores: ``find_duplicates``), ``compare`` (field by field
evidence), ``names`` (action/object of a name, level hints), ``relations`` (duplicate / variant /
family / overlap), ``paper_names`` (dossier paper names), ``groups`` (groups of pairs),
``catalogue`` (matching a hand-typed list to the catalogue).
"""

from search.duplicates.catalogue import match_catalogue
from search.duplicates.compare import compare_procedures
from search.duplicates.pairs import DEFAULT_MIN_SCORE, DuplicateReport, find_duplicates
from search.duplicates.relations import RELATION_LABELS

__all__ = ["DEFAULT_MIN_SCORE", "DuplicateReport", "RELATION_LABELS", "compare_procedures", "find_duplicates",
           "match_catalogue"]
