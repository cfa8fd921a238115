"""Where indexing work runs: in this process (``LocalEngine``) or sharded over Ray (``RayEngine``).

An engine is two maps used by ``indexer.pipeline``: ``read(paths)`` (files → ReadResults, in the
order given) and ``embed(spec, texts)`` (texts → vectors, chunks yielded as they complete). The
driver alone hashes files, derives units, keeps the embedding cache and writes the bundle, so the
lock, the atomic publish and incremental updates are the same whatever the engine.

Ray is an optional extra (``pip install 'rasoat[scale]'``). Work is sent as Ray tasks with at most
a few batches in flight per worker; results are fetched as soon as they complete. A task whose
worker dies is retried by Ray (``max_retries``); a batch that still fails is re-run file by file,
so only a file that kills its worker every time is reported as a failure. Workers build their
own ``Embedder`` from the picklable ``ModelSpec`` (the model files must exist at the same path on
every node) and use one thread each.

Why Ray tasks and not Ray Data ``map_batches``: the driver has to fold every result into state only
it holds (the spool, the embedding cache, the order of sources), and each result is small; plain
tasks + ``ray.wait`` give that streaming with a bounded window, per-task retries and no Arrow
conversion of records, while Ray Data would add its own executor, block format and start-up for no
gain at this grain. A worker process keeps its loaded model between tasks (``_WORKER_EMBEDDERS``),
so tasks cost what actors would.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Protocol, Sequence

import numpy as np

from indexer.embeddings import Embedder, ModelSpec
from indexer.records import ReadFailure, ReadResult

SCALE_EXTRA = "pip install 'rasoat[scale]'"
RAY_MISSING = f"Chưa cài Ray nên không dùng được --engine ray. Hãy cài phần mở rộng: {SCALE_EXTRA}"
# test-only fault injection, read by the driver and passed to the tasks: "read:/tmp/m1,embed:/tmp/m2" makes
# the first task of that kind to create the marker file kill its own worker process (os._exit), once.
FAULT_ENV = "RASOAT_RAY_FAULT_ONCE"
# variables passed to the workers of a local Ray started here (offline, one thread each)
_WORKER_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "OMP_NUM_THREADS": "1",
               "MKL_NUM_THREADS": "1", "RASOAT_THREADS": "1", "TOKENIZERS_PARALLELISM": "false"}
READ_BATCH_FILES = 16  # files per read task (at most READ_BATCH_BYTES of them)
READ_BATCH_BYTES = 8 * 1024 * 1024
EMBED_BATCH = 256  # texts per embedding task
IN_FLIGHT_PER_WORKER = 2  # tasks queued per worker: enough to keep it busy, bounded driver memory
MAX_RETRIES = 3


class EngineError(RuntimeError):
    """The engine cannot be used (Ray absent, cluster unreachable, bad option)."""


class Engine(Protocol):
    """What the pipeline needs from an engine."""

    name: str
    workers: int

    def read(self, paths: Sequence[Path], *, max_bytes: Optional[int] = None) -> Iterator[ReadResult]:
        """One ReadResult per path, in the order of ``paths``."""

    def embed(self, spec: ModelSpec, texts: Sequence[str], *, progress: bool = False,
              max_tokens: Optional[int] = None) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """``(positions in texts, vectors)`` chunks covering every text once, in any order
        (``max_tokens``: a lower token cap for these texts, passed to ``Embedder.encode``)."""

    def dimension(self, spec: ModelSpec) -> int:
        """The model's vector dimension."""

    def close(self) -> None:
        """Release what the engine started."""


# ---------------------------------------------------------------- work done on a worker (or here)

def _read_one(path: str, max_bytes: Optional[int]) -> ReadResult:
    from indexer.readers import read_path

    try:
        return read_path(path, max_bytes=max_bytes)
    except Exception as exc:  # noqa: BLE001 - read_path should not raise; never lose the batch
        return ReadResult(failures=[ReadFailure(path, f"Không đọc được tệp: {type(exc).__name__}: {exc}")])


