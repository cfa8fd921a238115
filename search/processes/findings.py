"""The checks of a quy trình against its published procedure and the indexed regulations.

Each check returns ``Finding`` objects: ``kind`` (one of ``FINDING_KINDS``), ``detail`` (Vietnamese),
``evidence`` (the lines of both documents side by side: [{"process", "procedure"}]) and
``legal_basis`` (the rule, with "tham khảo" when it is outside the indexed texts).

Times: the steps' times are added in working days (hours at 8 per day, "0,5 ngày" as 0.5) and
compared with the procedure's processing time on each channel (trực tiếp / trực tuyến / bưu
chính); where the channels differ, the finding names the channels exceeded. A bare "ngày" counts
as a working day on both sides (step tables write "01 ngày" for a working day; reading a
published "15 ngày" as working days can only under-report, never invent, an excess).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from rapidfuzz import fuzz

from indexer.procedure_fields import (
    extract_doc_numbers,
    fee_amounts,
    parse_fee,
    parse_processing_time,
)
from indexer.records import Duration, Fee, Procedure, Process
from indexer.vietnamese import fold, normalize
from search.processes.legal import (
    Replacements,
    RuleBook,
    number_key,
    procedure_numbers,
    suffix_of,
    year_of,
)
from search.processes.tie import match_process_papers

FINDING_KINDS = ("time_exceeds", "extra_paper", "missing_paper", "legal_basis_outdated", "fee_mismatch",
                 "step_without_owner", "step_without_time")
FINDING_LABELS = {
    "time_exceeds": "Thời gian vượt thời hạn giải quyết",
    "extra_paper": "Giấy tờ ngoài thủ tục đã công bố",
    "missing_paper": "Thiếu giấy tờ của thủ tục đã công bố",
    "legal_basis_outdated": "Căn cứ pháp lý hết hiệu lực / đã bị thay thế",
    "fee_mismatch": "Phí, lệ phí khác thủ tục đã công bố",
    "step_without_owner": "Bước không có người chịu trách nhiệm",
    "step_without_time": "Bước không có thời gian",
}
_EPS = 1e-6


@dataclass
class Finding:
    """One deviation of a quy trình.

    Attributes:
        kind: one of ``FINDING_KINDS``.
        detail: what is wrong, in Vietnamese.
        evidence: lines side by side, each {"process": …, "procedure": …} ("" when one side has none).
        legal_basis: the rule the finding rests on.
        where: the place in the quy trình ("QT-TP-01, bước B3"; "QT-TP-01, thành phần hồ sơ").
    """

    kind: str
    detail: str
    evidence: list[dict[str, str]] = field(default_factory=list)
    legal_basis: str = ""
    where: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "label": FINDING_LABELS.get(self.kind, self.kind), "detail": self.detail,
                "where": self.where, "evidence": self.evidence, "legal_basis": self.legal_basis}


# --- formatting ------------------------------------------------------------------------------------


def fmt_days(days: float) -> str:
    """"2,5 ngày làm việc" (Vietnamese decimal comma, no trailing zeros)."""
    txt = f"{days:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{txt} ngày làm việc"


def fmt_vnd(amount: int) -> str:
    """"50.000 đồng"; "0 đồng (miễn)" for zero."""
    return "0 đồng (miễn)" if amount == 0 else f"{amount:,} đồng".replace(",", ".")


def duration_text(d: Optional[Duration]) -> str:
    """A step time as read ("0,5 ngày làm việc", "4 giờ"); "" when none."""
    if d is None or d.value is None:
        return ""
    unit = {"working_days": "ngày làm việc", "days": "ngày", "hours": "giờ", "months": "tháng"}.get(d.unit, d.unit)
    return f"{d.value:g}".replace(".", ",") + f" {unit}"


def label(p: Process) -> str:
    """How a quy trình is cited: its code, else its title."""
    return p.code or p.title or "quy trình"


def step_where(p: Process, no: str, i: int) -> str:
    """Citation of a step: "QT-TP-01, bước B3"."""
    return f"{label(p)}, bước {no or i + 1}"


def proc_label(proc: Procedure) -> str:
    """"Thủ tục 1.004101 (Đăng ký khai sinh)"."""
    return f"Thủ tục {proc.code or proc.id} ({proc.name})"


def _published(proc: Procedure) -> str:
    return f"công bố tại {proc.decision}" if proc.decision else "đã công bố"


# --- intrinsic checks -------------------------------------------------------------------------------


def check_steps(p: Process, rules: RuleBook) -> list[Finding]:
    """``step_without_owner`` / ``step_without_time``: one finding per step without them."""
    out: list[Finding] = []
    definition = rules.definition()
    for i, s in enumerate(p.steps):
        line = f"{s.no or i + 1}. {s.action}".strip()
        if not s.responsible.strip():
            out.append(Finding(
                "step_without_owner",
                f"Bước {s.no or i + 1} «{_short(s.action)}» không ghi đơn vị, cá nhân chịu trách nhiệm.",
                [{"process": f"{step_where(p, s.no, i)}: {line} | Trách nhiệm: (trống)", "procedure": ""}],
                rules.cite("iso_responsibility") + (f"; {definition}" if definition else ""),
                step_where(p, s.no, i)))
        if s.time is None or s.time.value is None:
            out.append(Finding(
                "step_without_time",
                f"Bước {s.no or i + 1} «{_short(s.action)}» không ghi thời gian thực hiện, không kiểm soát được "
                "tổng thời gian giải quyết.",
                [{"process": f"{step_where(p, s.no, i)}: {line} | Thời gian: (trống)", "procedure": ""}],
                rules.cite("iso_control") + (f"; {definition}" if definition else ""),
                step_where(p, s.no, i)))
    return out


def _short(text: str, n: int = 80) -> str:
    t = re.sub(r"\s+", " ", normalize(text or "")).strip()
    return t if len(t) <= n else t[: n - 1].rstrip() + "…"


def check_references(p: Process, proc: Optional[Procedure], replaced: Replacements, rules: RuleBook) -> list[Finding]:
    """``legal_basis_outdated``: a cited document the indexed regulations say is replaced or expired, or
    one the procedure's current legal basis has superseded (same issuer and subject, newer)."""
    out: list[Finding] = []
    current = procedure_numbers(proc) if proc is not None else {}
    cur_titles = {k: lb.title for lb in (proc.legal_basis if proc else [])
                  for k in [number_key(lb.number)] if k}
    for ref in p.references:
        nums = [ref.number] if ref.number else extract_doc_numbers(normalize(ref.title))
        for num in nums:
            key = number_key(num)
            if not key:
                continue
            written = f"{num} {ref.title}".strip() if ref.title and num not in ref.title else (ref.title or num)
            r = replaced.get(num)
            if r is not None:
                by = f", được thay thế bởi {r.by}" if r.by else ""
                out.append(Finding(
                    "legal_basis_outdated",
                    f"Quy trình viện dẫn {num}, văn bản đã hết hiệu lực{by} (theo {r.citation}).",
                    [{"process": f"{label(p)}, cơ sở pháp lý: {written}", "procedure": f"{r.citation}: {r.line}"}],
                    f"{r.citation}; quy trình phải cập nhật khi văn bản viện dẫn bị thay thế — "
                    + rules.cite("iso_lawful"),
                    f"{label(p)}, cơ sở pháp lý"))
                continue
            if not current or key in current:
                continue
            newer = _superseding(num, ref.title, current, cur_titles)
            if newer:
                out.append(Finding(
                    "legal_basis_outdated",
                    f"Quy trình viện dẫn {num}; thủ tục đã công bố hiện căn cứ {newer} (cùng cơ quan ban hành, "
                    "cùng nội dung, mới hơn): căn cứ của quy trình đã cũ.",
                    [{"process": f"{label(p)}, cơ sở pháp lý: {written}",
                      "procedure": f"{proc_label(proc)}, căn cứ pháp lý: {newer} {cur_titles.get(number_key(newer), '')}".strip()}],
                    f"Căn cứ pháp lý của thủ tục {_published(proc)}; " + rules.cite("iso_lawful"),
                    f"{label(p)}, cơ sở pháp lý"))
    return out


