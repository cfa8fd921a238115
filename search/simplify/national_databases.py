"""Papers that national databases now hold, as data: paper → database(s) → legal provision.

Grounded in Nghị quyết 66.7/2025/NQ-CP (15/11/2025, hiệu lực 01/01/2026 – 28/02/2027),
Điều 4 khoản 1–9, which lists the dossier papers replaced by information looked up in a
database. The mapping table lives in ``search/data/national_databases.json`` (papers, their
databases with the point of Điều 4, the databases' own laws, the phrases that name them).

``match_paper`` reads a dossier line the way a reviewer does: it splits the line into
clauses and alternatives, skips copy words ("bản sao có chứng thực", "bản chụp", "bản
chính"), recognises papers named by purpose ("giấy tờ chứng minh quan hệ nhân thân", "tài
liệu về tư cách pháp lý của tổ chức"), identity papers that must be shown ("xuất trình giấy
tờ tùy thân"), and clauses saying the agency looks the paper up ("trường hợp … khai thác
được thông tin … thì không yêu cầu …": still a candidate, marked ``lookup``). It refuses
look-alikes ("giấy chứng nhận đủ điều kiện kinh doanh", "giấy phép xây dựng", a form that
merely holds an ID number, a foreign-issued paper).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from indexer.vietnamese import fold, has_diacritics, normalize

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "national_databases.json"


def _load() -> dict:
    return json.loads(DATA_PATH.read_text(encoding="utf-8"))


_DATA = _load()
NQ_66_7: str = _DATA["resolution"]["name"]
NQ_66_7_SHORT: str = _DATA["resolution"]["short"]
NQ_66_7_IN_FORCE: str = _DATA["resolution"]["in_force"]


@dataclass(frozen=True)
class NationalDatabase:
    """A national or sector database named in NQ 66.7/2025/NQ-CP Điều 4.

    Attributes:
        key: short identifier ("dan_cu").
        name: the database's name as the resolution writes it.
        clause: "Điều 4 khoản N".
        law: the database's own law(s), for reference.
        aliases: lower-case names that mean this database in a text.
    """

    key: str
    name: str
    clause: str
    law: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def citation(self) -> str:
        """Ready-to-paste citation: "Điều 4 khoản 1 Nghị quyết số 66.7/2025/NQ-CP ..."."""
        return f"{self.clause} {NQ_66_7}"


@dataclass(frozen=True)
class PaperEntry:
    """One paper of the mapping table.

    Attributes:
        key: short identifier ("khai_sinh").
        label: the paper's name as the resolution writes it.
        databases: ((database key, "khoản 2 điểm a"), …): where Điều 4 names it, per database.
        patterns: lower-case phrases (with diacritics) that start a mention of the paper.
        purposes: lower-case regexes naming the paper by purpose anywhere in a clause.
        excludes: lower-case phrases that, in the same segment, mean it is another paper.
        note: caveat to show with the proposal ("" if none).
        confidence: prior confidence of a match (0..1).
        lookup_only: matched only in a clause saying the agency looks the information up (a paper
            too vague to cut by itself, which the record says a database holds).
    """

    key: str
    label: str
    databases: tuple[tuple[str, str], ...]
    patterns: tuple[str, ...]
    purposes: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    note: str = ""
    confidence: float = 0.9
    lookup_only: bool = False

    @property
    def database(self) -> str:
        """Key of the first database (the one the paper is best known from)."""
        return self.databases[0][0]

    @property
    def point(self) -> str:
        """The point of Điều 4 in the first database's clause."""
        return self.databases[0][1]


def _databases(data: dict) -> tuple[NationalDatabase, ...]:
    return tuple(
        NationalDatabase(d["key"], d["name"], d["clause"], d.get("law", ""), tuple(d.get("aliases", ())))
        for d in data["databases"]
    )


def _papers(data: dict) -> tuple[PaperEntry, ...]:
    foreign = tuple(data.get("foreign", ()))
    out = []
    for p in data["papers"]:
        excl: list[str] = []
        for e in p.get("excludes", ()):
            excl.extend(foreign if e == "@foreign" else (e,))
        out.append(
            PaperEntry(
                key=p["key"],
                label=p["label"],
                databases=tuple((d["db"], d["point"]) for d in p["databases"]),
                patterns=tuple(p.get("patterns", ())),
                purposes=tuple(p.get("purposes", ())),
                excludes=tuple(excl),
                note=p.get("note", ""),
                confidence=float(p.get("confidence", 0.9)),
                lookup_only=bool(p.get("lookup_only", False)),
            )
        )
    return tuple(out)


