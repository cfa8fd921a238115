"""R1 quality: (paper, national database) pairs against the labelled sample, with two peers.

The sample (``benchmarks/data/r1_sample.json``: 240 random papers "p*" and 240 cue-stratified
papers "q*", each in a "dev" or a "test" split) and its reconciled labels
(``benchmarks/data/r1_labels.json``) are references only; the texts are re-read from
../shared/data by ``benchmarks.r1_sample.resolve``. Three systems are scored on the same papers:

* ``R1`` — this branch: ``search.simplify.rules.rule_databases`` on the procedure with that
  one paper (so the procedure-level refusals apply too);
* ``R1 cũ`` — the previous R1 (``search/simplify/national_databases.py`` of ``--old-ref``, read
  with ``git show`` and imported from /tmp, with the old rule's two procedure filters);
* ``4 từ khóa`` — a naive rule: "căn cước"/"chứng minh nhân dân" → dân cư, "khai sinh" → hộ tịch,
  "đăng ký doanh nghiệp"/"đăng ký kinh doanh" → đăng ký doanh nghiệp, "quyền sử dụng đất" → đất đai.

Precision and recall are micro-averaged over (paper, database) pairs, per stratum and overall.
Tune on dev only; ``--errors`` lists dev errors and refuses to list test errors.

    PYTHONPATH=$PWD nice -n 10 .venv/bin/python benchmarks/r1_databases.py --split dev --errors
    PYTHONPATH=$PWD nice -n 10 .venv/bin/python benchmarks/r1_databases.py --split both
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.r1_sample import SAMPLE, national_procedures, resolve  # noqa: E402

LABELS = REPO / "benchmarks" / "data" / "r1_labels.json"

Pairs = set[tuple[str, str]]


def load_old(ref: str) -> Callable:
    """The previous R1 as a predictor: ``git show ref:…/national_databases.py`` imported from /tmp.

    Args:
        ref: a git revision holding the previous module.
    Returns:
        ``predict(item) -> set of database keys`` with the old rule's procedure filters.
    """
    src = subprocess.run(
        ["git", "-C", str(REPO), "show", f"{ref}:search/simplify/national_databases.py"],
        check=True, capture_output=True, text=True,
    ).stdout
    path = Path("/tmp") / f"r1_old_national_databases_{ref.replace('/', '_')}.py"
    path.write_text(src, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("r1_old_national_databases", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)

    from indexer.vietnamese import fold

    def predict(item: dict) -> set[str]:
        proc, doc = item["procedure"], item["doc"]
        text = " ".join(x for x in (doc.name, doc.quantity) if x)
        matches = mod.match_paper(doc.name) or mod.match_paper(text)
        name_f = fold(proc.name)
        if "can cuoc" in name_f or "dinh danh" in name_f:
            matches = tuple(m for m in matches if m.paper.key != "can_cuoc")
        if "dang ky lai" in name_f:
            matches = tuple(m for m in matches if m.database.key != "ho_tich")
        return {m.database.key for m in matches}

    return predict


def predict_new(item: dict) -> set[str]:
    """This branch's R1 on the procedure reduced to the one paper."""
    from search.simplify.cost_model import Assumptions
    from search.simplify.rules import rule_databases

    proc = dataclasses.replace(item["procedure"], documents=[item["doc"]])
    return {k for f in rule_databases(proc, Assumptions()) for k in f.data.get("database_keys", [f.data.get("database_key")])}


_NAIVE = (
    (("can cuoc", "chung minh nhan dan"), "dan_cu"),
    (("khai sinh",), "ho_tich"),
    (("dang ky doanh nghiep", "dang ky kinh doanh"), "dkdn"),
    (("quyen su dung dat",), "dat_dai"),
)


def predict_naive(item: dict) -> set[str]:
    """Four keywords, nothing else."""
    from indexer.vietnamese import fold

    text = fold(item["doc"].name.lower())
    return {db for words, db in _NAIVE if any(w in text for w in words)}


def score(items: list[dict], predict: Callable, gold: dict[str, list[str]]) -> tuple[float, float, int, int, int, list]:
    """(precision, recall, true pairs, predicted pairs, gold pairs, errors) over (paper, database) pairs."""
    tp = n_pred = n_gold = 0
    errors = []
    for it in items:
        pred, want = set(predict(it)), set(gold.get(it["pid"], []))
        tp += len(pred & want)
        n_pred += len(pred)
        n_gold += len(want)
        if pred != want:
            errors.append((it, sorted(pred - want), sorted(want - pred)))
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, tp, n_pred, n_gold, errors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "both"), default="dev")
    ap.add_argument("--old-ref", default="8ba1bbc", help="git revision of the previous R1 (Issue 9 on main)")
    ap.add_argument("--errors", action="store_true", help="list the dev errors of this branch's R1")
    ap.add_argument("--dump-dev", type=Path, default=None, help="write the dev texts and labels (outside the repo)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))["papers"]
    gold = json.loads(LABELS.read_text(encoding="utf-8"))["labels"]
    items = resolve(sample, national_procedures())
    for it in items:
        it["doc"] = it["procedure"].documents[it["index"]]
    print(f"{len(items)} giấy tờ đọc lại từ ../shared/data trong {time.perf_counter() - t0:.1f} s")

    if args.dump_dev:
        with args.dump_dev.open("w", encoding="utf-8") as fh:
            for it in items:
                if it["split"] == "dev":
                    fh.write(json.dumps({"pid": it["pid"], "title": it["title"], "name": it["doc"].name,
                                         "quantity": it["doc"].quantity, "gold": gold.get(it["pid"], [])},
                                        ensure_ascii=False) + "\n")
    systems = {"R1": predict_new, "R1 cũ": load_old(args.old_ref), "4 từ khóa": predict_naive}
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    print(f"{'split':5} {'stratum':7} {'system':10} {'P':>6} {'R':>6} {'F1':>6}  tp/pred/gold")
    for split in splits:
        in_split = [it for it in items if it["split"] == split]
        for stratum in [*dict.fromkeys(it.get("stratum", "random") for it in in_split), "all"]:
            sub = [it for it in in_split if stratum == "all" or it.get("stratum", "random") == stratum]
            for name, fn in systems.items():
                p, r, tp, npred, ngold, _ = score(sub, fn, gold)
                f1 = 2 * p * r / (p + r) if p + r else 0.0
                print(f"{split:5} {stratum:7} {name:10} {p:6.3f} {r:6.3f} {f1:6.3f}  {tp}/{npred}/{ngold}")
    if args.errors:
        if "test" in splits:
            raise SystemExit("--errors chỉ dùng với --split dev (không xem lỗi của tập test để tinh chỉnh).")
        dev = [it for it in items if it["split"] == "dev"]
        for it, fp, fn in score(dev, predict_new, gold)[5]:
            print(f"\n{it['pid']} {it['code']} «{it['title'][:90]}»\n  giấy tờ: {it['doc'].name[:400]!r}"
                  f"\n  thừa: {fp}  thiếu: {fn}")


if __name__ == "__main__":
    main()
