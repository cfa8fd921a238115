"""The Ray engine (`rasoat index --engine ray`) on a local Ray with 2 CPUs, started once per session.

Same bundle as the local engine (records, units, lexical matrices; vectors within float
tolerance; same top-10), a killed worker, a failing file, incremental re-runs, Ray absent.
"""

from __future__ import annotations

import json
import sys
from importlib.util import find_spec
from pathlib import Path

import numpy as np
import pytest

from indexer import bundle
from indexer.engines import FAULT_ENV, EngineError, RayEngine, make_engine
from indexer.pipeline import index_sources
from test_pipeline import PROCEDURES, write_corpus

needs_ray = pytest.mark.skipif(find_spec("ray") is None, reason="chưa cài Ray (pip install 'rasoat[scale]')")
pytestmark = pytest.mark.slow

QUERIES = ["đăng ký khai sinh", "cấp giấy phép xây dựng", "thủ tục kết hôn cần giấy tờ gì",
           "cơ chế một cửa liên thông", "cấp lại thẻ căn cước", "lệ phí", "thời hạn giải quyết hồ sơ",
           "xử phạt vi phạm hành chính"]


@pytest.fixture(scope="session")
def ray_cluster():
    """One local Ray (2 CPUs) for the whole session: engines reuse it instead of starting their own."""
    ray = pytest.importorskip("ray")
    import logging

    from indexer.engines import _WORKER_ENV

    started = not ray.is_initialized()
    if started:
        ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING,
                 runtime_env={"env_vars": dict(_WORKER_ENV)})
    yield ray
    if started:
        ray.shutdown()


def _version(index: Path) -> Path:
    v = bundle.current_version(index)
    assert v is not None
    return v


def _vectors(version: Path) -> np.ndarray:
    import faiss

    ix = faiss.read_index(str(version / "vectors.faiss"))
    if hasattr(ix, "make_direct_map"):
        ix.make_direct_map()
    return ix.reconstruct_n(0, ix.ntotal)


def assert_same_bundle(a: Path, b: Path, atol: float = 1e-5) -> None:
    """Two bundles hold the same records, units and lexical matrices; vectors within ``atol``;
    the same top-10 for the test queries."""
    from search import open_index

    va, vb = _version(a), _version(b)
    for name in ("records.jsonl", "units.jsonl"):
        assert (va / name).read_text(encoding="utf-8") == (vb / name).read_text(encoding="utf-8"), name
    ma, mb = bundle.read_manifest(va), bundle.read_manifest(vb)
    assert ma["counts"] == mb["counts"] and ma["sources"] == mb["sources"] and ma["model"] == mb["model"]
    with np.load(va / "lexical.npz", allow_pickle=False) as za, np.load(vb / "lexical.npz", allow_pickle=False) as zb:
        assert sorted(za.files) == sorted(zb.files)
        for k in za.files:
            assert np.array_equal(za[k], zb[k]), k
    xa, xb = _vectors(va), _vectors(vb)
    assert xa.shape == xb.shape
    np.testing.assert_allclose(xa, xb, atol=atol)
    ia, ib = open_index(a), open_index(b)
    for q in QUERIES:
        for mode in ("hybrid", "dense"):
            assert [(h.id, h.citation) for h in ia.search(q, k=10, mode=mode)] == \
                   [(h.id, h.citation) for h in ib.search(q, k=10, mode=mode)], (q, mode)


@needs_ray
def test_same_bundle_as_local_engine_on_corpus(ray_cluster, corpus_dir, corpus_index, tmp_path, monkeypatch):
    import indexer.engines as engines

    # small tasks, so that results come back out of order and are put back in order
    monkeypatch.setattr(engines, "READ_BATCH_FILES", 2)
    monkeypatch.setattr(engines, "EMBED_BATCH", 40)
    out = tmp_path / "ray-index"
    with RayEngine() as engine:
        rep = index_sources([corpus_dir], out, engine=engine)
    assert rep.to_dict()["engine"] == "ray" and rep.to_dict()["workers"] == 2
    assert rep.embedded > 0 and rep.failed == []
    assert ray_cluster.is_initialized()  # the session's Ray is reused, not stopped
    assert_same_bundle(corpus_index, out)


def _small_corpus(tmp_path: Path) -> tuple[Path, Path]:
    corpus = write_corpus(tmp_path / "corpus")
    return corpus, tmp_path / "index"


@needs_ray
def test_killed_workers_are_retried_nothing_lost(ray_cluster, tmp_path, monkeypatch):
    corpus, index = _small_corpus(tmp_path)
    read_mark, embed_mark = tmp_path / "read-died", tmp_path / "embed-died"
    monkeypatch.setenv(FAULT_ENV, f"read:{read_mark},embed:{embed_mark}")
    with RayEngine() as engine:
        rep = index_sources([corpus], index, engine=engine)
    assert read_mark.is_file() and embed_mark.is_file()  # a read task and an embed task each killed a worker
    monkeypatch.delenv(FAULT_ENV)
    ref = index_sources([corpus], tmp_path / "local")
    assert rep.failed == [] and rep.documents == ref.documents and rep.units == ref.units
    assert rep.embedded == ref.embedded
    assert_same_bundle(tmp_path / "local", index)