DATABASES: tuple[NationalDatabase, ...] = _databases(_DATA)
PAPERS: tuple[PaperEntry, ...] = _papers(_DATA)
_DB_BY_KEY = {d.key: d for d in DATABASES}
# the "@foreign" exclusion words in each spelling (with diacritics: True)
_FOREIGN_WORDS = {True: frozenset(_DATA.get("foreign", ())), False: frozenset(fold(x) for x in _DATA.get("foreign", ()))}


def _by_spelling(pattern: str) -> dict[bool, re.Pattern]:
    """A lower-case pattern compiled for both spellings of a line: with diacritics (True) and folded."""
    return {True: re.compile(pattern), False: re.compile(fold(pattern))}
_PAPER_BY_KEY = {p.key: p for p in PAPERS}
# a clause that names only a database ("… đã có trong Cơ sở dữ liệu hộ tịch điện tử thì không phải tải lên")
_DB_ONLY = {
    d.key: PaperEntry(f"csdl_{d.key}", f"Thông tin trong {d.name}", ((d.key, d.clause.replace("Điều 4 ", "")),), ())
    for d in DATABASES
}

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
    "plltp": "phiếu lý lịch tư pháp",
    "csdl": "cơ sở dữ liệu",
    "csdlqgvdc": "cơ sở dữ liệu quốc gia về dân cư",
    "csdlhtđt": "cơ sở dữ liệu hộ tịch điện tử",
    "csdlhtdt": "cơ sở dữ liệu hộ tịch điện tử",
}
# not inside a form's code ("Mẫu số 03/2025/LLTP" is the form, not the paper)
_ABBR_RE = re.compile(r"(?<![\w])(?<!\d/)(" + "|".join(sorted(map(re.escape, _ABBR), key=len, reverse=True)) + r")(?![\w])")

# words that may stand before the paper's name in a segment: copies, quantities, "xuất trình" …
_PREFIX_OK = {
    "ban", "sao", "co", "chung", "thuc", "hop", "le", "phap", "dien", "tu", "chup", "photo", "photocopy",
    "chinh", "scan", "goc", "xuat", "trinh", "nop", "kem", "theo", "hoac", "va", "cong", "y", "mot", "hai",
    "01", "02", "03", "1", "2", "3", "the", "giay", "to", "cua", "trich", "cac", "loai", "sau", "day",
    "duoc", "de", "doi", "chieu", "trong", "i", "ii", "iii", "iv", "v", "vi", "a", "b", "c", "d", "dd", "e",
    "dong", "thoi", "la",  # "(đồng thời là Giấy chứng nhận đăng ký kinh doanh)"
    "ngoai",  # "ngoài bản sao Giấy khai sinh, phải có …"
    "pho",  # "bản phô tô"
}
# a copy's origin between the copy words and the paper ("bản sao được cấp từ sổ gốc của …")
_COPY_ORIGIN = re.compile(r"(?:(?:duoc )?cap )?tu so goc")
_PREFIX_MAX_WORDS = 14
# a segment's demand verb: what follows it is the paper ("… thì phải xuất trình giấy tờ tùy thân")
_DEMAND = re.compile(r"(?:phải )?(?:kèm theo|xuất trình|nộp|cung cấp|gửi kèm|gửi|phải có)\s", re.IGNORECASE)
_DEMAND_F = re.compile(r"(?:phai )?(?:kem theo|xuat trinh|nop|cung cap|gui kem|gui|phai co)\s")
# "giấy tờ tùy thân, trừ căn cước công dân": the paper after "trừ" is the one not asked for
_EXCEPT = _by_spelling(r"(?<!\w)(?:ngoại )?trừ\s+")
_SPLIT = re.compile(  # a "/" in a form's code ("Mẫu số 03/2025/LLTP") does not split
    r"[,:()\[\]+•*]|(?<!\d)/|(?:\s[-–]\s)|\b(?:hoặc|Hoặc|hoac|Hoac|hay|và|Và|va|thì|thi)\b"
)
_CLAUSE = re.compile(r"([;\n]|\.(?=\s|$))")


