"""Build the Vietnamese BM25 index (scipy sparse, saved as npz without pickle).

Two term spaces, each with a title field and a body field:

- ``exact``: lower-case syllables with their diacritics, plus syllable bigrams
  ("khai_sinh"); document numbers and procedure codes stay whole tokens
  ("19/2014/qđ-ttg", "1.000080").
- ``fold``: the same tokens accent-folded ("dang", "dang_ky"), for queries typed
  without diacritics and as a helper for queries with them.

For every (space, field) the index stores a term-major CSR matrix whose entry
(t, d) is the BM25 weight of term t in document d (Lucene idf, the same formula
as ``bm25s`` with ``method="lucene"``), so that a query is scored by summing a
few matrix rows. The document length used for both unigrams and bigrams is the
number of syllable tokens of the field.

Files written into ``out_dir``: ``lexical.npz`` (matrices + vocabularies as
UTF-8 bytes) and ``lexical.json`` (parameters and sizes). ``np.load(...,
allow_pickle=False)`` reads them.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import zipfile
from itertools import chain, repeat
from pathlib import Path
from typing import Iterable

import numpy as np
import scipy.sparse as sp

from indexer.vietnamese import bigrams, fold_tokens, tokenize

FORMAT_VERSION = 1
CACHE_FORMAT = 1  # layout of <cache_dir>/analysis.npz
SPACES = ("exact", "fold")
FIELDS = ("title", "body")
MAX_TOKEN_CHARS = 64
DEFAULT_K1 = 1.2
DEFAULT_B = {"title": 0.75, "body": 0.75}


def field_terms(tokens: list[str]) -> list[str]:
    """Index terms of one field: the tokens followed by their bigrams.

    Args:
        tokens: tokens of the field (already exact or folded).

    Returns:
        Unigrams then bigrams ("đăng", "ký", "đăng_ký").
    """
    tokens = [t for t in tokens if len(t) <= MAX_TOKEN_CHARS]
    return tokens + bigrams(tokens)


def analyse(text: str) -> dict[str, tuple[list[str], int]]:
    """Terms and syllable length of a text in both spaces.

    Returns:
        {"exact": (terms, n_tokens), "fold": (terms, n_tokens)}.
    """
    toks = tokenize(text)
    folded = fold_tokens(toks)
    return {"exact": (field_terms(toks), len(toks)), "fold": (field_terms(folded), len(folded))}


def bm25_term_matrix(
    docs_terms: list[list[str]],
    doc_lengths: np.ndarray,
    vocab: dict[str, int],
    *,
    k1: float = DEFAULT_K1,
    b: float = 0.75,
    grow_vocab: bool = True,
) -> sp.csr_matrix:
    """Term-major BM25 weight matrix of one field (Lucene variant, as bm25s "lucene").

    weight(t, d) = idf(t) * tf / (tf + k1 * (1 - b + b * dl / avgdl)),
    idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5)).

    Args:
        docs_terms: terms of each document.
        doc_lengths: length of each document used for normalisation (syllables).
        vocab: term → row; new terms are appended when ``grow_vocab``.
        k1: term-frequency saturation.
        b: length normalisation.
        grow_vocab: add unseen terms to ``vocab`` (otherwise they are dropped).

    Returns:
        CSR matrix of shape (len(vocab), n_docs), float32.
    """
    n_docs = len(docs_terms)
    counts = np.fromiter((len(t) for t in docs_terms), dtype=np.int64, count=n_docs)
    flat = list(chain.from_iterable(docs_terms))
    if grow_vocab:
        for t in dict.fromkeys(flat):  # unique terms in first-seen order (C speed)
            if t not in vocab:
                vocab[t] = len(vocab)
        term_ids = np.fromiter(map(vocab.__getitem__, flat), dtype=np.int64, count=len(flat))
        doc_ids = np.repeat(np.arange(n_docs, dtype=np.int64), counts)
    else:
        term_ids = np.fromiter(map(vocab.get, flat, repeat(-1)), dtype=np.int64, count=len(flat))
        doc_ids = np.repeat(np.arange(n_docs, dtype=np.int64), counts)
        keep = term_ids >= 0
        term_ids, doc_ids = term_ids[keep], doc_ids[keep]
    return _bm25_from_ids(term_ids, doc_ids, doc_lengths, len(vocab), k1, b)


def _pack_vocab(vocab: dict[str, int]) -> np.ndarray:
    """Vocabulary (ordered by id) as one UTF-8 byte array, terms separated by newlines."""
    terms = sorted(vocab, key=vocab.__getitem__)
    return np.frombuffer("\n".join(terms).encode("utf-8"), dtype=np.uint8)


def _meta(n_docs: int, k1: float, b: dict, body_has_title: bool) -> dict:
    """lexical.json metadata; ``vocab_size`` is filled per space by the builder."""
    return {"format": FORMAT_VERSION, "n_docs": n_docs, "k1": k1, "b": b,
            "spaces": list(SPACES), "fields": list(FIELDS), "body_has_title": body_has_title, "vocab_size": {}}


def build_arrays(
    titles: list[str],
    bodies: list[str],
    *,
    k1: float = DEFAULT_K1,
    b: dict[str, float] | None = None,
    analysed: Iterable[tuple[dict, dict]] | None = None,
    body_has_title: bool = True,
) -> tuple[dict[str, np.ndarray], dict]:
    """Build all matrices and vocabularies in memory (no cache).

    The same builder as the pipeline's (:func:`build_arrays_from_store`), over an in-memory
    store; ``tests/bm25_reference.py`` keeps a plain reference the tests compare it against.

    Args:
        titles: title (name) of each row.
        bodies: body text of each row (same length).
        k1: BM25 k1.
        b: BM25 b per field.
        analysed: optional pre-analysed (title, body) pairs from :func:`analyse`.
        body_has_title: the body field scores the whole row, title included (see
            :func:`build_arrays_from_store`).

    Returns:
        (arrays for np.savez, metadata for lexical.json).
    """
    if len(titles) != len(bodies):
        raise ValueError("titles và bodies phải có cùng số phần tử")
    if analysed is None:
        store, t_rows, b_rows = analyse_texts(titles, bodies)
    else:
        pairs = list(analysed)
        store = AnalysisStore()
        store.add([i.to_bytes(32, "big") for i in range(2 * len(pairs))], [a for pair in pairs for a in pair])
        t_rows = np.arange(0, 2 * len(pairs), 2, dtype=np.int64)
        b_rows = t_rows + 1
    return build_arrays_from_store(store, t_rows, b_rows, k1=k1, b=b, body_has_title=body_has_title)


class AnalysisStore:
    """Analyses of distinct texts, term lists stored as int32 ids into one vocabulary per space.

    Entry ``e`` of space ``s`` has the terms ``vocab[s][ids[s][offsets[s][e]:offsets[s][e + 1]]]``
    (as :func:`analyse` returns them) and ``ntok[s][e]`` syllable tokens; ``keys[e]`` is the
    sha256 of the text. Saved as one npz (no pickle) in the lexical cache folder.
    """

    FILE = "analysis.npz"

    def __init__(self) -> None:
        self.keys: list[bytes] = []
        self.vocab: dict[str, list[str]] = {s: [] for s in SPACES}
        self.ids: dict[str, np.ndarray] = {s: np.zeros(0, dtype=np.int32) for s in SPACES}
        self.offsets: dict[str, np.ndarray] = {s: np.zeros(1, dtype=np.int64) for s in SPACES}
        self.ntok: dict[str, np.ndarray] = {s: np.zeros(0, dtype=np.int64) for s in SPACES}

    @classmethod
    def load(cls, cache_dir: Path) -> "AnalysisStore":
        """Read the store from cache_dir (an empty store when absent, unreadable or outdated)."""
        store = cls()
        path = Path(cache_dir) / cls.FILE
        try:
            with np.load(path, allow_pickle=False) as z:
                if int(z["format"][0]) != CACHE_FORMAT or z["analyser"].tobytes() != analyser_fingerprint():
                    return store
                keys = z["keys"]
                store.keys = [k.tobytes() for k in keys]
                for s in SPACES:
                    store.vocab[s] = _unpack_terms(z[f"{s}_vocab"])
                    store.ids[s] = z[f"{s}_ids"].astype(np.int32)
                    store.offsets[s] = z[f"{s}_offsets"].astype(np.int64)
                    store.ntok[s] = z[f"{s}_ntok"].astype(np.int64)
                    off, ids = store.offsets[s], store.ids[s]
                    if (off.size != len(store.keys) + 1 or off[0] != 0 or off[-1] != ids.size
                            or np.any(np.diff(off) < 0) or (ids.size and (ids.min() < 0 or
                                                                        ids.max() >= len(store.vocab[s])))):
                        return cls()
        except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile):
            return cls()
        return store

    def add(self, keys: list[bytes], analyses: list[dict[str, tuple[list[str], int]]]) -> None:
        """Append analyses (from :func:`analyse`) of new texts."""
        if not keys:
            return
        self.keys.extend(keys)
        for s in SPACES:
            vocab = self.vocab[s]
            index = {t: i for i, t in enumerate(vocab)}
            flat = list(chain.from_iterable(a[s][0] for a in analyses))
            for t in dict.fromkeys(flat):
                if t not in index:
                    index[t] = len(vocab)
                    vocab.append(t)
            ids = np.fromiter(map(index.__getitem__, flat), dtype=np.int32, count=len(flat))
            counts = np.fromiter((len(a[s][0]) for a in analyses), dtype=np.int64, count=len(analyses))
            self.ids[s] = np.concatenate([self.ids[s], ids])
            self.offsets[s] = np.concatenate([self.offsets[s], self.offsets[s][-1] + np.cumsum(counts)])
            self.ntok[s] = np.concatenate(
                [self.ntok[s], np.array([a[s][1] for a in analyses], dtype=np.int64)])

    def subset(self, entries: np.ndarray) -> "AnalysisStore":
        """A compact store holding only ``entries`` (vocabulary reduced to the terms they use)."""
        out = AnalysisStore()
        out.keys = [self.keys[e] for e in entries]
        for s in SPACES:
            ids, counts = _gather(self.ids[s], self.offsets[s], entries)
            used = np.flatnonzero(np.bincount(ids, minlength=len(self.vocab[s])))
            remap = np.zeros(len(self.vocab[s]), dtype=np.int32)
            remap[used] = np.arange(used.size, dtype=np.int32)
            out.vocab[s] = [self.vocab[s][i] for i in used]
            out.ids[s] = remap[ids]
            out.offsets[s] = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
            out.ntok[s] = self.ntok[s][entries]
        return out

    def save(self, cache_dir: Path) -> None:
        """Write the store atomically into cache_dir."""
        cache_dir = Path(cache_dir)
        cache_dir.mkdir(parents=True, exist_ok=True)
        arrays = {
            "format": np.array([CACHE_FORMAT], dtype=np.int64),
            "analyser": np.frombuffer(analyser_fingerprint(), dtype=np.uint8),
            "keys": np.frombuffer(b"".join(self.keys), dtype=np.uint8).reshape(len(self.keys), 32),
        }
        for s in SPACES:
            arrays[f"{s}_vocab"] = np.frombuffer("\n".join(self.vocab[s]).encode("utf-8"), dtype=np.uint8)
            arrays[f"{s}_ids"] = self.ids[s]
            arrays[f"{s}_offsets"] = self.offsets[s]
            arrays[f"{s}_ntok"] = self.ntok[s]
        tmp = cache_dir / f"{self.FILE}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            np.savez(fh, **arrays)
        os.replace(tmp, cache_dir / self.FILE)


def analyser_fingerprint() -> bytes:
    """sha256 of the analysis code (indexer.vietnamese, analyse, field_terms, MAX_TOKEN_CHARS).

    A cache written by another version of the analyser is ignored.
    """
    from indexer import vietnamese

    src = "\0".join([inspect.getsource(vietnamese), inspect.getsource(analyse),
                     inspect.getsource(field_terms), str(MAX_TOKEN_CHARS), str(CACHE_FORMAT)])
    return hashlib.sha256(src.encode("utf-8")).digest()


def _unpack_terms(buf: np.ndarray) -> list[str]:
    """Inverse of the newline-joined UTF-8 vocabulary."""
    return buf.tobytes().decode("utf-8").split("\n") if buf.size else []


def _gather(ids: np.ndarray, offsets: np.ndarray, entries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Concatenated id segments of ``entries`` (in that order) and their lengths."""
    starts = offsets[entries]
    counts = offsets[entries + 1] - starts
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=ids.dtype), counts
    ends = np.cumsum(counts)
    pos = np.arange(total, dtype=np.int64) + np.repeat(starts - (ends - counts), counts)
    return ids[pos], counts


