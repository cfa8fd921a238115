"""Full build vs reindex with 1 % of sources changed (bounded; prints figures for docs/benchmarks.md).

A bundle of N national procedures (one JSON file each, from
../shared/data/procedures/national_portal_2642.jsonl.gz), embedding cache pre-seeded with random
vectors (as benchmarks/speed.py does) so that the times are those of everything but the model
(`--no-seed`: the full build embeds every unit with the bundled model).

    .venv/bin/python benchmarks/lexical_incremental.py --procedures 600
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch  # noqa: E402

torch.set_num_threads(2)

from benchmarks.speed import _data, _seed_cache  # noqa: E402
from indexer.readers import read_path  # noqa: E402
from indexer.pipeline import index_sources  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--procedures", type=int, default=600)
    ap.add_argument("--no-seed", action="store_true", help="embed every unit in the full build (real model)")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        src = work / "src"
        src.mkdir()
        recs = read_path(_data() / "procedures" / "national_portal_2642.jsonl.gz").records[: a.procedures]
        for i, rec in enumerate(recs):
            (src / f"{i:05d}.json").write_text(json.dumps(rec.to_dict(), ensure_ascii=False), encoding="utf-8")
        index = work / "index"
        index.mkdir()
        if not a.no_seed:
            _seed_cache(index, [src])
        t = time.perf_counter()
        rep = index_sources([src], index)
        full = time.perf_counter() - t
        files = sorted(src.iterdir())
        changed = random.Random(1).sample(files, max(1, len(files) // 100))
        for f in changed:
            d = json.loads(f.read_text(encoding="utf-8"))
            d["steps"] = list(d.get("steps") or []) + ["Bước bổ sung để kiểm tra lập chỉ mục tăng dần."]
            f.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
        t = time.perf_counter()
        rep2 = index_sources([src], index)
        re_s = time.perf_counter() - t
        print(f"{rep.added} tệp, {rep.documents} bản ghi, {rep.units} đơn vị; dựng đầy đủ {full:.2f} s; "
              f"lập lại với {len(changed)} tệp đổi: {re_s:.2f} s (nhúng lại {rep2.embedded}) "
              f"= {100 * re_s / full:.1f} % của dựng đầy đủ")
        cache = index / "lexical-cache" / "analysis.npz"
        if cache.is_file():
            print(f"bộ đệm phân tích từ vựng: {cache.stat().st_size / 2**20:.1f} MB")
        from indexer import lexical
        from search import open_index

        units = open_index(index).units()
        titles, bodies = [u.title for u in units], [u.body for u in units]
        t = time.perf_counter()
        lexical.write_lexical(work / "lex-a", titles, bodies)
        plain = time.perf_counter() - t
        if "cache_dir" in lexical.write_lexical.__code__.co_varnames:
            lexical.write_lexical(work / "lex-b", titles, bodies, cache_dir=work / "lex-cache")
            t = time.perf_counter()
            lexical.write_lexical(work / "lex-b", titles, bodies, cache_dir=work / "lex-cache")
            print(f"write_lexical {len(units)} đơn vị: không bộ đệm {plain:.2f} s, "
                  f"bộ đệm đầy {time.perf_counter() - t:.2f} s")
        else:
            print(f"write_lexical {len(units)} đơn vị: {plain:.2f} s")


if __name__ == "__main__":
    main()