def _clauses(text: str) -> list[tuple[str, str]]:
    """(clause, the mark that ends it: ";", "." or a line break)."""
    parts = _CLAUSE.split(text)
    return [(parts[i], parts[i + 1] if i + 1 < len(parts) else ".") for i in range(0, len(parts), 2)]
# a clause saying the agency looks the information up (the paper should leave the published dossier)
_LOOKUP = (
    "khai thác", "tra cứu", "cơ sở dữ liệu", "không phải nộp", "không yêu cầu", "không phải xuất trình",
    "không bao gồm", "không phải tải lên", "không cần nộp", "thay thế bằng dữ liệu", "điền tự động",
)
# cues strong enough for a clause naming only a database (not a paper): the agency looks it up
_LOOKUP_STRONG = tuple(c for c in _LOOKUP if c != "cơ sở dữ liệu")
# the paper is what the procedure hands back ("Nhận kết quả, gồm: Thẻ BHYT")
_RESULT = re.compile(r"kết quả[^.;]{0,20}(?:gồm|bao gồm|:)")
# … or names it in brackets ("khi đến nhận kết quả (Giấy chứng nhận kết hôn), … phải nộp …")
_RESULT_BRACKET = _by_spelling(r"kết quả\s*\(\s*$")
# a clause describing a form's content: an ID number in it is not the paper
_FORM = ("họ và tên", "họ tên", "họ, tên", "ghi rõ", "nêu rõ", "ngày cấp", "nơi cấp", "mã số doanh nghiệp", "kê khai", "số thẻ",
         "cụm từ")  # "thay thế cụm từ 'Số Chứng minh nhân dân' …": a form's wording amended
# a clause saying the paper was issued abroad
_FOREIGN_ISSUED = re.compile(
    r"do [^.;]{0,60}(?:nước ngoài|của nước [^.;]{0,40}) cấp|(?:cơ quan|tổ chức)[^.;]{0,40}nước ngoài cấp"
    # legalised abroad, or the paper of a neighbouring country's citizen or of a stateless person
    r"|hợp pháp hóa lãnh sự|công dân nước láng giềng|người không quốc tịch|không có quốc tịch việt nam"
    # an organisation set up abroad, its papers issued by the authority of its country
    r"|(?:thành lập|hoạt động) hợp pháp (?:ở|tại) nước ngoài|cơ quan có thẩm quyền của quốc gia, vùng lãnh thổ"
    r"|hoạt động kinh doanh (?:ở|tại) nước ngoài|trừ (?:doanh nghiệp|tổ chức) việt nam|do nước cư trú cấp"
    # a list headed by a foreign firm ("Tài liệu về doanh nghiệp bảo hiểm … nước ngoài: ++ Bản sao …")
    r"|(?:tài liệu|hồ sơ) (?:về|của) [^.;:]{0,80}nước ngoài\s*:"
)
# a failed look-up ("trường hợp không tra cứu được … do chưa có thông tin trong Cơ sở dữ liệu …"):
# how the law handles it, not a paper the database holds
_LOOKUP_FAILED = _by_spelling(r"không (?:thể )?(?:tra cứu|khai thác) được|không thể hiện thông tin")
# the act, not the paper: "thẩm quyền đăng ký kết hôn", "người yêu cầu đăng ký kết hôn" (in a look-up
# clause, where no copy words are required before a paper's name)
_ACT_BEFORE = _by_spelling(r"(?:thẩm quyền|yêu cầu|việc|thủ tục|khi|để|nơi|nơi đã|thực hiện|khai báo|điều chỉnh)\s*$")


@dataclass(frozen=True)
class _Compiled:
    paper: PaperEntry
    start: re.Pattern  # a pattern at a word boundary
    purposes: Optional[re.Pattern]
    excludes: tuple[str, ...]