def _text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def _bm25_from_ids(term_ids: np.ndarray, doc_ids: np.ndarray, doc_lengths: np.ndarray, n_terms: int,
                   k1: float, b: float) -> sp.csr_matrix:
    """BM25 matrix (see :func:`bm25_term_matrix`) from parallel arrays of term and document ids."""
    n_docs = len(doc_lengths)
    tf = sp.csr_matrix(
        (np.ones(term_ids.size, dtype=np.float32), (term_ids, doc_ids)), shape=(n_terms, n_docs)
    )
    tf.sum_duplicates()
    df = np.diff(tf.indptr).astype(np.float64)
    idf = np.log1p((n_docs - df + 0.5) / (df + 0.5))
    dl = np.asarray(doc_lengths, dtype=np.float64)
    avgdl = float(dl.mean()) if n_docs and dl.mean() > 0 else 1.0
    norm = k1 * (1.0 - b + b * dl / avgdl)
    rows = np.repeat(np.arange(n_terms), np.diff(tf.indptr))
    t = tf.data.astype(np.float64)
    tf.data = (idf[rows] * t / (t + norm[tf.indices])).astype(np.float32)
    return tf


def build_arrays_from_store(
    store: AnalysisStore,
    title_entries: np.ndarray,
    body_entries: np.ndarray,
    *,
    k1: float = DEFAULT_K1,
    b: dict[str, float] | None = None,
    body_has_title: bool = True,
) -> tuple[dict[str, np.ndarray], dict]:
    """Same arrays as :func:`build_arrays`, from analyses already in a store.

    The title field scores the title alone; the body field scores the whole row (title terms
    and length included) when ``body_has_title``, as a plain BM25 over the whole text does:
    a title word counts once more in its field instead of being scored only against the
    short titles (measured in docs/benchmarks.md, "Issue 10d").

    Args:
        store: analyses of the distinct texts.
        title_entries: store entry of each row's title.
        body_entries: store entry of each row's body.
        k1: BM25 k1.
        b: BM25 b per field.
        body_has_title: False: the body field is the body alone (bundles before issue 10d).

    Returns:
        (arrays for np.savez, metadata for lexical.json), equal to build_arrays' output.
    """
    b = {**DEFAULT_B, **(b or {})}
    n_docs = int(title_entries.size)
    arrays: dict[str, np.ndarray] = {}
    meta = _meta(n_docs, k1, b, body_has_title)
    for space in SPACES:
        gathered = {f: _gather(store.ids[space], store.offsets[space], e)
                    for f, e in (("title", title_entries), ("body", body_entries))}
        flat = np.concatenate([gathered["title"][0], gathered["body"][0]])
        # row ids in first-seen order over the titles then the bodies, as bm25_term_matrix grows them
        first = np.full(len(store.vocab[space]), flat.size, dtype=np.int64)
        np.minimum.at(first, flat, np.arange(flat.size, dtype=np.int64))
        used = np.flatnonzero(first < flat.size)
        order = used[np.argsort(first[used])]  # store ids in first-seen order (positions are distinct)
        rank = np.zeros(len(store.vocab[space]), dtype=np.int64)
        rank[order] = np.arange(order.size)
        new_ids = rank[flat]
        n_terms = int(order.size)
        n_title = gathered["title"][0].size
        rows = {f: np.repeat(np.arange(n_docs, dtype=np.int64), gathered[f][1]) for f in FIELDS}
        lengths = {f: store.ntok[space][e] for f, e in (("title", title_entries), ("body", body_entries))}
        fields = {"title": (new_ids[:n_title], rows["title"], lengths["title"])}
        if body_has_title:  # the whole row: title terms and length count in the body field too
            fields["body"] = (new_ids, np.concatenate([rows["title"], rows["body"]]), lengths["title"] + lengths["body"])
        else:
            fields["body"] = (new_ids[n_title:], rows["body"], lengths["body"])
        for field, (ids, doc_ids, dl) in fields.items():
            m = _bm25_from_ids(ids, doc_ids, dl, n_terms, k1, b[field])
            arrays[f"{space}_{field}_data"] = m.data.astype(np.float32)
            arrays[f"{space}_{field}_indices"] = m.indices.astype(np.int32)
            arrays[f"{space}_{field}_indptr"] = m.indptr.astype(np.int64)
        vocab = store.vocab[space]
        terms = [vocab[i] for i in order]
        arrays[f"{space}_vocab"] = np.frombuffer("\n".join(terms).encode("utf-8"), dtype=np.uint8)
        meta["vocab_size"][space] = n_terms
    return arrays, meta


