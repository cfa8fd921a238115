"""Duplicate pairs, relations, clusters and the `rasoat duplicates` command.

Small hand-made sets use a stand-in index (same methods as SearchIndex) whose vectors come
from the real bundled model; the CLI and planted-corpus tests use the real corpus bundle.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest

from indexer.records import DossierDocument, LegalBasis, Procedure
from search.duplicates.pairs import (
    dense_knn,
    duplicates_from_records,
    find_duplicates,
    lexical_knn,
    neighbours,
    procedure_text,
    tfidf_matrix,
)

REPO = Path(__file__).resolve().parent.parent
RASOAT = REPO / ".venv" / "bin" / "rasoat"


class StandInIndex:
    """The parts of SearchIndex the duplicate finder uses, over in-memory records."""

    def __init__(self, procs: list[Procedure], vectors: np.ndarray) -> None:
        self._procs = procs
        self._vecs = vectors

    def procedures(self) -> list[Procedure]:
        return list(self._procs)

    def procedure_vectors(self) -> tuple[list[str], np.ndarray]:
        return [p.id for p in self._procs], self._vecs

    def get(self, id_or_code: str):
        return next((p for p in self._procs if id_or_code in (p.id, p.code)), None)


@pytest.fixture(scope="module")
def embedder():
    from indexer.embeddings import Embedder

    return Embedder(threads=2)


def P(code: str, name: str, docs: list[str], level: str = "Cấp tỉnh", agency: str = "Sở Lao động",
      laws: tuple[str, ...] = ("23/2021/NĐ-CP",)) -> Procedure:
    return Procedure(code=code, name=name, level=level, agency=agency,
                     documents=[DossierDocument(name=d) for d in docs],
                     legal_basis=[LegalBasis(number=n) for n in laws],
                     steps=["Nộp hồ sơ", "Thẩm định hồ sơ", "Trả kết quả"])


PROCS = [
    P("1.000101", "Cấp giấy phép hoạt động dịch vụ việc làm",
      ["Đơn đề nghị cấp giấy phép", "Bản sao Giấy chứng nhận đăng ký doanh nghiệp", "Giấy chứng minh ký quỹ"]),
    P("1.000102", "Cap giay phep hoat dong dich vu viec lam",
      ["Giay chung nhan dang ky doanh nghiep (ban sao)", "Giay chung minh ky quy", "Don de nghi cap giay phep"]),
    P("1.000103", "Cấp lại giấy phép hoạt động dịch vụ việc làm",
      ["Đơn đề nghị cấp lại giấy phép", "Giấy phép đã cấp"]),
    P("1.000104", "Đăng ký khai sinh", ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"], level="Cấp xã",
      agency="UBND cấp xã", laws=("60/2014/QH13",)),
    P("1.000105", "Đăng ký khai sinh (cấp huyện)", ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"],
      level="Cấp huyện", agency="UBND cấp huyện", laws=("60/2014/QH13",)),
    P("1.000106", "Cấp phiếu lý lịch tư pháp", ["Tờ khai yêu cầu cấp phiếu lý lịch tư pháp", "Bản sao CCCD"],
      agency="Sở Tư pháp", laws=("28/2009/QH12",)),
    P("1.000107", "Thẩm định thiết kế phòng cháy chữa cháy", ["Văn bản đề nghị thẩm định", "Hồ sơ thiết kế"],
      agency="Cảnh sát PCCC", laws=("50/2024/NĐ-CP",)),
]


@pytest.fixture(scope="module")
def small(embedder) -> StandInIndex:
    vecs = embedder.encode([procedure_text(p) for p in PROCS])
    return StandInIndex(PROCS, vecs)


def _pair(report, a: str, b: str):
    for p in report.pairs:
        if {p.a.code, p.b.code} == {a, b}:
            return p
    return None


def test_find_duplicates_relations(small: StandInIndex) -> None:
    rep = find_duplicates(small)
    dup = _pair(rep, "1.000101", "1.000102")
    assert dup is not None and dup.relation == "duplicate"
    assert len(dup.evidence["documents"]["shared"]) == 3
    fam = _pair(rep, "1.000101", "1.000103")
    assert fam is not None and fam.relation == "family"
    var = _pair(rep, "1.000104", "1.000105")
    assert var is not None and var.relation == "variant"
    assert _pair(rep, "1.000106", "1.000107") is None
    assert all(rep.pairs[i].score >= rep.pairs[i + 1].score for i in range(len(rep.pairs) - 1))
    members = [set(c.members) for c in rep.clusters]
    assert {"1.000101", "1.000102", "1.000103"} in members
    assert {"1.000104", "1.000105"} in members


def test_report_dict_shape(small: StandInIndex) -> None:
    d = find_duplicates(small).to_dict()
    json.dumps(d, ensure_ascii=False)
    p = d["pairs"][0]
    assert set(p) >= {"a", "b", "score", "relation", "evidence"}
    assert set(p["a"]) == {"code", "title"}
    assert set(p["evidence"]["documents"]) == {"shared", "only_a", "only_b"}
    c = d["clusters"][0]
    assert c["representative"] in c["members"] and set(c["saving"]) == {"procedures", "papers", "days"}


def test_min_score_filters(small: StandInIndex) -> None:
    assert len(find_duplicates(small, min_score=0.99).pairs) <= len(find_duplicates(small, min_score=0.3).pairs)


def test_neighbours(small: StandInIndex) -> None:
    nb = neighbours(small, "1.000101", k=3)
    assert nb[0][0] == "1.000102" and len(nb) == 3
    assert neighbours(small, "tthc:1.000101", k=1)[0][0] == "1.000102"
    assert neighbours(small, "9.999999") == []


def test_knn_self_joins_vectorised() -> None:
    rng = np.random.default_rng(0)
    v = rng.standard_normal((300, 16)).astype(np.float32)
    v[1] = v[0] + 0.01
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    pairs = dense_knn(v, 3)
    assert (pairs[:, 0] != pairs[:, 1]).all() and [0, 1] in pairs.tolist()
    x = tfidf_matrix(["cap giay phep lai xe", "cap lai giay phep lai xe", "dang ky khai sinh", "khai tu"] * 20)
    lp = lexical_knn(x, 2)
    assert len(lp) > 0 and (lp[:, 0] != lp[:, 1]).all()


def test_empty_index() -> None:
    rep = duplicates_from_records([], np.zeros((0, 8), np.float32))
    assert rep.pairs == [] and rep.clusters == []


# --- real bundle ------------------------------------------------------------------------------

pipeline = pytest.importorskip("indexer.pipeline", reason="indexer.pipeline chưa có")


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(RASOAT), *args], capture_output=True, text=True, timeout=300, cwd=REPO)


def test_cli_duplicates_json_and_csv(corpus_index: Path, tmp_path: Path) -> None:
    out = tmp_path / "pairs.csv"
    groups = tmp_path / "groups.csv"
    r = _run("duplicates", "--index", str(corpus_index), "--json", "--csv", str(out), "--groups-csv", str(groups))
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert set(d) >= {"pairs", "clusters", "themes"}
    assert all(c["action"] in ("bai_bo", "thong_nhat", "hop_nhat") and c["relation"] != "overlap"
               for c in d["clusters"])
    assert all(set(c) >= {"members", "representative", "relation", "action", "saving"} for c in d["clusters"])
    assert all(t["action"] == "lien_thong" for t in d["themes"])
    assert out.read_text(encoding="utf-8-sig").startswith("ma_a,")
    assert groups.read_text(encoding="utf-8-sig").startswith("nhom,")
    r = _run("duplicates", "--index", str(corpus_index))
    assert r.returncode == 0 and "thủ tục" in r.stdout


def test_cli_missing_index(tmp_path: Path) -> None:
    r = _run("duplicates", "--index", str(tmp_path / "nope"))
    assert r.returncode == 2 and "không tìm thấy chỉ mục" in r.stderr


def test_planted_corpus_overlaps_found(corpus_index: Path, corpus_dir: Path) -> None:
    gt_path = corpus_dir / "ground_truth.json"
    if not gt_path.exists():
        pytest.skip("corpus/ground_truth.json chưa có")
    planted = json.loads(gt_path.read_text(encoding="utf-8")).get("duplicates", [])
    if not planted:
        pytest.skip("ground_truth.json không có cặp trùng")
    from search import open_index

    rep = find_duplicates(open_index(corpus_index))
    found = {frozenset((p.a.code, p.b.code)): p.relation for p in rep.pairs}
    missing = [g for g in planted if frozenset((g["a"], g["b"])) not in found]
    assert not missing, missing
    wrong = [(g, found[frozenset((g["a"], g["b"]))]) for g in planted
             if g.get("relation") and found[frozenset((g["a"], g["b"]))] != g["relation"]]
    assert len(wrong) <= len(planted) // 4, wrong