@lru_cache(maxsize=2)
def _compiled(accented: bool) -> tuple[list[_Compiled], re.Pattern, tuple, tuple[str, ...], re.Pattern, list]:
    """Per-spelling compiled table: papers, prefilter, lookup cues, form cues, foreign regex, database aliases."""
    f = (lambda s: s) if accented else fold
    papers = []
    for p in PAPERS:
        pats = sorted({f(x) for x in p.patterns}, key=len, reverse=True)
        start = (re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, pats)) + r")(?!\w)") if pats
                 else re.compile(r"(?!)"))  # named by purpose only
        purp = re.compile("|".join(f"(?:{f(r)})" for r in p.purposes)) if p.purposes else None
        papers.append(_Compiled(p, start, purp, tuple(f(x) for x in p.excludes)))
    words = {f(x) for p in PAPERS for x in p.patterns} | {f(a) for d in DATABASES for a in d.aliases}
    words |= {f(k) for k in _ABBR}
    pre = [re.escape(w) for w in sorted(words, key=len, reverse=True)]
    pre += [f"(?:{f(r)})" for p in PAPERS for r in p.purposes]
    prefilter = re.compile(r"(?<!\w)(?:" + "|".join(pre) + r")")
    aliases = [(d, re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f(a)) for a in d.aliases) + r")(?!\w)")) for d in DATABASES]
    foreign = re.compile(f(_FOREIGN_ISSUED.pattern))
    cues = (tuple(f(x) for x in _LOOKUP), tuple(f(x) for x in _LOOKUP_STRONG), re.compile(f(_RESULT.pattern)))
    return papers, prefilter, cues, tuple(f(x) for x in _FORM), foreign, aliases


@dataclass(frozen=True)
class PaperMatch:
    """A paper of the mapping table found in a dossier line.

    Attributes:
        paper: the ``PaperEntry``.
        database: the first ``NationalDatabase`` holding its information.
        segment: the part of the line that names the paper (as written).
        confidence: 0..1.
        databases: every database holding it (one paper may map to several).
        clause: the clause of the line it was found in (as written).
        lookup: True when the clause says the agency already looks the information up.
    """

    paper: PaperEntry
    database: NationalDatabase
    segment: str
    confidence: float
    databases: tuple[NationalDatabase, ...] = ()
    clause: str = ""
    lookup: bool = False

    @property
    def citation(self) -> str:
        """"Điều 4 khoản 2 điểm a Nghị quyết số 66.7/2025/NQ-CP ..."."""
        return f"Điều 4 {self.paper.point} {NQ_66_7}"

    def provisions(self) -> list[tuple[NationalDatabase, str]]:
        """(database, "Điều 4 khoản … Nghị quyết …; <the database's own law>") for each database."""
        points = dict(self.paper.databases)
        return [
            (d, f"Điều 4 {points.get(d.key, d.clause.replace('Điều 4 ', ''))} {NQ_66_7}" + (f"; {d.law}" if d.law else ""))
            for d in (self.databases or (self.database,))
        ]


def database(key: str) -> NationalDatabase:
    """The database with this key (KeyError if unknown)."""
    return _DB_BY_KEY[key]


def paper_entry(key: str) -> PaperEntry:
    """The paper of the mapping table with this key (KeyError if unknown)."""
    return _PAPER_BY_KEY[key]


_UPPER = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isalpha() and c.isupper())
_LOWER = "".join(c for c in map(chr, range(0x61, 0x1EFA)) if c.isalpha() and c.islower())
# a lower-case letter (or ".", ")") glued to a capitalised word: rows of a flattened table
_CAMEL = re.compile(f"(?<=[{_LOWER}.)])(?=[{_UPPER}][{_LOWER}])")


def _prefix_ok(prefix: str, accented: bool) -> bool:
    """Only copy words, quantities, list marks (or a demand verb and copy words) before the paper."""
    m = None
    for m in (_DEMAND if accented else _DEMAND_F).finditer(prefix):
        pass
    if m is not None:
        prefix = prefix[m.end():]
    words = re.findall(r"\w+", _COPY_ORIGIN.sub(" ", fold(prefix)))
    return len(words) <= _PREFIX_MAX_WORDS and all(w in _PREFIX_OK for w in words)


# "nước ngoài" that says who invests or what the procedure involves, not who issued the paper
_BENIGN_FOREIGN = ("nhà đầu tư nước ngoài", "vốn đầu tư nước ngoài", "có yếu tố nước ngoài")
# Vietnam's own missions abroad issue Vietnamese papers ("… do Cơ quan đại diện … của Việt Nam ở nước ngoài cấp")
_VN_MISSION = _by_spelling(r"cơ quan đại diện[^.;]{0,80}việt nam (?:ở|tại) nước ngoài")