def _superseding(num: str, title: str, current: dict[str, str], titles: dict[str, str]) -> str:
    """The procedure's document that supersedes ``num``: same issuer, newer year, and a similar title
    when both sides have one (without titles only a specific issuer counts, not "NĐ-CP" or "QH")."""
    suf, year = suffix_of(num), year_of(num)
    if not suf or year is None:
        return ""
    best = ""
    for key, written in current.items():
        y = year_of(written)
        if suffix_of(written) != suf or y is None or y <= year:
            continue
        t_new = titles.get(key, "")
        if title and t_new:
            ta, tb = _topic(title), _topic(t_new)
            if len(ta.split()) < 2 or len(tb.split()) < 2:
                continue
            if 0.5 * fuzz.token_set_ratio(ta, tb) + 0.5 * fuzz.token_sort_ratio(ta, tb) < 75:
                continue
        elif suf in ("nd-cp", "qh", "qd-ttg", "nq-cp", "ubtvqh"):
            continue
        best = written
    return best


def _topic(title: str) -> str:
    t = fold(normalize(title))
    t = re.sub(r"\b(?:luat|nghi dinh|thong tu|quyet dinh|nghi quyet|lien tich|so|ngay|nam|thang|cua|ve|quy dinh|"
               r"chi tiet|huong dan|mot so dieu|va bien phap|thi hanh|sua doi|bo sung|chinh phu|thu tuong|"
               r"bo truong|uy ban nhan dan|hoi dong nhan dan|tinh|ban hanh|kem theo)\b", " ", t)
    t = re.sub(r"[\d/.-]+\S*", " ", t)
    return re.sub(r"\s+", " ", t).strip()