def _maybe_fault(fault: str, kind: str) -> None:
    """Test hook (see FAULT_ENV): die once, like a worker killed by the OOM killer or a lost node."""
    for item in (fault or "").split(","):
        if not item.startswith(kind + ":"):
            continue
        try:
            fd = os.open(item.split(":", 1)[1], os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            continue
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        os._exit(1)


def read_batch(paths: list[str], max_bytes: Optional[int], fault: str = "") -> list[ReadResult]:
    """Read a batch of files (a Ray task body)."""
    _maybe_fault(fault, "read")
    return [_read_one(p, max_bytes) for p in paths]


_WORKER_EMBEDDERS: dict[str, Embedder] = {}


def _worker_embedder(spec: ModelSpec) -> Embedder:
    """This worker process's Embedder for ``spec``: built once from the spec, one thread."""
    emb = _WORKER_EMBEDDERS.get(spec.sha256)
    if emb is None:
        for k, v in _WORKER_ENV.items():
            os.environ.setdefault(k, v)
        try:
            import torch

            torch.set_num_threads(1)
        except ImportError:  # pragma: no cover - a model without torch
            pass
        emb = _WORKER_EMBEDDERS[spec.sha256] = Embedder(spec, threads=1)
    return emb


def _encode(emb: Embedder, texts: list[str], max_tokens: Optional[int], progress: bool = False) -> np.ndarray:
    extra = {"max_tokens": max_tokens} if max_tokens is not None else {}
    return emb.encode(texts, kind="passage", progress=progress, **extra)


def embed_batch(spec: ModelSpec, texts: list[str], fault: str = "", max_tokens: Optional[int] = None) -> np.ndarray:
    """Embed a batch of passages (a Ray task body)."""
    _maybe_fault(fault, "embed")
    return _encode(_worker_embedder(spec), texts, max_tokens)


def model_dimension(spec: ModelSpec) -> int:
    """The vector dimension (a Ray task body)."""
    return _worker_embedder(spec).dimension


# ---------------------------------------------------------------- engines

@dataclass
class LocalEngine:
    """Everything in this process, one file after another (the default engine)."""

    name: str = "local"
    workers: int = 1

    def read(self, paths: Sequence[Path], *, max_bytes: Optional[int] = None) -> Iterator[ReadResult]:
        from indexer.readers import read_path

        for p in paths:
            yield read_path(p, max_bytes=max_bytes)

    def embed(self, spec: ModelSpec, texts: Sequence[str], *, progress: bool = False,
              max_tokens: Optional[int] = None) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        if len(texts):
            yield np.arange(len(texts)), _encode(Embedder(spec), list(texts), max_tokens, progress)

    def dimension(self, spec: ModelSpec) -> int:
        return Embedder(spec).dimension

    def close(self) -> None:
        return None

    def __enter__(self) -> "LocalEngine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _import_ray():
    try:
        import ray
    except ImportError as exc:
        raise EngineError(RAY_MISSING) from exc
    return ray


def _check_reachable(address: str, timeout: float = 5.0) -> None:
    """Fail fast on a cluster address nobody answers (Ray itself retries for minutes).

    Raises:
        EngineError: "HOST:PORT" / "ray://HOST:PORT" that does not accept a TCP connection.
    """
    import socket

    hostport = address.split("://", 1)[-1].rstrip("/")
    host, _, port = hostport.rpartition(":")
    if not host or not port.isdigit():
        raise EngineError(f"Địa chỉ Ray không hợp lệ: {address!r} (dạng auto, HOST:PORT hoặc ray://HOST:10001).")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as exc:
        raise EngineError(f"Không kết nối được tới cụm Ray tại {address} ({exc.strerror or exc}).") from exc


def _read_batches(paths: Sequence[Path]) -> Iterator[list[int]]:
    """Positions of ``paths`` grouped into read tasks (by count and by size)."""
    batch: list[int] = []
    size = 0
    for i, p in enumerate(paths):
        try:
            n = Path(p).stat().st_size
        except OSError:
            n = 0
        if batch and (len(batch) >= READ_BATCH_FILES or size + n > READ_BATCH_BYTES):
            yield batch
            batch, size = [], 0
        batch.append(i)
        size += n
    if batch:
        yield batch


class RayEngine:
    """Reading/parsing and embedding sharded over Ray tasks; the caller's process stays the driver.

    Args:
        address: None starts a local Ray on this machine (stopped by ``close``); "auto",
            "HOST:PORT" or "ray://HOST:10001" joins an existing cluster (left running).
        workers: CPUs of the local Ray (default 2); with a cluster, the tasks kept running at once
            (default: the cluster's CPUs).
    Raises:
        EngineError: Ray is not installed or the cluster cannot be reached.
    """

    name = "ray"

    def __init__(self, address: Optional[str] = None, workers: Optional[int] = None) -> None:
        if workers is not None and workers < 1:
            raise EngineError("--workers phải là số nguyên dương.")
        ray = self._ray = _import_ray()
        if address and address != "auto":
            _check_reachable(address)
        self._started = False
        self.fault = os.environ.get(FAULT_ENV, "")
        self.startup_seconds = 0.0
        if not ray.is_initialized():  # a Ray already set up in this process (tests) is reused, not stopped
            t0 = time.perf_counter()
            env = dict(_WORKER_ENV)
            if not address and os.environ.get("PYTHONPATH"):  # a local Ray runs this checkout's code
                env["PYTHONPATH"] = os.environ["PYTHONPATH"]
            kwargs = dict(include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING,
                          runtime_env={"env_vars": env})
            try:
                if address:
                    ray.init(address=address, **kwargs)
                else:
                    ray.init(address="local", num_cpus=workers or 2, **kwargs)  # a new one, never a stray cluster
            except Exception as exc:  # noqa: BLE001 - connection errors come in many types
                hint = ""
                if address and address != "auto" and not os.environ.get("RAY_AUTH_MODE"):
                    hint = (" Nếu cụm bật xác thực bằng token (mặc định từ Ray 2.5x), đặt RAY_AUTH_MODE=token "
                            "và RAY_AUTH_TOKEN (hoặc tệp ~/.ray/auth_token của cụm) rồi chạy lại.")
                raise EngineError(f"Không kết nối/khởi động được Ray ({address or 'cục bộ'}): {exc}.{hint}") from exc
            self._started = True
            self.startup_seconds = time.perf_counter() - t0
        cpus = int(ray.cluster_resources().get("CPU", 1))
        self.workers = int(workers or cpus) if address else int(min(workers or cpus, cpus))
        opts = dict(num_cpus=1, max_retries=MAX_RETRIES)
        self._read = ray.remote(read_batch).options(**opts)
        self._embed = ray.remote(embed_batch).options(**opts)
        self._dim = ray.remote(model_dimension).options(**opts)
        self._read_once = ray.remote(read_batch).options(num_cpus=1, max_retries=1)

    def __enter__(self) -> "RayEngine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Disconnect; a local Ray started by this engine is stopped."""
        if self._started and self._ray.is_initialized():
            self._ray.shutdown()
        self._started = False

    def _window(self) -> int:
        return max(1, self.workers * IN_FLIGHT_PER_WORKER)

    def _stream(self, submit, jobs: Iterator) -> Iterator[tuple[object, object]]:
        """Submit ``jobs`` with at most ``_window()`` in flight; yield ``(job, result or exception)``
        as each completes."""
        ray = self._ray
        running: dict = {}
        jobs = iter(jobs)
        exhausted = False
        while True:
            while not exhausted and len(running) < self._window():
                job = next(jobs, None)
                if job is None:
                    exhausted = True
                    break
                running[submit(job)] = job
            if not running:
                return
            done, _ = ray.wait(list(running), num_returns=1)
            for ref in done:
                job = running.pop(ref)
                try:
                    yield job, ray.get(ref)
                except Exception as exc:  # noqa: BLE001 - RayTaskError, WorkerCrashedError...
                    yield job, exc

    def read(self, paths: Sequence[Path], *, max_bytes: Optional[int] = None) -> Iterator[ReadResult]:
        """Read files on the workers; results in the order of ``paths`` (at most a window held here)."""
        names = [str(p) for p in paths]
        ready: dict[int, ReadResult] = {}
        head = 0
        for batch, res in self._stream(lambda b: self._read.remote([names[i] for i in b], max_bytes, self.fault),
                                       _read_batches(paths)):
            if isinstance(res, Exception):
                res = self._read_each([names[i] for i in batch], max_bytes)
            for i, r in zip(batch, res):
                ready[i] = r
            while head in ready:
                yield ready.pop(head)
                head += 1

    def _read_each(self, names: list[str], max_bytes: Optional[int]) -> list[ReadResult]:
        """A batch whose task kept failing: one task per file, so only the culprit fails."""
        refs = [self._read_once.remote([n], max_bytes) for n in names]
        out = []
        for n, ref in zip(names, refs):
            try:
                out.append(self._ray.get(ref)[0])
            except Exception as exc:  # noqa: BLE001
                out.append(ReadResult(failures=[ReadFailure(
                    n, f"Tiến trình đọc tệp bị dừng đột ngột (đã thử lại) — tệp có thể gây lỗi bộ nhớ: "
                       f"{type(exc).__name__}")]))
        return out

    def embed(self, spec: ModelSpec, texts: Sequence[str], *, progress: bool = False,
              max_tokens: Optional[int] = None) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """Embed on the workers, ``EMBED_BATCH`` texts a task; chunks yielded as they complete.

        Raises:
            EngineError: a task failed after its retries.
        """
        if not len(texts):
            return
        spec_ref = self._ray.put(spec)
        starts = range(0, len(texts), EMBED_BATCH)
        bar = None
        if progress:
            from tqdm import tqdm

            bar = tqdm(total=len(texts), desc="Nhúng (Ray)", unit="đv", leave=False)
        try:
            for start, res in self._stream(
                    lambda s: self._embed.remote(spec_ref, list(texts[s:s + EMBED_BATCH]), self.fault, max_tokens),
                    starts):
                if isinstance(res, Exception):
                    raise EngineError(f"Tác vụ nhúng trên Ray thất bại sau {MAX_RETRIES} lần thử lại: {res}")
                if bar is not None:
                    bar.update(len(res))
                yield np.arange(start, start + len(res)), res
        finally:
            if bar is not None:
                bar.close()

    def dimension(self, spec: ModelSpec) -> int:
        return int(self._ray.get(self._dim.remote(spec)))


def make_engine(name: str = "local", *, address: Optional[str] = None, workers: Optional[int] = None) -> Engine:
    """The engine chosen by configuration (``--engine``, ``--ray-address``, ``--workers``).

    Args:
        name: "local" or "ray".
        address: Ray cluster address (Ray only).
        workers: worker count (Ray only).
    Returns:
        an engine; use it as a context manager (or call ``close``).
    Raises:
        EngineError: unknown name, Ray options with the local engine, Ray absent or unreachable.
    """
    if name == "local":
        if address or workers:
            raise EngineError("--ray-address và --workers chỉ dùng với --engine ray.")
        return LocalEngine()
    if name == "ray":
        return RayEngine(address=address, workers=workers)
    raise EngineError(f"Không có engine {name!r} (chọn: local, ray).")