def _exclusion_scope(stext: str, start: int, accented: bool) -> str:
    """The part of a segment that look-alike words are checked in.

    What comes before a demand verb is the situation, not the paper ("người … của nước ngoài
    phải xuất trình giấy tờ tùy thân"), and an investor or a procedure that is foreign does not
    make the paper foreign-issued.

    Args:
        stext: the segment (as prepared by ``_for_matching``).
        start: where the paper's name starts in it.
        accented: the spelling of the segment.
    Returns:
        The text to look for excluded words in.
    """
    m = None
    for m in (_DEMAND if accented else _DEMAND_F).finditer(stext, 0, start + 1):
        pass
    scope = stext[m.end():] if m is not None and m.end() <= start else stext
    return _strip_benign(scope, accented)


def _parenthesis_after(ctext: str, spos: int, stext: str, accented: bool) -> str:
    """The bracket right after a segment, which says whose paper it is ("… (đối với người nước ngoài)").

    Returns:
        Its text without the foreign words that do not make a paper foreign-issued ("" if none).
    """
    if spos < 0:
        return ""
    rest = ctext[spos + len(stext):].lstrip()
    if not rest.startswith("(") or ")" not in rest:
        return ""
    return _strip_benign(rest[1:rest.find(")")], accented)


def _strip_benign(text: str, accented: bool) -> str:
    """Blank the phrases where "nước ngoài" says who invests or what is involved, or names Vietnam's missions."""
    for b in _BENIGN_FOREIGN:
        text = text.replace(b if accented else fold(b), " ")
    return _VN_MISSION[accented].sub(" ", text)


def _for_matching(text: str, accented: bool) -> str:
    """Lower-case, abbreviations expanded; folded when the line was typed accent-less."""
    low = _ABBR_RE.sub(lambda m: _ABBR[m.group(1)], text.lower()).replace("đãng ký", "đăng ký")  # OCR: ă read as ã
    return low if accented else fold(low)


def _make(p: PaperEntry, seg: str, clause: str, lookup: bool, accented: bool) -> PaperMatch:
    dbs = tuple(_DB_BY_KEY[k] for k, _ in p.databases)
    conf = p.confidence if accented else p.confidence - 0.05
    if lookup:
        conf -= 0.05
    return PaperMatch(p, dbs[0], seg.strip(), round(conf, 2), dbs, clause.strip(), lookup)


def _failed_lookups(ends: list[str], ctexts: list[str], accented: bool) -> list[bool]:
    """Per clause: does its sentence (clauses up to a "." or a line break) say the look-up failed?

    Args:
        ends: the mark ending each clause (";", "." or a line break).
        ctexts: each clause as prepared by ``_for_matching``.
        accented: their spelling.
    """
    out: list[bool] = []
    start = 0
    for i, end in enumerate(ends):
        if end != ";" or i == len(ends) - 1:
            failed = bool(_LOOKUP_FAILED[accented].search(" ".join(ctexts[start:i + 1])))
            out += [failed] * (i + 1 - start)
            start = i + 1
    return out


