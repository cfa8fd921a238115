"""The seven simplification rules and the advisor core on hand-built procedures."""

from __future__ import annotations

import pytest

from indexer.records import Channel, DossierDocument, Fee, LegalBasis, ProcessingTime, Procedure
from search.simplify.advisor import advise, candidate_id, same_field_clusters, summarize
from search.simplify.rules import RULES, resolve_rules


def proc(code: str, name: str = "Cấp giấy phép hoạt động", *, papers=(), steps=(), reqs=(), days=10.0, fee=None,
         channels=("Trực tiếp", "Trực tuyến"), field="Lĩnh vực A", level="Cấp tỉnh", agency="Sở Tư pháp",
         legal=True) -> Procedure:
    return Procedure(
        code=code, name=name, field=field, level=level, agency=agency,
        steps=list(steps), requirements=list(reqs),
        documents=[DossierDocument(name=p) if isinstance(p, str) else DossierDocument(*p) for p in papers],
        channels=[Channel(channel=c, processing_time=ProcessingTime(days, "working_days", f"{days:g} ngày làm việc")
                          if days is not None else None, fee=Fee(fee, f"{fee} đồng") if fee else None)
                  for c in channels],
        legal_basis=[LegalBasis(number="123/2020/NĐ-CP", title="Nghị định quy định thủ tục")] if legal else [],
    )


def by_rule(cands, rule):
    return [c for c in cands if c.rule == rule]


@pytest.mark.parametrize(
    ("name", "fires"),
    [
        ("Cấp lại thẻ căn cước", False),  # the card is the procedure's subject
        ("Cấp đổi giấy chứng nhận căn cước", False),
        ("Cấp tài khoản định danh điện tử mức độ 02", True),  # the card shown proves who applies (cue13)
        ("Cấp mã số định danh cơ sở chăn nuôi", True),  # "định danh" of something else
        ("Cấp Giấy chứng nhận tên định danh", True),
        ("Thu thập thông tin sinh trắc học vào Cơ sở dữ liệu về căn cước", True),
    ],
)
def test_r1_identity_card_refused_only_where_it_is_the_subject(name: str, fires: bool) -> None:
    p = proc("1.000009", name, papers=["Bản sao căn cước công dân của người đề nghị"])
    assert bool(by_rule(advise([p], rules=["R1"]), "R1")) is fires


def test_r1_re_registration_still_names_the_old_certificate() -> None:
    # đăng ký lại kết hôn: both labellers of the eighth sample count the copy of the old certificate
    p = proc("1.000011", "Thủ tục đăng ký lại kết hôn", papers=["Bản sao Giấy chứng nhận kết hôn được cấp trước đây"])
    assert [c.database for c in by_rule(advise([p], rules=["R1"]), "R1")] == ["Cơ sở dữ liệu hộ tịch điện tử"]


def test_r1_a_foreign_firms_representative_office_registration_is_not_vietnamese() -> None:
    paper = ["Bản sao giấy phép thành lập hoặc giấy chứng nhận đăng ký kinh doanh của thương nhân"]
    assert not by_rule(advise([proc("1.000012", "Gia hạn giấy phép đặt văn phòng đại diện nước ngoài tại Việt Nam",
                                    papers=paper)], rules=["R1"]), "R1")
    assert by_rule(advise([proc("1.000013", "Cấp giấy phép hoạt động", papers=paper)], rules=["R1"]), "R1")


def test_r1_a_lost_certificate_reissued_is_the_result_not_a_paper() -> None:
    p = proc("1.000010", "Cấp lại Giấy chứng nhận đăng ký hợp tác xã do bị mất", papers=["Giấy chứng nhận đăng ký hợp tác xã"])
    assert not by_rule(advise([p], rules=["R1"]), "R1")


