"""Soát xét 1,000 quy trình generated from the national records: speed and precision/recall per finding kind.

Usage:
    nice -n 10 .venv/bin/python benchmarks/processes.py [--n 1000] [--seed 0] [--index DIR] [--rebuild]

Bundle: ``national_portal_2642.jsonl.gz`` plus two Pháp điển regulations
(``kiem-soat-thu-tuc-hanh-chinh.md``: NĐ 63/2010/NĐ-CP …, ``tieu-chuan-va-quy-chuan-ky-thuat.md``:
QĐ 19/2014/QĐ-TTg …), built once into ``/tmp/rasoat-bench-cache/processes-national-index`` with the
embedding cache pre-seeded with random unit vectors (as ``benchmarks/speed.py``): a full BM25 bundle
whose dense side is meaningless — the checker ties quy trình with lexical search only, so it is
unaffected, and the build takes about a minute instead of hours on this shared 2-core machine.

Quy trình: ``--n`` procedures of the bundle drawn at random (with at least one paper), each written
as a quy trình the way units copy them (title "Quy trình giải quyết thủ tục …" in several forms, the
agency, papers lightly reworded, legal basis as references, the fee text of the first channel, 3–5
steps whose times — hours, half days, working days — add up exactly to the shortest channel time).
About 40 % stay clean; the others get one or two planted deviations, recorded as ground truth:
time_exceeds (a step made longer), extra_paper (a paper of another procedure that matches none of
this one's), missing_paper (a paper dropped), legal_basis_outdated (a reference the indexed
regulations say was replaced), fee_mismatch (another amount), step_without_owner,
step_without_time. Precision/recall per kind count findings per quy trình (a finding of a kind is
a true positive up to the number planted).

Peers, timed in the same run on the same titles: the candidate step alone (``NameSearch``: BM25 over
the procedure-name units), and one plain ``SearchIndex.search(..., mode="lexical")`` per quy trình
(what a user's search costs); the ratios say what tying and checking add.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.common import CACHE, shared_data  # noqa: E402
from indexer.records import (  # noqa: E402
    DossierDocument,
    Duration,
    Fee,
    Procedure,
    Process,
    ProcessStep,
    Reference,
)

KINDS = ("time_exceeds", "extra_paper", "missing_paper", "legal_basis_outdated", "fee_mismatch",
         "step_without_owner", "step_without_time")
OWNERS = ["Công chức Bộ phận Một cửa", "Chuyên viên phòng chuyên môn", "Lãnh đạo phòng chuyên môn",
          "Lãnh đạo đơn vị", "Văn thư đơn vị"]
TITLES = ["Quy trình giải quyết thủ tục {n}", "Quy trình {n}", "QUY TRÌNH {N}",
          "Quy trình tiếp nhận và giải quyết hồ sơ {l}", "Quy trình thực hiện thủ tục hành chính: {n}"]


def build_bundle(index: Path, rebuild: bool) -> float:
    """Build the national bundle once (seeded embedding cache); return the build seconds (0 if reused)."""
    from benchmarks.speed import _seed_cache
    from indexer.pipeline import index_sources

    if index.exists() and not rebuild:
        return 0.0
    shutil.rmtree(index, ignore_errors=True)
    index.mkdir(parents=True)
    data = shared_data()
    sources = [data / "procedures" / "national_portal_2642.jsonl.gz",
               data / "regulations" / "kiem-soat-thu-tuc-hanh-chinh.md",
               data / "regulations" / "tieu-chuan-va-quy-chuan-ky-thuat.md"]
    _seed_cache(index, sources)
    t = time.perf_counter()
    rep = index_sources(sources, index)
    secs = time.perf_counter() - t
    print(f"bundle: {rep.documents} bản ghi, {rep.units} đơn vị, dựng {secs:.1f} s (bộ đệm nhúng gieo sẵn)")
    return secs


def _limit_days(proc: Procedure) -> float | None:
    from search.processes.findings import working_days

    vals = [working_days(c.processing_time.value, c.processing_time.unit) for c in proc.channels if c.processing_time]
    vals = [v for v in vals if v is not None and v > 0]
    return min(vals) if vals else None


def _split(total: int, k: int, rng: random.Random) -> list[int]:
    """``k`` positive integers adding up to ``total`` (k reduced when total < k)."""
    k = max(1, min(k, total))
    cuts = sorted(rng.sample(range(1, total), k - 1)) if k > 1 else []
    return [b - a for a, b in zip([0] + cuts, cuts + [total])]


def _steps(limit: float | None, rng: random.Random) -> list[ProcessStep]:
    k = rng.randint(3, 5)
    if limit is None:
        durs = [Duration(1.0, "working_days") for _ in range(k)]
    elif abs(limit * 8 - round(limit * 8)) < 1e-9 and limit <= 2:
        durs = [Duration(float(h), "hours") for h in _split(int(round(limit * 8)), k, rng)]
    elif abs(limit * 2 - round(limit * 2)) < 1e-9:
        halves = _split(int(round(limit * 2)), k, rng)
        durs = [Duration(h / 2, rng.choice(("working_days", "days"))) for h in halves]
    else:
        durs = [Duration(round(limit * 8 / k * 1000) / 1000, "hours") for _ in range(k)]
    return [ProcessStep(f"B{i}", f"Bước xử lý {i}", rng.choice(OWNERS), d, "") for i, d in enumerate(durs, 1)]


def _reword(name: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.15 and not name.lower().startswith("bản sao"):
        return "Bản sao " + name[:1].lower() + name[1:]
    if r < 0.3:
        return name.rstrip(". ;") + " (bản chính)"
    if r < 0.4:
        return name.rstrip(". ;")
    return name


def make_processes(procs: list[Procedure], n: int, seed: int, replaced: list[str]
                   ) -> tuple[list[Process], list[Counter], list[str]]:
    """``n`` quy trình written from random procedures, with planted findings.

    Returns:
        (quy trình, the planted kinds of each as a Counter, the procedure id each implements).
    """
    from search.duplicates.paper_names import paper_similarity
    from search.processes.findings import fee_signature

    rng = random.Random(seed)
    pool = [p for p in procs if p.documents and p.name]
    paper_pool = [d.name for p in pool for d in p.documents if 3 <= len(d.name.split()) <= 14]
    out, truth, ids = [], [], []
    for i in range(n):
        proc = rng.choice(pool)
        name = proc.name.strip()
        title = rng.choice(TITLES).format(n=name, N=name.upper(), l=name[:1].lower() + name[1:])
        limit = _limit_days(proc)
        steps = _steps(limit, rng)
        docs = [DossierDocument(_reword(d.name, rng), d.quantity, d.form) for d in proc.documents]
        ch = next((c for c in proc.channels if c.fee is not None), None)
        fee = Fee(ch.fee.amount_vnd, ch.fee.text) if ch else None
        sig = fee_signature(fee)
        if sig is not None and rng.random() < 0.5:  # written again by the unit, same amounts
            fee = Fee(None, "Phí, lệ phí: " + "; ".join(f"{x:,} đồng".replace(",", ".") for x in sig)
                      if sig != (0,) else "Không thu phí, lệ phí")
        refs = [Reference(lb.number, lb.title if rng.random() < 0.5 else f"Căn cứ văn bản số {lb.number}")
                for lb in proc.legal_basis]
        planted: Counter = Counter()
        eligible = ["extra_paper", "step_without_owner", "step_without_time"]
        if limit is not None:
            eligible.append("time_exceeds")
        if len(docs) >= 2:
            eligible.append("missing_paper")
        if replaced:
            eligible.append("legal_basis_outdated")
        if fee is not None and fee_signature(fee) is not None:
            eligible.append("fee_mismatch")
        kinds = [] if rng.random() < 0.4 else rng.sample(eligible, k=min(len(eligible), rng.choice((1, 1, 2))))
        if "time_exceeds" in kinds and "step_without_time" in kinds:
            kinds.remove("step_without_time")
        for kind in kinds:
            if kind == "time_exceeds":
                s = rng.choice(steps)
                extra = rng.choice((0.5, 1.0, max(1.0, round(limit * 0.3 * 2) / 2)))
                s.time = Duration(s.time.value + (extra * 8 if s.time.unit == "hours" else extra), s.time.unit)
            elif kind == "extra_paper":
                names = [d.name for d in docs]
                for _ in range(50):
                    cand = rng.choice(paper_pool)
                    if all(paper_similarity(cand, x) < 60 for x in names + [d.name for d in proc.documents]):
                        docs.insert(rng.randrange(len(docs) + 1), DossierDocument(cand, "01 bản chính"))
                        break
                else:
                    continue
            elif kind == "missing_paper":
                alone = [j for j, d in enumerate(proc.documents)
                         if all(paper_similarity(d.name, o.name) < 70 for k2, o in enumerate(proc.documents) if k2 != j)]
                if not alone:
                    continue
                docs.pop(rng.choice(alone))
            elif kind == "legal_basis_outdated":
                old = rng.choice(replaced)
                refs.insert(rng.randrange(len(refs) + 1), Reference(old, f"Văn bản số {old}"))
            elif kind == "fee_mismatch":
                sig = fee_signature(fee)
                new = (sig[0] + max(1000, round(sig[0] * 0.2, -3))) if sig[0] else 50000
                fee = Fee(new, f"Lệ phí: {new:,} đồng".replace(",", "."))
            elif kind == "step_without_owner":
                rng.choice(steps).responsible = ""
            elif kind == "step_without_time":
                rng.choice(steps).time = None
            planted[kind] += 1
        out.append(Process(code=f"QT-{i:04d}", title=title, agency=proc.agency, references=refs, documents=docs,
                           time_limit=Duration(limit, "working_days") if limit is not None else None,
                           fee=fee, steps=steps))
        truth.append(planted)
        ids.append(proc.id)
    return out, truth, ids


def main() -> int:
    """Build (or reuse) the bundle, generate, check, print the figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--index", type=Path, default=CACHE / "processes-national-index")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--absent", type=int, default=200, help="số quy trình của thủ tục không có trong bundle")
    ap.add_argument("--show", action="store_true", help="in các quy trình bị gắn sai hoặc phát hiện lệch")
    a = ap.parse_args()

    from search import open_index
    from search.processes import ProcessChecker

    build = build_bundle(a.index, a.rebuild)
    t = time.perf_counter()
    ix = open_index(a.index)
    procs = ix.procedures()
    t_open = time.perf_counter() - t
    t = time.perf_counter()
    checker = ProcessChecker(ix)
    t_prep = time.perf_counter() - t
    replaced = [r.number for r in checker.replaced.by_key.values()]
    qts, truth, ids = make_processes(procs, a.n, a.seed, replaced)
    print(f"bundle: {len(procs)} thủ tục, {len(ix.regulations())} điều; mở {t_open:.1f} s; "
          f"chuẩn bị bộ kiểm tra {t_prep:.2f} s ({len(replaced)} văn bản bị thay thế biết được từ các điều)"
          + (f"; dựng {build:.0f} s" if build else ""))

    # peers: the candidate step alone (BM25 over name units), and a plain lexical SearchIndex.search
    from search.processes.tie import NameSearch, strip_title

    names = NameSearch(ix)
    titles = [strip_title(q.title) for q in qts]
    t = time.perf_counter()
    for q in titles:
        names(q, 8)
    peer_names = time.perf_counter() - t
    t = time.perf_counter()
    for q in titles:
        ix.search(q, k=8, where={"kind": "procedure"}, mode="lexical")
    peer_search = time.perf_counter() - t
    t = time.perf_counter()
    checks = checker.check_all(qts)
    secs = time.perf_counter() - t
    print(f"soát xét {len(qts)} quy trình: {secs:.1f} s ({len(qts) / secs:.1f} quy trình/s)")
    print(f"  peer 1 — chỉ bước tìm ứng viên (BM25 trên tên thủ tục): {peer_names:.1f} s; tỉ lệ {secs / peer_names:.2f}×")
    print(f"  peer 2 — một SearchIndex.search(mode=lexical) mỗi quy trình: {peer_search:.1f} s; "
          f"tỉ lệ {secs / peer_search:.2f}×")

    status = Counter(c.status for c in checks)
    right = sum(1 for c, pid in zip(checks, ids) if c.status == "matched" and c.procedure.id == pid)
    wrong = sum(1 for c, pid in zip(checks, ids) if c.status == "matched" and c.procedure.id != pid)
    amb_right = sum(1 for c, pid in zip(checks, ids) if c.status == "ambiguous"
                    and any(x.procedure.id == pid for x in c.tie.candidates[:2]))
    print(f"gắn thủ tục: {dict(status)}; đúng {right}, sai {wrong} (của {status['matched']} matched); "
          f"ambiguous có thủ tục đúng trong 2 ứng viên đầu: {amb_right}/{status['ambiguous']}")

    tp, fp, fn = Counter(), Counter(), Counter()
    for c, want, pid in zip(checks, truth, ids):
        got = Counter(f.kind for f in c.findings)
        for k in KINDS:
            tp[k] += min(got[k], want[k])
            fp[k] += max(got[k] - want[k], 0)
            fn[k] += max(want[k] - got[k], 0)
    print("\nloại phát hiện          cài   tìm   TP   FP   FN  precision  recall")
    for k in KINDS:
        planted = tp[k] + fn[k]
        found = tp[k] + fp[k]
        prec = tp[k] / found if found else float("nan")
        rec = tp[k] / planted if planted else float("nan")
        print(f"{k:22s} {planted:5d} {found:5d} {tp[k]:4d} {fp[k]:4d} {fn[k]:4d}  {prec:9.3f}  {rec:6.3f}")
    T, F, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print(f"{'tổng':22s} {T + N:5d} {T + F:5d} {T:4d} {F:4d} {N:4d}  {T / max(T + F, 1):9.3f}  {T / max(T + N, 1):6.3f}")
    clean = [c for c, w in zip(checks, truth) if not w]
    print(f"quy trình sạch: {len(clean)}, trong đó có phát hiện: {sum(1 for c in clean if c.findings)}")
    if a.absent:
        # quy trình of procedures the bundle does not hold (Ministry of Defence records): they should not be tied
        from indexer.readers import read_path
        from search.duplicates.names import name_key

        mod = [r for r in read_path(shared_data() / "procedures" / "ministry_of_defence_207.jsonl.gz").records
               if isinstance(r, Procedure)]
        national_names = {name_key(p.name) for p in procs}
        mod = [p for p in mod if name_key(p.name) not in national_names]
        absent, _, _ = make_processes(mod, a.absent, a.seed + 1, [])
        t = time.perf_counter()
        res = checker.check_all(absent)
        st = Counter(c.status for c in res)
        print(f"\nquy trình của {a.absent} thủ tục không có trong bundle (Bộ Quốc phòng, tên không trùng thủ tục "
              f"quốc gia nào): {dict(st)} trong {time.perf_counter() - t:.1f} s — gắn nhầm (matched): "
              f"{st['matched'] / max(len(res), 1):.1%}")
        for c in res:
            if c.status == "matched" and a.show:
                print(f"   gắn nhầm: {c.process.title[:70]} → {c.procedure.code} {c.procedure.name[:60]} ({c.tie.score:.2f})")
    if a.show:
        by_id = {p.id: p for p in procs}
        for c, w, pid in zip(checks, truth, ids):
            got = Counter(f.kind for f in c.findings)
            wrong_tie = c.status == "matched" and c.procedure.id != pid
            if got != w or wrong_tie:
                print(f"\n— {c.process.title[:90]} | cài {dict(w)} | tìm {dict(got)} | {c.status} "
                      f"{c.procedure.code if c.procedure else ''} (đúng: {by_id[pid].code} {by_id[pid].name[:60]})")
                for f in c.findings:
                    if got[f.kind] > w[f.kind]:
                        print("   thừa:", f.kind, f.detail[:200])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