def analyse_texts(titles: list[str], bodies: list[str],
                  cache_dir: Path | None = None) -> tuple[AnalysisStore, np.ndarray, np.ndarray]:
    """Analyse the distinct texts of the rows, reusing (and updating) the cache in cache_dir.

    Args:
        titles: title of each row.
        bodies: body of each row.
        cache_dir: folder of the analysis cache; None analyses everything and keeps nothing.

    Returns:
        (store holding exactly the distinct texts, title entry per row, body entry per row).
    """
    texts = [t or "" for t in titles] + [x or "" for x in bodies]
    distinct = list(dict.fromkeys(texts))
    keys = [_text_key(t) for t in distinct]
    store = AnalysisStore.load(cache_dir) if cache_dir is not None else AnalysisStore()
    pos = {k: i for i, k in enumerate(store.keys)}
    missing = [i for i, k in enumerate(keys) if k not in pos]
    if missing:
        start = len(store.keys)
        store.add([keys[i] for i in missing], [analyse(distinct[i]) for i in missing])
        for j, i in enumerate(missing):
            pos[keys[i]] = start + j
    wanted = np.array([pos[k] for k in keys], dtype=np.int64)
    if cache_dir is not None and (missing or len(store.keys) != len(keys)):
        store = store.subset(wanted)  # compact: only the current texts, in their order
        store.save(cache_dir)
        wanted = np.arange(len(keys), dtype=np.int64)
    entry_of = dict(zip(distinct, wanted.tolist()))
    rows = np.fromiter(map(entry_of.__getitem__, texts), dtype=np.int64, count=len(texts))
    return store, rows[: len(titles)], rows[len(titles):]


