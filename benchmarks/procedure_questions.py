"""Procedure search benchmark: citizens' and officers' questions against the national corpus.

Questions (benchmarks/data/procedure_questions.json, written for RaSoát) never reuse the
procedure's name; some are typed without diacritics, some use abbreviations (CCCD, GCN,
GPLX, BHXH, HTX, DNTN...). Each lists the acceptable procedure codes (the same procedure at
several levels): one of them in the top-k counts as found.

Run:
    .venv/bin/python benchmarks/procedure_questions.py
    .venv/bin/python benchmarks/procedure_questions.py --no-dense
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import (  # noqa: E402
    PROC_BODY_FIELDS,
    TABLE_HEAD,
    dense_search,
    encode,
    evaluate_fusion,
    fmt_row,
    load_procedure_questions,
    load_procedures,
    metrics,
    print_fusion_table,
)
from indexer.vietnamese import fold  # noqa: E402
from search.lexical import LexicalIndex, LexicalParams  # noqa: E402

CANDIDATES = 100

BODY_VARIANTS: list[tuple[str, tuple[str, ...]]] = [
    ("name only (empty body)", ()),
    ("field + agency + result", ("linh_vuc", "co_quan_thuc_hien", "ket_qua_xu_ly")),
    ("field + agency + documents + result", ("linh_vuc", "co_quan_thuc_hien", "thanh_phan_ho_so", "ket_qua_xu_ly")),
    ("all main fields (default)", PROC_BODY_FIELDS),
]


def ranked_lexical(idx: LexicalIndex, ids: list[str], questions, k: int = 10) -> list[list[str]]:
    return [[ids[r] for r in idx.search(q.text, k)[0]] for q in questions]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--no-dense", action="store_true")
    args = ap.parse_args()
    questions = load_procedure_questions()
    corpus = load_procedures()
    n_plain = sum(1 for q in questions if fold(q.text) == q.text.lower())
    print(f"Kho quốc gia: {len(corpus.ids)} thủ tục; {len(questions)} câu hỏi ({n_plain} không dấu)\n")

    print("## Body text of a procedure (lexical, default query parameters)\n")
    print(TABLE_HEAD)
    for name, fields in BODY_VARIANTS:
        c = load_procedures(fields)
        idx = LexicalIndex.from_texts(c.titles, c.bodies)
        print(fmt_row(name, metrics(ranked_lexical(idx, c.ids, questions), questions, any_of=True)))

    idx = LexicalIndex.from_texts(corpus.titles, corpus.bodies)
    print("\n## Query parameters (default body)\n")
    print(TABLE_HEAD)
    for name, kw in [
        ("default", {}),
        ("title_weight=0.5", {"title_weight": 0.5}),
        ("title_weight=1", {"title_weight": 1.0}),
        ("title_weight=2", {"title_weight": 2.0}),
        ("bigram_weight=0", {"bigram_weight": 0.0}),
        ("bigram_weight=2", {"bigram_weight": 2.0}),
        ("no abbreviation expansion", {"expand_abbreviations": False}),
        ("fold_weight_accented=0", {"fold_weight_accented": 0.0}),
        ("fold_weight_accented=1", {"fold_weight_accented": 1.0}),
    ]:
        idx.params = LexicalParams(**kw)
        print(fmt_row(name, metrics(ranked_lexical(idx, corpus.ids, questions), questions, any_of=True)))
    idx.params = LexicalParams()
    plain = [type(q)(q.qid, fold(q.text), q.relevant) for q in questions]
    print(fmt_row("all questions typed WITHOUT diacritics", metrics(ranked_lexical(idx, corpus.ids, plain), plain, any_of=True)))

    if args.no_dense:
        return 0
    print("\n## Lexical vs dense vs hybrid (candidates: top-100 of each side)\n")
    lex = [idx.search(q.text, CANDIDATES) for q in questions]
    qvecs = encode([q.text for q in questions], "procq")
    for label, dvecs in [
        ("dense on name", encode(corpus.titles, "proc-title")),
        ("dense on name + body", encode([f"{a}. {b}" for a, b in zip(corpus.titles, corpus.bodies)], "proc-doc")),
    ]:
        print(f"\n### {label}\n")
        dense = dense_search(qvecs, dvecs, CANDIDATES)
        print_fusion_table(evaluate_fusion(corpus.ids, questions, lex, dense, any_of=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
