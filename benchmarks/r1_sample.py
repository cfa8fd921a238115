"""Draw the random dossier papers of the R1 benchmark (national-database papers, NQ 66.7/2025).

The sample is a list of references, not text: ``{"pid", "code", "index", "sha1"}`` — procedure
code, position of the paper in the parsed dossier and the sha1 of its name — so no real data is
copied into the repository; the benchmark re-reads the text from ../shared/data. ``--dump``
writes the texts to a file outside the repository for labelling.

    .venv/bin/python benchmarks/r1_sample.py --n 240 --seed 66 --out benchmarks/data/r1_sample.json
    .venv/bin/python benchmarks/r1_sample.py --dump /tmp/r1_papers.jsonl
    .venv/bin/python benchmarks/r1_sample.py --add-cue 240 --cue-seed 668 --prefix r --stratum cue2 --split dev

``--add-cue`` appends papers drawn from those that contain one of the sample's cue words (folded,
at a word start) and are not in the sample yet: a stratum rich in database papers.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.common import shared_data  # noqa: E402

SAMPLE = REPO / "benchmarks" / "data" / "r1_sample.json"


def national_procedures() -> list:
    """The 2,642 national-portal records parsed by the project's reader (one per code)."""
    from indexer.portal import procedure_from_portal
    from indexer.records import Source

    path = shared_data() / "procedures" / "national_portal_2642.jsonl.gz"
    out, seen = [], set()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            proc = procedure_from_portal(json.loads(line), Source(file=path.name, record=i))
            if proc.code in seen:
                continue
            seen.add(proc.code)
            out.append(proc)
    return out


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def resolve(sample: list[dict], procs: list | None = None) -> list[dict]:
    """Attach the paper text (and its procedure) to each sample reference.

    Args:
        sample: the references of ``r1_sample.json``.
        procs: parsed national procedures (read when None).
    Returns:
        One dict per reference with ``name``, ``quantity``, ``title``, ``procedure`` (the record);
        references whose text changed (sha1 mismatch) are dropped with a warning.
    """
    by_code = {p.code: p for p in (procs if procs is not None else national_procedures())}
    out = []
    for ref in sample:
        proc = by_code.get(ref["code"])
        if proc is None or ref["index"] >= len(proc.documents):
            print(f"cảnh báo: không còn {ref['pid']}", file=sys.stderr)
            continue
        doc = proc.documents[ref["index"]]
        if sha1(doc.name) != ref["sha1"]:
            print(f"cảnh báo: {ref['pid']} đã đổi nội dung", file=sys.stderr)
            continue
        out.append({**ref, "name": doc.name, "quantity": doc.quantity, "title": proc.name, "procedure": proc})
    return out


def add_cue_stratum(data: dict, procs: list, n: int, seed: int, prefix: str, stratum: str, split: str) -> int:
    """Append ``n`` cue-stratified papers not yet in the sample to ``data["papers"]``.

    Args:
        data: the sample file's content (its ``cues`` are the folded cue words).
        procs: parsed national procedures.
        n, seed: how many papers, drawn with ``random.Random(seed)``.
        prefix, stratum, split: the new references' pid prefix, stratum and split.
    Returns:
        The size of the pool drawn from.
    """
    from indexer.vietnamese import fold

    taken = {(r["code"], r["index"]) for r in data["papers"]}
    pool = []
    for p in procs:
        for i, d in enumerate(p.documents):
            f = " " + fold(d.name) + " "
            if d.name.strip() and (p.code, i) not in taken and any(" " + c in f for c in data["cues"]):
                pool.append((p.code, i, d.name))
    picked = random.Random(seed).sample(pool, n)
    data["papers"] += [{"pid": f"{prefix}{k:03d}", "code": c, "index": i, "sha1": sha1(name), "split": split,
                        "stratum": stratum} for k, (c, i, name) in enumerate(picked)]
    data.setdefault("extra_strata", []).append({"stratum": stratum, "pool": len(pool), "seed": seed, "n": n})
    return len(pool)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=240)
    ap.add_argument("--seed", type=int, default=66)
    ap.add_argument("--out", type=Path, default=None, help="write a new sample (references only)")
    ap.add_argument("--dump", type=Path, default=None, help="write the sample's texts (outside the repo)")
    ap.add_argument("--add-cue", type=int, default=0, help="append this many cue-stratified papers")
    ap.add_argument("--cue-seed", type=int, default=668)
    ap.add_argument("--prefix", default="r")
    ap.add_argument("--stratum", default="cue2")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--only", default=None, help="with --dump: only this stratum")
    args = ap.parse_args()
    procs = national_procedures()
    if args.out:
        pool = [(p.code, i, d.name) for p in procs for i, d in enumerate(p.documents) if d.name.strip()]
        rng = random.Random(args.seed)
        picked = rng.sample(pool, args.n)
        refs = [{"pid": f"p{k:03d}", "code": c, "index": i, "sha1": sha1(n)} for k, (c, i, n) in enumerate(picked)]
        half = args.n // 2
        for k, r in enumerate(refs):
            r["split"] = "dev" if k < half else "test"
        args.out.write_text(json.dumps({"seed": args.seed, "pool": len(pool), "papers": refs}, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{len(refs)} giấy tờ / {len(pool)} → {args.out}")
    if args.add_cue:
        data = json.loads(SAMPLE.read_text(encoding="utf-8"))
        pool = add_cue_stratum(data, procs, args.add_cue, args.cue_seed, args.prefix, args.stratum, args.split)
        SAMPLE.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"+{args.add_cue} giấy tờ ({args.stratum}) / {pool} → {SAMPLE}")
    if args.dump:
        sample = json.loads(SAMPLE.read_text(encoding="utf-8"))["papers"]
        if args.only:
            sample = [r for r in sample if r.get("stratum", "random") == args.only]
        with args.dump.open("w", encoding="utf-8") as fh:
            for r in resolve(sample, procs):
                fh.write(json.dumps({"pid": r["pid"], "code": r["code"], "procedure": r["title"], "paper": r["name"], "quantity": r["quantity"]}, ensure_ascii=False) + "\n")
        print(f"→ {args.dump}")


if __name__ == "__main__":
    main()