def write_lexical(out_dir: Path, titles: list[str], bodies: list[str], *,
                  cache_dir: Path | None = None) -> None:
    """Build the BM25 index of rows (title, body) and write it into out_dir.

    Args:
        out_dir: folder (created if needed); receives lexical.npz and lexical.json.
        titles: title of each row (procedure name, article heading); weighs more.
        bodies: body text of each row.
        cache_dir: optional folder keeping each distinct text's analysis between builds
            (keyed by sha256 of the text), so that a reindex only analyses new texts; the
            output is identical with or without it.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    titles, bodies = list(titles), list(bodies)
    if len(titles) != len(bodies):
        raise ValueError("titles và bodies phải có cùng số phần tử")
    store, t_rows, b_rows = analyse_texts(titles, bodies, cache_dir)
    arrays, meta = build_arrays_from_store(store, t_rows, b_rows)
    tmp = out_dir / "lexical.tmp.npz"
    with open(tmp, "wb") as fh:
        np.savez(fh, **arrays)
    os.replace(tmp, out_dir / "lexical.npz")
    tmpj = out_dir / "lexical.tmp.json"
    tmpj.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmpj, out_dir / "lexical.json")


__all__ = ["AnalysisStore", "analyse", "analyse_texts", "bm25_term_matrix", "build_arrays",
           "build_arrays_from_store", "field_terms", "write_lexical"]
