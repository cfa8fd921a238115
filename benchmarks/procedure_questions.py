"""Procedure search benchmark: citizens' and officers' questions against the national corpus.

Questions (benchmarks/data/procedure_questions.json, written for RaSoát) never reuse the
procedure's name; some are typed without diacritics, some use abbreviations (CCCD, GCN,
GPLX, BHXH, HTX, DNTN...). Each lists the acceptable procedure codes (the same procedure at
several levels): one of them in the top-k counts as found. The 70 questions tune (dev =
even positions, test = odd); the 30 of procedure_questions_heldout.json (written before any
tuning) are only reported.

Dense side: the product's default model embeds what ``SearchIndex.dense_query_text`` gives it
(diacritics restored for questions typed without them, abbreviations written out; ``--as-typed``
embeds the questions as typed); the model (``indexer.embeddings``: multilingual-e5-small, 4 bit)
reads the units the product embeds — the procedure's name and its whole text (256 tokens) —,
a procedure scoring by its best unit (as SearchIndex collapses units into records); vectors
cached in /tmp under the keys of benchmarks/embedding_models.py.

Run:
    .venv/bin/python benchmarks/procedure_questions.py
    .venv/bin/python benchmarks/procedure_questions.py --no-dense
    .venv/bin/python benchmarks/procedure_questions.py --index DIR   # end to end on a built bundle
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import (  # noqa: E402
    CANDIDATES,
    PROC_BODY_FIELDS,
    TABLE_HEAD,
    dense_search_owners,
    dense_texts,
    encode_default,
    evaluate_fusion,
    fmt_row,
    folded_questions,
    lexical_ranked,
    lexical_runs,
    load_procedures,
    metrics,
    national_units,
    print_fusion_table,
    procedure_question_sets,
    procedure_bench,
)
from search.lexical import LexicalIndex, LexicalParams  # noqa: E402

BODY_VARIANTS: list[tuple[str, tuple[str, ...]]] = [
    ("name only (empty body)", ()),
    ("field + agency + result", ("linh_vuc", "co_quan_thuc_hien", "ket_qua_xu_ly")),
    ("field + agency + documents + result", ("linh_vuc", "co_quan_thuc_hien", "thanh_phan_ho_so", "ket_qua_xu_ly")),
    ("all main fields (default)", PROC_BODY_FIELDS),
]


def end_to_end(index: Path) -> int:
    """MRR@10 of ``SearchIndex.search`` (each mode) on a bundle built from the national procedures."""
    from search import open_index

    ix = open_index(index)
    print(f"## End to end: SearchIndex.search on {index} ({ix.status()['model']})\n")
    sets = procedure_question_sets()
    print("| mode | " + " | ".join(name for name, _ in sets) + " |\n" + "|---" * (len(sets) + 1) + "|")
    for mode in ("lexical", "dense", "hybrid"):
        row = []
        for _, qs in sets:
            ranked = [[h.code for h in ix.search(q.text, k=10, mode=mode)] for q in qs]
            row.append(metrics(ranked, qs, any_of=True)["MRR@10"])
        print(f"| {mode} | " + " | ".join(f"{x:.3f}" for x in row) + " |")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--no-dense", action="store_true")
    ap.add_argument("--bodies", action="store_true", help="also the body-field variants")
    ap.add_argument("--names-only", action="store_true", help="dense side over the name units only")
    ap.add_argument("--as-typed", action="store_true",
                    help="embed the questions as typed (before search.diacritics), for comparison")
    ap.add_argument("--index", type=Path,
                    help="only the product end to end: SearchIndex.search on this bundle (national procedures)")
    args = ap.parse_args()
    if args.index:
        return end_to_end(args.index)
    b = procedure_bench()
    corpus, idx, questions, heldout = b.corpus, b.index, b.tuning, b.heldout
    print(f"Kho quốc gia: {len(corpus.ids)} thủ tục; {len(questions)} câu hỏi để chỉnh, {len(heldout)} câu hỏi giữ lại\n")

    if args.bodies:
        print("## Body text of a procedure (lexical, default query parameters)\n")
        print(TABLE_HEAD)
        for name, fields in BODY_VARIANTS:
            c = load_procedures(fields)
            ix = LexicalIndex.from_texts(c.titles, c.bodies)
            print(fmt_row(name, metrics(lexical_ranked(ix, c.ids, questions), questions, any_of=True)))

    print("\n## Query parameters (lexical)\n")
    print("| setting | 70 MRR@10 | held-out R@1 | held-out R@10 | held-out MRR@10 |\n|---|---|---|---|---|")
    for name, kw in [
        ("default", {}),
        ("title_weight=0.5", {"title_weight": 0.5}),
        ("title_weight=1", {"title_weight": 1.0}),
        ("bigram_weight=0", {"bigram_weight": 0.0}),
        ("no abbreviation expansion", {"expand_abbreviations": False}),
        ("fold_weight_accented=0", {"fold_weight_accented": 0.0}),
    ]:
        idx.params = LexicalParams(**kw)
        m70 = metrics(lexical_ranked(idx, corpus.ids, questions), questions, any_of=True)
        mh = metrics(lexical_ranked(idx, corpus.ids, heldout), heldout, any_of=True)
        print(f"| {name} | {m70['MRR@10']:.3f} | {mh['R@1']:.3f} | {mh['R@10']:.3f} | {mh['MRR@10']:.3f} |")
    idx.params = LexicalParams()

    if args.no_dense:
        return 0
    print("\n## Lexical vs dense (default model over name + whole units) vs hybrid (top-100 of each side; "
          "the dense side of hybrid over the whole units, as search.fusion.HYBRID_DENSE_SKIPS)\n")
    codes, names, wholes = national_units()
    dvecs = encode_default(names, "passage", "e5-names", cap=512)
    owners = list(codes)
    if not args.names_only:
        wvecs = encode_default(wholes, "passage", "e5256-whole")
        dvecs = np.vstack([dvecs, wvecs])
        owners += codes
    plain = folded_questions(heldout)
    for label, qs, tag in [("70 tuning questions (dev = even, test = odd)", questions, "e5256-procq"),
                           ("30 held-out questions (never tuned on; read the 'all' columns)", heldout, "e5256-procq-heldout"),
                           ("30 held-out questions typed without diacritics", plain, "e5256-procq-heldout-plain")]:
        print(f"\n### {label}\n")
        qv = encode_default(dense_texts(idx, qs, restore=not args.as_typed), "query", tag)
        dense = dense_search_owners(qv, dvecs, owners, corpus.ids, CANDIDATES)
        only = evaluate_fusion(corpus.ids, qs, [(np.zeros(0, dtype=np.int64), np.zeros(0))] * len(qs), dense,
                               any_of=True, grid=[("dense only (name + whole units, as dense search)", "dense", {})])
        # hybrid search leaves the name units out of the dense side (search.fusion.HYBRID_DENSE_SKIPS)
        hybrid_dense = dense if args.names_only else dense_search_owners(qv, wvecs, codes, corpus.ids, CANDIDATES)
        print_fusion_table(only + evaluate_fusion(corpus.ids, qs, lexical_runs(idx, qs, CANDIDATES), hybrid_dense,
                                                  any_of=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