def test_r1_database_papers_with_database_and_citation() -> None:
    p = proc("1.000001", papers=["Tờ khai (mẫu 01)", ("Bản sao có chứng thực Giấy chứng nhận đăng ký kinh doanh", ""),
                                 "ban sao giay khai sinh", "Giấy chứng nhận đủ điều kiện kinh doanh"])
    r1 = by_rule(advise([p], rules=["R1"]), "R1")
    assert {c.database for c in r1} == {"Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp", "Cơ sở dữ liệu hộ tịch điện tử"}
    dk = next(c for c in r1 if "đăng ký kinh doanh" in c.component)
    assert dk.criterion == "Sự cần thiết"
    assert "Điều 4 khoản 5 điểm a Nghị quyết số 66.7/2025/NQ-CP" in dk.legal_basis
    assert "Điều 10 khoản 1 điểm a Nghị định 63/2010/NĐ-CP" in dk.legal_basis
    assert dk.saving.per_year_vnd > 0 and dk.saving.per_case_after_vnd < dk.saving.per_case_before_vnd
    assert "Bản sao có chứng thực Giấy chứng nhận đăng ký kinh doanh" in dk.evidence
    # the certified copy is not proposed twice (R1 already removes the paper)
    assert not [c for c in by_rule(advise([p], rules=["R1", "R3"]), "R3") if "đăng ký kinh doanh" in c.component]


def test_r2_obsolete_household_book_cmnd_district() -> None:
    p = proc("1.000002", papers=["Bản sao sổ hộ khẩu"], steps=["Bước 1: Nộp hồ sơ tại UBND cấp huyện."],
             reqs=["Xuất trình chứng minh nhân dân"], level="Cấp huyện")
    r2 = by_rule(advise([p], rules=["2"]), "R2")
    comps = {c.component for c in r2}
    assert "Cấp thực hiện" in comps
    assert any(c.component.startswith("Thành phần hồ sơ") and "68/2020/QH14" in c.legal_basis for c in r2)
    assert any(c.component.startswith("Yêu cầu") and "26/2023/QH15" in c.legal_basis for c in r2)
    assert any(c.component.startswith("Trình tự") for c in r2)
    assert all(c.criterion == "Tính hợp pháp" and not c.saving.quantified for c in r2)


def test_r2_ignores_dated_district_reference() -> None:
    p = proc("1.000003", papers=["Giấy xác nhận của cơ quan cấp huyện trước ngày 01 tháng 7 năm 2025"])
    assert by_rule(advise([p], rules=["R2"]), "R2") == []


def test_r3_certified_copy_and_twice() -> None:
    p = proc("1.000004", papers=["Bản sao có chứng thực Quyết định thành lập", "Bản sao có chứng thực hoặc bản sao kèm "
                                 "bản chính để đối chiếu Điều lệ", "Báo cáo tài chính năm gần nhất",
                                 "Bản sao Báo cáo tài chính năm gần nhất"])
    r3 = by_rule(advise([p], rules=["ban-sao"]), "R3")
    assert any("Quyết định thành lập" in c.component for c in r3)
    assert not any("Điều lệ" in c.component for c in r3)  # a plain copy is already allowed
    assert not [c for c in r3 if "2 lần" in c.component]  # "asked twice" withdrawn from the advisor (0/18)
    from search.simplify.cost_model import Assumptions
    from search.simplify.rules import rule_copies

    twice = [f for f in rule_copies(p, Assumptions(), twice=True) if "2 lần" in f.component]
    assert len(twice) == 1 and "Báo cáo tài chính" in twice[0].component
    assert any("23/2015/NĐ-CP" in c.legal_basis for c in r3)


def test_r3_not_on_the_certification_procedure_itself() -> None:
    p = proc("1.000005", name="Chứng thực bản sao từ bản chính", papers=["Bản sao có chứng thực giấy tờ"])
    assert by_rule(advise([p], rules=["R3"]), "R3") == []


def test_r4_time_and_fee_against_peers_with_numbers() -> None:
    peers = [proc(f"2.0000{i:02d}", name=f"Thủ tục {i}", days=10.0, fee=100_000) for i in range(8)]
    slow = proc("2.000099", name="Thủ tục chậm", days=60.0, fee=2_000_000)
    r4 = by_rule(advise(peers + [slow], rules=["R4"]), "R4")
    assert {c.code for c in r4} == {"2.000099"}
    t = next(c for c in r4 if c.component == "Thời hạn giải quyết")
    assert "60 ngày làm việc" in t.evidence and "trung vị của 8 thủ tục" in t.evidence and "10" in t.proposal
    assert t.saving.days_saved_per_case == 50
    # fee comparisons are withdrawn from the advisor (0/50 sound on the national sample) …
    assert not [c for c in r4 if c.component == "Phí, lệ phí"]
    # … and stay available to a caller who asks for them
    from search.simplify.advisor import peer_stats
    from search.simplify.cost_model import Assumptions
    from search.simplify.rules import rule_out_of_line

    stats = peer_stats(peers + [slow])["2.000099"]
    f = next(x for x in rule_out_of_line(slow, stats, Assumptions(), compare_fees=True) if x.component == "Phí, lệ phí")
    assert "2.000.000 đồng" in f.evidence and "100.000 đồng" in f.proposal


