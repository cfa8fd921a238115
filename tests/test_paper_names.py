"""Canonical and fuzzy matching of dossier paper names."""

from __future__ import annotations

import pytest

from search.duplicates.paper_names import (
    PAPER_THRESHOLD,
    canonical_paper,
    group_papers,
    match_papers,
    paper_similarity,
    same_paper,
    similarity_matrix,
)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Bản sao Giấy khai sinh", "Giấy khai sinh (bản sao)"),
        ("01 bản sao có chứng thực CMND", "Bản sao chứng minh nhân dân"),
        ("Tờ khai đăng ký khai sinh (theo mẫu)", "To khai dang ky khai sinh"),
        ("Bản sao Giấy chứng nhận đăng ký kinh doanh", "Bản sao GCN ĐKKD"),
        ("- Giấy khai sinh (nếu có);", "giấy khai sinh"),
        ("Đơn đề nghị (Mẫu số 01/ĐK)", "Đơn đề nghị theo mẫu"),
    ],
)
def test_same_paper_written_differently(a: str, b: str) -> None:
    assert same_paper(a, b), (canonical_paper(a), canonical_paper(b), paper_similarity(a, b))


@pytest.mark.parametrize(
    "a, b",
    [
        ("giấy chứng nhận đủ điều kiện kinh doanh", "giấy chứng nhận đăng ký doanh nghiệp"),
        ("Giấy khai sinh", "Giấy chứng tử"),
        ("Giấy chứng nhận", "Giấy chứng nhận đăng ký doanh nghiệp"),
        ("Sơ đồ vị trí khu đất", "Báo cáo tài chính"),
    ],
)
def test_different_papers(a: str, b: str) -> None:
    assert paper_similarity(a, b) < PAPER_THRESHOLD


def test_canonical_strips_qualifiers() -> None:
    assert canonical_paper("Bản sao Giấy khai sinh") == "giay khai sinh"
    assert canonical_paper("Giấy khai sinh (bản chính)") == "giay khai sinh"
    assert canonical_paper("") == ""


def test_match_papers_one_to_one() -> None:
    a = ["Giấy khai sinh", "Đơn đề nghị", "CMND bản sao"]
    b = ["Bản sao chứng minh nhân dân", "Giay khai sinh (ban sao)", "Ảnh 4x6"]
    m = match_papers(a, b)
    assert {(i, j) for i, j, _ in m.pairs} == {(0, 1), (2, 0)}
    assert m.only_a == [1] and m.only_b == [2]
    assert m.dice(3, 3) == pytest.approx(4 / 6)


def test_similarity_matrix_shape_and_empty() -> None:
    assert similarity_matrix([], ["a"]).shape == (0, 1)
    m = similarity_matrix(["Giấy khai sinh", ""], ["giấy khai sinh"])
    assert m[0, 0] == 100.0 and m[1, 0] == 0.0


def test_group_papers() -> None:
    g = group_papers(["Bản sao Giấy khai sinh", "Giấy khai sinh (bản sao)", "Giấy chứng tử", "giay khai sinh"])
    assert g[0] == g[1] == g[3] and g[2] != g[0]
