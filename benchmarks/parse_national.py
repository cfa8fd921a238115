"""Parse the real national-portal (2,642) and Ministry of Defence (207) records; print speed and coverage.

Usage:
    .venv/bin/python benchmarks/parse_national.py [--data ../shared/data] [--show N]

Prints records/s, total seconds and the coverage figures of the parsing issue:
channels with a parsed processing time, documents, legal-basis numbers.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from indexer.procedure_fields import extract_doc_numbers, is_empty_value  # noqa: E402
from indexer.procedure_json import records_from_objects  # noqa: E402
from indexer.records import Procedure  # noqa: E402


def _default_data() -> Path:
    env = os.environ.get("RASOAT_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def _load(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def coverage(objs: list[dict], procs: list[Procedure]) -> dict[str, float]:
    """Coverage figures for national-portal objects and the procedures read from them."""
    with_ch = [(o, p) for o, p in zip(objs, procs) if not is_empty_value(o.get("cach_thuc_thuc_hien"))]
    timed = sum(1 for _, p in with_ch if any(c.processing_time and c.processing_time.value is not None for c in p.channels))
    with_docs = [(o, p) for o, p in zip(objs, procs) if not is_empty_value(re.sub(r"^-+$", "", o.get("thanh_phan_ho_so") or ""))]
    docs = sum(1 for _, p in with_docs if p.documents)
    with_nums = [(o, p) for o, p in zip(objs, procs) if extract_doc_numbers(o.get("can_cu_phap_ly") or "")]
    nums = sum(1 for _, p in with_nums if any(lb.number for lb in p.legal_basis))
    return {
        "records": len(procs),
        "channel_time_pct": 100.0 * timed / max(1, len(with_ch)),
        "channel_time": f"{timed}/{len(with_ch)}",
        "documents_pct": 100.0 * docs / max(1, len(with_docs)),
        "documents": f"{docs}/{len(with_docs)}",
        "legal_numbers_pct": 100.0 * nums / max(1, len(with_nums)),
        "legal_numbers": f"{nums}/{len(with_nums)}",
        "fee_parsed_pct": 100.0
        * sum(1 for p in procs for c in p.channels if c.fee is not None)
        / max(1, sum(len(p.channels) for p in procs)),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=_default_data())
    ap.add_argument("--show", type=int, default=0, help="print N random parsed records (JSON)")
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    portal_path = args.data / "procedures" / "national_portal_2642.jsonl.gz"
    defence_path = args.data / "procedures" / "ministry_of_defence_207.jsonl.gz"
    if not portal_path.exists():
        print(f"Không tìm thấy dữ liệu: {portal_path}")
        return 2
    portal = _load(portal_path)
    defence = _load(defence_path) if defence_path.exists() else []

    t0, c0 = time.perf_counter(), time.process_time()
    res = records_from_objects(portal, str(portal_path))
    t_portal, c_portal = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    res_d = records_from_objects(defence, str(defence_path))
    t_def, c_def = time.perf_counter() - t0, time.process_time() - c0

    print(f"national portal: {len(res.records)} records, {len(res.failures)} failures, "
          f"wall {t_portal:.2f} s ({len(portal) / t_portal:.0f} records/s), "
          f"CPU {c_portal:.2f} s ({len(portal) / max(c_portal, 1e-9):.0f} records/s per core)")
    print(f"ministry of defence: {len(res_d.records)} records, {len(res_d.failures)} failures, "
          f"wall {t_def:.2f} s, CPU {c_def:.2f} s ({len(defence) / max(c_def, 1e-9):.0f} records/s per core)")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (CPU time is the figure that does not depend on it)")
    cov = coverage(portal, res.records)  # type: ignore[arg-type]
    for k, v in cov.items():
        print(f"  {k}: {v:.1f}" if isinstance(v, float) else f"  {k}: {v}")
    dprocs = res_d.records
    print("  defence with channel time:",
          sum(1 for p in dprocs if any(c.processing_time and c.processing_time.value is not None for c in p.channels)),
          "/", len(dprocs))
    print("  defence with documents:", sum(1 for p in dprocs if p.documents), "/", len(dprocs))
    print("  defence with legal numbers:", sum(1 for p in dprocs if any(lb.number for lb in p.legal_basis)), "/", len(dprocs))
    if args.show:
        rng = random.Random(args.seed)
        for p in rng.sample(res.records, args.show):
            print(json.dumps(p.to_dict(), ensure_ascii=False, indent=1)[:6000])
            print("-" * 80)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