def test_r4_uses_neighbours_as_extra_peers() -> None:
    others = [proc(f"3.0000{i:02d}", days=5.0, field="Lĩnh vực B") for i in range(6)]
    slow = proc("3.000099", days=40.0, field="Lĩnh vực C")  # alone in its field
    assert by_rule(advise(others + [slow], rules=["R4"]), "R4") == []
    peers = {"3.000099": [o.code for o in others]}
    r4 = by_rule(advise(others + [slow], rules=["R4"], peers=peers), "R4")
    assert r4 and "6 thủ tục tương tự" in r4[0].evidence


def test_r5_online_channel() -> None:
    offline = proc("4.000001", channels=("Trực tiếp", "Dịch vụ bưu chính"))
    online = proc("4.000002", channels=("Trực tiếp", "Trực tuyến"))
    r5 = by_rule(advise([offline, online], rules=["R5"]), "R5")
    assert [c.code for c in r5] == ["4.000001"]
    assert "Dịch vụ công" in r5[0].proposal and r5[0].saving.per_year_vnd > 0


def test_r6_clusters_given_and_fallback() -> None:
    a = proc("5.000001", name="Cấp giấy phép khai thác khoáng sản (cấp tỉnh)")
    b = proc("5.000002", name="Cấp giấy phép khai thác khoáng sản (cấp bộ)", level="Cấp bộ")
    c = proc("5.000003", name="Thủ tục hoàn toàn khác")
    d = proc("5.000004", name="Cấp giấy phép khai thác khoáng sản", level="Cấp tỉnh")
    assert same_field_clusters([a, b, c]) == [["5.000001", "5.000002"]]
    # the fallback ignores one procedure published once per level (competence split)
    assert by_rule(advise([a, b, c], rules=["R6"]), "R6") == []
    r6 = by_rule(advise([a, c, d], rules=["R6"]), "R6")
    assert {x.code for x in r6} == {"5.000001", "5.000004"}
    assert "5.000004" in next(x for x in r6 if x.code == "5.000001").evidence
    given = by_rule(advise([a, b, c], rules=["R6"], clusters=[["tthc:5.000001", "5.000003"]]), "R6")
    assert {x.code for x in given} == {"5.000001", "5.000003"}


def test_r7_vague_missing_basis_and_time() -> None:
    p = proc("6.000001", papers=["Các giấy tờ khác có liên quan", "Đơn đề nghị"], reqs=["Nộp thêm tài liệu nếu cần"],
             legal=False, days=None)
    r7 = by_rule(advise([p], rules=["R7"]), "R7")
    comps = {c.component for c in r7}
    assert "Căn cứ pháp lý" in comps and "Thời hạn giải quyết" in comps
    assert any(c.component.startswith("Thành phần hồ sơ: Các giấy tờ khác") for c in r7)
    assert any(c.component.startswith("Yêu cầu") for c in r7)
    assert {c.criterion for c in r7} == {"Tính hợp lý", "Tính hợp pháp"}


def test_candidate_ids_are_stable_and_unique() -> None:
    p = proc("7.000001", papers=["Bản sao giấy khai sinh", "Sổ hộ khẩu"], channels=("Trực tiếp",))
    one = advise([p])
    two = advise([proc("7.000001", papers=["Bản sao giấy khai sinh", "Sổ hộ khẩu"], channels=("Trực tiếp",))])
    assert [c.id for c in one] == [c.id for c in two]
    assert len({c.id for c in one}) == len(one)
    c = one[0]
    assert c.id == candidate_id(c.code, c.rule, c.component) and c.id.startswith("7.000001-R")
    keys = set(c.to_dict())
    assert {"id", "code", "title", "rule", "criterion", "component", "evidence", "proposal", "legal_basis",
            "database", "saving", "confidence"} <= keys


