"""Records produced by the readers: procedures, regulation units, catalogue rows, quy trình.

Every record is a dataclass that round-trips through JSON (``to_dict`` /
``from_dict``). JSON keys are part of the public contract (``rasoat parse
--json``), so they are spelled here once.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from dataclasses import field as dc_field  # Procedure has an attribute named `field`
from typing import Any, Optional, Union

TIME_UNITS = ("working_days", "days", "hours", "months", "text")


@dataclass
class Source:
    """Where a record came from.

    Attributes:
        file: path of the file as given to the reader.
        page: 1-based page number for PDFs, else None.
        record: 0-based position inside a multi-record file (JSONL, list, table).
    """

    file: str = ""
    page: Optional[int] = None
    record: Optional[int] = None

    @classmethod
    def from_dict(cls, d: Optional[dict]) -> "Source":
        d = d or {}
        if isinstance(d, str):
            return cls(file=d)
        return cls(file=d.get("file", ""), page=d.get("page"), record=d.get("record"))


@dataclass
class ProcessingTime:
    """Thời hạn giải quyết. ``value`` is None when only free text is known."""

    value: Optional[float] = None
    unit: str = "text"  # one of TIME_UNITS
    text: str = ""

    @classmethod
    def from_dict(cls, d: Optional[dict]) -> Optional["ProcessingTime"]:
        if not d:
            return None
        return cls(value=d.get("value"), unit=d.get("unit", "text"), text=d.get("text", ""))

    def in_working_days(self) -> Optional[float]:
        """Approximate the time in working days (for comparisons only)."""
        if self.value is None:
            return None
        factor = {"working_days": 1.0, "days": 5 / 7, "hours": 1 / 8, "months": 22.0}.get(self.unit)
        return None if factor is None else float(self.value) * factor


@dataclass
class Fee:
    """Phí, lệ phí. ``amount_vnd`` is None when the text gives no single amount."""

    amount_vnd: Optional[int] = None
    text: str = ""

    @classmethod
    def from_dict(cls, d: Optional[dict]) -> Optional["Fee"]:
        if not d:
            return None
        return cls(amount_vnd=d.get("amount_vnd"), text=d.get("text", ""))


@dataclass
class Channel:
    """One way of submitting (cách thức thực hiện) with its time and fee."""

    channel: str = ""  # Trực tiếp / Trực tuyến / Dịch vụ bưu chính / ...
    processing_time: Optional[ProcessingTime] = None
    fee: Optional[Fee] = None
    description: str = ""

    @classmethod
    def from_dict(cls, d: dict) -> "Channel":
        return cls(
            channel=d.get("channel", ""),
            processing_time=ProcessingTime.from_dict(d.get("processing_time")),
            fee=Fee.from_dict(d.get("fee")),
            description=d.get("description", ""),
        )


@dataclass
class DossierDocument:
    """One paper of the dossier (thành phần hồ sơ)."""

    name: str = ""
    quantity: str = ""  # e.g. "1 bản chính", "01 bản sao có chứng thực"
    form: str = ""  # mẫu đơn, tờ khai (template name or file), if any

    @classmethod
    def from_dict(cls, d: Union[dict, str]) -> "DossierDocument":
        if isinstance(d, str):
            return cls(name=d)
        return cls(name=d.get("name", ""), quantity=d.get("quantity", ""), form=d.get("form", ""))


@dataclass
class LegalBasis:
    """One document of the legal basis (căn cứ pháp lý)."""

    number: str = ""  # e.g. "63/2010/NĐ-CP"; "" when the text holds none
    title: str = ""
    date: str = ""  # as written, e.g. "08/06/2010"

    @classmethod
    def from_dict(cls, d: Union[dict, str]) -> "LegalBasis":
        if isinstance(d, str):
            return cls(title=d)
        return cls(number=d.get("number", ""), title=d.get("title", ""), date=d.get("date", ""))


@dataclass
class Procedure:
    """An administrative procedure: the nine parts of NĐ 63/2010/NĐ-CP Điều 8(2) plus identity.

    Attributes:
        code: mã thủ tục (national code such as "1.000080"); "" if unknown.
        name: tên thủ tục.
        field: lĩnh vực.
        level: cấp thực hiện ("Cấp tỉnh", "Cấp xã", "Cấp bộ", ...).
        agency: cơ quan thực hiện (or the competent agency when none is named).
        applicants: đối tượng thực hiện.
        decision: số quyết định công bố.
        steps: trình tự thực hiện, one string per step.
        channels: cách thức thực hiện with processing time and fee.
        documents: thành phần, số lượng hồ sơ.
        result: kết quả thực hiện.
        requirements: yêu cầu, điều kiện (one string per condition).
        legal_basis: căn cứ pháp lý.
        forms: tên mẫu đơn, tờ khai (when listed separately).
        fee_text: lệ phí as written when it is not attached to a channel.
        time_text: thời hạn giải quyết as written when not attached to a channel.
        province: tỉnh/thành phố for local procedures, "" otherwise.
        source: where it was read from.
    """

    code: str = ""
    name: str = ""
    field: str = ""
    level: str = ""
    agency: str = ""
    applicants: str = ""
    decision: str = ""
    steps: list[str] = dc_field(default_factory=list)
    channels: list[Channel] = dc_field(default_factory=list)
    documents: list[DossierDocument] = dc_field(default_factory=list)
    result: str = ""
    requirements: list[str] = dc_field(default_factory=list)
    legal_basis: list[LegalBasis] = dc_field(default_factory=list)
    forms: list[str] = dc_field(default_factory=list)
    fee_text: str = ""
    time_text: str = ""
    province: str = ""
    source: Source = dc_field(default_factory=Source)
    kind: str = "procedure"

    @property
    def id(self) -> str:
        """Stable record id: ``tthc:<code>`` or a hash of name + source."""
        if self.code:
            return f"tthc:{self.code}"
        key = f"{self.name}|{self.level}|{self.agency}|{self.source.file}|{self.source.record}"
        return "tthc:~" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d = {"kind": d.pop("kind"), **d}
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Procedure":
        return cls(
            code=d.get("code", "") or "",
            name=d.get("name", "") or "",
            field=d.get("field", "") or "",
            level=d.get("level", "") or "",
            agency=d.get("agency", "") or "",
            applicants=d.get("applicants", "") or "",
            decision=d.get("decision", "") or "",
            steps=list(d.get("steps") or []),
            channels=[Channel.from_dict(c) for c in d.get("channels") or []],
            documents=[DossierDocument.from_dict(x) for x in d.get("documents") or []],
            result=d.get("result", "") or "",
            requirements=list(d.get("requirements") or []),
            legal_basis=[LegalBasis.from_dict(x) for x in d.get("legal_basis") or []],
            forms=list(d.get("forms") or []),
            fee_text=d.get("fee_text", "") or "",
            time_text=d.get("time_text", "") or "",
            province=d.get("province", "") or "",
            source=Source.from_dict(d.get("source")),
        )


@dataclass
class LegalUnit:
    """A unit of a regulation: normally one Điều, or one khoản/điểm of it.

    Attributes:
        doc_number: số hiệu, e.g. "19/2014/QĐ-TTg" ("" when unknown).
        doc_type: loại văn bản ("Luật", "Nghị định", "Quyết định", "Thông tư", "Quy chế"...).
        doc_title: trích yếu / tên văn bản.
        issued: ngày ban hành as written ("05/03/2014").
        part, chapter, section: Phần / Chương / Mục labels with their titles.
        article: số Điều ("5"); article_title: tên Điều.
        clause: khoản ("2") or ""; point: điểm ("a") or "".
        citation: ready to paste, e.g. "Điều 5 khoản 2, Quyết định 19/2014/QĐ-TTg".
        text: the unit's text (for an article: its whole body).
        codified_id: Pháp điển article id such as "19.8.QĐ.3.1" when read from one.
        source: file (and page for PDFs).
    """

    doc_number: str = ""
    doc_type: str = ""
    doc_title: str = ""
    issued: str = ""
    part: str = ""
    chapter: str = ""
    section: str = ""
    article: str = ""
    article_title: str = ""
    clause: str = ""
    point: str = ""
    citation: str = ""
    text: str = ""
    codified_id: str = ""
    source: Source = field(default_factory=Source)
    kind: str = "regulation"

    @property
    def id(self) -> str:
        """Stable id from document, article, clause and point."""
        doc = self.doc_number or self.doc_title or self.source.file
        parts = [doc, self.article or "?", self.clause, self.point]
        if not self.article:
            parts.append(hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:10])
        return "vb:" + "|".join(p for p in parts if p)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return {"kind": d.pop("kind"), **d}

    @classmethod
    def from_dict(cls, d: dict) -> "LegalUnit":
        names = {f.name for f in fields(cls)} - {"source", "kind"}
        kw = {k: (d.get(k) or "") for k in names}
        return cls(**kw, source=Source.from_dict(d.get("source")))


@dataclass
class CatalogueEntry:
    """One row of a list of procedures (CSV/XLSX) to be matched to the catalogue."""

    name: str = ""
    code: str = ""
    row: int = 0  # 1-based row number in the file (header excluded)
    extra: dict[str, str] = field(default_factory=dict)  # other columns, as read
    source: Source = field(default_factory=Source)
    kind: str = "catalogue_entry"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return {"kind": d.pop("kind"), **d}

    @classmethod
    def from_dict(cls, d: dict) -> "CatalogueEntry":
        return cls(
            name=d.get("name", "") or "",
            code=d.get("code", "") or "",
            row=int(d.get("row") or 0),
            extra=dict(d.get("extra") or {}),
            source=Source.from_dict(d.get("source")),
        )


@dataclass
class Duration:
    """A length of time as ``{value, unit}`` (unit one of ``TIME_UNITS``; "text" when unknown)."""

    value: Optional[float] = None
    unit: str = "text"

    @classmethod
    def from_dict(cls, d: Optional[dict]) -> Optional["Duration"]:
        if not d:
            return None
        return cls(value=d.get("value"), unit=d.get("unit", "text") or "text")

    def in_working_days(self) -> Optional[float]:
        """The time in working days (hours at 8 per day); None when not comparable."""
        return ProcessingTime(value=self.value, unit=self.unit).in_working_days()


@dataclass
class Reference:
    """A document cited by a quy trình (cơ sở pháp lý / tài liệu viện dẫn)."""

    number: str = ""  # số hiệu, e.g. "123/2015/NĐ-CP"; "" when the line holds none
    title: str = ""

    @classmethod
    def from_dict(cls, d: Union[dict, str]) -> "Reference":
        if isinstance(d, str):
            return cls(title=d)
        return cls(number=d.get("number", "") or "", title=d.get("title", "") or "")


@dataclass
class ProcessStep:
    """One work step of a quy trình (B1, B2 ...).

    Attributes:
        no: step label as written ("B1", "Bước 2", "3").
        action: trình tự / nội dung công việc.
        responsible: trách nhiệm (who does it); "" when the document names no one.
        time: thời gian; None when the step gives none.
        output: biểu mẫu / kết quả of the step.
    """

    no: str = ""
    action: str = ""
    responsible: str = ""
    time: Optional[Duration] = None
    output: str = ""

    @classmethod
    def from_dict(cls, d: dict) -> "ProcessStep":
        return cls(no=str(d.get("no", "") or ""), action=d.get("action", "") or "",
                   responsible=d.get("responsible", "") or "", time=Duration.from_dict(d.get("time")),
                   output=d.get("output", "") or "")


@dataclass
class Process:
    """A quy trình of an ISO 9001 quality system (one per procedure or internal task).

    Attributes:
        code: mã hiệu ("QT-TP-01"); "" when the document gives none.
        title: tên quy trình.
        agency: cơ quan/đơn vị ban hành.
        revision: lần ban hành / lần sửa đổi as written ("02").
        issued: ngày ban hành as written ("15/03/2025").
        scope: phạm vi áp dụng.
        references: cơ sở pháp lý / tài liệu viện dẫn.
        documents: thành phần hồ sơ (name, quantity, form).
        time_limit: thời gian xử lý of the whole process (None when not stated).
        place: nơi tiếp nhận và trả kết quả.
        fee: phí, lệ phí (None when not stated).
        steps: the work steps in order.
        forms: biểu mẫu (one string per form, "BM-01: Phiếu ...").
        records: hồ sơ cần lưu (one string per line).
        source: where it was read from.
    """

    code: str = ""
    title: str = ""
    agency: str = ""
    revision: str = ""
    issued: str = ""
    scope: str = ""
    references: list[Reference] = dc_field(default_factory=list)
    documents: list[DossierDocument] = dc_field(default_factory=list)
    time_limit: Optional[Duration] = None
    place: str = ""
    fee: Optional[Fee] = None
    steps: list[ProcessStep] = dc_field(default_factory=list)
    forms: list[str] = dc_field(default_factory=list)
    records: list[str] = dc_field(default_factory=list)
    source: Source = dc_field(default_factory=Source)
    kind: str = "process"

    @property
    def id(self) -> str:
        """``qt:<code>`` plus ``|<agency>`` (two units may use the same code); a hash without a code."""
        if self.code:
            return f"qt:{self.code}|{self.agency}" if self.agency else f"qt:{self.code}"
        key = f"{self.title}|{self.agency}|{self.source.file}|{self.source.record}"
        return "qt:~" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return {"kind": d.pop("kind"), **d}

    @classmethod
    def from_dict(cls, d: dict) -> "Process":
        return cls(
            code=d.get("code", "") or "",
            title=d.get("title", "") or "",
            agency=d.get("agency", "") or "",
            revision=str(d.get("revision", "") or ""),
            issued=d.get("issued", "") or "",
            scope=d.get("scope", "") or "",
            references=[Reference.from_dict(x) for x in d.get("references") or []],
            documents=[DossierDocument.from_dict(x) for x in d.get("documents") or []],
            time_limit=Duration.from_dict(d.get("time_limit")),
            place=d.get("place", "") or "",
            fee=Fee.from_dict(d.get("fee")),
            steps=[ProcessStep.from_dict(x) for x in d.get("steps") or []],
            forms=list(d.get("forms") or []),
            records=list(d.get("records") or []),
            source=Source.from_dict(d.get("source")),
        )


Record = Union[Procedure, LegalUnit, CatalogueEntry, Process]


def record_from_dict(d: dict) -> Record:
    """Rebuild a record from its JSON form, choosing the class by ``kind``."""
    kind = d.get("kind")
    if kind == "procedure":
        return Procedure.from_dict(d)
    if kind == "regulation":
        return LegalUnit.from_dict(d)
    if kind == "catalogue_entry":
        return CatalogueEntry.from_dict(d)
    if kind == "process":
        return Process.from_dict(d)
    raise ValueError(f"Không nhận ra loại bản ghi: {kind!r}")


@dataclass
class ReadFailure:
    """A file (or part of one) that could not be read, with a reason in Vietnamese."""

    path: str
    error: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "error": self.error}


@dataclass
class ReadWarning:
    """A file that was read but yielded nothing usable (or less than expected), in Vietnamese."""

    path: str
    warning: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "warning": self.warning}


@dataclass
class ReadResult:
    """What reading one or more files produced."""

    records: list[Record] = field(default_factory=list)
    failures: list[ReadFailure] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)

    def extend(self, other: "ReadResult") -> None:
        self.records.extend(other.records)
        self.failures.extend(other.failures)
        self.warnings.extend(other.warnings)
