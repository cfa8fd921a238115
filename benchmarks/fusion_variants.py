"""Fusion variants end to end: the product's own candidate lists, fused other ways.

For every procedure question set (the 70 tuning questions, the 30 held-out ones typed as written
and without diacritics, the 120 and the 200 newer ones, each split dev / test), the candidates are
those of ``SearchIndex.search(mode="hybrid")`` on a built bundle — the lexical side's 100 units
and the dense side's 100 units, named-document preference included — caught at the call of
``search.fusion.fuse``. They are then fused in other ways, given the named-document and level
preferences, and collapsed to one hit per record, as the product does; MRR@10 per set. The first row is the product's default and equals
``benchmarks/procedure_questions.py --index DIR``'s hybrid row (but for a query that types a
procedure code, which the product puts first after fusion).

Variants: the weighted dense share, z-score instead of min-max, reciprocal rank fusion, min-max of
the dense side over its top N only, fusing per record (each record's best unit on each side) mixed
with per unit, and a dense weight that depends on how much of the lexical top hit's name the
query covers.

Run:
    PYTHONPATH=$PWD .venv/bin/python benchmarks/fusion_variants.py --index DIR
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import metrics, procedure_question_sets  # noqa: E402

Side = tuple[np.ndarray, np.ndarray]
Fuser = Callable[[str, Side, Side], list[tuple[int, float]]]


def candidates(ix, sets: list[tuple[str, list]]) -> dict[str, list[tuple]]:
    """Per set: (question, lexical side, dense side, named rows, level rows) of each question."""
    import search.fusion as fusion

    caught: list[tuple[Side, Side]] = []
    real = fusion.fuse

    def spy(lex, dense, k, method=None, **params):
        caught.append((lex, dense))
        return real(lex, dense, k, method=method, **params)

    fusion.fuse = spy
    try:
        out = {}
        for name, qs in sets:
            rows = []
            for q in qs:
                caught.clear()
                ix.search(q.text, k=10, mode="hybrid")
                lex, dense = caught[0]
                rows.append((q, lex, dense, ix.named_rows(q.text), ix.level_rows(q.text)))
            out[name] = rows
        return out
    finally:
        fusion.fuse = real


def _minmax(scores: np.ndarray, top: int | None = None) -> np.ndarray:
    s = np.asarray(scores, dtype=np.float64)
    if s.size == 0:
        return s
    lo = s[min(top, s.size) - 1] if top else s.min()
    hi = s.max()
    return np.clip((s - lo) / (hi - lo), 0, None) if hi > lo else np.ones_like(s)


def weighted(wd: float = 0.7, norm: str = "minmax", dense_top: int | None = None) -> Fuser:
    """Per unit: lexical + wd × dense, each side normalised over its list (or the dense side over its top N)."""
    from search.fusion import fuse

    def run(text: str, lex: Side, dense: Side) -> list[tuple[int, float]]:
        if dense_top is None:
            return [(h.row, h.score) for h in fuse(lex, dense, k=1000, w_dense=wd, norm=norm)]
        ln = dict(zip(map(int, lex[0]), _minmax(lex[1])))
        dn = dict(zip(map(int, dense[0]), _minmax(dense[1], dense_top)))
        return [(r, ln.get(r, 0.0) + wd * dn.get(r, 0.0)) for r in set(ln) | set(dn)]
    return run


def rrf(c: float, wd: float) -> Fuser:
    """Reciprocal rank fusion: 1 / (c + lexical rank) + wd / (c + dense rank)."""
    def run(text: str, lex: Side, dense: Side) -> list[tuple[int, float]]:
        s: dict[int, float] = {}
        for i, r in enumerate(lex[0]):
            s[int(r)] = s.get(int(r), 0.0) + 1.0 / (c + i + 1)
        for i, r in enumerate(dense[0]):
            s[int(r)] = s.get(int(r), 0.0) + wd / (c + i + 1)
        return list(s.items())
    return run


def per_record(record_of: list[str], wd: float, mix: float) -> Fuser:
    """(1 - mix) × per-unit fusion + mix × per-record fusion (a record's best unit on each side)."""
    def run(text: str, lex: Side, dense: Side) -> list[tuple[int, float]]:
        ln = dict(zip(map(int, lex[0]), _minmax(lex[1])))
        dn = dict(zip(map(int, dense[0]), _minmax(dense[1])))
        rl: dict[str, float] = {}
        rd: dict[str, float] = {}
        for r, v in ln.items():
            rl[record_of[r]] = max(rl.get(record_of[r], 0.0), v)
        for r, v in dn.items():
            rd[record_of[r]] = max(rd.get(record_of[r], 0.0), v)
        return [(r, (1 - mix) * (ln.get(r, 0.0) + wd * dn.get(r, 0.0))
                 + mix * (rl.get(record_of[r], 0.0) + wd * rd.get(record_of[r], 0.0))) for r in set(ln) | set(dn)]
    return run


def by_coverage(lexical, threshold: float, wd_covered: float, wd_other: float) -> Fuser:
    """Dense weight wd_covered when the query covers ≥ threshold of the lexical top hit's name, else wd_other."""
    base = {w: weighted(w) for w in (wd_covered, wd_other)}

    def run(text: str, lex: Side, dense: Side) -> list[tuple[int, float]]:
        cov = lexical._title_coverage(lexical._analyse(text).weights["fold_uni"])
        covered = len(lex[0]) and cov[int(lex[0][0])] >= threshold
        return base[wd_covered if covered else wd_other](text, lex, dense)
    return run


def mrr(rows: list[tuple], fuser: Fuser, code_of: list[str], record_of: list[str], named_boost: float,
        level_boost: float, is_procedure: list[bool]) -> float:
    """MRR@10 of one set with one fusion (named-document and level preferences, one hit per record)."""
    ranked: list[list[str]] = []
    for q, lex, dense, named, levelled in rows:
        fused = fuser(q.text, lex, dense)
        if named is not None:
            fused = [(r, s * (1 + named_boost) if named[r] else s) for r, s in fused]
        fused.sort(key=lambda x: -x[1])
        if levelled is not None and fused and is_procedure[fused[0][0]]:
            fused = sorted(((r, s * (1 + level_boost) if levelled[r] else s) for r, s in fused), key=lambda x: -x[1])
        seen: set[str] = set()
        codes: list[str] = []
        for r, _ in fused:
            if record_of[r] not in seen:
                seen.add(record_of[r])
                codes.append(code_of[r])
                if len(codes) == 10:
                    break
        ranked.append(codes)
    return metrics(ranked, [q for q, *_ in rows], any_of=True)["MRR@10"]


def main() -> int:
    from search import open_index
    from search.fusion import LEVEL_BOOST, NAMED_BOOST

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", required=True, help="a bundle built from the national procedures")
    args = ap.parse_args()
    ix = open_index(args.index)
    units = ix.units()
    record_of = [u.record_id for u in units]
    code_of = [ix.get(u.record_id).code if u.kind == "procedure" else u.record_id for u in units]
    is_procedure = [u.kind == "procedure" for u in units]
    sets = [(n, qs) for n, qs in procedure_question_sets() if n != "70 all"]
    cands = candidates(ix, sets)
    variants: list[tuple[str, Fuser]] = [("default (weighted, min-max, w 0.7)", weighted())]
    variants += [(f"weighted w {w}", weighted(w)) for w in (0.3, 0.5, 1.0)]
    variants += [(f"z-score w {w}", weighted(w, "zscore")) for w in (0.5, 0.7, 1.0)]
    variants += [(f"dense min-max over its top {n}, w {w}", weighted(w, dense_top=n)) for n in (10, 30) for w in (0.5, 0.7)]
    variants += [(f"rrf k {c}, w {w}", rrf(c, w)) for c in (10, 60) for w in (0.7, 1.0)]
    variants += [(f"per record mix {m}, w 0.7", per_record(record_of, 0.7, m)) for m in (0.5, 1.0)]
    variants += [(f"w 0.5 if name covered ≥ {t} else 1.0", by_coverage(ix.lexical, t, 0.5, 1.0)) for t in (0.6, 0.8)]
    names = [n for n, _ in sets]
    print(f"## Fusion variants on {args.index} (MRR@10)\n")
    print("| variant | " + " | ".join(names) + " | mean |\n" + "|---" * (len(names) + 2) + "|")
    for label, fuser in variants:
        row = [mrr(cands[n], fuser, code_of, record_of, NAMED_BOOST["fused"], LEVEL_BOOST, is_procedure) for n in names]
        print(f"| {label} | " + " | ".join(f"{x:.3f}" for x in row) + f" | {np.mean(row):.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
