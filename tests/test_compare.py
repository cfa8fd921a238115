"""Field-level comparison, relation labels, families and clusters on hand-made procedures."""

from __future__ import annotations

import numpy as np

from indexer.records import Channel, DossierDocument, Fee, LegalBasis, ProcessingTime, Procedure
from search.duplicates.groups import build_clusters, build_groups
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
    assert split_action("Đăng ký khai sinh") == ("đăng ký", "khai sinh")  # a leading verb only
    assert split_action("Giấy chứng nhận đăng ký đầu tư")[0] == ""
    assert split_action("Cấp lại, cấp đổi, gia hạn giấy phép lái xe") == ("cấp lại, cấp đổi, gia hạn",
                                                                            "giay phep lai xe")
    assert level_hint("Đăng ký khai sinh (cấp xã)") == "Cấp xã"
    assert level_hint("thực hiện tại cấp Trung ương") == "Cấp bộ"


def test_relation_combined_and_special_versions() -> None:
    """A combined procedure and its part, and a special-area version, are not duplicates."""
    docs = ["Tờ khai đăng ký", "Giấy tờ chứng minh quan hệ cha, mẹ, con"]
    part = proc("1.001022", "Đăng ký nhận cha, mẹ, con có yếu tố nước ngoài", docs, level="Cấp xã")
    both = proc("1.001695", "Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con có yếu tố nước ngoài",
                docs + ["Giấy chứng sinh"], level="Cấp xã")
    rel, why = classify(compare_procedures(both, part))
    assert rel == "overlap" and "kết hợp" in why
    border = proc("1.000080", "Đăng ký nhận cha, mẹ, con có yếu tố nước ngoài tại khu vực biên giới", docs,
                  level="Cấp xã")
    rel, why = classify(compare_procedures(part, border))
    assert rel == "variant" and "khu vực biên giới" in why
    other = proc("1.000081", "Đăng ký nhận cha, mẹ, con trong nước tại khu vực biên giới", docs, level="Cấp xã")
    assert classify(compare_procedures(part, other))[0] == "overlap"


def test_relation_families_never_overlap() -> None:
    base = proc("1.011637", "Thủ tục cấp Giấy chứng nhận đăng ký đại lý đổi tiền của nước có chung biên giới",
                ["Đơn đề nghị", "Bản sao giấy chứng nhận đăng ký doanh nghiệp"])
    more = proc("1.011639", "Thủ tục cấp lại, điều chỉnh, gia hạn Giấy chứng nhận đăng ký đại lý đổi tiền của nước có "
                "chung biên giới", ["Đơn đề nghị cấp lại"])
    assert classify(compare_procedures(base, more))[0] == "family"
    again = proc("2.002339", "Chứng nhận lại chủng loại gạo thơm xuất khẩu", ["Đơn"])
    first = proc("2.002338", "Chứng nhận chủng loại gạo thơm xuất khẩu", ["Đơn"])
    assert classify(compare_procedures(first, again))[0] == "family"


def test_groups_do_not_chain_and_carry_an_action() -> None:
    """A chain of overlap pairs makes no group; a variant group says what to do and what it saves."""
    ps = [proc(str(i), f"Thủ tục số {i} khác hẳn", ["Đơn", f"Giấy {i}"]) for i in range(6)]
    edges = np.array([[0, 1], [1, 2], [2, 3], [3, 4], [4, 5]])
    cl, themes = build_groups(ps, edges, np.full(5, 0.8), ["overlap"] * 5, ["dùng chung 1 giấy tờ"] * 5,
                              [["Đơn"]] * 5)
    assert cl == [] and len(themes) == 5 and themes[0].action == "lien_thong"
    # a chain of variant pairs 0-1-2-3-4-5: average linkage keeps parts whose members are mostly linked
    cl = build_clusters(ps, edges, np.full(5, 0.8), ["variant"] * 5)
    assert all(c.pair_share >= 0.5 for c in cl) and max(len(c.members) for c in cl) <= 3
    lv = [A, proc("1.000011", A.name, [d.name for d in A.documents][:2], level="Cấp xã", days=5),
          proc("1.000012", A.name, [d.name for d in A.documents], level="Cấp bộ", days=12)]
    cl, _ = build_groups(lv, np.array([[0, 1], [0, 2], [1, 2]]), np.array([0.9, 0.9, 0.9]), ["variant"] * 3)
    assert len(cl) == 1 and cl[0].action == "thong_nhat" and cl[0].saving_procedures == 0
    d = cl[0].to_dict()
    assert d["saving"]["papers"] == 2 and d["saving"]["days"] == 12  # (3 − 2) × 2 papers; (10 − 5) + (12 − 5) days
    assert d["relation"] == "variant" and d["action_label"].startswith("Thống nhất") and d["evidence"]


def test_duplicate_group_removes_copies_family_group_removes_none() -> None:
    dup = proc("1.000003", A.name, [d.name for d in A.documents])
    cl, _ = build_groups([A, dup], np.array([[0, 1]]), np.array([0.95]), ["duplicate"])
    assert cl[0].action == "bai_bo" and cl[0].saving_procedures == 1 and cl[0].saving_papers == 3
    fam = proc("1.000005", "Cấp lại giấy phép hoạt động dịch vụ việc làm",
               ["Đơn đề nghị cấp lại giấy phép", "Bản sao Giấy chứng nhận đăng ký doanh nghiệp"])
    cl, _ = build_groups([A, fam], np.array([[0, 1]]), np.array([0.7]), ["family"])
    assert cl[0].action == "hop_nhat" and cl[0].saving_procedures == 0 and cl[0].saving_papers == 1
    assert build_clusters([A], np.zeros((0, 2)), np.zeros(0)) == []
