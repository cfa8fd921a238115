"""Simplification advisor on the 2,642 national-portal procedures: counts per rule, time, a review sample.

Usage:
    .venv/bin/python benchmarks/simplify.py [--sample 50] [--seed 7] [--sample-out FILE]

Reads ../shared/data/procedures/national_portal_2642.jsonl.gz through
``indexer.portal.procedure_from_portal`` (nothing is copied), runs ``search.advisor.advise``
over all of them (rules 4 and 6 on same-field groups, no index needed), prints counts per
rule and criterion, savings, the advisor's time, and writes a random sample of candidates
(JSON lines) for a manual precision judgement.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.common import shared_data  # noqa: E402


def load_national() -> list:
    from indexer.portal import procedure_from_portal
    from indexer.records import Source

    path = shared_data() / "procedures" / "national_portal_2642.jsonl.gz"
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            out.append(procedure_from_portal(json.loads(line), Source(file=path.name, record=i)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--sample-out", default="/tmp/rasoat-simplify-sample.jsonl")
    ap.add_argument("--index", default=None,
                    help="a national bundle: rules 4 and 6 take their peers/groups from its vectors and duplicates")
    ap.add_argument("--rules", nargs="*", default=None, help="only these rules (R1 … R7)")
    ap.add_argument("--per-rule", action="store_true",
                    help="draw --sample candidates of every rule (R4 split into time and fee) for a precision judgement")
    args = ap.parse_args()

    from search.simplify.advisor import advise, summarize
    from search.simplify.cost_model import format_vnd

    t0 = time.perf_counter()
    if args.index:
        from search import open_index
        from search.simplify.advisor import advise_index

        index = open_index(args.index)
        procs = list(index.procedures())
        run = lambda: advise_index(index, rules=args.rules)  # noqa: E731
    else:
        procs = load_national()
        run = lambda: advise(procs, rules=args.rules)  # noqa: E731
    t_load = time.perf_counter() - t0
    t1, c1 = time.perf_counter(), time.process_time()
    cands = run()
    t_advise, c_advise = time.perf_counter() - t1, time.process_time() - c1
    t2, c2 = time.perf_counter(), time.process_time()
    run()
    t_warm, c_warm = time.perf_counter() - t2, time.process_time() - c2
    s = summarize(cands)

    print(f"procedures: {len(procs)}  (read with indexer.portal in {t_load:.1f} s)")
    print(f"advise, all 7 rules: {t_advise:.1f} s wall / {c_advise:.1f} s CPU cold; "
          f"{t_warm:.1f} s wall / {c_warm:.1f} s CPU warm caches")
    print(f"candidates: {s['candidates']} for {s['procedures']} procedures")
    print("per rule:")
    for rid, r in s["per_rule"].items():
        n_proc = len({c.code for c in cands if c.rule == rid})
        print(f"  {rid} {r['count']:5d} candidates, {n_proc:5d} procedures  [{r['criterion']}] {r['title']}")
    print("per criterion:", dict(s["per_criterion"]))
    db = Counter(c.database for c in cands if c.rule == "R1")
    print("R1 per database:", dict(db.most_common()))
    print("R2 per term:", dict(Counter(c.legal_basis.split(" (")[0][:40] for c in cands if c.rule == "R2")))
    print(f"estimated saving (defaults, {s['assumptions']['cases_per_year']} cases/yr/procedure): "
          f"{format_vnd(s['saving_per_year_vnd'])}/năm")

    rng = random.Random(args.seed)
    if args.per_rule:
        groups: dict[str, list] = {}
        for c in cands:
            key = c.rule if c.rule != "R4" else ("R4-phí" if "phí" in c.component.lower() else "R4-thời hạn")
            groups.setdefault(key, []).append(c)
        sample = [x for k in sorted(groups) for x in rng.sample(groups[k], min(args.sample, len(groups[k])))]
        print("per-rule sample sizes:", {k: min(args.sample, len(v)) for k, v in sorted(groups.items())})
    else:
        sample = rng.sample(cands, min(args.sample, len(cands)))
    with open(args.sample_out, "w", encoding="utf-8") as fh:
        for i, c in enumerate(sample, 1):
            d = c.to_dict()
            fh.write(json.dumps({"n": i, **{k: d[k] for k in ("id", "code", "title", "rule", "component", "evidence",
                                                              "proposal", "database", "confidence")}},
                                ensure_ascii=False) + "\n")
    print(f"sample of {len(sample)} candidates (seed {args.seed}) written to {args.sample_out}")


if __name__ == "__main__":
    main()
