"""Benchmark of catalogue matching with hand-typed-style names built from the national corpus.

Usage:
    .venv/bin/python benchmarks/matching.py [--n 400] [--negatives 100]

Rows are made from real national procedures the way people type lists: abbreviations
(UBND, GCN, QSDĐ, DN, HTX…), dropped words, no diacritics, the level in brackets, no codes;
with ``--real`` (the lists of issue 12) also: a leading "Thủ tục" or a row number, a province
suffix ("(TP Đà Nẵng)", "- tỉnh Quảng Ninh"), the level written bare ("cấp tỉnh"), typos
(a letter dropped or swapped, a wrong tone mark), old names from before the 2025 reorganisation
of local government ("cấp huyện", "UBND cấp huyện"), and cells holding two procedures.
Negatives are procedures removed from the matcher's set (their rows must be "unmatched", or
"ambiguous": not matched to a wrong code). ``--index DIR`` adds the semantic vectors of a built
national bundle (``--dense-weight``). Prints accuracy@1 and how often the status is right.
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


_PROVINCES = ["(TP Đà Nẵng)", "- tỉnh Quảng Ninh", "(Hà Nội)", "(tỉnh Lâm Đồng)", "– TP. Hồ Chí Minh",
              "(UBND tỉnh Nghệ An)"]
_TONES = {"á": "à", "à": "á", "ả": "ã", "ã": "ả", "ạ": "á", "ế": "ề", "ề": "ế", "ệ": "ê", "ố": "ồ", "ồ": "ố",
          "ộ": "ô", "ứ": "ừ", "ừ": "ứ", "ự": "ư", "í": "ì", "ì": "í", "ị": "i", "ý": "ỳ", "ú": "ù", "ụ": "u"}


def typo(s: str, rng: random.Random) -> str:
    """One typo in a word of 3+ letters: a letter dropped, two swapped, or a wrong tone mark."""
    words = s.split()
    cand = [i for i, w in enumerate(words) if len(w) >= 3 and w.isalpha()]
    if not cand:
        return s
    i = rng.choice(cand)
    w = words[i]
    kind = rng.random()
    tones = [k for k, ch in enumerate(w) if ch in _TONES]
    if kind < 0.4 and tones:
        k = rng.choice(tones)
        w = w[:k] + _TONES[w[k]] + w[k + 1:]
    elif kind < 0.7:
        k = rng.randrange(1, len(w) - 1)
        w = w[:k] + w[k + 1] + w[k] + w[k + 2:]
    else:
        k = rng.randrange(1, len(w))
        w = w[:k] + w[k + 1:]
    words[i] = w
    return " ".join(words)


def real_list_row(name: str, level: str, rng: random.Random) -> tuple[str, str]:
    """A row as real provincial lists write it (on top of ``hand_typed``)."""
    s, what = hand_typed(name, level, rng)
    what = [what] if what != "nguyên văn" else []
    if rng.random() < 0.3:
        s = typo(s, rng)
        what.append("lỗi gõ")
    if rng.random() < 0.2 and ("cấp xã" in s.lower() or "Cấp xã" in level or "Cấp tỉnh" in level):
        s = re.sub(r"\(cấp (xã|tỉnh)\)", "(cấp huyện)", s) if "(cấp" in s else s + " (cấp huyện)"
        s = s.replace("UBND cấp xã", "UBND cấp huyện").replace("Ủy ban nhân dân cấp xã", "UBND cấp huyện")
        what.append("tên cũ cấp huyện")
    r = rng.random()
    if r < 0.25:
        s = "Thủ tục " + s[:1].lower() + s[1:] if not s.lower().startswith("thủ tục") else s
        what.append("thêm «Thủ tục»")
    elif r < 0.4:
        s = f"{rng.randint(1, 120)}. {s}"
        what.append("số thứ tự")
    r = rng.random()
    if r < 0.25:
        s = f"{s} {rng.choice(_PROVINCES)}"
        what.append("tên tỉnh")
    elif r < 0.35 and level in _LEVELS and "(" not in s:
        s = f"{s} {_LEVELS[level]}"
        what.append("cấp không ngoặc")
    return s, ", ".join(what) or "nguyên văn"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--negatives", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--real", action="store_true", help="rows as real provincial lists write them (issue 12)")
    ap.add_argument("--multi", type=int, default=0, help="extra rows holding two procedures in one cell")
    ap.add_argument("--index", default="", help="a national bundle: use its semantic vectors")
    ap.add_argument("--dense-weight", type=float, default=None)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    procs = load_national()
    order = rng.sample(range(len(procs)), a.n + a.negatives)
    neg_idx = set(order[a.n:])
    keep = [p for i, p in enumerate(procs) if i not in neg_idx]
    same_name = Counter(name_key(p.name) for p in keep)
    t = time.perf_counter()
    dense = None
    if a.index:
        from search import open_index
        from search.duplicates.catalogue import DenseNames

        dense = DenseNames.from_index(open_index(Path(a.index)))
    m = CatalogueMatcher(keep, dense=dense, **({} if a.dense_weight is None else {"dense_weight": a.dense_weight}))
    build = time.perf_counter() - t
    rows = []
    for i in order:
        p = procs[i]
        if i in neg_idx and same_name[name_key(p.name)]:
            continue  # a removed procedure whose twin (same name) stays in the set: not a negative
        text, what = (real_list_row if a.real else hand_typed)(p.name, p.level, rng)
        rows.append((CatalogueEntry(name=text, row=len(rows) + 1), p, i in neg_idx, what))
    multi = []
    pos_idx = [i for i in order if i not in neg_idx]
    for _ in range(a.multi):
        x, y = rng.sample(pos_idx, 2)
        tx = real_list_row(procs[x].name, procs[x].level, rng)[0]
        ty = real_list_row(procs[y].name, procs[y].level, rng)[0]
        multi.append((CatalogueEntry(name=f"{tx};\n{ty}", row=len(rows) + len(multi) + 1), procs[x], procs[y]))
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
    print(f"removed rows unmatched or ambiguous (not matched to a wrong code): "
          f"{sum(r.status != 'matched' for (_, _, neg, _), r in zip(rows, results) if neg) / max(n - pos, 1):.3f}")
    if multi:
        both = 0
        for e, x, y in multi:
            r = m.match(e, k=3)
            got = {pr.matches[0]["code"] for pr in r.parts if pr.matches} if r.parts else set()
            both += {x.code, y.code} <= got
        print(f"cells with two procedures: both found {both}/{len(multi)}")
    print("errors by perturbation:", dict(by_what.most_common(8)))
    for row in errors[:25]:
        print("  ", row)


if __name__ == "__main__":
    main()
