"""The seven simplification rules, each tied to a criterion of NĐ 63/2010/NĐ-CP Điều 10 khoản 1.

Each rule looks at one procedure (plus, for rules 4 and 6, its comparison group) and
returns ``Finding`` objects; ``search.simplify.advisor`` turns them into candidates with a stable
id and a saving. Criteria (Điều 10 khoản 1 Nghị định 63/2010/NĐ-CP): a) sự cần thiết,
b) tính hợp lý, c) tính hợp pháp, d) các chi phí tuân thủ; the same four are the review
content of Điều 28 khoản 1 (sửa đổi bởi Nghị định 92/2017/NĐ-CP).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from indexer.records import Procedure
from indexer.vietnamese import fold
from search.simplify.cost_model import Assumptions, procedure_fee
from search.simplify.national_databases import NQ_66_7, NQ_66_7_SHORT, match_paper

ND63 = "Nghị định 63/2010/NĐ-CP"

CRITERIA: dict[str, str] = {
    "can_thiet": "Sự cần thiết",
    "hop_ly": "Tính hợp lý",
    "hop_phap": "Tính hợp pháp",
    "chi_phi": "Chi phí tuân thủ",
}
_CRITERION_POINT = {"can_thiet": "a", "hop_ly": "b", "hop_phap": "c", "chi_phi": "d"}


def criterion_citation(key: str) -> str:
    """"Điều 10 khoản 1 điểm a Nghị định 63/2010/NĐ-CP (Sự cần thiết)"."""
    return f"Điều 10 khoản 1 điểm {_CRITERION_POINT[key]} {ND63} ({CRITERIA[key].lower()})"


@dataclass(frozen=True)
class Rule:
    """One simplification rule.

    Attributes:
        id: "R1" … "R7".
        slug: short name usable on the command line ("csdl").
        title: Vietnamese title.
        criterion: key of ``CRITERIA``.
    """

    id: str
    slug: str
    title: str
    criterion: str

    @property
    def criterion_label(self) -> str:
        return CRITERIA[self.criterion]


RULES: tuple[Rule, ...] = (
    Rule("R1", "csdl", "Giấy tờ đã có trong cơ sở dữ liệu quốc gia, chuyên ngành", "can_thiet"),
    Rule("R2", "loi-thoi", "Quy định đã lỗi thời sau cải cách (sổ hộ khẩu, CMND, cấp huyện)", "hop_phap"),
    Rule("R3", "ban-sao", "Bản sao có chứng thực", "hop_ly"),
    Rule("R4", "thoi-han-phi", "Thời hạn giải quyết dài bất thường so với thủ tục tương tự", "chi_phi"),
    Rule("R5", "truc-tuyen", "Chưa có cách thức nộp trực tuyến", "chi_phi"),
    Rule("R6", "trung-lap", "Thủ tục trùng lặp, chồng chéo: hợp nhất hoặc liên thông", "can_thiet"),
    Rule("R7", "mo-ho", "Yêu cầu mơ hồ; thiếu căn cứ pháp lý hoặc thời hạn giải quyết", "hop_ly"),
)
RULE_BY_ID = {r.id: r for r in RULES}


def resolve_rules(names: Optional[Iterable[str]]) -> list[str]:
    """Rule ids from user input ("1", "R1", "r1", "csdl"; also comma-separated).

    Args:
        names: None (all rules) or names.

    Returns:
        Rule ids in canonical order.

    Raises:
        ValueError: an unknown rule (message in Vietnamese).
    """
    if not names:
        return [r.id for r in RULES]
    wanted: set[str] = set()
    for raw in names:
        for name in str(raw).split(","):
            key = name.strip().lower()
            if not key:
                continue
            hit = next((r.id for r in RULES if key in (r.id.lower(), r.id[1:], r.slug)), None)
            if hit is None:
                known = ", ".join(f"{r.id}/{r.slug}" for r in RULES)
                raise ValueError(f"Không có quy tắc {name!r}. Các quy tắc: {known}.")
            wanted.add(hit)
    return [r.id for r in RULES if r.id in wanted]


@dataclass
class Finding:
    """What one rule found in one procedure (before id and saving are attached).

    Attributes:
        rule: "R1" … "R7"; criterion: key of ``CRITERIA`` (defaults to the rule's).
        component: which part of the procedure ("Thành phần hồ sơ: …").
        evidence: quoted text from the procedure.
        proposal: what to change.
        legal_basis: citations supporting the proposal.
        database: national database name (rule 1), else "".
        confidence: 0..1.
        hours, fee_vnd, other_vnd, days: per-case reductions for the cost model.
        quantified: False when no money figure applies.
        basis: explanation of the saving.
        data: extra numbers (peer medians ...).
    """

    rule: str
    component: str
    evidence: str
    proposal: str
    legal_basis: str
    confidence: float
    criterion: str = ""
    database: str = ""
    hours: float = 0.0
    fee_vnd: float = 0.0
    other_vnd: float = 0.0
    days: float = 0.0
    quantified: bool = True
    basis: str = ""
    data: dict = field(default_factory=dict)


# --- text helpers -------------------------------------------------------------------------


_WS = re.compile(r"\s+")


def _nfc(text: str) -> str:
    """NFC only: for long texts (steps, conditions) whose patterns have no tone-placement variants."""
    return unicodedata.normalize("NFC", text or "")


@lru_cache(maxsize=200_000)
def _prep(text: str) -> tuple[str, str, bool]:
    """(lower-case NFC text, its folded form, whether it carries diacritics)."""
    low = unicodedata.normalize("NFC", text).lower()
    folded = fold(low)
    return low, folded, folded != low


def _clip(text: str, n: int = 300) -> str:
    text = _WS.sub(" ", (text or "")[: 3 * n]).strip()
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _quote(text: str, start: int, end: int, width: int = 110) -> str:
    """The sentence around a match (about ``width`` characters each side)."""
    a = max(0, start - width)
    b = min(len(text), end + width)
    left = text.rfind(". ", a, start)
    a = left + 2 if left >= 0 else a
    right = text.find(". ", end, b)
    b = right + 1 if right >= 0 else b
    snippet = text[a:b].strip()
    return ("…" if a > 0 else "") + snippet + ("…" if b < len(text) else "")


def _paper_text(d) -> str:
    return _nfc(" ".join(x for x in (d.name, d.quantity) if x))


def _parts(proc: Procedure) -> list[tuple[str, str, str]]:
    """(kind, component label, text) for papers, steps, requirements, agency, level."""
    out: list[tuple[str, str, str]] = []
    for d in proc.documents:
        out.append(("paper", f"Thành phần hồ sơ: {_clip(d.name, 160)}", _paper_text(d)))
    for s in proc.steps:
        out.append(("step", f"Trình tự thực hiện: {_clip(s, 90)}", _nfc(s)))
    for r in proc.requirements:
        out.append(("requirement", f"Yêu cầu, điều kiện: {_clip(r, 90)}", _nfc(r)))
    if proc.agency:
        out.append(("agency", "Cơ quan thực hiện", _nfc(proc.agency)))
    if proc.level:
        out.append(("level", "Cấp thực hiện", _nfc(proc.level)))
    return out


def _compile(phrases: Sequence[str]) -> tuple[re.Pattern, re.Pattern]:
    """(accented, folded) regexes for whole-phrase matches."""
    acc = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    fol = sorted({fold(p) for p in phrases}, key=len, reverse=True)
    mk = lambda ps: re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ps)) + r")(?!\w)")  # noqa: E731
    return mk(acc), mk(fol)


def _union(*rxs: tuple[re.Pattern, re.Pattern]) -> re.Pattern:
    """One folded regex matching whatever any of the given pattern pairs matches (a cheap pre-check)."""
    return re.compile("|".join(f"(?:{r[1].pattern})" for r in rxs))


def _search(rx: tuple[re.Pattern, re.Pattern], text: str) -> Optional[re.Match]:
    """Search accented text with the accented pattern, accent-less text with the folded one."""
    low, folded, accented = _prep(text)
    return rx[0].search(low) if accented else rx[1].search(folded)


_CERTIFIED = re.compile(r"ban sao (?:co )?chung thuc|ban sao y ban chinh|ban sao da (?:duoc )?chung thuc")


# --- R1: papers held by national databases -------------------------------------------------


_REISSUE_LOST = re.compile(r"cấp lại[^.;]*(?:bị mất|thất lạc|tiêu hủy)")


def _paper_is_result(proc_low: str, paper) -> bool:
    """The procedure issues the paper itself: a copy of it ("Cấp bản sao Trích lục hộ tịch, bản sao Giấy
    khai sinh") or a new one for one lost ("Cấp lại Giấy chứng nhận đăng ký hợp tác xã … do bị mất")."""
    if "cấp bản sao" in proc_low and any(f"bản sao {pat}" in proc_low for pat in paper.patterns):
        return True
    return bool(_REISSUE_LOST.search(proc_low)) and any(pat in proc_low for pat in paper.patterns)


def _r1_proposal(m) -> str:
    """The proposal in the wording of NQ 66.7/2025/NQ-CP's annex."""
    dbs = " và ".join(d.name for d in (m.databases or (m.database,)))
    paper = _clip(m.segment, 160)
    note = f" Lưu ý: {m.paper.note}" if m.paper.note else ""
    if m.lookup:
        return (
            f"Cắt giảm thành phần hồ sơ “{paper}” khỏi hồ sơ công bố; cơ quan giải quyết khai thác thông tin trong "
            f"{dbs}. Thủ tục đã ghi cơ quan khai thác được thông tin thì không yêu cầu nộp: bỏ hẳn giấy tờ khỏi thành "
            f"phần hồ sơ, chỉ yêu cầu bổ sung khi không khai thác được hoặc thông tin không đầy đủ, chính xác "
            f"(Điều 2 khoản 2 {NQ_66_7_SHORT}).{note}"
        )
    return (
        f"Cắt giảm thành phần hồ sơ “{paper}”; cơ quan giải quyết khai thác thông tin trong {dbs}. Chỉ yêu cầu bổ "
        f"sung giấy tờ khi không khai thác được hoặc thông tin không đầy đủ, chính xác (Điều 2 khoản 2 "
        f"{NQ_66_7_SHORT}).{note}"
    )


# a procedure about the identity card itself (the card handed in or renewed is its subject, not a paper
# to cut); not "tên định danh" (SMS brand names), "mã số định danh cơ sở chăn nuôi", nor the e-ID account,
# for which the card is shown to prove who applies (labelled dân cư: m053)
_ABOUT_ID = re.compile(r"(?:the|giay chung nhan) can cuoc|can cuoc cong dan|so dinh danh ca nhan|chung minh nhan dan")

# a foreign firm's representative office in Vietnam ("văn phòng đại diện nước ngoài", "… của hãng hàng không
# nước ngoài", "thương nhân nước ngoài")
_FOREIGN_ENTITY = re.compile(r"van phong dai dien(?: [a-z]+){0,4} nuoc ngoai|(?:hang hang khong|thuong nhan) nuoc ngoai")


def rule_databases(proc: Procedure, a: Assumptions) -> list[Finding]:
    """R1 — papers whose information a national database holds (NQ 66.7/2025/NQ-CP Điều 4).

    One finding per (dossier line, paper): the exact line and clause, every database holding
    the paper with its provision (Điều 4 khoản … and the database's own law), and a proposal
    in the wording of the resolution's annex. Lines that already say the agency looks the
    paper up are candidates too (the paper should leave the published dossier).
    """
    out: list[Finding] = []
    name_f = fold(proc.name)
    proc_low = _prep(proc.name)[0]
    about_id = bool(_ABOUT_ID.search(name_f))
    foreign_entity = bool(_FOREIGN_ENTITY.search(name_f))
    for d in proc.documents:
        text = _paper_text(d)
        matches = match_paper(d.name) or match_paper(text)
        if about_id:  # the procedure is about the identity card itself: its papers are its subject
            matches = tuple(m for m in matches if m.paper.key not in ("can_cuoc", "csdl_dan_cu"))
        if foreign_entity:  # a foreign firm's office in Vietnam: its business registration is its home country's
            matches = tuple(m for m in matches if m.database.key != "dkdn" or m.lookup)
        matches = tuple(m for m in matches if not _paper_is_result(proc_low, m.paper))
        certified = bool(_CERTIFIED.search(_prep(text)[1]))
        for i, m in enumerate(matches):
            share = 1.0 if i == 0 and not m.lookup else 0.0  # alternatives in one line: count the saving once
            provisions = m.provisions()
            evidence = m.clause or text
            out.append(
                Finding(
                    rule="R1",
                    component=f"Thành phần hồ sơ: {_clip(m.segment, 160)}",
                    evidence=_clip(evidence, 400),
                    proposal=_r1_proposal(m),
                    legal_basis=(
                        "; ".join(p for _, p in provisions)
                        + f"; Điều 2 khoản 1 và Điều 5 khoản 2 {NQ_66_7_SHORT} (hiệu lực 01/01/2026 – 28/02/2027); "
                        + criterion_citation("can_thiet")
                    ),
                    confidence=m.confidence,
                    database="; ".join(db.name for db, _ in provisions),
                    hours=share * (a.hours_per_paper + (a.certification_hours if certified else 0.0)),
                    other_vnd=share * (a.copy_cost_vnd + (a.certification_fee_vnd if certified else 0.0)),
                    quantified=True,
                    basis=(
                        ("Thủ tục đã quy định khai thác thông tin: không tính thêm tiết kiệm" if m.lookup
                         else "Đã tính ở giấy tờ thay thế cùng dòng")
                        if not share
                        else (
                            f"Bớt một giấy tờ: {a.hours_per_paper:g} giờ chuẩn bị, {a.copy_cost_vnd:,.0f} đồng sao chụp"
                            + (
                                f"; bản sao có chứng thực: thêm {a.certification_hours:g} giờ và "
                                f"{a.certification_fee_vnd:,.0f} đồng lệ phí chứng thực"
                                if certified
                                else ""
                            )
                        ).replace(",", ".")
                    ),
                    data={
                        "paper": m.paper.key,
                        "database_key": m.database.key,
                        "database_keys": [db.key for db, _ in provisions],
                        "provisions": [{"database": db.name, "provision": p} for db, p in provisions],
                        "segment": m.segment,
                        "clause": m.clause,
                        "paper_name": d.name,
                        "dossier_line": d.name,
                        "lookup": m.lookup,
                    },
                )
            )
    return out


# --- R2: requirements made obsolete by reforms ---------------------------------------------

_HO_KHAU = _compile(["sổ hộ khẩu", "sổ tạm trú", "sổ hộ khẩu gia đình"])
_HO_KHAU_TERM = _compile(["hộ khẩu thường trú", "hộ khẩu", "đăng ký hộ khẩu"])
_CMND = _compile(["chứng minh nhân dân", "chứng minh thư nhân dân", "CMND", "CMTND"])
_HUYEN = _compile(
    [
        "cấp huyện", "ủy ban nhân dân huyện", "ủy ban nhân dân quận", "ubnd huyện", "ubnd quận", "ubnd cấp huyện",
        "quận, huyện", "quận/huyện", "quận, huyện, thị xã", "chủ tịch ủy ban nhân dân huyện", "công an huyện",
        "công an quận", "phòng tư pháp huyện", "tòa án nhân dân huyện",
    ]
)
_HISTORIC = re.compile(r"truoc ngay 0?1[/ ]0?7|truoc ngay 0?1 thang 0?7|truoc 0?1/0?7/2025|da duoc cap truoc")

OBSOLETE = {
    "ho_khau": (
        _HO_KHAU,
        "Sổ hộ khẩu, sổ tạm trú không còn giá trị sử dụng từ 01/01/2023; thay bằng thông tin cư trú khai thác từ "
        "Cơ sở dữ liệu quốc gia về dân cư (Điều 4 khoản 1 điểm b Nghị quyết 66.7/2025/NQ-CP). Sửa nội dung thủ tục.",
        "Luật Cư trú số 68/2020/QH14, Điều 38 khoản 3 (sổ hộ khẩu, sổ tạm trú có giá trị đến hết 31/12/2022 — "
        f"tham khảo); Điều 4 khoản 1 điểm b {NQ_66_7}",
        "Cơ sở dữ liệu quốc gia về dân cư",
        0.9,
    ),
    "ho_khau_term": (
        _HO_KHAU_TERM,
        "Thay khái niệm “hộ khẩu” bằng “nơi thường trú” / “nơi cư trú” theo Luật Cư trú 2020 và khai thác thông "
        "tin cư trú từ Cơ sở dữ liệu quốc gia về dân cư; cập nhật nội dung thủ tục.",
        "Luật Cư trú số 68/2020/QH14 (quản lý cư trú bằng Cơ sở dữ liệu về cư trú, không dùng sổ hộ khẩu từ "
        f"01/01/2023 — tham khảo); Điều 4 khoản 1 điểm b {NQ_66_7}",
        "Cơ sở dữ liệu quốc gia về dân cư",
        0.7,
    ),
    "cmnd": (
        _CMND,
        "Thay “chứng minh nhân dân” bằng “thẻ căn cước / căn cước công dân” (hoặc số định danh cá nhân) và khai "
        "thác thông tin từ Cơ sở dữ liệu quốc gia về dân cư; cập nhật nội dung thủ tục.",
        "Luật Căn cước số 26/2023/QH15 (hiệu lực 01/07/2024; chứng minh nhân dân hết giá trị sử dụng sau "
        f"31/12/2024 — tham khảo); Điều 4 khoản 1 điểm a {NQ_66_7}",
        "Cơ sở dữ liệu quốc gia về dân cư",
        0.8,
    ),
    "cap_huyen": (
        _HUYEN,
        "Cấp huyện không còn từ 01/07/2025 (chính quyền địa phương hai cấp): xác định lại cơ quan, cấp thực hiện "
        "(cấp tỉnh hoặc cấp xã) và sửa nội dung thủ tục, văn bản quy định.",
        "Luật Tổ chức chính quyền địa phương năm 2025 (số 72/2025/QH15, tổ chức chính quyền địa phương hai cấp từ "
        "01/07/2025 — tham khảo)",
        "",
        0.8,
    ),
}
_OBSOLETE_TITLE = {
    "ho_khau": "sổ hộ khẩu / sổ tạm trú",
    "ho_khau_term": "hộ khẩu",
    "cmnd": "chứng minh nhân dân",
    "cap_huyen": "cấp huyện",
}
_OBSOLETE_ANY = _union(*(v[0] for v in OBSOLETE.values()))
# sector agencies with their own organisation (not the local government levels)
_SECTOR = re.compile(r"bao hiem xa hoi|cong an|thue|kho bac|toa an|vien kiem sat|thi hanh an|hai quan|quan doi|quan su")


def rule_obsolete(proc: Procedure, a: Assumptions) -> list[Finding]:
    """R2 — texts still naming sổ hộ khẩu / sổ tạm trú, chứng minh nhân dân or the district level."""
    out: list[Finding] = []
    name_f = fold(proc.name)
    for kind, label, text in _parts(proc):
        if not _OBSOLETE_ANY.search(_prep(text)[1]):
            continue
        hits: set[str] = set()
        for key, (rx, proposal, legal, db, conf) in OBSOLETE.items():
            if key == "cmnd" and "chung minh nhan dan" in name_f:
                continue  # the procedure is about the old card itself (xác nhận số CMND ...)
            if key == "ho_khau_term" and "ho_khau" in hits:
                continue
            m = _search(rx, text)
            if not m:
                continue
            quote = _quote(text, m.start(), m.end())
            fq = _prep(quote)[1]
            if key == "cap_huyen" and _HISTORIC.search(fq):
                continue  # a dated reference to the old district level, not a requirement
            hits.add(key)
            c = conf + (0.1 if kind in ("level", "agency") else 0.0)
            if key == "cap_huyen" and _SECTOR.search(fq):
                c = 0.55  # a sector agency at district level: its own reorganisation, check case by case
            out.append(
                Finding(
                    rule="R2",
                    component=label,
                    evidence=_clip(quote),
                    proposal=proposal,
                    legal_basis=f"{legal}; {criterion_citation('hop_phap')}",
                    confidence=round(min(c, 0.95), 2),
                    database=db,
                    quantified=False,
                    basis="Cập nhật nội dung quy định; không tính chi phí tiết kiệm riêng.",
                    data={"obsolete": key, "term": _OBSOLETE_TITLE[key]},
                )
            )
    return out


# --- R3: certified copies; same paper twice ------------------------------------------------

_ALTERNATIVE = re.compile(
    r"hoac ban sao (?:kem|va|xuat trinh|co xuat trinh)|kem ban chinh de doi chieu|xuat trinh ban chinh"
    r"|ban sao dien tu|ban dien tu|ban chup kem|hoac ban chup|de doi chieu|hoac ban sao(?! co chung thuc)(?! chung thuc)"
)
_TEMPLATE_NO = re.compile(r"mau\s*(?:so\s*)?([\w./-]*\d[\w./-]*)")
COPIES_LEGAL = (
    "Điều 6 khoản 2 Nghị định 23/2015/NĐ-CP (nơi pháp luật quy định nộp bản sao thì không được yêu cầu bản sao có "
    "chứng thực mà có quyền yêu cầu xuất trình bản chính để đối chiếu — tham khảo; nơi văn bản chuyên ngành đòi bản "
    "sao có chứng thực thì cần sửa văn bản đó); Nghị định 45/2020/NĐ-CP về thực hiện thủ tục hành chính trên môi "
    "trường điện tử (bản sao điện tử — tham khảo)"
)


_COPY_WORDS = re.compile(
    r"\b(?:ban sao (?:co )?chung thuc|ban sao hop le|ban sao y ban chinh|ban sao dien tu|ban sao|ban chinh|ban chup"
    r"|ban photo(?:copy)?|ban scan|co chung thuc|hop le|kem theo|xuat trinh|de doi chieu|neu co|\d+)\b"
)


def _canonical(name: str) -> str:
    """Comparable paper name: folded, copy qualifiers and numbers removed (cheap, cached)."""
    folded = _prep(_nfc(name))[1]
    return _WS.sub(" ", re.sub(r"[^\w\s]", " ", _COPY_WORDS.sub(" ", folded))).strip()


def rule_copies(proc: Procedure, a: Assumptions, *, skip_papers: Iterable[str] = (), twice: bool = False) -> list[Finding]:
    """R3 — certified copies where a plain or electronic copy would serve (and, on request, a paper asked twice).

    Args:
        proc: the procedure.
        a: assumptions.
        skip_papers: paper names already proposed for removal by R1 (not counted twice).
        twice: also flag a paper listed twice. Off in the advisor: 0/18 of the national sample
            were real (the portal repeats a paper once per case or per form; issue 13).
    """
    out: list[Finding] = []
    skip = set(skip_papers)
    if "chung thuc" in fold(proc.name):
        return out  # the procedure is the certification itself
    for d in proc.documents:
        if d.name in skip:
            continue
        text = _paper_text(d)
        f = _prep(text)[1]
        if not _CERTIFIED.search(f) or _ALTERNATIVE.search(f):
            continue
        foreign = bool(re.search(r"nuoc ngoai|ban dich|hop phap hoa|lanh su", f))
        out.append(
            Finding(
                rule="R3",
                component=f"Thành phần hồ sơ: {_clip(d.name, 160)}",
                evidence=_clip(text),
                proposal=(
                    "Cho phép nộp bản sao (bản chụp) kèm xuất trình bản chính để đối chiếu, bản sao điện tử hoặc bản "
                    "sao cấp từ sổ gốc thay cho bản sao có chứng thực."
                ),
                legal_basis=f"{COPIES_LEGAL}; {criterion_citation('hop_ly')}",
                confidence=0.45 if foreign else 0.7,
                hours=a.certification_hours,
                other_vnd=a.certification_fee_vnd,
                basis=(
                    f"Không phải chứng thực: {a.certification_hours:g} giờ và {a.certification_fee_vnd:,.0f} đồng "
                    "lệ phí chứng thực mỗi hồ sơ"
                ).replace(",", "."),
            )
        )
    groups: dict[str, list[str]] = {}
    if not twice or any("truong hop" in _prep(d.name)[1] for d in proc.documents) or len(proc.documents) > 15:
        return out  # papers listed per case (trường hợp …): a repeat is another case, not the same ask
    for d in proc.documents:
        c = _canonical(d.name)
        if len(c.split()) >= 3 and not re.match(r"(?:to khai|don|phieu|mau|ban ke khai|van ban de nghi)\b", c):
            groups.setdefault(c, []).append(d.name)
    for c, names in groups.items():
        if len(names) < 2:
            continue
        templates = {tuple(sorted(set(_TEMPLATE_NO.findall(fold(n))))) for n in names}
        if len(templates) > 1:
            continue  # different templates (mẫu 01, mẫu 02): different papers
        out.append(
            Finding(
                rule="R3",
                component=f"Thành phần hồ sơ (yêu cầu {len(names)} lần): {_clip(names[0], 140)}",
                evidence=" | ".join(_clip(n, 140) for n in names),
                proposal="Chỉ yêu cầu giấy tờ này một lần trong thành phần hồ sơ (kiểm tra lại: có thể là hai trường "
                "hợp khác nhau được liệt kê chung).",
                legal_basis=f"Điều 7 khoản 1 và khoản 4 {ND63} (đơn giản, tiết kiệm thời gian, chi phí); "
                f"{criterion_citation('hop_ly')}",
                confidence=0.35,
                hours=a.hours_per_paper * (len(names) - 1),
                other_vnd=a.copy_cost_vnd * (len(names) - 1),
                basis=f"Bớt {len(names) - 1} lần nộp: {a.hours_per_paper:g} giờ và {a.copy_cost_vnd:,.0f} đồng mỗi lần".replace(
                    ",", "."
                ),
            )
        )
    return out


# --- R4: time / fee out of line ------------------------------------------------------------


def procedure_days(proc: Procedure) -> Optional[float]:
    """Shortest positive processing time over the channels, in working days (None if unknown)."""
    vals = []
    for c in proc.channels:
        if c.processing_time is not None:
            v = c.processing_time.in_working_days()
            if v is not None and v > 0:
                vals.append(v)
    return min(vals) if vals else None


@dataclass
class PeerStats:
    """Comparison group of one procedure for rule 4.

    Attributes:
        days: the procedure's time (working days) or None; fee: its fee or None.
        peer_days / peer_fees: values of the peers that have one.
        group: how the group was formed ("cùng lĩnh vực “…”", "+ N thủ tục tương tự").
    """

    days: Optional[float]
    fee: Optional[int]
    peer_days: list[float]
    peer_fees: list[int]
    group: str
    days_text: str = ""


def _vnd(x: float) -> str:
    return f"{x:,.0f}".replace(",", ".")


def _fmt_days(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def rule_out_of_line(proc: Procedure, stats: Optional[PeerStats], a: Assumptions, *, min_peers: int = 5,
                     compare_fees: bool = False) -> list[Finding]:
    """R4 — processing time (and, on request, fee) far above the median of comparable procedures.

    Time: at least twice the peer median and 5 working days more. Fee (``compare_fees``,
    off by default): at least three times the peer median and 100.000 đồng more. Both need
    ``min_peers`` peers with a value. Fee comparisons are withdrawn from the advisor: 0/50
    of a random sample were sound (fees are set per service by the fee circulars, so a
    field's median compares unlike services — docs/benchmarks.md, issue 13).
    """
    import numpy as np

    out: list[Finding] = []
    if stats is None:
        return out
    misread = stats.days is None or stats.days > 500 or bool(re.fullmatch(r"[\d.,\s]+", stats.days_text or ""))
    if not misread and len(stats.peer_days) >= min_peers:  # > 500 days or a bare number: a misread time
        med = float(np.median(stats.peer_days))
        if med > 0 and stats.days >= 2 * med and stats.days - med >= 5:
            lo, hi = min(stats.peer_days), max(stats.peer_days)
            out.append(
                Finding(
                    rule="R4",
                    component="Thời hạn giải quyết",
                    evidence=(
                        f"Thời hạn giải quyết: {stats.days_text + ' ≈ ' if stats.days_text else ''}"
                        f"{_fmt_days(stats.days)} ngày làm việc; trung vị của "
                        f"{len(stats.peer_days)} thủ tục so sánh ({stats.group}): {_fmt_days(med)} ngày làm việc "
                        f"(từ {_fmt_days(lo)} đến {_fmt_days(hi)})."
                    ),
                    proposal=(
                        f"Rút ngắn thời hạn giải quyết từ {_fmt_days(stats.days)} xuống khoảng {_fmt_days(med)} ngày làm "
                        "việc (trung vị nhóm so sánh), hoặc thuyết minh lý do cần thời hạn dài hơn."
                    ),
                    legal_basis=f"Điều 7 khoản 4 {ND63} (tiết kiệm thời gian và chi phí của cá nhân, tổ chức); "
                    f"{criterion_citation('chi_phi')}",
                    criterion="chi_phi",
                    confidence=0.55,
                    days=stats.days - med,
                    basis=f"Rút ngắn {_fmt_days(stats.days - med)} ngày làm việc chờ kết quả "
                    f"(định giá {a.waiting_cost_per_day_vnd:,.0f} đồng/ngày theo giả định)".replace(",", "."),
                    data={"days": stats.days, "median_days": med, "peers": len(stats.peer_days)},
                )
            )
    if compare_fees and stats.fee and len(stats.peer_fees) >= min_peers:
        med_fee = float(np.median(stats.peer_fees))
        if med_fee > 0 and stats.fee >= 3 * med_fee and stats.fee - med_fee >= 100_000:
            out.append(
                Finding(
                    rule="R4",
                    component="Phí, lệ phí",
                    evidence=(
                        f"Phí, lệ phí: {_vnd(stats.fee)} đồng; trung vị của {len(stats.peer_fees)} thủ tục so sánh có "
                        f"thu phí ({stats.group}): {_vnd(med_fee)} đồng."
                    ),
                    proposal=(
                        f"Rà soát mức thu, xem xét giảm về khoảng {_vnd(med_fee)} đồng (trung vị nhóm so sánh) "
                        "hoặc thuyết minh chi phí dịch vụ tương ứng."
                    ),
                    legal_basis=f"Điều 7 khoản 4 {ND63}; {criterion_citation('chi_phi')}; mức thu do văn bản về phí, "
                    "lệ phí quy định (cần kiến nghị cơ quan ban hành)",
                    criterion="chi_phi",
                    confidence=0.35,
                    quantified=False,
                    basis=(
                        f"Nếu giảm về trung vị: {_vnd(stats.fee - med_fee)} đồng/hồ sơ. Không cộng vào tổng tiết kiệm "
                        "vì nhóm so sánh chưa chắc tương đương về dịch vụ."
                    ),
                    data={"fee": stats.fee, "median_fee": med_fee, "peers": len(stats.peer_fees)},
                )
            )
    return out


# --- R5: no online channel -----------------------------------------------------------------

_ONLINE = re.compile(r"truc tuyen|dien tu|online|dich vu cong|cong thong tin|vneid|qua mang")
_PRESENCE = re.compile(r"sat hach|kham |kiem tra thuc te|giam dinh|thi tuyen|\bthi\b|lay mau|van tay|sinh trac")


def rule_online(proc: Procedure, a: Assumptions) -> list[Finding]:
    """R5 — only in person / by post: propose online submission (dịch vụ công trực tuyến)."""
    if not proc.channels:
        return []
    text = fold(" ".join(f"{c.channel} {c.description}" for c in proc.channels))
    if not text.strip() or _ONLINE.search(text):
        return []
    names = ", ".join(dict.fromkeys(c.channel.strip() for c in proc.channels if c.channel.strip())) or "không rõ"
    presence = bool(_PRESENCE.search(fold(proc.name)))
    per_trip = a.hours_per_trip
    hours = a.online_uptake * a.trips_in_person * per_trip
    other = a.online_uptake * a.trips_in_person * a.travel_cost_vnd
    return [
        Finding(
            rule="R5",
            component="Cách thức thực hiện",
            evidence=f"Cách thức thực hiện: {names} (không có nộp trực tuyến).",
            proposal=(
                "Cung cấp dịch vụ công trực tuyến (nộp hồ sơ, thanh toán, nhận kết quả điện tử) trên Cổng Dịch vụ "
                "công quốc gia"
                + (
                    "; phần việc bắt buộc có mặt (sát hạch, kiểm tra, lấy mẫu...) giữ trực tiếp."
                    if presence
                    else "."
                )
            ),
            legal_basis=(
                f"Điều 7 khoản 4 {ND63}; Nghị định 45/2020/NĐ-CP về thực hiện thủ tục hành chính trên môi trường "
                f"điện tử (tham khảo); {criterion_citation('chi_phi')}"
            ),
            confidence=0.5 if presence else 0.7,
            hours=hours,
            other_vnd=other,
            basis=(
                f"{a.online_uptake:.0%} hồ sơ chuyển trực tuyến × {a.trips_in_person} lượt đi lại "
                f"({per_trip:g} giờ và {a.travel_cost_vnd:,.0f} đồng mỗi lượt)"
            ).replace(",", "."),
        )
    ]


# --- R6: duplicates and overlaps -----------------------------------------------------------


@dataclass
class ClusterEvidence:
    """The group of similar procedures a procedure belongs to.

    Attributes:
        members: (code, name, level, score 0..1) of the *other* procedures of the group.
        source: "search.duplicates.pairs" or "cùng lĩnh vực, tên gần trùng".
    """

    members: list[tuple[str, str, str, float]]
    source: str
    relations: dict = field(default_factory=dict)
    action: str = ""  # the group's action (search.duplicates.groups.ACTIONS key), "" for name-only groups
    proposal: str = ""  # the group's proposal sentence


# actions a duplicate group may carry as a bare word (search.duplicates): their proposal sentence
_ACTIONS = {
    "merge": "Hợp nhất các thủ tục trùng lặp thành một thủ tục; bãi bỏ thủ tục còn lại.",
    "hop_nhat": "Hợp nhất các thủ tục trùng lặp thành một thủ tục; bãi bỏ thủ tục còn lại.",
    "connect": "Liên thông giải quyết để người dân, doanh nghiệp chỉ nộp hồ sơ một lần.",
    "lien_thong": "Liên thông giải quyết để người dân, doanh nghiệp chỉ nộp hồ sơ một lần.",
    "harmonise": "Thống nhất quy định giữa các thủ tục (thành phần hồ sơ, thời hạn, phí) hoặc liên thông giải quyết.",
    "harmonize": "Thống nhất quy định giữa các thủ tục (thành phần hồ sơ, thời hạn, phí) hoặc liên thông giải quyết.",
}
_REL_LABELS = {"duplicate": "trùng lặp", "variant": "biến thể", "family": "cùng nhóm", "overlap": "chồng chéo"}


def rule_duplicates(proc: Procedure, cluster: Optional[ClusterEvidence], a: Assumptions) -> list[Finding]:
    """R6 — duplicates / overlaps: merge, or connect (liên thông), with the group as evidence."""
    if cluster is None or not cluster.members:
        return []
    levels = {fold(proc.level)} | {fold(m[2]) for m in cluster.members}
    levels.discard("")
    shown = "; ".join(f"{c} “{_clip(n, 90)}”" + (f" ({lv})" if lv else "") for c, n, lv, _ in cluster.members[:6])
    more = f" và {len(cluster.members) - 6} thủ tục khác" if len(cluster.members) > 6 else ""
    score = max(m[3] for m in cluster.members)
    rel = cluster.relations or {}
    rel_text = ", ".join(f"{_REL_LABELS.get(k, k)}: {v}" for k, v in rel.items() if v)
    action = _ACTIONS.get(cluster.action.strip().lower(), cluster.action.strip()) if cluster.action else ""
    if cluster.action and cluster.proposal:  # the group's own action (bãi bỏ / thống nhất / hợp nhất hồ sơ)
        proposal = cluster.proposal
    elif action and " " in action:
        proposal = action if action.endswith(".") else action + "."
    elif rel.get("duplicate"):
        proposal = "Hợp nhất các thủ tục trùng lặp thành một thủ tục; bãi bỏ thủ tục còn lại."
    elif len(levels) > 1:
        proposal = (
            "Thống nhất quy định giữa các cấp hoặc liên thông giải quyết (một thủ tục, một đầu mối); rà soát bản ở "
            "cấp không còn phù hợp."
        )
    else:
        proposal = "Hợp nhất thành một thủ tục, hoặc liên thông để người dân, doanh nghiệp chỉ nộp hồ sơ một lần."
    return [
        Finding(
            rule="R6",
            component="Toàn bộ thủ tục (trùng lặp, chồng chéo)",
            evidence=f"Nhóm {len(cluster.members) + 1} thủ tục tương tự ({cluster.source}"
            + (f"; quan hệ — {rel_text}" if rel_text else "")
            + f"): {shown}{more}.",
            proposal=proposal,
            legal_basis=(
                f"Điều 7 khoản 5 {ND63} (bảo đảm tính liên thông giữa các thủ tục liên quan); Điều 27 khoản 3 điểm b "
                f"và Điều 29 khoản 2 {ND63} (rà soát theo nhóm thủ tục liên quan); {criterion_citation('can_thiet')}"
            ),
            confidence=round(min(0.9, 0.4 + 0.5 * score), 2),
            hours=a.merge_hours_saved,
            basis=f"Hợp nhất/liên thông: tiết kiệm {a.merge_hours_saved:g} giờ mỗi hồ sơ",
            data={"members": [m[0] for m in cluster.members], "score": score, "action": cluster.action},
        )
    ]


# --- R7: vague requirements, missing legal basis / processing time --------------------------

_VAGUE = _compile(
    [
        "giấy tờ khác theo yêu cầu", "theo yêu cầu của cơ quan", "nếu cần", "khi cần thiết", "trường hợp cần thiết",
        "các giấy tờ có liên quan", "các giấy tờ liên quan", "các tài liệu có liên quan", "các tài liệu liên quan",
        "tài liệu khác có liên quan", "giấy tờ khác có liên quan", "các giấy tờ khác", "các tài liệu khác",
        "hồ sơ khác có liên quan", "tài liệu liên quan khác", "giấy tờ liên quan khác", "các văn bản có liên quan",
        "giấy tờ cần thiết khác", "tài liệu cần thiết khác",
    ]
)
_TIME_PHRASE = re.compile(r"(?:thoi han|trong vong|khong qua)[^.;]{0,40}?\d+\s*(?:ngay|gio|thang)")
_DEMAND = re.compile(r"yeu cau|giay to khac|tai lieu khac")
_PAPER_WORD = re.compile(r"giay to|tai lieu|ho so|van ban")
_QUALIFIED = re.compile(r"^\W*(?:co dan anh|co gia tri|chung minh|quy dinh tai|bao gom|gom|theo|den|ve)\b")
_INHERENT = re.compile(r"khieu nai|to cao|tiep cong dan|thanh tra|toa an|to tung")


def rule_vague(proc: Procedure, a: Assumptions) -> list[Finding]:
    """R7 — open-ended papers/conditions; no legal basis; no processing time."""
    out: list[Finding] = []
    inherent = bool(_INHERENT.search(fold(f"{proc.field} {proc.name}")))
    for kind, label, text in _parts(proc):
        if kind not in ("paper", "requirement", "step") or not _VAGUE[1].search(_prep(text)[1]):
            continue
        m = _search(_VAGUE, text)
        if not m:
            continue
        phrase = fold(m.group(0))
        if kind == "step" and not _DEMAND.search(phrase):
            continue  # a step naming "giấy tờ có liên quan" / "trường hợp cần thiết" is the agency's own work
        near = _prep(text)[1][max(0, m.start() - 60) : m.end() + 20]
        if kind == "requirement" and not _PAPER_WORD.search(near):
            continue  # "khi cần thiết" in a condition: discretion of the agency, not an open list of papers
        after = _prep(text)[1][m.end() : m.end() + 60]
        if _QUALIFIED.search(after):
            continue  # "giấy tờ khác có dán ảnh / có giá trị tương đương": a bounded alternative, not open-ended
        conf = {"paper": 0.75, "requirement": 0.65, "step": 0.5}[kind] - (0.2 if inherent else 0.0)
        out.append(
            Finding(
                rule="R7",
                component=label,
                evidence=_clip(_quote(text, m.start(), m.end())),
                proposal=(
                    "Liệt kê cụ thể, đầy đủ giấy tờ, điều kiện cần có; bỏ cụm từ mở (“giấy tờ khác”, “nếu cần”, "
                    "“có liên quan”) để cơ quan giải quyết không yêu cầu thêm ngoài quy định."
                ),
                legal_basis=(
                    f"Điều 8 khoản 4 {ND63} (quy định rõ ràng, cụ thể các bộ phận của thủ tục); Điều 7 khoản 1 "
                    f"{ND63}; {criterion_citation('hop_ly')}"
                ),
                confidence=round(max(conf, 0.3), 2),
                quantified=False,
                basis="Tăng tính rõ ràng; không định lượng chi phí.",
            )
        )
    if not proc.legal_basis:
        out.append(
            Finding(
                rule="R7",
                component="Căn cứ pháp lý",
                evidence="Thủ tục không ghi căn cứ pháp lý.",
                proposal="Bổ sung căn cứ pháp lý (văn bản quy phạm pháp luật quy định thủ tục) hoặc xem xét bãi bỏ.",
                legal_basis=f"Điều 8 khoản 1 {ND63} (thủ tục phải được quy định trong văn bản quy phạm pháp luật); "
                f"{criterion_citation('hop_phap')}",
                criterion="hop_phap",
                confidence=0.5,
                quantified=False,
                basis="Tính hợp pháp; không định lượng chi phí.",
            )
        )
    has_time = any(c.processing_time and (c.processing_time.value or c.processing_time.text) for c in proc.channels)
    stated = " ".join([c.description for c in proc.channels] + list(proc.steps))
    if not has_time and not (proc.time_text or "").strip() and not _TIME_PHRASE.search(_prep(stated)[1]):
        out.append(
            Finding(
                rule="R7",
                component="Thời hạn giải quyết",
                evidence="Thủ tục không ghi thời hạn giải quyết.",
                proposal="Quy định cụ thể thời hạn giải quyết.",
                legal_basis=f"Điều 8 khoản 2 điểm đ và khoản 3 {ND63} (thời hạn giải quyết là bộ phận bắt buộc); "
                f"{criterion_citation('hop_phap')}",
                criterion="hop_phap",
                confidence=0.5,
                quantified=False,
                basis="Tính hợp pháp; không định lượng chi phí.",
            )
        )
    return out


def peer_fee(proc: Procedure) -> Optional[int]:
    """Fee used for comparisons (smallest positive amount over channels)."""
    return procedure_fee(proc)


__all__ = [
    "CRITERIA",
    "ND63",
    "RULES",
    "RULE_BY_ID",
    "ClusterEvidence",
    "Finding",
    "PeerStats",
    "Rule",
    "criterion_citation",
    "peer_fee",
    "procedure_days",
    "resolve_rules",
    "rule_copies",
    "rule_databases",
    "rule_duplicates",
    "rule_obsolete",
    "rule_online",
    "rule_out_of_line",
    "rule_vague",
]
