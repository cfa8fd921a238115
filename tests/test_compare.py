"""Field-level comparison, relation labels, families and clusters on hand-made procedures."""

from __future__ import annotations

import numpy as np

from indexer.records import Channel, DossierDocument, Fee, LegalBasis, ProcessingTime, Procedure
from search.duplicates.groups import build_clusters
from search.duplicates.compare import compare_procedures
from search.duplicates.relations import classify, level_hint, split_action


def proc(code: str, name: str, docs: list[str], *, level: str = "Cấp tỉnh", agency: str = "Sở Tư pháp",
         laws: tuple[str, ...] = ("63/2010/NĐ-CP",), days: float = 10, fee: int | None = None,
         steps: tuple[str, ...] = ("Nộp hồ sơ tại Bộ phận một cửa", "Cơ quan thẩm định và trả kết quả"),
         province: str = "") -> Procedure:
    return Procedure(
        code=code, name=name, level=level, agency=agency, province=province,
        documents=[DossierDocument(name=d) for d in docs],
        legal_basis=[LegalBasis(number=n) for n in laws],
        steps=list(steps), result="Giấy phép",
        channels=[Channel("Trực tiếp", ProcessingTime(days, "working_days", f"{days:g} ngày làm việc"),
                          Fee(fee, "" if fee is None else f"{fee} đồng"))],
    )


A = proc("1.000001", "Cấp giấy phép hoạt động dịch vụ việc làm",
         ["Đơn đề nghị cấp giấy phép", "Bản sao Giấy chứng nhận đăng ký doanh nghiệp", "Giấy tờ chứng minh ký quỹ"],
         laws=("23/2021/NĐ-CP", "38/2013/QH13"), fee=1_500_000)


def test_compare_fields_shared_and_only() -> None:
    b = proc("1.000002", "Cap giay phep hoat dong dich vu viec lam",
             ["Giấy chứng nhận đăng ký doanh nghiệp (bản sao)", "Đơn đề nghị cấp giấy phép", "Sơ đồ trụ sở"],
             laws=("23/2021/NĐ-CP",), days=7, fee=1_500_000)
    c = compare_procedures(A, b)
    d = c.to_dict()
    docs = d["fields"]["documents"]
    assert len(docs["shared"]) == 2
    assert docs["only_a"] == ["Giấy tờ chứng minh ký quỹ"] and docs["only_b"] == ["Sơ đồ trụ sở"]
    assert d["fields"]["legal_basis"]["shared"] == ["23/2021/NĐ-CP"]
    assert d["fields"]["legal_basis"]["only_a"] == ["38/2013/QH13"]
    assert d["fields"]["name"]["similarity"] == 1.0  # accent-less name is the same name
    assert d["fields"]["processing_time"]["note"].startswith("B thấp hơn 3")
    assert d["fields"]["fee"]["similarity"] == 1.0
    assert 0.5 < d["similarity"] <= 1.0
    assert d["a"]["code"] == "1.000001" and d["b"]["title"].startswith("Cap giay")


def test_relation_duplicate_and_variant() -> None:
    dup = proc("1.000003", "Cấp giấy phép hoạt động dịch vụ việc làm.",
               ["Bản sao GCN đăng ký doanh nghiệp", "Đơn đề nghị cấp giấy phép", "Giấy tờ chứng minh ký quỹ"],
               laws=("23/2021/NĐ-CP", "38/2013/QH13"))
    assert classify(compare_procedures(A, dup))[0] == "duplicate"
    other_level = proc("1.000004", "Cấp giấy phép hoạt động dịch vụ việc làm (cấp xã)",
                       [d.name for d in A.documents], level="Cấp xã", agency="UBND cấp xã")
    rel, why = classify(compare_procedures(A, other_level))
    assert rel == "variant" and "cấp" in why


def test_relation_family() -> None:
    fam = proc("1.000005", "Cấp lại giấy phép hoạt động dịch vụ việc làm",
               ["Đơn đề nghị cấp lại giấy phép", "Giấy phép đã được cấp"])
    rel, why = classify(compare_procedures(A, fam))
    assert rel == "family" and "cấp lại" in why
    ext = proc("1.000006", "Gia hạn giấy phép hoạt động dịch vụ việc làm", ["Đơn đề nghị gia hạn"])
    assert classify(compare_procedures(fam, ext))[0] == "family"


def test_relation_overlap() -> None:
    other = proc("1.000007", "Đăng ký thành lập văn phòng giới thiệu việc làm",
                 ["Bản sao Giấy chứng nhận đăng ký doanh nghiệp", "Giấy tờ chứng minh ký quỹ", "Đề án hoạt động"],
                 laws=("23/2021/NĐ-CP",))
    rel, why = classify(compare_procedures(A, other))
    assert rel == "overlap" and "giấy tờ" in why


def test_negative_papers_not_shared() -> None:
    b = proc("1.000008", "Cấp giấy chứng nhận đủ điều kiện kinh doanh dược",
             ["giấy chứng nhận đủ điều kiện kinh doanh"])
    a = proc("1.000009", "Đăng ký thành lập doanh nghiệp", ["giấy chứng nhận đăng ký doanh nghiệp"])
    c = compare_procedures(a, b)
    assert c.fields["documents"].shared == []


def test_split_action_and_level_hint() -> None:
    assert split_action("Cấp lại Giấy phép lái xe") == ("cấp lại", "giay phep lai xe")
    assert split_action("Gia hạn giấy phép lái xe (cấp tỉnh)") == ("gia hạn", "giay phep lai xe")
    assert split_action("Đăng ký khai sinh")[0] == ""
    assert level_hint("Đăng ký khai sinh (cấp xã)") == "Cấp xã"
    assert level_hint("thực hiện tại cấp Trung ương") == "Cấp bộ"


def test_clusters_connected_components_ordered_by_saving() -> None:
    ps = [A, proc("2", "x", ["Đơn", "Ảnh"]), proc("3", "y", ["Đơn"]), proc("4", "z", ["a"]), proc("5", "w", ["b"])]
    edges = np.array([[0, 1], [1, 2], [3, 4]])
    cl = build_clusters(ps, edges, np.array([0.9, 0.8, 0.95]), ["duplicate", "overlap", "variant"])
    assert [len(c.members) for c in cl] == [3, 2]
    assert cl[0].representative == "2"  # linked to both others
    d = cl[0].to_dict()
    assert d["saving"]["procedures"] == 2 and d["saving"]["papers"] == 1 and d["saving"]["days"] == 20
    assert d["relations"] == {"duplicate": 1, "overlap": 1}
    assert build_clusters(ps, np.zeros((0, 2)), np.zeros(0)) == []