def test_resolve_rules_and_summary() -> None:
    assert resolve_rules(None) == [r.id for r in RULES]
    assert resolve_rules(["1", "r3", "truc-tuyen", "R7,csdl"]) == ["R1", "R3", "R5", "R7"]
    with pytest.raises(ValueError, match="Không có quy tắc"):
        resolve_rules(["R9"])
    cands = advise([proc("8.000001", papers=["Bản sao giấy khai sinh"], channels=("Trực tiếp",))])
    s = summarize(cands)
    assert s["candidates"] == len(cands) and s["per_rule"]["R1"]["count"] == 1
    assert s["saving_per_year_vnd"] == sum(c.saving.per_year_vnd for c in cands)
    assert s["assumptions"]["hourly_cost_vnd"] > 0 and "_sources" in s["assumptions"]


def test_real_national_sample(shared_data) -> None:
    """A slice of the real national portal data: every rule runs, look-alikes stay out of R1."""
    import gzip
    import json

    from indexer.portal import procedure_from_portal
    from indexer.records import Source

    path = shared_data / "procedures" / "national_portal_2642.jsonl.gz"
    procs = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= 150:
                break
            procs.append(procedure_from_portal(json.loads(line), Source(file=str(path), record=i)))
    cands = advise(procs)
    assert len({c.rule for c in cands}) >= 5
    for c in cands:
        if c.rule == "R1":
            assert "đủ điều kiện" not in c.component.lower()


def test_r6_only_from_groups_that_carry_an_action() -> None:
    from dataclasses import dataclass

    a = proc("5.100001", name="Cấp giấy phép khai thác khoáng sản")
    b = proc("5.100002", name="Cấp giấy phép thăm dò khoáng sản")

    @dataclass
    class Group:  # the shape of search.duplicates' Cluster, with and without an action
        members: list
        score: float = 0.9
        action: object = None

    assert by_rule(advise([a, b], rules=["R6"], clusters=[Group(["5.100001", "5.100002"])]), "R6") == []
    assert by_rule(advise([a, b], rules=["R6"], clusters=[Group(["5.100001", "5.100002"], action="")]), "R6") == []
    r6 = by_rule(advise([a, b], rules=["R6"], clusters=[Group(["5.100001", "5.100002"], action="merge")]), "R6")
    assert {c.code for c in r6} == {"5.100001", "5.100002"} and r6[0].proposal.startswith("Hợp nhất")
    text = "Liên thông cấp phép thăm dò và khai thác khoáng sản"
    r6 = by_rule(advise([a, b], rules=["R6"], clusters=[Group(["5.100001", "5.100002"], action=text)]), "R6")
    assert r6[0].proposal == text + "." and r6[0].details["action"] == text


def test_worklist_one_row_per_procedure_by_saving_times_confidence() -> None:
    from search.simplify.advisor import rule_headline, worklist

    rich = proc("9.000001", papers=["Bản sao giấy khai sinh", "Sổ hộ khẩu", "Bản sao có chứng thực CMND"],
                channels=("Trực tiếp",))
    poor = proc("9.000002", papers=["Đơn đề nghị"], channels=("Trực tiếp",))
    cands = advise([poor, rich])
    rows = worklist(cands)
    assert rows[0].code == "9.000001" and len({r.code for r in rows}) == len(rows)
    assert sum(len(r.candidates) for r in rows) == len(cands)
    first = rows[0].candidates
    assert [c.priority for c in first] == sorted((c.priority for c in first), reverse=True)
    assert rows[0].priority == sum(c.priority for c in first)
    only_r1 = worklist(cands, rule="R1")
    assert only_r1 and all(c.rule == "R1" for r in only_r1 for c in r.candidates)
    assert worklist(cands, agency="không có cơ quan này") == []
    head = rule_headline(cands)
    assert head["R1"]["candidates"] == sum(1 for c in cands if c.rule == "R1")
    assert head["R1"]["procedures"] == 1 and head["R1"]["papers"] >= 2 and head["R1"]["vnd"] > 0
    assert summarize(cands)["per_rule"]["R1"]["papers"] == head["R1"]["papers"]
