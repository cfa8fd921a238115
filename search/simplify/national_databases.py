"""Papers that national databases now hold, as data: paper → database → legal citation.

Grounded in Nghị quyết 66.7/2025/NQ-CP (15/11/2025, hiệu lực 01/01/2026 – 28/02/2027),
Điều 4 khoản 1–9, which lists the dossier papers replaced by information looked up in a
database. ``match_paper`` finds catalogue papers in a paper name written any way (copies,
certified copies, old names, abbreviations, no diacritics) and refuses look-alikes
("giấy chứng nhận đủ điều kiện kinh doanh", "giấy phép xây dựng", a form that merely
mentions the paper, a foreign-issued paper).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from indexer.vietnamese import fold, has_diacritics, normalize

NQ_66_7 = "Nghị quyết số 66.7/2025/NQ-CP ngày 15/11/2025 của Chính phủ"
NQ_66_7_IN_FORCE = "có hiệu lực từ 01/01/2026 đến hết 28/02/2027 (Điều 10 khoản 1)"


@dataclass(frozen=True)
class NationalDatabase:
    """A national or sector database named in NQ 66.7/2025/NQ-CP Điều 4.

    Attributes:
        key: short identifier ("dan_cu").
        name: the database's name as the resolution writes it.
        clause: "Điều 4 khoản N".
    """

    key: str
    name: str
    clause: str

    @property
    def citation(self) -> str:
        """Ready-to-paste citation: "Điều 4 khoản 1 Nghị quyết số 66.7/2025/NQ-CP ..."."""
        return f"{self.clause} {NQ_66_7}"


@dataclass(frozen=True)
class PaperEntry:
    """One paper of the catalogue.

    Attributes:
        key: short identifier ("khai_sinh").
        label: the paper's name as the resolution writes it.
        database: key of the ``NationalDatabase`` holding its information.
        point: "khoản 2 điểm a" — where Điều 4 names the paper.
        patterns: lower-case phrases (with diacritics) that start a mention of the paper.
        excludes: lower-case phrases that, in the same segment, mean it is another paper.
        note: caveat to show with the proposal ("" if none).
        confidence: prior confidence of a match (0..1).
    """

    key: str
    label: str
    database: str
    point: str
    patterns: tuple[str, ...]
    excludes: tuple[str, ...] = ()
    note: str = ""
    confidence: float = 0.9


DATABASES: tuple[NationalDatabase, ...] = (
    NationalDatabase("dan_cu", "Cơ sở dữ liệu quốc gia về dân cư", "Điều 4 khoản 1"),
    NationalDatabase("ho_tich", "Cơ sở dữ liệu hộ tịch điện tử", "Điều 4 khoản 2"),
    NationalDatabase("bao_hiem", "Cơ sở dữ liệu quốc gia về bảo hiểm", "Điều 4 khoản 3"),
    NationalDatabase("gplx", "Cơ sở dữ liệu giấy phép lái xe", "Điều 4 khoản 4"),
    NationalDatabase("dkdn", "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp", "Điều 4 khoản 5"),
    NationalDatabase("phuong_tien", "Cơ sở dữ liệu về đăng ký phương tiện", "Điều 4 khoản 6"),
    NationalDatabase("dat_dai", "Cơ sở dữ liệu quốc gia về đất đai", "Điều 4 khoản 7"),
    NationalDatabase("lltp", "Cơ sở dữ liệu lý lịch tư pháp", "Điều 4 khoản 8"),
    NationalDatabase("suc_khoe", "Cơ sở dữ liệu nền tảng sổ sức khỏe điện tử", "Điều 4 khoản 9"),
)

_FOREIGN = ("nước ngoài", "của nước", "người nước ngoài cấp", "cơ quan có thẩm quyền của nước")

PAPERS: tuple[PaperEntry, ...] = (
    PaperEntry(
        "can_cuoc",
        "Chứng minh nhân dân hoặc Căn cước công dân hoặc Thẻ Căn cước, Giấy chứng nhận căn cước",
        "dan_cu",
        "khoản 1 điểm a",
        (
            "căn cước công dân", "thẻ căn cước", "giấy chứng nhận căn cước", "căn cước",
            "chứng minh nhân dân", "chứng minh thư nhân dân", "chứng minh thư", "giấy chứng minh nhân dân",
            "cccd", "cmnd", "cmtnd",
        ),
        excludes=_FOREIGN + ("số định danh", "phiếu", "thu nhận", "điện tử", "định danh"),
    ),
    PaperEntry(
        "cu_tru",
        "Thông tin về cư trú",
        "dan_cu",
        "khoản 1 điểm b",
        (
            "sổ hộ khẩu", "sổ tạm trú", "giấy xác nhận cư trú", "giấy xác nhận thông tin về cư trú",
            "xác nhận thông tin về cư trú", "giấy xác nhận thông tin cư trú", "văn bản xác nhận thông tin về cư trú",
            "giấy xác nhận đăng ký thường trú", "giấy xác nhận đăng ký tạm trú", "giấy chứng nhận đăng ký tạm trú",
        ),
        excludes=_FOREIGN,
        confidence=0.85,
    ),
    PaperEntry(
        "khai_sinh",
        "Giấy khai sinh hoặc Trích lục khai sinh",
        "ho_tich",
        "khoản 2 điểm a",
        ("giấy khai sinh", "trích lục khai sinh", "bản trích lục khai sinh", "giấy chứng nhận khai sinh"),
        excludes=_FOREIGN,
    ),
    PaperEntry(
        "ket_hon",
        "Giấy chứng nhận kết hôn",
        "ho_tich",
        "khoản 2 điểm b",
        ("giấy chứng nhận kết hôn", "giấy đăng ký kết hôn", "trích lục kết hôn", "trích lục đăng ký kết hôn",
         "đăng ký kết hôn"),
        excludes=_FOREIGN + ("tờ khai", "ghi chú"),
    ),
    PaperEntry(
        "hon_nhan",
        "Giấy xác nhận tình trạng hôn nhân",
        "ho_tich",
        "khoản 2 điểm c",
        ("giấy xác nhận tình trạng hôn nhân", "xác nhận tình trạng hôn nhân"),
        excludes=_FOREIGN + ("tờ khai",),
    ),
    PaperEntry(
        "khai_tu",
        "Giấy chứng tử hoặc Giấy khai tử hoặc Trích lục khai tử",
        "ho_tich",
        "khoản 2 điểm d",
        ("giấy chứng tử", "giấy khai tử", "trích lục khai tử", "trích lục đăng ký khai tử"),
        excludes=_FOREIGN,
    ),
    PaperEntry(
        "bhyt",
        "Thẻ bảo hiểm y tế",
        "bao_hiem",
        "khoản 3 điểm a",
        ("thẻ bảo hiểm y tế", "thẻ bhyt"),
        excludes=("danh sách", "đề nghị cấp"),
    ),
    PaperEntry(
        "bhxh",
        "Sổ bảo hiểm xã hội",
        "bao_hiem",
        "khoản 3 điểm b",
        ("sổ bảo hiểm xã hội", "sổ bhxh"),
    ),
    PaperEntry(
        "gplx",
        "Giấy phép lái xe",
        "gplx",
        "khoản 4",
        ("giấy phép lái xe", "bằng lái xe", "gplx"),
        excludes=_FOREIGN + ("quốc tế", "quân sự", "nước cấp"),
    ),
    PaperEntry(
        "dkdn",
        "Giấy chứng nhận đăng ký doanh nghiệp hoặc giấy chứng nhận đăng ký kinh doanh",
        "dkdn",
        "khoản 5 điểm a",
        (
            "giấy chứng nhận đăng ký doanh nghiệp", "giấy chứng nhận đăng ký kinh doanh",
            "giấy đăng ký kinh doanh", "giấy đăng ký doanh nghiệp", "gcnđkdn", "gcnđkkd",
        ),
        excludes=_FOREIGN + ("đủ điều kiện", "đầu tư", "hộ kinh doanh", "hợp tác xã"),
        note="Áp dụng với doanh nghiệp thành lập theo Luật Doanh nghiệp (Điều 4 khoản 5 điểm a).",
    ),
    PaperEntry(
        "hkd",
        "Giấy chứng nhận đăng ký hộ kinh doanh",
        "dkdn",
        "khoản 5 điểm b",
        ("giấy chứng nhận đăng ký hộ kinh doanh", "giấy đăng ký hộ kinh doanh"),
        excludes=_FOREIGN + ("đủ điều kiện",),
    ),
    PaperEntry(
        "htx",
        "Giấy chứng nhận đăng ký hợp tác xã",
        "dkdn",
        "khoản 5 điểm c",
        ("giấy chứng nhận đăng ký hợp tác xã", "giấy chứng nhận đăng ký liên hiệp hợp tác xã",
         "giấy đăng ký hợp tác xã"),
        excludes=_FOREIGN + ("đủ điều kiện",),
    ),
    PaperEntry(
        "dang_ky_xe",
        "Giấy chứng nhận đăng ký xe",
        "phuong_tien",
        "khoản 6",
        ("giấy chứng nhận đăng ký xe", "giấy đăng ký xe", "chứng nhận đăng ký xe", "cà vẹt xe"),
        excludes=_FOREIGN + ("tờ khai", "giấy khai", "thu hồi"),
    ),
    PaperEntry(
        "dat_dai",
        "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
        "dat_dai",
        "khoản 7",
        (
            "giấy chứng nhận quyền sử dụng đất", "giấy chứng nhận quyền sở hữu nhà ở và quyền sử dụng đất",
            "giấy chứng nhận quyền sở hữu nhà ở và quyền sử dụng đất ở", "sổ đỏ", "sổ hồng",
        ),
        excludes=_FOREIGN + ("mặt nước",),
        note="Giai đoạn đầu chỉ áp dụng đối với đất ở (Điều 4 khoản 7): kiểm tra loại đất của thủ tục.",
        confidence=0.6,
    ),
    PaperEntry(
        "lltp",
        "Phiếu lý lịch tư pháp",
        "lltp",
        "khoản 8",
        ("phiếu lý lịch tư pháp", "lý lịch tư pháp"),
        excludes=_FOREIGN + ("tờ khai", "thay thế"),
    ),
    PaperEntry(
        "suc_khoe",
        "Giấy khám sức khỏe",
        "suc_khoe",
        "khoản 9",
        ("giấy khám sức khỏe", "giấy chứng nhận sức khỏe", "giấy chứng nhận đủ sức khỏe", "phiếu khám sức khỏe",
         "giấy khám sức khỏe của người lái xe"),
        excludes=_FOREIGN,
        note="Chỉ khi cơ sở khám bệnh, chữa bệnh đã cập nhật kết quả lên sổ sức khỏe điện tử.",
        confidence=0.8,
    ),
)

_DB_BY_KEY = {d.key: d for d in DATABASES}
_PAPER_BY_KEY = {p.key: p for p in PAPERS}

# abbreviations seen in paper names, whatever their case (GCN, ĐKKD, CMND ...)
_ABBR = {
    "cccd": "căn cước công dân",
    "cmnd": "chứng minh nhân dân",
    "cmtnd": "chứng minh thư nhân dân",
    "gcn": "giấy chứng nhận",
    "gcnđkdn": "giấy chứng nhận đăng ký doanh nghiệp",
    "gcnđkkd": "giấy chứng nhận đăng ký kinh doanh",
    "gcndkdn": "giấy chứng nhận đăng ký doanh nghiệp",
    "gcndkkd": "giấy chứng nhận đăng ký kinh doanh",
    "đkkd": "đăng ký kinh doanh",
    "dkkd": "đăng ký kinh doanh",
    "đkdn": "đăng ký doanh nghiệp",
    "dkdn": "đăng ký doanh nghiệp",
    "gplx": "giấy phép lái xe",
    "bhxh": "bảo hiểm xã hội",
    "bhyt": "bảo hiểm y tế",
    "htx": "hợp tác xã",
    "qsdđ": "quyền sử dụng đất",
    "qsdd": "quyền sử dụng đất",
    "lltp": "lý lịch tư pháp",
}
_ABBR_RE = re.compile(r"(?<![\w])(" + "|".join(sorted(map(re.escape, _ABBR), key=len, reverse=True)) + r")(?![\w])")

# what may stand before the paper's name in a segment: copies, quantities, "xuất trình"...
_PREFIX_OK = {
    "ban", "sao", "co", "chung", "thuc", "hop", "le", "phap", "dien", "tu", "chup", "photo", "photocopy",
    "chinh", "scan", "goc", "xuat", "trinh", "nop", "kem", "theo", "hoac", "va", "cong", "y", "mot", "hai",
    "01", "02", "03", "1", "2", "3", "the", "giay", "to", "cua", "trich", "cac", "loai", "sau", "day",
}
_SPLIT = re.compile(
    r"[;,:()\[\]\n/+•*]|(?:\s[-–]\s)|\.(?=\s|$)|\b(?:hoặc|Hoặc|hoac|Hoac|hay|và|Và|va)\b"
)
# a whole name saying the agency already looks the data up: the proposal is already in place
_ALREADY = (
    "khai thác", "tra cứu", "cơ sở dữ liệu", "không phải nộp", "không yêu cầu nộp", "không phải xuất trình",
    "nhận kết quả", "trả kết quả",  # the paper is what the procedure issues, not what it asks for
)


_ALREADY_FOLDED = tuple(fold(a) for a in _ALREADY)


@lru_cache(maxsize=1)
def _prefilter() -> re.Pattern:
    """One folded regex of every pattern and abbreviation (most paper names match nothing)."""
    words = {fold(x) for p in PAPERS for x in p.patterns} | {fold(k) for k in _ABBR}
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")(?!\w)")


@dataclass(frozen=True)
class PaperMatch:
    """A catalogue paper found in a paper name.

    Attributes:
        paper: the ``PaperEntry``.
        database: the ``NationalDatabase`` holding its information.
        segment: the part of the name that mentions the paper.
        confidence: 0..1.
    """

    paper: PaperEntry
    database: NationalDatabase
    segment: str
    confidence: float

    @property
    def citation(self) -> str:
        """"Điều 4 khoản 2 điểm a Nghị quyết số 66.7/2025/NQ-CP ..."."""
        return f"Điều 4 {self.paper.point} {NQ_66_7}"


def database(key: str) -> NationalDatabase:
    """The database with this key (KeyError if unknown)."""
    return _DB_BY_KEY[key]


def paper_entry(key: str) -> PaperEntry:
    """The catalogue paper with this key (KeyError if unknown)."""
    return _PAPER_BY_KEY[key]


_UPPER = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isalpha() and c.isupper())
_LOWER = "".join(c for c in map(chr, range(0x61, 0x1EFA)) if c.isalpha() and c.islower())
# a lower-case letter (or ".", ")") glued to a capitalised word: rows of a flattened table
_CAMEL = re.compile(f"(?<=[{_LOWER}.)])(?=[{_UPPER}][{_LOWER}])")


def _segments(name: str) -> tuple[list[str], bool]:
    """Split a paper name into segments as written (normalised); and whether it has diacritics.

    Rows glued together by a flattened table ("1 bản chínhTờ khai") are split too.
    """
    text = _CAMEL.sub("; ", normalize(name or ""))
    accented = has_diacritics(text)
    return [s.strip() for s in _SPLIT.split(text) if s and s.strip()], accented


def _for_matching(segment: str, accented: bool) -> str:
    """Lower-case, abbreviations expanded; folded when the name was typed accent-less."""
    low = _ABBR_RE.sub(lambda m: _ABBR[m.group(1)], segment.lower())
    return low if accented else fold(low)


@lru_cache(maxsize=4)
def _compiled(accented: bool) -> list[tuple[PaperEntry, re.Pattern, tuple[str, ...]]]:
    out = []
    for p in PAPERS:
        pats = [x if accented else fold(x) for x in p.patterns]
        pats = sorted(set(pats), key=len, reverse=True)
        rx = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, pats)) + r")(?!\w)")
        excl = tuple(x if accented else fold(x) for x in p.excludes)
        out.append((p, rx, excl))
    return out


def _prefix_ok(prefix: str) -> bool:
    words = re.findall(r"\w+", fold(prefix))
    return all(w in _PREFIX_OK for w in words) and len(words) <= 8


@lru_cache(maxsize=50_000)
def match_paper(name: str) -> tuple[PaperMatch, ...]:
    """Catalogue papers that a dossier paper name asks for.

    A paper matches when one segment of the name (split at ";", ",", "hoặc", "và",
    brackets ...) starts with one of its patterns, preceded only by copy words such
    as "bản sao có chứng thực", "01 bản chụp", "xuất trình". Segments naming a
    foreign-issued paper or a look-alike (``excludes``) do not match, nor names saying
    the data is already looked up ("khai thác", "tra cứu", "cơ sở dữ liệu").

    Args:
        name: the paper as written (any spelling; accent-less accepted).

    Returns:
        One ``PaperMatch`` per catalogue paper found (in order of appearance); its
        ``segment`` is the matching part of the name as written.
    """
    if not name or not _prefilter().search(fold(name)):
        return ()  # fast path: no catalogue phrase or abbreviation at all
    segments, accented = _segments(name)
    whole = _for_matching(" ".join(segments), accented)
    if any(a in whole for a in (_ALREADY if accented else _ALREADY_FOLDED)):
        return ()
    found: dict[str, PaperMatch] = {}
    for seg in segments:
        text = _for_matching(seg, accented)
        for paper, rx, excl in _compiled(accented):
            if paper.key in found:
                continue
            m = rx.search(text)
            if not m or not _prefix_ok(text[: m.start()]):
                continue
            if any(e in text for e in excl):
                continue
            conf = paper.confidence if accented else paper.confidence - 0.05
            found[paper.key] = PaperMatch(paper, _DB_BY_KEY[paper.database], seg, round(conf, 2))
    return tuple(found.values())


@dataclass
class CatalogueRow:
    """One line of the printable catalogue (for documentation and the plan annex)."""

    paper: str
    database: str
    citation: str
    note: str = ""
    examples: list[str] = field(default_factory=list)


def catalogue_rows() -> list[CatalogueRow]:
    """The paper → database → citation catalogue as printable rows."""
    return [
        CatalogueRow(
            paper=p.label,
            database=_DB_BY_KEY[p.database].name,
            citation=f"Điều 4 {p.point} Nghị quyết 66.7/2025/NQ-CP",
            note=p.note,
            examples=list(p.patterns[:3]),
        )
        for p in PAPERS
    ]


def find_database(name: str) -> Optional[NationalDatabase]:
    """The database of the first catalogue paper in ``name`` (None if none)."""
    m = match_paper(name)
    return m[0].database if m else None


__all__ = [
    "DATABASES",
    "NQ_66_7",
    "NQ_66_7_IN_FORCE",
    "PAPERS",
    "CatalogueRow",
    "NationalDatabase",
    "PaperEntry",
    "PaperMatch",
    "catalogue_rows",
    "database",
    "find_database",
    "match_paper",
    "paper_entry",
]