@lru_cache(maxsize=50_000)
def match_paper(name: str) -> tuple[PaperMatch, ...]:
    """Papers of the mapping table that a dossier line asks for.

    The line is cut into clauses (";", ".", line breaks) and each clause into segments
    (",", "hoặc", "và", "thì", brackets …). A paper matches when a segment names it after
    nothing but copy words ("bản sao có chứng thực", "01 bản chụp", "bản sao điện tử được
    chứng thực từ bản chính"), list marks or a demand verb ("phải xuất trình", "kèm theo"),
    or when a clause names it by purpose. In a clause saying the agency looks the
    information up ("khai thác", "tra cứu", "cơ sở dữ liệu", "không bao gồm"), a paper
    named anywhere matches (``lookup=True``; ``lookup_only`` papers match only there, and not
    where the name follows the act, "thẩm quyền đăng ký kết hôn"); with no paper named, the
    databases the clause names do, unless its sentence says the look-up failed. Refused:
    segments naming a look-alike (``excludes``), clauses describing a form's content ("họ tên,
    số căn cước …"), papers issued abroad or said in brackets to be a foreigner's (and the same
    paper referred back to later in the line, until the line turns to the Vietnamese one), a
    paper excepted ("trừ căn cước công dân") and the result handed back ("nhận kết quả (Giấy
    chứng nhận kết hôn)").

    Args:
        name: the dossier line as written (any spelling; accent-less accepted).

    Returns:
        One ``PaperMatch`` per paper found (in order of appearance).
    """
    if not name:
        return ()
    text = _CAMEL.sub("; ", normalize(name))
    accented = has_diacritics(text)
    papers, prefilter, (lookup_cues, strong_cues, result_rx), form_cues, foreign, aliases = _compiled(accented)
    if not prefilter.search(_for_matching(text, accented)):
        return ()  # fast path: no paper phrase, purpose or database name at all
    found: dict[str, PaperMatch] = {}
    abroad: set[str] = set()  # papers the line has said are issued abroad ("… quy định tại điểm này" refers back)
    foreign_words = _FOREIGN_WORDS[accented]
    in_form = False  # a form's content goes on over ";" until the sentence ends
    clauses = _clauses(text)
    ctexts = [_for_matching(clause, accented) for clause, _ in clauses]
    failed = _failed_lookups([end for _, end in clauses], ctexts, accented)
    for (clause, end), ctext, lookup_failed in zip(clauses, ctexts, failed):
        form_at = min((ctext.find(c) for c in form_cues if c in ctext), default=-1)
        if in_form:
            form_at = 0
        in_form = (in_form or form_at >= 0) and end != "."
        if not clause.strip() or not prefilter.search(ctext):
            continue
        lookup = any(c in ctext for c in lookup_cues)
        if foreign.search(_VN_MISSION[accented].sub(" ", ctext)):
            abroad |= {c.paper.key for c in papers if c.start.search(ctext)}
            continue
        if result_rx.search(ctext):
            continue
        if abroad and ("việt nam" in ctext or "viet nam" in ctext):  # the line turns to the Vietnamese-issued paper
            abroad -= {c.paper.key for c in papers if c.start.search(ctext)}
        excepted = {c.paper.key for m in _EXCEPT[accented].finditer(ctext)
                    for c in papers if c.start.match(ctext, m.end())}
        before = len(found)
        for seg in _SPLIT.split(clause):
            if not seg or not seg.strip():
                continue
            stext = _for_matching(seg, accented)
            spos = ctext.find(stext)
            if spos > 0 and _RESULT_BRACKET[accented].search(ctext, 0, spos):
                continue  # the result handed back, named in brackets
            for c in papers:
                if (c.paper.key in found or c.paper.key in excepted or c.paper.key in abroad
                        or (c.paper.lookup_only and not lookup)):
                    continue
                m = c.start.search(stext)
                if not m:
                    continue
                if not lookup:
                    if not _prefix_ok(stext[: m.start()], accented):
                        continue
                    if form_at >= 0 and spos >= 0 and form_at < spos + m.start():
                        continue
                elif _ACT_BEFORE[accented].search(stext, 0, m.start()):
                    continue
                if any(e in _exclusion_scope(stext, m.start(), accented) for e in c.excludes):
                    continue
                paren = _parenthesis_after(ctext, spos, stext, accented)
                if paren and any(e in paren for e in c.excludes if e in foreign_words):
                    continue
                found[c.paper.key] = _make(c.paper, seg, clause, lookup, accented)
        for c in papers:  # papers named by purpose, anywhere in the clause
            if c.paper.key in found or c.purposes is None or (c.paper.lookup_only and not lookup):
                continue
            m = c.purposes.search(ctext)
            if m and not any(e in ctext[max(0, m.start() - 40): m.end() + 40] for e in c.excludes if e not in ("của nước",)):
                found[c.paper.key] = _make(c.paper, clause[m.start(): m.end()] or clause, clause, lookup, accented)
        if (lookup and len(found) == before and any(c in ctext for c in strong_cues)
                and not lookup_failed):
            for d, rx in aliases:
                key = f"csdl_{d.key}"
                if key not in found and rx.search(ctext):
                    found[key] = _make(_DB_ONLY[d.key], clause, clause, True, accented)
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
    """The paper → database → provision table as printable rows (one row per paper)."""
    return [
        CatalogueRow(
            paper=p.label,
            database="; ".join(_DB_BY_KEY[k].name for k, _ in p.databases),
            citation="; ".join(f"Điều 4 {pt} {NQ_66_7_SHORT}" for _, pt in p.databases),
            note=p.note,
            examples=list(p.patterns[:3]),
        )
        for p in PAPERS
    ]


def find_database(name: str) -> Optional[NationalDatabase]:
    """The database of the first paper found in ``name`` (None if none)."""
    m = match_paper(name)
    return m[0].database if m else None


__all__ = [
    "DATABASES",
    "DATA_PATH",
    "NQ_66_7",
    "NQ_66_7_IN_FORCE",
    "NQ_66_7_SHORT",
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
