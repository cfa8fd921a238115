"""Sample ISO 9001 quy trình (process manuals) of two communes of Bình Sơn — part of the sample corpus.

Called by ``corpus/make_corpus.py`` (never run alone). Everything here is SAMPLE data written
for the project: "Ủy ban nhân dân xã Tân Phú" and "Ủy ban nhân dân phường Đông Hòa" are
invented units; each quy trình implements a procedure of the corpus (``corpus/thu-tuc``),
except the internal one and the one whose procedure is deliberately absent.

Writes ``corpus/quy-trinh/<unit>/*.docx|pdf`` deterministically and returns the
``processes`` entries of ``corpus/ground_truth.json`` (planted findings included).
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from indexer.records import DossierDocument, LegalBasis, Procedure

TAN_PHU = "Ủy ban nhân dân xã Tân Phú"
DONG_HOA = "Ủy ban nhân dân phường Đông Hòa"
DIR = {TAN_PHU: "quy-trinh/xa-tan-phu", DONG_HOA: "quy-trinh/phuong-dong-hoa"}
PLACE = {
    TAN_PHU: "Bộ phận Một cửa (Trung tâm Phục vụ hành chính công) xã Tân Phú, tỉnh Bình Sơn",
    DONG_HOA: "Trung tâm Phục vụ hành chính công phường Đông Hòa, tỉnh Bình Sơn",
}
ISSUED = {TAN_PHU: "15/3/2025", DONG_HOA: "02/6/2025"}
ISO_REF = ("", "Tiêu chuẩn quốc gia TCVN ISO 9001:2015 Hệ thống quản lý chất lượng - Các yêu cầu")
MOT_CUA_REF = ("61/2018/NĐ-CP", "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính")
MC = "Công chức Bộ phận Một cửa"
HT = "Công chức Tư pháp - Hộ tịch"
VHXH = "Công chức Văn hóa - Xã hội"
KT = "Công chức Tài chính - Kế toán"
CT = "Chủ tịch UBND"
PCT = "Phó Chủ tịch UBND"


@dataclass
class Step:
    """One row of the step table: no, action, responsible, time (as written), output."""

    no: str
    action: str
    responsible: str
    time: str
    output: str = ""


@dataclass
class Q:
    """One quy trình to write, and what the checker must find in it.

    Attributes:
        slug: file name without extension.
        agency: TAN_PHU or DONG_HOA.
        code: mã hiệu.
        title: tên quy trình (after "QUY TRÌNH").
        procedure: code of the implemented procedure in the corpus ("" for internal/absent).
        status: expected checker status: matched | unmatched | internal | unreadable.
        fmt: docx | pdf | scan.
        layout: table | prose | flowchart | no_time_column | merged | no_steps.
        steps: the work steps.
        time_text, fee_text: thời gian xử lý / lệ phí as written (default: the procedure's).
        docs: thành phần hồ sơ (default: the procedure's papers).
        refs: cơ sở pháp lý (default: the procedure's legal basis).
        viendan: tài liệu viện dẫn besides TCVN ISO 9001:2015.
        findings: planted findings (ground truth).
        cases: tags for the corpus README (clean, two_units, flowchart, bad_input ...).
        note: one line on what is planted.
    """

    slug: str
    agency: str
    code: str
    title: str
    procedure: str
    status: str
    fmt: str
    layout: str
    steps: list[Step]
    time_text: str = ""
    fee_text: str = ""
    docs: Optional[list[DossierDocument]] = None
    refs: Optional[list[tuple[str, str]]] = None
    viendan: list[tuple[str, str]] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)
    note: str = ""
    revision: str = "02"
    purpose: str = ""
    scope: str = ""
    forms: list[tuple[str, str]] = field(default_factory=list)
    records: list[str] = field(default_factory=list)
    warning: bool = False

    @property
    def rel(self) -> str:
        if self.fmt == "scan":  # must fail: kept out of folder walks ("_" prefix), named explicitly
            return f"quy-trinh/_loi/{self.slug}.pdf"
        ext = "pdf" if self.fmt == "pdf" else "docx"
        return f"{DIR[self.agency]}/{self.slug}.{ext}"


def _lb_ref(b: LegalBasis) -> tuple[str, str]:
    date = f" ngày {b.date}" if b.date else ""
    if b.title.startswith(("Luật", "Bộ luật")):
        return b.number, f"{b.title} số {b.number}{date}"
    kind = next((k for k in ("Nghị định", "Thông tư", "Quyết định", "Nghị quyết") if b.title.startswith(k)), "")
    return b.number, f"{kind} số {b.number}{date} {b.title[len(kind):].strip()}".strip()


def _drop(docs: list[DossierDocument], start: str) -> list[DossierDocument]:
    out = [d for d in docs if not d.name.startswith(start)]
    assert len(out) == len(docs) - 1, start
    return out


def _std_forms(code: str) -> list[tuple[str, str]]:
    return [
        ("BM.01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu số 01 Thông tư số 01/2018/TT-VPCP)"),
        ("BM.02", "Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu số 06 Thông tư số 01/2018/TT-VPCP)"),
        ("BM.03", "Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu số 05 Thông tư số 01/2018/TT-VPCP)"),
    ]


def _std_records() -> list[str]:
    return [
        "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
        "Thành phần hồ sơ theo mục 5.2",
        "Phiếu kiểm soát quá trình giải quyết hồ sơ",
        "Bản sao kết quả giải quyết thủ tục hành chính",
        "Hồ sơ được lưu tại bộ phận chuyên môn trong thời hạn 05 năm, sau đó chuyển lưu trữ theo quy định",
    ]


def specs() -> list[Q]:
    """The quy trình of the sample corpus (at least one of every planted case)."""
    recv = "Tiếp nhận, kiểm tra tính đầy đủ, hợp lệ của hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần; hồ sơ đầy đủ thì lập Giấy tiếp nhận hồ sơ và hẹn trả kết quả, chuyển hồ sơ cho công chức chuyên môn"
    ret = "Trả kết quả cho tổ chức, cá nhân, thu phí, lệ phí (nếu có) và cập nhật tình trạng hồ sơ trên Hệ thống thông tin giải quyết thủ tục hành chính"
    return [
        Q("qt-ht-01-dang-ky-khai-sinh", TAN_PHU, "QT-HT-01", "Đăng ký khai sinh", "1.004101", "matched", "docx", "table", [
            Step("B1", recv, MC, "01 giờ", "BM.01 - Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
            Step("B2", "Kiểm tra, xác minh nội dung khai sinh; ghi vào Sổ đăng ký khai sinh, cập nhật Cơ sở dữ liệu hộ tịch điện tử để lấy số định danh cá nhân", HT, "02 giờ", "Sổ đăng ký khai sinh; dự thảo Giấy khai sinh"),
            Step("B3", "Xem xét, ký Giấy khai sinh", CT + " xã", "04 giờ", "Giấy khai sinh (bản chính)"),
            Step("B4", ret, MC, "01 giờ", "Giấy khai sinh; BM.02"),
        ], cases=["clean", "two_units", "hours"], note="Bản sạch; thời gian theo giờ (01 + 02 + 04 + 01 giờ = 01 ngày làm việc)."),
        Q("qt-ht-01-dang-ky-khai-sinh", DONG_HOA, "QT-HT-01", "Đăng ký khai sinh", "1.004101", "matched", "pdf", "prose", [
            Step("Bước 1", "Công chức Bộ phận Một cửa tiếp nhận hồ sơ, kiểm tra giấy tờ; hồ sơ đầy đủ thì viết Giấy tiếp nhận và chuyển ngay cho công chức Tư pháp - Hộ tịch", MC, "0,5 giờ", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
            Step("Bước 2", "Công chức Tư pháp - Hộ tịch kiểm tra thông tin khai sinh, ghi Sổ đăng ký khai sinh, cập nhật Cơ sở dữ liệu hộ tịch điện tử và trình ký", HT, "03 giờ", "Dự thảo Giấy khai sinh"),
            Step("Bước 3", "Chủ tịch hoặc Phó Chủ tịch UBND phường ký Giấy khai sinh", "Lãnh đạo UBND phường", "04 giờ", "Giấy khai sinh"),
            Step("Bước 4", "Trả Giấy khai sinh cho người đi đăng ký; người đi đăng ký ký vào Sổ đăng ký khai sinh", MC, "0,5 giờ", "Giấy khai sinh"),
        ], cases=["clean", "two_units", "pdf", "steps_as_prose"],
            note="Bản của đơn vị thứ hai cho cùng thủ tục 1.004101, cùng mã QT-HT-01; các bước viết thành đoạn văn; PDF.",
            revision="01"),
        Q("qt-ht-02-xac-nhan-tinh-trang-hon-nhan", TAN_PHU, "QT-HT-02", "Cấp Giấy xác nhận tình trạng hôn nhân", "1.004104", "matched", "docx", "table", [
            Step("B1", recv, MC, "0,5 ngày", "BM.01"),
            Step("B2", "Kiểm tra, xác minh tình trạng hôn nhân của người yêu cầu; dự thảo Giấy xác nhận tình trạng hôn nhân", HT, "02 ngày làm việc", "Dự thảo Giấy xác nhận"),
            Step("B3", "Xem xét, ký Giấy xác nhận tình trạng hôn nhân", CT + " xã", "01 ngày", "Giấy xác nhận tình trạng hôn nhân"),
            Step("B4", ret, MC, "0,5 ngày", "BM.02"),
        ], findings=[{"kind": "time_exceeds", "steps_days": 4.0, "legal_days": 3.0}],
            cases=["time_exceeds"], note="Các bước cộng lại 04 ngày làm việc, thủ tục công bố 03 ngày làm việc."),
        Q("qt-ht-03-dang-ky-ket-hon", TAN_PHU, "QT-HT-03", "Đăng ký kết hôn", "1.004102", "matched", "docx", "table", [
            Step("B1", recv, MC, "01 giờ", "BM.01"),
            Step("B2", "Kiểm tra hồ sơ, điều kiện kết hôn; ghi việc kết hôn vào Sổ đăng ký kết hôn", HT, "03 giờ", "Sổ đăng ký kết hôn"),
            Step("B3", "Ký Giấy chứng nhận kết hôn", CT + " xã", "03 giờ", "Giấy chứng nhận kết hôn"),
            Step("B4", "Tổ chức trao Giấy chứng nhận kết hôn cho hai bên nam, nữ", MC, "01 giờ", "BM.02"),
        ], findings=[{"kind": "extra_paper", "paper": "Giấy khám sức khỏe tiền hôn nhân"}],
            cases=["extra_paper"], note="Thêm \"Giấy khám sức khỏe tiền hôn nhân\" mà thủ tục công bố không có."),
        Q("qt-ht-02-dang-ky-lai-khai-sinh", DONG_HOA, "QT-HT-02", "Đăng ký lại khai sinh", "1.004106", "matched", "pdf", "table", [
            Step("B1", recv, MC, "0,5 ngày", "Giấy tiếp nhận hồ sơ"),
            Step("B2", "Kiểm tra, xác minh hồ sơ; ghi vào Sổ đăng ký khai sinh", HT, "03 ngày làm việc", "Văn bản xác minh (nếu có)"),
            Step("B3", "Ký Giấy khai sinh (ghi chú \"Đăng ký lại\")", "Lãnh đạo UBND phường", "01 ngày", "Giấy khai sinh"),
            Step("B4", "Trả kết quả, thu lệ phí", MC, "0,5 ngày", "Biên lai thu lệ phí"),
        ], findings=[{"kind": "missing_paper", "paper": "Văn bản cam đoan của người yêu cầu"}],
            cases=["missing_paper", "pdf", "pdf_table"], revision="01",
            note="Bỏ sót \"Văn bản cam đoan ... không lưu giữ được bản chính Giấy khai sinh\"; bảng các bước trong PDF."),
        Q("qt-hkd-01-dang-ky-thanh-lap-ho-kinh-doanh", TAN_PHU, "QT-HKD-01", "Đăng ký thành lập hộ kinh doanh", "2.000720", "matched", "docx", "table", [
            Step("B1", recv, MC, "0,5 ngày", "BM.01"),
            Step("B2", "Thẩm định hồ sơ, nhập thông tin vào Hệ thống thông tin quốc gia về đăng ký hộ kinh doanh", KT, "01 ngày", "Dự thảo Giấy chứng nhận đăng ký hộ kinh doanh"),
            Step("B3", "Ký Giấy chứng nhận đăng ký hộ kinh doanh", PCT + " xã", "01 ngày", "Giấy chứng nhận đăng ký hộ kinh doanh"),
            Step("B4", ret, MC, "0,5 ngày", "BM.02"),
        ], findings=[{"kind": "legal_basis_outdated", "number": "01/2021/NĐ-CP", "replaced_by": "168/2025/NĐ-CP",
                      "known_from": "procedure"}],
            cases=["legal_basis_outdated"],
            note="Dẫn Nghị định 01/2021/NĐ-CP về đăng ký doanh nghiệp, đã được thay bằng Nghị định 168/2025/NĐ-CP (căn cứ hiện hành của thủ tục)."),
        Q("qt-ct-01-chung-thuc-ban-sao", DONG_HOA, "QT-CT-01", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận", "2.000488", "matched", "docx", "table", [
            Step("B1", "Tiếp nhận yêu cầu, kiểm tra bản chính và bản sao cần chứng thực", MC, "15 phút", "Sổ chứng thực bản sao"),
            Step("B2", "Đối chiếu bản sao với bản chính, ghi lời chứng, ký và đóng dấu", "Người thực hiện chứng thực (Lãnh đạo UBND phường)", "30 phút", "Bản sao được chứng thực"),
            Step("B3", "Thu phí, trả kết quả", MC, "15 phút", "Biên lai thu phí"),
        ], fee_text="Phí chứng thực: 3.000 đồng/trang",
            findings=[{"kind": "fee_mismatch", "amount_vnd": 3000, "expected_vnd": 2000}],
            cases=["fee_mismatch", "minutes"], revision="03",
            note="Ghi phí 3.000 đồng/trang; thủ tục công bố 2.000 đồng/trang."),
        Q("qt-bt-01-ho-tro-chi-phi-mai-tang", DONG_HOA, "QT-BT-01", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "1.004502", "matched", "docx", "table", [
            Step("B1", recv, MC, "0,5 ngày", "Giấy tiếp nhận hồ sơ"),
            Step("B2", "Thẩm định hồ sơ, lập danh sách đề nghị hỗ trợ chi phí mai táng", VHXH, "01 ngày", "Tờ trình, dự thảo quyết định"),
            Step("B3", "Xem xét, ký quyết định hỗ trợ chi phí mai táng", "", "01 ngày", "Quyết định hỗ trợ chi phí mai táng"),
            Step("B4", "Chi trả kinh phí hỗ trợ, trả kết quả", KT, "0,5 ngày", "Phiếu chi"),
        ], findings=[{"kind": "step_without_owner", "step": "B3"}],
            cases=["step_without_owner"], revision="01", note="Bước B3 để trống cột Trách nhiệm."),
        Q("qt-bt-01-tro-cap-xa-hoi-hang-thang", TAN_PHU, "QT-BT-01", "Trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng đối với đối tượng bảo trợ xã hội", "1.004501", "matched", "docx", "table", [
            Step("B1", recv, MC, "Trong ngày", "BM.01"),
            Step("B2", "Thẩm định hồ sơ; trình Hội đồng xét duyệt trợ giúp xã hội xã xem xét, niêm yết công khai danh sách", VHXH, "05 ngày làm việc", "Biên bản họp Hội đồng xét duyệt"),
            Step("B3", "Niêm yết công khai kết quả xét duyệt tại trụ sở UBND xã và nhà văn hóa thôn", VHXH, "", "Thông báo niêm yết"),
            Step("B4", "Xem xét, ký quyết định trợ cấp xã hội hằng tháng", CT + " xã", "07 ngày làm việc", "Quyết định trợ cấp xã hội"),
            Step("B5", ret, MC, "01 ngày", "BM.02"),
        ], findings=[{"kind": "step_without_time", "step": "B3"}],
            cases=["step_without_time", "same_day"], note="Bước B3 (niêm yết công khai) không ghi thời gian; B1 \"Trong ngày\"."),
        Q("qt-nb-01-kiem-soat-tai-lieu-ho-so", TAN_PHU, "QT-NB-01", "Kiểm soát tài liệu và hồ sơ của Hệ thống quản lý chất lượng", "", "internal", "docx", "table", [
            Step("B1", "Đề xuất biên soạn mới hoặc sửa đổi tài liệu của Hệ thống quản lý chất lượng", "Công chức chuyên môn", "01 ngày", "Phiếu đề nghị biên soạn, sửa đổi tài liệu"),
            Step("B2", "Xem xét, phê duyệt đề xuất", "Đại diện lãnh đạo về chất lượng", "01 ngày", "Phiếu đề nghị đã duyệt"),
            Step("B3", "Biên soạn, lấy ý kiến góp ý dự thảo tài liệu", "Công chức chuyên môn", "05 ngày làm việc", "Dự thảo tài liệu"),
            Step("B4", "Kiểm tra, trình ký ban hành tài liệu", "Thư ký ISO", "01 ngày", "Tài liệu đã kiểm tra"),
            Step("B5", "Ký ban hành tài liệu", CT + " xã", "01 ngày", "Quyết định ban hành"),
            Step("B6", "Phân phối tài liệu, cập nhật Danh mục tài liệu nội bộ, thu hồi tài liệu lỗi thời", "Thư ký ISO", "02 ngày làm việc", "Danh mục tài liệu nội bộ; Sổ theo dõi phân phối"),
        ], refs=[], time_text="Không quá 11 ngày làm việc kể từ khi đề xuất được phê duyệt", fee_text="Không",
            cases=["internal", "clean"], note="Quy trình nội bộ (không phải thủ tục hành chính): phải ra trạng thái internal, không có phát hiện.",
            purpose="Quy định cách thức biên soạn, phê duyệt, ban hành, phân phối, sửa đổi tài liệu và kiểm soát hồ sơ của Hệ thống quản lý chất lượng tại UBND xã Tân Phú.",
            scope="Áp dụng đối với mọi tài liệu, hồ sơ thuộc Hệ thống quản lý chất lượng của UBND xã Tân Phú.",
            forms=[("BM.NB01-01", "Phiếu đề nghị biên soạn, sửa đổi tài liệu"), ("BM.NB01-02", "Danh mục tài liệu nội bộ"), ("BM.NB01-03", "Sổ theo dõi phân phối tài liệu")],
            records=["Phiếu đề nghị biên soạn, sửa đổi tài liệu", "Danh mục tài liệu nội bộ", "Sổ theo dõi phân phối tài liệu"]),
        Q("qt-ht-03-dang-ky-khai-tu", DONG_HOA, "QT-HT-03", "Đăng ký khai tử", "1.004103", "matched", "docx", "flowchart", [
            Step("B1", "Tiếp nhận, kiểm tra hồ sơ đăng ký khai tử", MC, "02 giờ", "Giấy tiếp nhận hồ sơ"),
            Step("B2", "Ghi Sổ đăng ký khai tử, cập nhật Cơ sở dữ liệu hộ tịch điện tử, trình ký Trích lục khai tử", HT, "03 giờ", "Dự thảo Trích lục khai tử"),
            Step("B3", "Ký Trích lục khai tử", "Lãnh đạo UBND phường", "02 giờ", "Trích lục khai tử"),
            Step("B4", "Trả Trích lục khai tử cho người đi đăng ký", MC, "01 giờ", "Trích lục khai tử"),
        ], cases=["clean", "flowchart"], revision="01",
            note="Các bước chỉ có trong lưu đồ (hộp chữ nối bằng mũi tên), không có bảng."),
        Q("qt-ht-04-cap-ban-sao-trich-luc-ho-tich", TAN_PHU, "QT-HT-04", "Cấp bản sao trích lục hộ tịch", "1.004105", "matched", "docx", "table", [
            Step("B1", recv, MC, "01 giờ", "BM.01"),
            Step("B2", "Tra cứu Sổ hộ tịch, Cơ sở dữ liệu hộ tịch điện tử; dự thảo bản sao trích lục", HT, "04 giờ", "Dự thảo bản sao trích lục"),
            Step("B3", "Ký bản sao trích lục hộ tịch", PCT + " xã", "02 giờ", "Bản sao trích lục hộ tịch"),
            Step("B4", "Thu phí, trả kết quả", MC, "01 giờ", "Biên lai thu phí"),
        ], viendan=[("22/2019/QĐ-UBND", "Quyết định số 22/2019/QĐ-UBND ngày 15/7/2019 của Ủy ban nhân dân tỉnh Bình Sơn ban hành Quy định về rà soát, đánh giá thủ tục hành chính trên địa bàn tỉnh")],
            findings=[{"kind": "legal_basis_outdated", "number": "22/2019/QĐ-UBND", "replaced_by": "07/2025/QĐ-UBND",
                       "known_from": "regulation"}],
            cases=["legal_basis_outdated"],
            note="Viện dẫn Quyết định 22/2019/QĐ-UBND, đã bị thay thế bởi Quyết định 07/2025/QĐ-UBND (Điều 10, corpus/van-ban)."),
        Q("qt-ct-02-chung-thuc-chu-ky", DONG_HOA, "QT-CT-02", "Chứng thực chữ ký trong các giấy tờ, văn bản", "2.000815", "matched", "docx", "no_steps", [],
            cases=["bad_input", "no_step_table"], revision="01", warning=True,
            note="Không có bảng các bước (mục 5.7 chỉ ghi \"thực hiện theo quy định\"): đọc được, có cảnh báo, không có bước."),
        Q("qt-ht-04-dang-ky-nhan-cha-me-con", DONG_HOA, "QT-HT-04", "Đăng ký nhận cha, mẹ, con", "1.004107", "matched", "docx", "merged", [
            Step("B1", recv, MC, "0,5 ngày", "Giấy tiếp nhận hồ sơ"),
            Step("B2", "Kiểm tra, xác minh hồ sơ; niêm yết việc nhận cha, mẹ, con", HT, "01 ngày", "Văn bản xác minh (nếu có)"),
            Step("B3", "Ghi Sổ hộ tịch, dự thảo Trích lục đăng ký nhận cha, mẹ, con", HT, "01 ngày", "Dự thảo Trích lục"),
            Step("B4", "Ký Trích lục; trả kết quả, thu lệ phí", "Lãnh đạo UBND phường; " + MC, "0,5 ngày", "Trích lục đăng ký nhận cha, mẹ, con"),
        ], cases=["clean", "merged_cells", "bad_input"], revision="01",
            note="Bảng có ô gộp: Trách nhiệm của B2-B3 gộp dọc, dòng tổng thời gian gộp ngang; không được báo thiếu người thực hiện."),
        Q("qt-hkd-02-thay-doi-noi-dung-ho-kinh-doanh", DONG_HOA, "QT-HKD-02", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "2.000721", "matched", "docx", "no_time_column", [
            Step("1", recv, MC, "", "Giấy tiếp nhận hồ sơ"),
            Step("2", "Thẩm định hồ sơ, cập nhật thông tin thay đổi vào Hệ thống thông tin quốc gia về đăng ký hộ kinh doanh", KT, "", "Dự thảo Giấy chứng nhận"),
            Step("3", "Ký Giấy chứng nhận đăng ký hộ kinh doanh (cấp đổi)", "Lãnh đạo UBND phường", "", "Giấy chứng nhận đăng ký hộ kinh doanh"),
            Step("4", "Trả kết quả, thu lệ phí", MC, "", "Biên lai thu lệ phí"),
        ], findings=[{"kind": "step_without_time", "step": s} for s in ("1", "2", "3", "4")],
            cases=["bad_input", "steps_without_time"], revision="01",
            note="Bảng các bước không có cột Thời gian: mọi bước thiếu thời gian."),
        Q("qt-ht-05-dang-ky-giam-ho", TAN_PHU, "QT-HT-05", "Đăng ký giám hộ", "", "unmatched", "docx", "table", [
            Step("B1", recv, MC, "01 giờ", "BM.01"),
            Step("B2", "Kiểm tra hồ sơ, ghi việc giám hộ vào Sổ đăng ký giám hộ", HT, "03 giờ", "Sổ đăng ký giám hộ"),
            Step("B3", "Ký Trích lục đăng ký giám hộ", CT + " xã", "03 giờ", "Trích lục đăng ký giám hộ"),
            Step("B4", ret, MC, "01 giờ", "BM.02"),
        ], time_text="Trong ngày làm việc; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo",
            fee_text="Miễn lệ phí", refs=[("60/2014/QH13", "Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014"), ("123/2015/NĐ-CP", "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch")],
            docs=[DossierDocument("Tờ khai đăng ký giám hộ theo mẫu", "01 bản chính", "Tờ khai đăng ký giám hộ (Thông tư số 04/2020/TT-BTP)"),
                  DossierDocument("Văn bản cử người giám hộ theo quy định của Bộ luật Dân sự", "01 bản chính"),
                  DossierDocument("Giấy tờ chứng minh điều kiện của người giám hộ", "01 bản sao")],
            cases=["bad_input", "procedure_absent"],
            note="Thủ tục \"Đăng ký giám hộ\" không có trong bộ dữ liệu: phải ra unmatched (không được gắn nhầm vào khai sinh, kết hôn)."),
        Q("qt-ht-06-ban-scan", TAN_PHU, "QT-HT-06", "Đăng ký khai tử", "1.004103", "unreadable", "scan", "table", [],
            cases=["bad_input", "scanned_pdf"],
            note="PDF chỉ có ảnh (bản scan), không có lớp chữ: phải báo không đọc được, không lặng lẽ bỏ qua."),
    ]


# ---------------------------------------------------------------------------------------------
# content of one quy trình (shared by the DOCX and PDF writers)
# ---------------------------------------------------------------------------------------------


def _resolve(q: Q, procs: dict[str, Procedure]) -> Q:
    """Fill defaults from the implemented procedure and apply the planted deviations."""
    q = copy.deepcopy(q)
    p = procs.get(q.procedure)
    if p is not None:
        ch = p.channels[0] if p.channels else None
        if not q.time_text:
            q.time_text = ch.processing_time.text if ch and ch.processing_time else p.time_text
        if not q.fee_text:
            q.fee_text = ch.fee.text if ch and ch.fee else (p.fee_text or "Không")
        if q.docs is None:
            q.docs = [copy.deepcopy(d) for d in p.documents]
        if q.refs is None:
            q.refs = [_lb_ref(b) for b in p.legal_basis]
    q.docs = q.docs or []
    q.refs = q.refs if q.refs is not None else []
    for f in q.findings:
        if f["kind"] == "extra_paper":
            q.docs.insert(2, DossierDocument(f["paper"], "01 bản chính"))
        elif f["kind"] == "missing_paper":
            q.docs = _drop(q.docs, f["paper"])
        elif f["kind"] == "legal_basis_outdated" and f["known_from"] == "procedure":
            q.refs = [r for r in q.refs if r[0] != f["replaced_by"]]
            q.refs.insert(1, (f["number"], f"Nghị định số {f['number']} ngày 04/01/2021 của Chính phủ về đăng ký doanh nghiệp"))
    if not q.purpose:
        q.purpose = f"Quy định trình tự, cách thức giải quyết thủ tục \"{q.title}\" bảo đảm đúng quy định của pháp luật, công khai, minh bạch và đúng thời hạn."
    if not q.scope:
        unit = "xã Tân Phú" if q.agency == TAN_PHU else "phường Đông Hòa"
        q.scope = f"Áp dụng đối với tổ chức, cá nhân có yêu cầu và công chức, người lao động của UBND {unit} tham gia giải quyết thủ tục."
    if not q.forms:
        q.forms = _std_forms(q.code)
    if not q.records:
        q.records = _std_records()
    return q


def _header_lines(q: Q) -> list[str]:
    return [q.agency.upper(), f"QUY TRÌNH {q.title.upper()}", f"Mã hiệu: {q.code}",
            f"Lần ban hành: {q.revision}", f"Ngày ban hành: {ISSUED[q.agency]}", "Trang: 1/6"]


def _sections(q: Q) -> dict[str, object]:
    """Section texts with the two units' heading styles (Tân Phú: 1., 5.1; Đông Hòa: I., 5.1.)."""
    tp = q.agency == TAN_PHU
    h = (["1. MỤC ĐÍCH", "2. PHẠM VI ÁP DỤNG", "3. TÀI LIỆU VIỆN DẪN", "4. ĐỊNH NGHĨA, TỪ VIẾT TẮT", "5. NỘI DUNG QUY TRÌNH",
          "6. BIỂU MẪU", "7. HỒ SƠ CẦN LƯU"] if tp else
         ["I. MỤC ĐÍCH", "II. PHẠM VI", "III. TÀI LIỆU VIỆN DẪN", "IV. ĐỊNH NGHĨA VÀ CHỮ VIẾT TẮT", "V. NỘI DUNG",
          "VI. BIỂU MẪU", "VII. HỒ SƠ LƯU"])
    sub = (["5.1 Cơ sở pháp lý", "5.2 Thành phần hồ sơ", "5.3 Số lượng hồ sơ", "5.4 Thời gian xử lý",
            "5.5 Nơi tiếp nhận và trả kết quả", "5.6 Lệ phí", "5.7 Quy trình xử lý công việc"] if tp else
           ["5.1. Căn cứ pháp lý", "5.2. Thành phần hồ sơ", "5.3. Số lượng hồ sơ", "5.4. Thời gian giải quyết",
            "5.5. Nơi tiếp nhận, trả kết quả", "5.6. Phí, lệ phí", "5.7. Trình tự thực hiện"])
    return {"h": h, "sub": sub}


def _doc_line(d: DossierDocument) -> str:
    form = f" ({d.form})" if d.form else ""
    return f"- {d.name}{form}: {d.quantity}" if d.quantity else f"- {d.name}{form}"


# ---------------------------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------------------------


def _docx(q: Q, path: Path, fix_zip: Callable[[Path], None], core: Callable) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    core(doc, f"Quy trình {q.title}")
    st = doc.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(13)

    def para(text: str, bold: bool = False, center: bool = False) -> None:
        p = doc.add_paragraph()
        r = p.add_run(text)
        r.bold = bold
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def table(rows: list[list[str]]):  # type: ignore[no-untyped-def]
        t = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        t.style = "Table Grid"
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                t.cell(i, j).text = v
        return t

    hl = _header_lines(q)
    if q.agency == TAN_PHU:
        t = table([[hl[0], hl[1], hl[2]], ["", "", hl[3]], ["", "", hl[4]], ["", "", hl[5]]])
        t.cell(0, 0).merge(t.cell(3, 0))
        t.cell(0, 1).merge(t.cell(3, 1))
        t.cell(0, 0).text = hl[0]
        t.cell(0, 1).text = hl[1]
    else:
        table([[hl[0], hl[1]], [f"Mã số: {q.code}", f"Lần sửa đổi: {q.revision} | Ngày hiệu lực: {ISSUED[q.agency]} | Trang 1/5"]])
    table([["", "Người viết", "Người kiểm tra", "Người phê duyệt"],
           ["Họ và tên", "Nguyễn Thị Lan" if q.agency == TAN_PHU else "Trần Văn Bình", "Lê Minh Tâm" if q.agency == TAN_PHU else "Phạm Thu Hà", "Võ Văn Hùng" if q.agency == TAN_PHU else "Đặng Quốc Việt"],
           ["Chữ ký", "(Đã ký)", "(Đã ký)", "(Đã ký)"],
           ["Chức vụ", "Công chức chuyên môn", PCT, CT]])
    para("THEO DÕI SỬA ĐỔI TÀI LIỆU", bold=True, center=True)
    table([["TT", "Ngày sửa đổi", "Vị trí sửa đổi", "Nội dung sửa đổi", "Lần sửa đổi"],
           ["1", ISSUED[q.agency], "Mục 5", "Cập nhật thành phần hồ sơ, thời gian theo Quyết định công bố thủ tục hành chính mới", q.revision]])
    sec = _sections(q)
    h, sub = sec["h"], sec["sub"]
    para(h[0], bold=True)
    para(q.purpose)
    para(h[1], bold=True)
    para(q.scope)
    para(h[2], bold=True)
    for _, title in [ISO_REF, MOT_CUA_REF] + q.viendan:
        para(f"- {title}")
    para(h[3], bold=True)
    para("- UBND: Ủy ban nhân dân; TTHC: Thủ tục hành chính; BM: Biểu mẫu.")
    para("- Bộ phận Một cửa: Bộ phận tiếp nhận và trả kết quả giải quyết thủ tục hành chính.")
    para(h[4], bold=True)
    para(sub[0], bold=True)
    for _, title in q.refs:
        para(f"- {title};")
    para(sub[1], bold=True)
    if q.agency == TAN_PHU:
        rows = [["TT", "Tên hồ sơ", "Số lượng", "Mẫu"]] + [
            [str(i), d.name, d.quantity, d.form] for i, d in enumerate(q.docs, 1)]
        table(rows)
    else:
        for d in q.docs:
            para(_doc_line(d))
    para(f"{sub[2]}: 01 (một) bộ hồ sơ.")
    para(f"{sub[3]}: {q.time_text}.")
    para(f"{sub[4]}: {PLACE[q.agency]}.")
    para(f"{sub[5]}: {q.fee_text}.")
    para(sub[6], bold=True)
    if q.layout in ("table", "merged"):
        rows = [["TT", "Trình tự thực hiện", "Trách nhiệm", "Thời gian", "Biểu mẫu/Kết quả"]] + [
            [s.no, s.action, s.responsible, s.time, s.output] for s in q.steps]
        if q.layout == "merged":
            total = f"Tổng thời gian giải quyết: {q.time_text}"
            rows.append([total, "", "", "", ""])
        t = table(rows)
        if q.layout == "merged":
            a, b = t.cell(2, 2), t.cell(3, 2)
            a.merge(b)
            t.cell(2, 2).text = HT
            last = len(rows) - 1
            t.cell(last, 0).merge(t.cell(last, 4))
            t.cell(last, 0).text = total
    elif q.layout == "no_time_column":
        table([["Bước", "Nội dung công việc", "Trách nhiệm", "Biểu mẫu, kết quả"]] + [
            [s.no, s.action, s.responsible, s.output] for s in q.steps])
    elif q.layout == "flowchart":  # boxes drawn as text boxes (DrawingML + VML fallback, as Word saves them)
        para("Lưu đồ:", bold=True)
        boxes = ["Bắt đầu", "Tổ chức, cá nhân nộp hồ sơ"] + [
            f"[{s.no}] {s.action} ({s.responsible}; {s.time})" for s in q.steps] + ["Kết thúc"]
        for n, text in enumerate(boxes, 1):
            doc.element.body.insert(len(doc.element.body) - 1, _textbox_paragraph(text, n, last=n == len(boxes)))
    elif q.layout == "no_steps":
        para("Việc tiếp nhận, giải quyết và trả kết quả thực hiện theo quy định tại Nghị định số 23/2015/NĐ-CP và Quy chế hoạt động của Trung tâm Phục vụ hành chính công phường.")
    para(h[5], bold=True)
    table([["TT", "Mã hiệu", "Tên biểu mẫu"]] + [[str(i), c, n] for i, (c, n) in enumerate(q.forms, 1)])
    para(h[6], bold=True)
    table([["TT", "Hồ sơ lưu", "Nơi lưu", "Thời gian lưu"]] + [
        [str(i), r, "Bộ phận chuyên môn", "05 năm"] for i, r in enumerate(q.records, 1)])
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    fix_zip(path)


def _textbox_paragraph(text: str, n: int, *, last: bool):  # type: ignore[no-untyped-def]
    """A centred paragraph holding one flowchart box (a text box) and, below it, an arrow shape."""
    from xml.sax.saxutils import escape

    from docx.oxml import parse_xml

    t = escape(text)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    box = (f'<w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">{t}</w:t>'
           f'</w:r></w:p></w:txbxContent>')
    arrow = "" if last else (
        '<w:r><w:pict><v:line from="150pt,0" to="150pt,18pt" strokeweight="1pt">'
        '<v:stroke endarrow="block"/></v:line></w:pict></w:r>')
    xml = (
        f'<w:p {w} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        '<w:pPr><w:jc w:val="center"/></w:pPr><w:r><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="3810000" cy="571500"/><wp:docPr id="{n}" name="Hộp {n}"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="3810000" cy="571500"/>'
        '</a:xfrm><a:prstGeom prst="flowChartProcess"><a:avLst/></a:prstGeom><a:ln w="12700"><a:solidFill>'
        '<a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
        f'<wps:txbx>{box}</wps:txbx><wps:bodyPr anchor="ctr"/></wps:wsp></a:graphicData></a:graphic></wp:inline>'
        '</w:drawing></mc:Choice><mc:Fallback><w:pict>'
        '<v:rect style="width:300pt;height:45pt" strokeweight="1pt">'
        f'<v:textbox>{box}</v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
        f'{arrow}</w:p>'
    )
    return parse_xml(xml)


# ---------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------


def _pdf_doc(q: Q, path: Path, new_pdf: Callable, line: Callable) -> None:
    pdf = new_pdf()
    pdf.set_title(f"Quy trình {q.title}")
    pdf.set_author("RaSoát - dữ liệu mẫu")
    hl = _header_lines(q)
    pdf.set_font("DejaVu", "", 10)
    with pdf.table(col_widths=(55, 65, 52), text_align="LEFT") as t:
        r = t.row()
        r.cell(hl[0])
        r.cell(hl[1])
        r.cell("\n".join(hl[2:]))
    pdf.ln(3)
    line(pdf, "Người viết: Trần Văn Bình - Người kiểm tra: Phạm Thu Hà - Người phê duyệt: Đặng Quốc Việt (Đã ký)")
    sec = _sections(q)
    h, sub = sec["h"], sec["sub"]
    line(pdf, h[0], bold=True)
    line(pdf, q.purpose)
    line(pdf, h[1], bold=True)
    line(pdf, q.scope)
    line(pdf, h[2], bold=True)
    for _, title in [ISO_REF, MOT_CUA_REF] + q.viendan:
        line(pdf, f"- {title}")
    line(pdf, h[3], bold=True)
    line(pdf, "- UBND: Ủy ban nhân dân; TTHC: Thủ tục hành chính.")
    line(pdf, h[4], bold=True)
    line(pdf, sub[0], bold=True)
    for _, title in q.refs:
        line(pdf, f"- {title};")
    line(pdf, sub[1], bold=True)
    for d in q.docs:
        line(pdf, _doc_line(d))
    line(pdf, f"{sub[2]}: 01 (một) bộ hồ sơ.")
    line(pdf, f"{sub[3]}: {q.time_text}.")
    line(pdf, f"{sub[4]}: {PLACE[q.agency]}.")
    line(pdf, f"{sub[5]}: {q.fee_text}.")
    line(pdf, sub[6], bold=True)
    if q.layout == "prose":
        for s in q.steps:
            line(pdf, f"{s.no}: {s.action}.")
            line(pdf, f"Trách nhiệm: {s.responsible}. Thời gian: {s.time}. Kết quả: {s.output}.")
    else:
        pdf.set_font("DejaVu", "", 9)
        with pdf.table(col_widths=(12, 70, 38, 25, 27), text_align="LEFT") as t:
            for row in [("TT", "Trình tự thực hiện", "Trách nhiệm", "Thời gian", "Biểu mẫu/Kết quả")] + [
                    (s.no, s.action, s.responsible, s.time, s.output) for s in q.steps]:
                r = t.row()
                for c in row:
                    r.cell(c)
        pdf.ln(2)
    line(pdf, h[5], bold=True)
    for c, n in q.forms:
        line(pdf, f"- {c}: {n}")
    line(pdf, h[6], bold=True)
    for r in q.records:
        line(pdf, f"- {r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))


def _scan(q: Q, path: Path, new_pdf: Callable, font: str) -> None:
    """An image-only PDF (a "scanned" page): text drawn into a PNG, no text layer."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    f = ImageFont.truetype(font, 28)
    y = 80
    for ln in _header_lines(q) + ["1. MỤC ĐÍCH", "Quy định trình tự giải quyết thủ tục đăng ký khai tử.",
                                  "5.7 Quy trình xử lý công việc", "B1 Tiếp nhận hồ sơ - Công chức Một cửa - 02 giờ",
                                  "B2 Ghi Sổ đăng ký khai tử - Công chức Tư pháp - Hộ tịch - 03 giờ"]:
        draw.text((90, y), ln, fill=0, font=f)
        y += 48
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    pdf = new_pdf()
    pdf.set_title(f"Quy trình {q.title} (bản scan)")
    pdf.set_author("RaSoát - dữ liệu mẫu")
    buf.seek(0)
    pdf.image(buf, x=0, y=0, w=210, h=297)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))


# ---------------------------------------------------------------------------------------------
# entry point
# ---------------------------------------------------------------------------------------------


def write_processes(root: Path, procs: dict[str, Procedure], *, fix_zip: Callable[[Path], None], docx_core: Callable,
                    new_pdf: Callable, pdf_line: Callable, font: str) -> list[dict]:
    """Write every quy trình under ``root`` and return their ground-truth entries.

    Args:
        root: the corpus folder.
        procs: procedures of the corpus by code (defaults and checks).
        fix_zip, docx_core, new_pdf, pdf_line, font: the deterministic writers of make_corpus.py.

    Returns:
        One dict per quy trình: file, agency, code, title, procedure_code, status, read, warning,
        steps (number expected), findings, cases, note.
    """
    out = []
    for spec in specs():
        if spec.procedure:
            assert spec.procedure in procs, f"quy trình {spec.code}: không có thủ tục {spec.procedure}"
            p = procs[spec.procedure]
            for f in spec.findings:
                if f["kind"] == "missing_paper":
                    assert any(d.name.startswith(f["paper"]) for d in p.documents), f
                if f["kind"] == "extra_paper":
                    assert not any(f["paper"].lower() in d.name.lower() for d in p.documents), f
                if f["kind"] == "legal_basis_outdated" and f["known_from"] == "procedure":
                    assert any(b.number == f["replaced_by"] for b in p.legal_basis), f
        q = _resolve(spec, procs)
        path = root / q.rel
        if q.fmt == "docx":
            _docx(q, path, fix_zip, docx_core)
        elif q.fmt == "pdf":
            _pdf_doc(q, path, new_pdf, pdf_line)
        else:
            _scan(q, path, new_pdf, font)
        out.append({
            "file": f"corpus/{q.rel}",
            "agency": q.agency,
            "code": q.code,
            "title": q.title,
            "procedure_code": q.procedure or None,
            "status": q.status,
            "read": q.status != "unreadable",
            "warning": q.warning,
            "steps": len(q.steps) if q.status != "unreadable" else 0,
            "findings": q.findings,
            "cases": q.cases,
            "note": q.note,
        })
    return out


PAIRS = [("corpus/quy-trinh/xa-tan-phu/qt-ht-01-dang-ky-khai-sinh.docx",
          "corpus/quy-trinh/phuong-dong-hoa/qt-ht-01-dang-ky-khai-sinh.pdf", "1.004101")]


def process_pairs() -> list[dict]:
    """Quy trình written by two units for one procedure (ground truth for duplicates)."""
    return [{"a": a, "b": b, "procedure_code": c, "relation": "same_procedure"} for a, b, c in PAIRS]


__all__ = ["PAIRS", "Q", "Step", "process_pairs", "specs", "write_processes"]
