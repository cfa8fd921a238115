"""Search latency, query embedding included: national bundle and a synthetic 200k-unit bundle.

What is timed is ``SearchIndex.search(query, k=10)`` end to end (query embedding with the
bundle's model, BM25, named-document preference, FAISS, fusion, one hit per record,
snippets). Peers in the same run, on the same queries: the query embedding alone
(``encode_queries``) and lexical-only search; the report gives p50/p95 of each and the
hybrid p95 over their sum.

National bundle: the 2,642 national procedures (one JSON file each) +
``kiem-soat-thu-tuc-hanh-chinh.md`` and ``tieu-chuan-va-quy-chuan-ky-thuat.md``, built with
every unit vector pre-seeded in the embedding cache (random vectors: the dense search cost
does not depend on their values; the query is embedded for real). Synthetic bundle:
``benchmarks/speed.py``'s section 4 (random vectors, synthetic Vietnamese texts, IVF).

Run:
    nice -n 10 .venv/bin/python benchmarks/search_latency.py                 # both
    nice -n 10 .venv/bin/python benchmarks/search_latency.py --skip synthetic
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from benchmarks.common import shared_data  # noqa: E402

REGULATIONS = ("kiem-soat-thu-tuc-hanh-chinh.md", "tieu-chuan-va-quy-chuan-ky-thuat.md")
FIXED_QUERIES = [
    "cơ chế một cửa liên thông",
    "mất sổ đỏ thì làm lại ở đâu",
    "UBND cấp xã cấp giấy xác nhận",
    "theo Nghị định 63 thì cơ quan nào kiểm soát thủ tục hành chính",
    "áp dụng ISO 9001 theo Quyết định 19/2014/QĐ-TTg",
    "dang ky khai sinh cho con",
    "1.000080",
]


def _times(fn, queries: list[str]) -> list[float]:
    fn(queries[0])  # warm-up (model load, lazy tables)
    out = []
    for q in queries:
        t = time.perf_counter()
        fn(q)
        out.append(1000 * (time.perf_counter() - t))
    return out


def report(ix, queries: list[str], label: str) -> None:
    """Print p50/p95 of hybrid, lexical, dense search and of the query embedding alone."""
    rows = {
        "hybrid": _times(lambda q: ix.search(q, k=10), queries),
        "query embedding alone": _times(lambda q: ix.encode_queries([q]), queries),
        "lexical": _times(lambda q: ix.search(q, k=10, mode="lexical"), queries),
        "dense": _times(lambda q: ix.search(q, k=10, mode="dense"), queries),
    }
    print(f"\n### {label}: {len(ix.units())} units, {len(queries)} queries, k = 10, "
          f"load {os.getloadavg()[0]:.1f}\n")
    print("| what | p50 ms | p95 ms |\n|---|---|---|")
    for name, t in rows.items():
        print(f"| {name} | {np.percentile(t, 50):.1f} | {np.percentile(t, 95):.1f} |")
    hy = np.percentile(rows["hybrid"], 95)
    parts = np.percentile(rows["query embedding alone"], 95) + np.percentile(rows["lexical"], 95)
    print(f"\nhybrid p95 / (embedding p95 + lexical p95) = {hy / parts:.2f}", flush=True)


def national(work: Path, n_queries: int) -> None:
    from benchmarks.speed import _seed_cache, split_national
    from indexer.pipeline import index_sources
    from indexer.vietnamese import strip_accents
    from search import open_index

    data = shared_data()
    src = work / "national"
    n = split_national(data / "procedures" / "national_portal_2642.jsonl.gz", src)
    regs = work / "regulations"
    regs.mkdir()
    for name in REGULATIONS:
        shutil.copy(data / "regulations" / name, regs / name)
    index = work / "national-index"
    index.mkdir()
    _seed_cache(index, [src, regs])
    t = time.perf_counter()
    rep = index_sources([src, regs], index)
    print(f"national bundle: {n} procedure files + {len(REGULATIONS)} regulations → {rep.documents} records, "
          f"{rep.units} units (built in {time.perf_counter() - t:.0f} s, vectors pre-seeded)", flush=True)
    ix = open_index(index)
    names = [p.name for p in ix.procedures()]
    random.Random(1).shuffle(names)
    queries = [" ".join(x.split()[:5]) for x in names[: n_queries // 2]]
    queries += [strip_accents(q).lower() for q in queries] + FIXED_QUERIES
    report(ix, queries, f"National bundle ({ix.status()['model']})")


def synthetic(work: Path, n: int, n_queries: int) -> None:
    from benchmarks.speed import _syllables
    from indexer import bundle
    from indexer.embeddings import resolve_model
    from indexer.faiss_index import build_index, save_index
    from indexer.lexical import write_lexical
    from indexer.units import Unit
    from search import open_index

    rng = np.random.default_rng(3)
    syl = np.array(_syllables())
    titles = [" ".join(syl[r]).capitalize() for r in rng.integers(0, len(syl), size=(n, 8))]
    bodies = [" ".join(syl[r]) for r in rng.integers(0, len(syl), size=(n, 40))]
    index = work / "synthetic"
    vdir = bundle.new_version_dir(index)
    bundle.write_jsonl(vdir / "units.jsonl", (Unit(
        id=f"syn:{i}", record_id=f"syn:{i}", kind="regulation", part="article", title=titles[i], body=bodies[i],
        citation=f"Điều {i % 200 + 1}, Văn bản tổng hợp {i // 200}", doc_number=f"{i // 200 + 1}/2020/NĐ-CP",
    ).to_dict() for i in range(n)))
    bundle.write_jsonl(vdir / "records.jsonl", ({"src": "synthetic", "id": f"syn:{i}", "record": {
        "kind": "regulation", "doc_type": "Nghị định", "doc_number": f"{i // 200 + 1}/2020/NĐ-CP",
        "article": str(i % 200 + 1), "text": bodies[i]}} for i in range(n)))
    vecs = rng.standard_normal((n, 384)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    save_index(build_index(vecs, threshold=0), vdir / "vectors.faiss")
    write_lexical(vdir, titles, bodies)
    spec = resolve_model(None)
    bundle.publish(index, vdir, {"schema": bundle.SCHEMA_VERSION, "built": "", "version": vdir.name,
                                 "model": {"name": spec.name, "source": "bundled", "sha256": spec.sha256,
                                           "dimension": 384, "backend": spec.backend},
                                 "counts": {"documents": n, "units": n}, "sources": {}})
    ix = open_index(index)
    queries = [" ".join(rng.choice(syl, size=4)) for _ in range(n_queries - 2)]
    queries += ["theo Nghị định 12 thì hồ sơ gồm những gì", "nghi dinh so 7/2020/nd-cp quy dinh thoi han"]
    report(ix, queries, f"Synthetic bundle ({ix.dense.kind}, {n // 200} documents of 200 articles)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--synthetic", type=int, default=200_000)
    ap.add_argument("--queries", type=int, default=40)
    ap.add_argument("--skip", nargs="*", default=[], help="national and/or synthetic")
    args = ap.parse_args()
    print(f"Máy: {os.cpu_count()} lõi, tải {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="rasoat-latency-") as tmp:
        if "national" not in args.skip:
            national(Path(tmp), args.queries)
        if "synthetic" not in args.skip:
            synthetic(Path(tmp), args.synthetic, args.queries)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
