"""Query analysis benchmark: colloquial lexicon + question stop phrases, before/after.

Scores the lexical engine (no dense side) on three question sets:

- procedure questions (benchmarks/data/procedure_questions.json, 70 questions);
- held-out procedure questions (benchmarks/data/procedure_questions_heldout.json, 30
  questions written before the lexicon and never used to tune it);
- ALQAC 2023 (100 legal questions) — must not get worse.

The procedure questions are also split dev (even positions) / test (odd) as in
benchmarks/procedure_questions.py; weights were chosen on the dev half.

Run:
    .venv/bin/python benchmarks/query_expansion.py
    .venv/bin/python benchmarks/query_expansion.py --no-alqac
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import (  # noqa: E402
    TABLE_HEAD,
    Question,
    fmt_row,
    folded_questions,
    lexical_ranked,
    load_alqac,
    metrics,
    procedure_bench,
)
from search.lexical import LexicalIndex, LexicalParams  # noqa: E402


OFF = {"colloquial": False, "stop_phrases": False, "title_coverage": 0.0}
SETTINGS: list[tuple[str, dict]] = [
    ("before: no query analysis (D2 engine)", OFF),
    ("stop phrases only", {**OFF, "stop_phrases": True}),
    ("lexicon only", {**OFF, "colloquial": True}),
    ("title coverage 0.5 only", {**OFF, "title_coverage": 0.5}),
    ("stop phrases + lexicon", {"title_coverage": 0.0}),
    ("stop phrases + lexicon + title coverage 0.25", {"title_coverage": 0.25}),
    ("**stop phrases + lexicon + title coverage 0.5 (default)**", {}),
    ("stop phrases + lexicon + title coverage 1.0", {"title_coverage": 1.0}),
    ("default, stop_weight 0.5", {"stop_weight": 0.5}),
    ("default, expansion_weight 0.4", {"expansion_weight": 0.4}),
    ("default, expansion_weight 0.8", {"expansion_weight": 0.8}),
]


def ranked(idx: LexicalIndex, ids: list[str], questions: list[Question], k: int = 10) -> list[list[str]]:
    """Ranked ids; every row is scored in the catalogue's language (as before the D3 scoping)."""
    return lexical_ranked(idx, ids, questions, k)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--no-alqac", action="store_true")
    ap.add_argument("--settings", default="", help="comma-separated indexes of SETTINGS to run")
    args = ap.parse_args()
    chosen = [SETTINGS[int(i)] for i in args.settings.split(",")] if args.settings else SETTINGS
    b = procedure_bench()
    corpus, idx = b.corpus, b.index
    sets = [("procedure questions (70)", b.tuning), ("held-out questions (30)", b.heldout)]
    for name, qs in sets:
        plain = folded_questions(qs)
        print(f"\n## {name}\n")
        print(TABLE_HEAD)
        for label, kw in chosen:
            idx.params = LexicalParams(**kw)
            print(fmt_row(label, metrics(ranked(idx, corpus.ids, qs), qs, any_of=True)))
            print(fmt_row(label + ", typed without diacritics", metrics(ranked(idx, corpus.ids, plain), plain, any_of=True)))
            if name.startswith("procedure"):
                dev, test = qs[0::2], qs[1::2]
                print(fmt_row(label + ", dev half", metrics(ranked(idx, corpus.ids, dev), dev, any_of=True)))
                print(fmt_row(label + ", test half", metrics(ranked(idx, corpus.ids, test), test, any_of=True)))
    idx.params = LexicalParams()
    qs = b.tuning + b.heldout
    t = []
    for _ in range(3):
        for q in qs:
            t0 = time.perf_counter()
            idx.search(q.text, 10)
            t.append(time.perf_counter() - t0)
    t.sort()
    print(f"\nquery latency on {idx.n_docs} procedures (default): p50 {1000 * t[len(t) // 2]:.2f} ms, "
          f"p95 {1000 * t[int(len(t) * 0.95)]:.2f} ms")
    if args.no_alqac:
        return 0
    acorpus, aq = load_alqac()
    aidx = LexicalIndex.from_texts(acorpus.titles, acorpus.bodies)
    print("\n## ALQAC 2023 (100 questions)\n")
    print(TABLE_HEAD)
    for label, kw in chosen:
        aidx.params = LexicalParams(**kw)
        print(fmt_row(label, metrics(ranked(aidx, acorpus.ids, aq), aq)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
