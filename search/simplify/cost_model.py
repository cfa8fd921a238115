"""Compliance cost of a procedure (chi phí tuân thủ TTHC) and the saving of a proposal.

Standard cost model, the method of Nghị định 63/2010/NĐ-CP Điều 10 khoản 1 điểm d
("các chi phí tuân thủ thủ tục hành chính") and of the cost sheets of Thông tư
07/2014/TT-BTP (tham khảo):

    chi phí một lần thực hiện = số giờ × chi phí một giờ + phí, lệ phí + chi phí khác
                                (sao chụp, chứng thực, đi lại)
    chi phí một năm           = chi phí một lần × số lần thực hiện trong năm

computed before and after a proposal. Every figure is an ``Assumptions`` field, shown in
the outputs and overridable with a JSON file (``rasoat simplify --config FILE``). The
defaults are *indicative values to adjust*, each with its source in ``SOURCES``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Optional, Union

from indexer.records import Procedure

METHOD = (
    "Chi phí tuân thủ TTHC theo tiêu chí tại Điều 10 khoản 1 điểm d Nghị định 63/2010/NĐ-CP; "
    "cách tính tham khảo Thông tư 07/2014/TT-BTP: chi phí một lần = số giờ × chi phí một giờ "
    "+ phí, lệ phí + chi phí khác (sao chụp, chứng thực, đi lại); × số lần thực hiện/năm."
)


@dataclass
class Assumptions:
    """Every figure the cost model uses (all configurable; defaults are indicative).

    Attributes:
        hourly_cost_vnd: value of one hour of the applicant's time.
        cases_per_year: default number of cases per procedure per year.
        cases_per_year_by_code: per procedure code overrides.
        form_hours: hours to fill in forms and prepare the dossier (baseline).
        hours_per_paper: hours to obtain/prepare one paper of the dossier.
        copy_cost_vnd: cost of photocopying one paper.
        certification_fee_vnd: fee to certify one copy (chứng thực bản sao).
        certification_hours: hours spent getting one copy certified.
        trips_in_person: trips for an in-person dossier (submit + collect).
        hours_per_trip: hours per trip (travel + waiting).
        travel_cost_vnd: travel cost per trip.
        online_uptake: share of cases expected to move online once offered.
        merge_hours_saved: hours saved per case when two procedures are merged/connected.
        waiting_cost_per_day_vnd: cost of one working day of waiting (0: not counted).
    """

    hourly_cost_vnd: float = 43_750.0
    cases_per_year: int = 1_000
    cases_per_year_by_code: dict[str, int] = field(default_factory=dict)
    form_hours: float = 2.0
    hours_per_paper: float = 1.0
    copy_cost_vnd: float = 2_000.0
    certification_fee_vnd: float = 4_000.0
    certification_hours: float = 1.0
    trips_in_person: int = 2
    hours_per_trip: float = 2.0
    travel_cost_vnd: float = 30_000.0
    online_uptake: float = 0.5
    merge_hours_saved: float = 4.0
    waiting_cost_per_day_vnd: float = 0.0

    def cases(self, code: str) -> int:
        """Cases per year for one procedure code."""
        return int(self.cases_per_year_by_code.get(code, self.cases_per_year))

    def to_dict(self) -> dict[str, Any]:
        """JSON form, with the source of each default under ``"_sources"``."""
        d = asdict(self)
        d["_sources"] = dict(SOURCES)
        d["_method"] = METHOD
        return d


SOURCES: dict[str, str] = {
    "hourly_cost_vnd": (
        "Mặc định tham khảo: thu nhập bình quân tháng của người lao động năm 2024 khoảng 7,7 triệu đồng "
        "(số liệu công bố của Tổng cục Thống kê) ÷ 176 giờ (22 ngày × 8 giờ) ≈ 43.750 đồng/giờ. Cần điều chỉnh "
        "theo đối tượng (doanh nghiệp, người dân, địa bàn)."
    ),
    "cases_per_year": "Giả định 1.000 hồ sơ/năm/thủ tục khi chưa có số liệu; thay bằng số liệu thống kê của cơ quan.",
    "cases_per_year_by_code": "Số hồ sơ/năm theo mã thủ tục (từ báo cáo tình hình giải quyết TTHC).",
    "form_hours": "Giả định 2 giờ kê khai tờ khai, chuẩn bị hồ sơ.",
    "hours_per_paper": "Giả định 1 giờ để có/chuẩn bị một giấy tờ (tìm, sao chụp).",
    "copy_cost_vnd": "Giả định 2.000 đồng sao chụp một giấy tờ (2 trang).",
    "certification_fee_vnd": (
        "Lệ phí chứng thực bản sao 2.000 đồng/trang (Thông tư 226/2016/TT-BTC, như công bố tại các quyết định "
        "công bố TTHC lĩnh vực chứng thực); giả định 2 trang."
    ),
    "certification_hours": "Giả định 1 giờ đi lại, chờ chứng thực một bản sao.",
    "trips_in_person": "Giả định 2 lượt (nộp hồ sơ, nhận kết quả) khi nộp trực tiếp.",
    "hours_per_trip": "Giả định 2 giờ đi lại, chờ đợi mỗi lượt.",
    "travel_cost_vnd": "Giả định 30.000 đồng chi phí đi lại mỗi lượt.",
    "online_uptake": "Giả định 50% hồ sơ chuyển sang nộp trực tuyến khi có dịch vụ công trực tuyến.",
    "merge_hours_saved": "Giả định tiết kiệm 4 giờ/hồ sơ khi hợp nhất hoặc liên thông hai thủ tục.",
    "waiting_cost_per_day_vnd": "Mặc định 0: thời gian chờ kết quả không tính thành tiền (đặt > 0 nếu muốn).",
}


LABELS: dict[str, str] = {
    "hourly_cost_vnd": "Chi phí một giờ (đồng)",
    "cases_per_year": "Số hồ sơ/năm/thủ tục",
    "cases_per_year_by_code": "Số hồ sơ/năm theo mã thủ tục",
    "form_hours": "Giờ kê khai, chuẩn bị hồ sơ",
    "hours_per_paper": "Giờ chuẩn bị một giấy tờ",
    "copy_cost_vnd": "Sao chụp một giấy tờ (đồng)",
    "certification_fee_vnd": "Lệ phí chứng thực một bản sao (đồng)",
    "certification_hours": "Giờ đi chứng thực một bản sao",
    "trips_in_person": "Số lượt đi lại khi nộp trực tiếp",
    "hours_per_trip": "Giờ mỗi lượt đi lại",
    "travel_cost_vnd": "Chi phí đi lại mỗi lượt (đồng)",
    "online_uptake": "Tỷ lệ hồ sơ chuyển trực tuyến",
    "merge_hours_saved": "Giờ tiết kiệm khi hợp nhất/liên thông",
    "waiting_cost_per_day_vnd": "Chi phí một ngày chờ kết quả (đồng)",
}


def format_value(value: Any) -> str:
    """A figure as Vietnamese text (1.000; 0,5; {mã: số})."""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {format_value(v)}" for k, v in value.items()) or "—"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:g}".replace(".", ",")
    if isinstance(value, (int, float)):
        return f"{int(value):,}".replace(",", ".")
    return str(value)


def load_assumptions(source: Union[None, str, Path, dict] = None) -> Assumptions:
    """Defaults overridden by a JSON file or dict (unknown keys are an error).

    Args:
        source: None, a path to a JSON object, or a dict of field → value.

    Returns:
        The ``Assumptions``.

    Raises:
        ValueError: unreadable JSON, unknown key, or a negative number (message in Vietnamese).
    """
    if source is None:
        return Assumptions()
    if isinstance(source, dict):
        data = source
    else:
        try:
            data = json.loads(Path(source).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise ValueError(f"Không đọc được tệp giả định {source}: {exc}") from exc
    if not isinstance(data, dict):
        raise ValueError("Tệp giả định phải là một đối tượng JSON {tên: giá trị}.")
    names = {f.name: f for f in fields(Assumptions)}
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key.startswith("_"):
            continue
        if key not in names:
            raise ValueError(f"Giả định không hợp lệ: {key!r}. Các giả định: {', '.join(sorted(names))}.")
        if key == "cases_per_year_by_code":
            if not isinstance(value, dict):
                raise ValueError("cases_per_year_by_code phải là {mã thủ tục: số hồ sơ}.")
            kwargs[key] = {str(k): int(v) for k, v in value.items()}
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ValueError(f"Giả định {key!r} phải là số không âm, nhận được {value!r}.")
        kwargs[key] = value
    return Assumptions(**kwargs)


@dataclass
class Saving:
    """Estimated saving of one proposal (đồng), before and after.

    Attributes:
        per_case_before_vnd / per_case_after_vnd: compliance cost of one case.
        cases_per_year: cases assumed.
        per_year_before_vnd / per_year_after_vnd / per_year_vnd: yearly costs and saving.
        hours_saved_per_case: hours of the applicant saved per case.
        days_saved_per_case: working days of waiting saved (processing time).
        quantified: False when the proposal has no money figure (legality flags).
        basis: how the figure was computed, in Vietnamese.
    """

    per_case_before_vnd: float = 0.0
    per_case_after_vnd: float = 0.0
    cases_per_year: int = 0
    per_year_before_vnd: float = 0.0
    per_year_after_vnd: float = 0.0
    per_year_vnd: float = 0.0
    hours_saved_per_case: float = 0.0
    days_saved_per_case: float = 0.0
    quantified: bool = True
    basis: str = ""

    @property
    def percent(self) -> float:
        """Share of the compliance cost saved (0..100)."""
        return 100.0 * self.per_year_vnd / self.per_year_before_vnd if self.per_year_before_vnd else 0.0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["percent"] = round(self.percent, 1)
        return d


@dataclass
class Cost:
    """Compliance cost of one case of a procedure (baseline)."""

    hours: float
    fee_vnd: float
    other_vnd: float
    hourly_cost_vnd: float

    @property
    def per_case_vnd(self) -> float:
        return self.hours * self.hourly_cost_vnd + self.fee_vnd + self.other_vnd


def procedure_fee(proc: Procedure) -> Optional[int]:
    """Smallest positive fee amount over the channels (None when unknown)."""
    amounts = [c.fee.amount_vnd for c in proc.channels if c.fee and c.fee.amount_vnd]
    return min(amounts) if amounts else None


def _certified_count(proc: Procedure) -> int:
    from indexer.vietnamese import fold

    return sum("chung thuc" in fold(f"{d.name} {d.quantity}") for d in proc.documents)


def baseline_cost(proc: Procedure, a: Assumptions) -> Cost:
    """Compliance cost of one case today (form + papers + trips + fee + copies + certification).

    Args:
        proc: the procedure.
        a: assumptions.

    Returns:
        A ``Cost``.
    """
    n_papers = len(proc.documents)
    n_cert = _certified_count(proc)
    hours = a.form_hours + n_papers * a.hours_per_paper + n_cert * a.certification_hours
    hours += a.trips_in_person * a.hours_per_trip
    other = n_papers * a.copy_cost_vnd + n_cert * a.certification_fee_vnd + a.trips_in_person * a.travel_cost_vnd
    return Cost(hours=hours, fee_vnd=float(procedure_fee(proc) or 0), other_vnd=other, hourly_cost_vnd=a.hourly_cost_vnd)


def estimate(
    proc: Procedure,
    a: Assumptions,
    *,
    hours: float = 0.0,
    fee_vnd: float = 0.0,
    other_vnd: float = 0.0,
    days: float = 0.0,
    basis: str = "",
    quantified: bool = True,
    cost: Optional[Cost] = None,
) -> Saving:
    """Saving of a proposal that removes ``hours``, ``fee_vnd`` and ``other_vnd`` per case.

    Args:
        proc: the procedure.
        a: assumptions.
        hours, fee_vnd, other_vnd: per-case reductions (hours of the applicant, fee, other costs).
        days: working days of waiting saved (valued at ``waiting_cost_per_day_vnd``).
        basis: human explanation of the figures.
        quantified: False for proposals without a money figure.
        cost: the procedure's ``baseline_cost`` when already computed.

    Returns:
        A ``Saving`` (never negative; after ≥ 0).
    """
    cost = cost or baseline_cost(proc, a)
    before = cost.per_case_vnd + days * a.waiting_cost_per_day_vnd
    cut = hours * a.hourly_cost_vnd + fee_vnd + other_vnd + days * a.waiting_cost_per_day_vnd
    cut = max(0.0, min(cut, before)) if quantified else 0.0
    n = a.cases(proc.code)
    return Saving(
        per_case_before_vnd=round(before),
        per_case_after_vnd=round(before - cut),
        cases_per_year=n,
        per_year_before_vnd=round(before * n),
        per_year_after_vnd=round((before - cut) * n),
        per_year_vnd=round(cut * n),
        hours_saved_per_case=round(hours, 2) if quantified else 0.0,
        days_saved_per_case=round(days, 1),
        quantified=quantified,
        basis=basis,
    )


def format_vnd(value: float) -> str:
    """"1.234.567 đồng" (Vietnamese thousands separator)."""
    return f"{round(value):,}".replace(",", ".") + " đồng"


__all__ = [
    "LABELS",
    "METHOD",
    "SOURCES",
    "Assumptions",
    "Cost",
    "Saving",
    "baseline_cost",
    "estimate",
    "format_value",
    "format_vnd",
    "load_assumptions",
    "procedure_fee",
]
