"""Benchmark of catalogue matching with hand-typed-style names built from the national corpus.

Usage:
    .venv/bin/python benchmarks/matching.py [--n 400] [--negatives 100]

Rows are made from real national procedures the way people type lists: abbreviations
(UBND, GCN, QSDĐ, DN, HTX…), dropped words, no diacritics, the level in brackets, no codes.
Negatives are procedures removed from the matcher's set (their rows must be "unmatched").
Prints accuracy@1 and how often the status is right.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.duplicates import load_national  # noqa: E402
from indexer.records import CatalogueEntry  # noqa: E402
from indexer.vietnamese import strip_accents  # noqa: E402
from search.duplicates.catalogue import CatalogueMatcher  # noqa: E402
from search.duplicates.relations import name_key  # noqa: E402

_ABBR = [("Ủy ban nhân dân", "UBND"), ("giấy chứng nhận", "GCN"), ("Giấy chứng nhận", "GCN"),
         ("quyền sử dụng đất", "QSDĐ"), ("doanh nghiệp", "DN"), ("hợp tác xã", "HTX"),
         ("bảo hiểm xã hội", "BHXH"), ("thủ tục hành chính", "TTHC"), ("căn cước công dân", "CCCD"),
         ("phòng cháy chữa cháy", "PCCC"), ("an toàn thực phẩm", "ATTP")]
_LEVELS = {"Cấp bộ": "cấp bộ", "Cấp tỉnh": "cấp tỉnh", "Cấp xã": "cấp xã"}


def hand_typed(name: str, level: str, rng: random.Random) -> tuple[str, str]:
    """A hand-typed version of a name; returns (text, what was done)."""
    what = []
    s = re.sub(r"\s+", " ", name).strip().rstrip(".")
    for full, ab in _ABBR:
        if full in s and rng.random() < 0.8:
            s = s.replace(full, ab)
            what.append("viết tắt")
    words = s.split()
    if len(words) > 14 and rng.random() < 0.7:
        words = words[: max(10, int(0.7 * len(words) + 0.5))]
        what.append("cắt đuôi")
    elif len(words) > 6 and rng.random() < 0.5:
        del words[rng.randrange(2, len(words))]
        what.append("bỏ một từ")
    s = " ".join(words)
    if rng.random() < 0.3:
        s = strip_accents(s)
        what.append("không dấu")
    if level in _LEVELS and rng.random() < 0.5:
        s += f" ({_LEVELS[level]})"
        what.append("cấp trong ngoặc")
    return s, ", ".join(what) or "nguyên văn"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--negatives", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    procs = load_national()
    order = rng.sample(range(len(procs)), a.n + a.negatives)
    neg_idx = set(order[a.n:])
    keep = [p for i, p in enumerate(procs) if i not in neg_idx]
    same_name = Counter(name_key(p.name) for p in keep)
    t = time.perf_counter()
    m = CatalogueMatcher(keep)
    build = time.perf_counter() - t
    rows = []
    for i in order:
        p = procs[i]
        if i in neg_idx and same_name[name_key(p.name)]:
            continue  # a removed procedure whose twin (same name) stays in the set: not a negative
        text, what = hand_typed(p.name, p.level, rng)
        rows.append((CatalogueEntry(name=text, row=len(rows) + 1), p, i in neg_idx, what))
    t = time.perf_counter()
    results = [m.match(e, k=3) for e, _, _, _ in rows]
    secs = time.perf_counter() - t
    at1 = pos = status_ok = neg_ok = 0
    by_what: Counter = Counter()
    errors = []
    for (e, p, neg, what), r in zip(rows, results):
        best = r.matches[0]["code"] if r.matches else ""
        if neg:
            ok = r.status == "unmatched"
            neg_ok += ok
        else:
            pos += 1
            at1 += best == p.code
            codes = [x["code"] for x in r.matches]
            core = set(name_key(re.sub(r"\([^()]*\)", " ", e.name)).split())
            fits = [x for x in r.matches if core <= set(name_key(x["title"]).split())]
            shared = same_name[name_key(p.name)] > 1 or len(fits) >= 2
            ok = (r.status == "matched" and best == p.code) or (r.status == "ambiguous" and p.code in codes and shared)
        status_ok += ok
        if not ok:
            by_what[what] += 1
            errors.append((e.name, p.name if not neg else "(không có trong CSDL)", r.status, best))
    n = len(rows)
    print(f"# matching: {pos} rows of procedures in the set + {n - pos} rows of procedures removed from it; "
          f"matcher built in {build:.2f}s; {secs:.2f}s for all rows ({1000 * secs / n:.1f} ms/row)")
    print(f"accuracy@1 (rows in the set): {at1 / pos:.3f}")
    print(f"status right: {status_ok / n:.3f} (rows in the set: {(status_ok - neg_ok) / pos:.3f}; "
          f"removed rows unmatched: {neg_ok / max(n - pos, 1):.3f})")
    print(f"status counts: {Counter(r.status for r in results)}")
    print("errors by perturbation:", dict(by_what.most_common(8)))
    for row in errors[:25]:
        print("  ", row)


if __name__ == "__main__":
    main()