@needs_ray
def test_bad_file_gives_the_same_failure_entry(ray_cluster, tmp_path):
    corpus, index = _small_corpus(tmp_path)
    (corpus / "hong.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    (corpus / "anh.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    local = index_sources([corpus], tmp_path / "local")
    with RayEngine() as engine:
        rep = index_sources([corpus], index, engine=engine)
    assert len(rep.failed) == 2
    assert [f.to_dict() for f in rep.failed] == [f.to_dict() for f in local.failed]
    assert rep.documents == local.documents


@needs_ray
def test_incremental_rerun_changes_only_what_changed(ray_cluster, tmp_path):
    corpus, index = _small_corpus(tmp_path)
    with RayEngine() as engine:
        first = index_sources([corpus], index, engine=engine)
        assert first.added == 5
        again = index_sources([corpus], index, engine=engine)
        assert again.unchanged == 5 and again.embedded == 0 and again.version == first.version
        changed = dict(PROCEDURES[0], name="Đăng ký khai sinh có yếu tố nước ngoài")
        (corpus / f"tt-{changed['code']}.json").write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
        (corpus / f"tt-{PROCEDURES[3]['code']}.json").unlink()
        added = dict(PROCEDURES[2], code="1.000009", name="Cấp giấy phép sửa chữa nhà ở")
        (corpus / "tt-1.000009.json").write_text(json.dumps(added, ensure_ascii=False), encoding="utf-8")
        rep = index_sources([corpus], index, engine=engine)
    assert (rep.added, rep.updated, rep.removed, rep.unchanged) == (1, 1, 1, 3)
    assert 0 < rep.embedded < first.embedded
    # the same bundle as a local full build of the new state
    local = tmp_path / "local"
    index_sources([corpus], local)
    assert_same_bundle(local, index)


@needs_ray
def test_cli_engine_ray_json_report(ray_cluster, tmp_path, capsys):
    from app.cli import main

    corpus, index = _small_corpus(tmp_path)
    code = main(["index", str(corpus), "--index", str(index), "--engine", "ray", "--json"])
    out = capsys.readouterr().out
    assert code == 0
    d = json.loads(out)
    assert d["engine"] == "ray" and d["workers"] == 2 and d["added"] == 5


def test_ray_absent_names_the_extra(tmp_path, monkeypatch, capsys):
    from app.cli import main

    monkeypatch.setitem(sys.modules, "ray", None)  # "import ray" raises ImportError
    with pytest.raises(EngineError, match=r"rasoat\[scale\]"):
        make_engine("ray")
    corpus = write_corpus(tmp_path / "corpus")
    code = main(["index", str(corpus), "--index", str(tmp_path / "index"), "--engine", "ray"])
    err = capsys.readouterr().err
    assert code == 2
    assert "Chưa cài Ray" in err and "pip install 'rasoat[scale]'" in err
    assert not (tmp_path / "index").exists()


@needs_ray
def test_unreachable_cluster_fails_fast(tmp_path, capsys):
    import time

    from app.cli import main

    corpus = write_corpus(tmp_path / "corpus")
    t = time.perf_counter()
    code = main(["index", str(corpus), "--index", str(tmp_path / "index"), "--engine", "ray",
                 "--ray-address", "127.0.0.1:1"])
    assert code == 2 and time.perf_counter() - t < 30
    assert "Không kết nối được tới cụm Ray tại 127.0.0.1:1" in capsys.readouterr().err


def test_interrupted_embedding_keeps_finished_chunks(tmp_path, monkeypatch):
    """A job that dies while embedding publishes nothing, but the chunks already back stay in the
    embedding cache: the next run embeds only the rest (no Ray needed: any engine)."""
    import numpy as np

    import indexer.pipeline as pipeline
    from indexer.embeddings import Embedder
    from indexer.engines import LocalEngine

    class Dying(LocalEngine):
        def embed(self, spec, texts, *, progress=False, max_tokens=None):
            for i in range(0, len(texts), 4):
                if i >= 8:
                    raise RuntimeError("mất kết nối tới cụm")
                yield np.arange(i, min(i + 4, len(texts))), Embedder(spec).encode(list(texts[i:i + 4]))

    monkeypatch.setattr(pipeline, "CACHE_FLUSH_MIN", 1)
    corpus, index = _small_corpus(tmp_path)
    with pytest.raises(RuntimeError, match="mất kết nối"):
        index_sources([corpus], index, engine=Dying())
    assert bundle.current_version(index) is None  # nothing published
    rep = index_sources([corpus], index)
    local = index_sources([corpus], tmp_path / "local")
    assert rep.embedded == local.embedded - 8
    assert_same_bundle(tmp_path / "local", index)


def test_ray_options_need_the_ray_engine():
    with pytest.raises(EngineError, match="--engine ray"):
        make_engine("local", workers=4)