# --- checks against the procedure ------------------------------------------------------------------


def working_days(value: Optional[float], unit: str) -> Optional[float]:
    """A time in working days: hours at 8 per day, months at 22, a bare "ngày" as a working day."""
    if value is None:
        return None
    if unit == "days":
        return float(value)
    return Duration(value, unit).in_working_days()


def _limits(proc: Procedure) -> list[tuple[str, float, str]]:
    """(channel, working days, text) of the procedure's processing times (channels, else time_text);
    a zero time ("0 ngày", a placeholder in portal exports) counts as unknown."""
    out = []
    for c in proc.channels:
        pt = c.processing_time
        days = working_days(pt.value, pt.unit) if pt else None
        if days is not None and days > 0:
            out.append((c.channel or "Chung", days, pt.text or fmt_days(days)))
    if not out and proc.time_text:
        pt = parse_processing_time(proc.time_text)
        days = working_days(pt.value, pt.unit) if pt else None
        if days is not None and days > 0:
            out.append(("Chung", days, proc.time_text))
    return out


def step_days(p: Process) -> tuple[float, list[int]]:
    """Sum of the steps' times in working days, and the positions of steps whose time is unknown."""
    total = 0.0
    unknown = []
    for i, s in enumerate(p.steps):
        d = working_days(s.time.value, s.time.unit) if s.time is not None else None
        if d is None:
            unknown.append(i)
        else:
            total += d
    return total, unknown


def check_time(p: Process, proc: Procedure, rules: RuleBook) -> list[Finding]:
    """``time_exceeds``: steps adding up to more than the procedure's time (or a longer stated time)."""
    limits = _limits(proc)
    if not limits:
        return []
    total, unknown = step_days(p)
    timed = len(p.steps) > len(unknown)
    stated = working_days(p.time_limit.value, p.time_limit.unit) if p.time_limit is not None else None
    worst = max(total if timed else 0.0, stated or 0.0)
    over = [(ch, d, t) for ch, d, t in limits if worst > d + _EPS]
    if not over:
        return []
    differ = len({round(d, 4) for _, d, _ in limits}) > 1
    limit_txt = "; ".join(f"{ch}: {fmt_days(d)}" for ch, d, _ in limits) if differ else fmt_days(limits[0][1])
    which = (" (vượt thời hạn của kênh " + ", ".join(ch.lower() for ch, _, _ in over) + ")") if differ else ""
    what = []
    if timed and total > min(d for _, d, _ in over) + _EPS:
        what.append(f"các bước cộng lại {fmt_days(total)}")
    if stated is not None and stated > min(d for _, d, _ in over) + _EPS:
        what.append(f"thời gian xử lý ghi trong quy trình {fmt_days(stated)}")
    evidence = []
    for i, s in enumerate(p.steps):
        if s.time is not None and s.time.value is not None:
            evidence.append({"process": f"{step_where(p, s.no, i)}: {_short(s.action, 60)} — {duration_text(s.time)}",
                             "procedure": ""})
    evidence.append({"process": f"{label(p)}: tổng {fmt_days(total)}"
                                + (f"; thời gian xử lý ghi {fmt_days(stated)}" if stated is not None else ""),
                     "procedure": f"{proc_label(proc)}, thời hạn giải quyết: "
                                  + "; ".join(f"{ch}: {t}" for ch, _, t in limits)})
    return [Finding(
        "time_exceeds",
        f"{' và '.join(what).capitalize()}, vượt thời hạn giải quyết của thủ tục ({limit_txt}){which}.",
        evidence,
        f"Thời hạn giải quyết của thủ tục {_published(proc)}; " + rules.cite("no_extra_demands"),
        f"{label(p)}, trình tự thực hiện")]


