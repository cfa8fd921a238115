"""Bundle on disk: atomic publish, crash (SIGKILL) during a build, lock, readers during a rebuild, GC."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from indexer import bundle
from indexer.pipeline import index_sources
from search import open_index
from test_pipeline import private_copy, shared_build

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def base() -> tuple[Path, Path]:
    corpus, index, _ = shared_build()
    return corpus, index


def _copy(base, tmp_path) -> tuple[Path, Path]:
    return private_copy(tmp_path)


def test_layout_and_manifest(base):
    _, index = base
    name = (index / "CURRENT").read_text().strip()
    v = index / "versions" / name
    assert v.is_dir()
    for f in ("manifest.json", "records.jsonl", "units.jsonl", "vectors.faiss", "lexical.npz", "lexical.json"):
        assert (v / f).is_file(), f
    m = json.loads((v / "manifest.json").read_text())
    assert m["schema"] == bundle.SCHEMA_VERSION
    assert set(m["model"]) >= {"name", "dimension", "sha256"}
    assert m["counts"]["documents"] > 0 and m["built"].endswith("Z")
    assert not list(v.glob("*.pkl")) and not list(v.glob("*.pickle"))
    assert (index / "embed-cache").is_dir()


_KILL_SCRIPT = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    import indexer.lexical as lex
    real = lex.write_lexical
    def slow(out_dir, titles, bodies, **kw):
        real(out_dir, titles, bodies, **kw)
        Path(sys.argv[3]).write_text(str(out_dir))
        time.sleep(120)
    lex.write_lexical = slow
    from indexer.pipeline import index_sources
    index_sources([sys.argv[1]], sys.argv[2], rebuild=True)
""")


def test_sigkill_during_build_keeps_previous_bundle(base, tmp_path):
    corpus, index = _copy(base, tmp_path)
    before = (index / "CURRENT").read_text()
    marker = tmp_path / "building"
    proc = subprocess.Popen([sys.executable, "-c", _KILL_SCRIPT, str(corpus), str(index), str(marker)],
                            cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        deadline = time.time() + 120
        while not marker.exists() and proc.poll() is None and time.time() < deadline:
            time.sleep(0.1)
        assert marker.exists(), "the build never reached the write step"
        partial = Path(marker.read_text())
        assert partial.is_dir() and not (partial / "manifest.json").exists()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert (index / "CURRENT").read_text() == before
    ix = open_index(index)
    assert ix.search("một cửa liên thông", k=3, mode="lexical")
    assert ix.version_dir.name == before.strip()
    # the next build succeeds (the dead process's lock is gone) and removes the partial version
    rep = index_sources([corpus], index, rebuild=True)
    assert rep.documents > 0 and not partial.exists()
    assert (index / "CURRENT").read_text() != before


def test_lock_contention(base, tmp_path):
    corpus, index = _copy(base, tmp_path)
    held = bundle.lock(index)
    try:
        t = time.time()
        with pytest.raises(bundle.IndexLockedError, match="Chỉ mục đang được cập nhật bởi tiến trình khác"):
            index_sources([corpus], index, wait=0.5)
        assert time.time() - t >= 0.4
        out = subprocess.run([str(REPO / ".venv" / "bin" / "rasoat"), "index", str(corpus), "--index", str(index),
                              "--quiet"], capture_output=True, text=True, timeout=120)
        assert out.returncode == 1
        assert "Chỉ mục đang được cập nhật bởi tiến trình khác" in out.stderr
        threading.Timer(1.0, held.release).start()
        rep = index_sources([corpus], index, wait=30)  # waits for the release, then runs
        assert rep.unchanged > 0
    finally:
        if held.is_locked:
            held.release()


def test_readers_during_rebuilds(base, tmp_path):
    corpus, index = _copy(base, tmp_path)
    errors: list[BaseException] = []
    done = threading.Event()

    def rebuild() -> None:
        try:
            for _ in range(3):
                index_sources([corpus], index, rebuild=True)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            done.set()

    th = threading.Thread(target=rebuild)
    th.start()
    answered, versions = 0, set()
    while not done.is_set() or answered == 0:
        ix = open_index(index)
        versions.add(ix.version_dir.name)
        hits = ix.search("tiếp nhận hồ sơ", k=3, mode="lexical")
        assert hits, "a reader got no answer during a rebuild"
        answered += 1
    th.join()
    assert not errors, errors
    assert answered > 0
    assert len(list((index / "versions").iterdir())) <= 2


def test_current_points_to_missing_version_falls_back(base, tmp_path):
    _, index = _copy(base, tmp_path)
    live = (index / "CURRENT").read_text().strip()
    (index / "CURRENT").write_text("v-khong-ton-tai\n")
    assert open_index(index).version_dir.name == live


def test_missing_index_message(tmp_path):
    with pytest.raises(bundle.IndexMissingError, match="Chưa có chỉ mục"):
        open_index(tmp_path / "none")


def test_embedding_cache_compacts(tmp_path):
    import numpy as np

    c = bundle.EmbeddingCache(tmp_path, "f" * 64)
    keys = [f"{i:064x}" for i in range(10)]
    c.add(keys, np.eye(10, 4, dtype=np.float32))
    c.add(keys[:2] + [f"{99:064x}"], np.ones((3, 4), dtype=np.float32))
    again = bundle.EmbeddingCache(tmp_path, "f" * 64)
    assert len(again) == 11 and again.missing(keys + ["0" * 63 + "z"]) == [10]
    again.compact(keys[:3])
    assert len(list(again.dir.glob("shard-*.npz"))) == 1
    assert len(bundle.EmbeddingCache(tmp_path, "f" * 64)) == 3
