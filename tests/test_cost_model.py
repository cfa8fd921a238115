"""Standard cost model: assumptions (defaults with sources, JSON overrides) and savings before/after."""

from __future__ import annotations

import json

import pytest

from indexer.records import Channel, DossierDocument, Fee, Procedure
from search.simplify.cost_model import SOURCES, Assumptions, baseline_cost, estimate, format_vnd, load_assumptions


def _proc(code: str = "1.000001") -> Procedure:
    return Procedure(
        code=code,
        name="Thủ tục mẫu",
        documents=[DossierDocument("Tờ khai"), DossierDocument("Bản sao có chứng thực giấy khai sinh")],
        channels=[Channel("Trực tiếp", fee=Fee(50_000, "50.000 đồng"))],
    )


def test_every_assumption_has_a_source() -> None:
    d = Assumptions().to_dict()
    fields = [k for k in d if not k.startswith("_")]
    assert set(fields) == set(SOURCES)
    assert "Tổng cục Thống kê" in SOURCES["hourly_cost_vnd"] and "tham khảo" in SOURCES["hourly_cost_vnd"]
    assert "Điều 10 khoản 1 điểm d Nghị định 63/2010/NĐ-CP" in d["_method"]


def test_baseline_cost_formula() -> None:
    a = Assumptions()
    c = baseline_cost(_proc(), a)
    # form 2 h + 2 papers × 1 h + 1 certification × 1 h + 2 trips × 2 h = 9 h
    assert c.hours == pytest.approx(9.0)
    assert c.fee_vnd == 50_000
    assert c.other_vnd == pytest.approx(2 * 2_000 + 4_000 + 2 * 30_000)
    assert c.per_case_vnd == pytest.approx(9 * a.hourly_cost_vnd + 50_000 + 68_000)


def test_estimate_before_after_and_cases_override() -> None:
    a = load_assumptions({"hourly_cost_vnd": 50_000, "cases_per_year_by_code": {"1.000001": 200}})
    s = estimate(_proc(), a, hours=2, other_vnd=6_000, basis="thử")
    assert s.cases_per_year == 200
    assert s.per_case_before_vnd - s.per_case_after_vnd == pytest.approx(2 * 50_000 + 6_000)
    assert s.per_year_vnd == pytest.approx(200 * 106_000)
    assert s.per_year_before_vnd - s.per_year_after_vnd == s.per_year_vnd
    assert 0 < s.percent < 100
    none = estimate(_proc(), a, hours=5, quantified=False)
    assert none.per_year_vnd == 0 and not none.quantified
    capped = estimate(_proc(), a, hours=10_000)
    assert capped.per_case_after_vnd == 0


def test_config_file_and_errors(tmp_path) -> None:
    cfg = tmp_path / "gia-dinh.json"
    cfg.write_text(json.dumps({"cases_per_year": 5000, "online_uptake": 0.8, "_ghi_chu": "bỏ qua"}), encoding="utf-8")
    a = load_assumptions(cfg)
    assert a.cases_per_year == 5000 and a.online_uptake == 0.8 and a.hourly_cost_vnd == Assumptions().hourly_cost_vnd
    with pytest.raises(ValueError, match="Giả định không hợp lệ"):
        load_assumptions({"gio": 1})
    with pytest.raises(ValueError, match="số không âm"):
        load_assumptions({"hourly_cost_vnd": -1})
    bad = tmp_path / "hong.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(ValueError, match="Không đọc được"):
        load_assumptions(bad)


def test_format_vnd() -> None:
    assert format_vnd(1234567.4) == "1.234.567 đồng"