def check_papers(p: Process, proc: Procedure, rules: RuleBook) -> list[Finding]:
    """``extra_paper`` (one per paper the procedure does not list) and ``missing_paper``."""
    pa = [d.name for d in p.documents]
    pb = [d.name for d in proc.documents]
    if not pa or not pb:
        return []
    m = match_process_papers(pa, pb)
    out: list[Finding] = []
    listed = "; ".join(_short(x, 60) for x in pb)
    rule = (rules.cite("no_extra_papers") + "; " + rules.cite("no_extra_demands") + "; "
            + rules.cite("iso_lawful") + ". Quy trình chỉ được yêu cầu các giấy tờ trong thành phần hồ sơ của thủ tục "
            + _published(proc) + ".")
    for i in m.only_a:
        d = p.documents[i]
        out.append(Finding(
            "extra_paper",
            f"Quy trình yêu cầu «{_short(d.name)}», giấy tờ không có trong thành phần hồ sơ của thủ tục đã công bố.",
            [{"process": f"{label(p)}, thành phần hồ sơ: {d.name}" + (f" ({d.quantity})" if d.quantity else ""),
              "procedure": f"{proc_label(proc)}, thành phần hồ sơ ({len(pb)}): {listed}"}],
            rule, f"{label(p)}, thành phần hồ sơ"))
    for j in m.only_b:
        d = proc.documents[j]
        cond = " (giấy tờ có điều kiện)" if re.search(r"\bneu co\b|\btruong hop\b", fold(d.name)) else ""
        out.append(Finding(
            "missing_paper",
            f"Quy trình không ghi «{_short(d.name)}»{cond}, giấy tờ có trong thành phần hồ sơ của thủ tục đã công bố.",
            [{"process": f"{label(p)}, thành phần hồ sơ ({len(pa)}): " + "; ".join(_short(x, 60) for x in pa),
              "procedure": f"{proc_label(proc)}, thành phần hồ sơ: {d.name}" + (f" ({d.quantity})" if d.quantity else "")}],
            f"Thành phần hồ sơ của thủ tục {_published(proc)}; " + rules.cite("iso_lawful"),
            f"{label(p)}, thành phần hồ sơ"))
    return out


def fee_signature(fee: Optional[Fee]) -> Optional[tuple[int, ...]]:
    """The amounts a fee text names, in order, zeros dropped when a non-zero amount is there
    ("3.000 đồng/trang; từ trang thứ ba 2.000 đồng" → (3000, 2000)); (0,) for free; None if unknown."""
    if fee is None:
        return None
    amounts = fee_amounts(fee.text) if fee.text else []
    nonzero = [a for a in amounts if a]
    if nonzero:
        return tuple(dict.fromkeys(nonzero))
    if amounts:
        return (0,)
    if fee.amount_vnd is not None:
        return (int(fee.amount_vnd),)
    f = parse_fee(fee.text) if fee.text else None
    return (int(f.amount_vnd),) if f is not None and f.amount_vnd is not None else None


def _proc_fees(proc: Procedure) -> tuple[list[tuple[int, ...]], str]:
    sigs = [fee_signature(c.fee) for c in proc.channels if c.fee is not None]
    texts = [c.fee.text for c in proc.channels if c.fee and c.fee.text]
    if proc.fee_text:
        sigs.append(fee_signature(Fee(None, proc.fee_text)))
        texts.append(proc.fee_text)
    return [s for s in sigs if s is not None], "; ".join(dict.fromkeys(texts))


def check_fee(p: Process, proc: Procedure, rules: RuleBook) -> list[Finding]:
    """``fee_mismatch``: the amounts of the quy trình's fee are those of none of the procedure's channels."""
    mine = fee_signature(p.fee)
    if mine is None:
        return []
    sigs, text = _proc_fees(proc)
    if not sigs or mine in sigs:
        return []
    published = " / ".join(dict.fromkeys("; ".join(fmt_vnd(a) for a in s) for s in sigs))
    higher = mine[0] > max(s[0] for s in sigs)
    return [Finding(
        "fee_mismatch",
        f"Quy trình ghi phí, lệ phí {'; '.join(fmt_vnd(a) for a in mine)}, thủ tục đã công bố: {published}"
        + (" — thu cao hơn mức đã công bố." if higher else "."),
        [{"process": f"{label(p)}, lệ phí: {p.fee.text or fmt_vnd(mine[0])}",
          "procedure": f"{proc_label(proc)}, phí, lệ phí: {text or published}"}],
        f"Phí, lệ phí của thủ tục {_published(proc)}; " + rules.cite("no_extra_money"),
        f"{label(p)}, lệ phí")]


__all__ = ["FINDING_KINDS", "FINDING_LABELS", "Finding", "check_fee", "fee_signature", "working_days", "check_papers", "check_references",
           "check_steps", "check_time", "duration_text", "fmt_days", "fmt_vnd", "step_days"]
