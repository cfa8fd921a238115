"""Shared fixtures: the real data folder (skipped when absent), the bundled corpus, a corpus bundle."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"


def _shared_data() -> Path | None:
    env = os.environ.get("RASOAT_SHARED_DATA")
    candidates = [Path(env)] if env else []
    candidates += [REPO.parent / "shared" / "data", REPO / ".." / "shared" / "data"]
    for c in candidates:
        if (c / "procedures").is_dir():
            return c.resolve()
    return None


SHARED_DATA = _shared_data()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real data folder ../shared/data; tests using it skip cleanly where it is absent."""
    if SHARED_DATA is None:
        pytest.skip("không có ../shared/data (dữ liệu thật) trên máy này")
    return SHARED_DATA


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The bundled sample corpus."""
    return CORPUS


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bundle of the whole bundled corpus, built once per test session (read-only for tests)."""
    from indexer.pipeline import index_sources

    out = tmp_path_factory.mktemp("corpus-index") / "index"
    report = index_sources([CORPUS], out, progress=False)
    assert report.documents > 0, report
    return out


@pytest.fixture()
def corpus_index_copy(corpus_index: Path, tmp_path: Path) -> Path:
    """A private copy of the corpus bundle that a test may modify (reviews, reindexing)."""
    import shutil

    dst = tmp_path / "index"
    shutil.copytree(corpus_index, dst, symlinks=True)
    return dst


@pytest.fixture(scope="session")
def web_index(request: pytest.FixtureRequest) -> Path:
    """The corpus bundle (``corpus_index``), or a prebuilt one named by RASOAT_WEB_TEST_INDEX (faster reruns)."""
    pre = os.environ.get("RASOAT_WEB_TEST_INDEX")
    if pre:
        return Path(pre)
    return request.getfixturevalue("corpus_index")
