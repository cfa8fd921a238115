"""National-portal records: flattened tables recovered (excerpts of real records, then all 2,642)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from indexer.portal import (
    parse_channels,
    parse_documents,
    parse_legal_table,
    parse_result,
    procedure_from_portal,
    record_code,
)
from indexer.procedure_fields import extract_doc_numbers, is_empty_value
from indexer.records import Procedure, Source

HEAD = "Hình thức nộpThời gianPhí, lệ phíMô tả"


def test_channels_time_fee_description() -> None:
    text = (
        HEAD + "Dịch vụ bưu chính60 Ngày làm việcKhông có thông tinThời hạn giải quyết khiếu nại lần đầu không quá"
        " 30 ngày, kể từ ngày thụ lý.Trực tiếp60 Ngày làm việcKhông có thông tinThời hạn giải quyết khiếu nại"
        " lần đầu không quá 30 ngày, kể từ ngày thụ lý."
    )
    chs = parse_channels(text)
    assert [c.channel for c in chs] == ["Dịch vụ bưu chính", "Trực tiếp"]
    assert all(c.processing_time.value == 60 and c.processing_time.unit == "working_days" for c in chs)
    assert all(c.fee is None for c in chs)
    assert chs[0].description.startswith("Thời hạn giải quyết khiếu nại lần đầu")


def test_channels_amount_fee_with_parenthesis() -> None:
    text = (
        HEAD + "Trực tuyến5 Ngày làm việc2,000,000 Việt Nam Đồng(Phí kiểm tra và cấp giấy chứng nhận đơn hàng"
        " nhập khẩu thuốc thú y (trừ các đơn hàng nhập khẩu để làm mẫu): 2.000.000 đồng/01 đơn hàng)"
        "Trực tiếp14 NgàyMiễn phí(Không quy định.)Không quá 14 ngày, kể từ ngày nhận đủ hồ sơ hợp lệ."
        "Dịch vụ bưu chính8 GiờMiễn phí"
    )
    online, direct, post = parse_channels(text)
    assert online.fee.amount_vnd == 2_000_000
    assert online.fee.text.endswith("2.000.000 đồng/01 đơn hàng)")
    assert online.description == ""
    assert (direct.processing_time.value, direct.processing_time.unit) == (14, "days")
    assert direct.fee.amount_vnd == 0 and direct.fee.text == "Miễn phí(Không quy định.)"
    assert direct.description == "Không quá 14 ngày, kể từ ngày nhận đủ hồ sơ hợp lệ."
    assert (post.processing_time.value, post.processing_time.unit) == (8, "hours")


def test_channels_bare_number_and_free_text_time() -> None:
    chs = parse_channels(HEAD + "Trực tuyến1Miễn phíDịch vụ bưu chính1Miễn phí")
    assert [(c.channel, c.processing_time.value, c.processing_time.unit) for c in chs] == [
        ("Trực tuyến", 1.0, "days"),
        ("Dịch vụ bưu chính", 1.0, "days"),
    ]
    chs = parse_channels(
        HEAD + "Trực tuyếnKhông phải trả kết quả cho người nộp thuếMiễn phíQua Cổng dịch vụ công quốc gia"
        "Dịch vụ bưu chínhKhôngKhông có thông tinThông qua dịch vụ bưu chính công ích"
    )
    assert chs[0].processing_time.unit == "text"
    assert chs[0].processing_time.text == "Không phải trả kết quả cho người nộp thuế"
    assert chs[0].fee.amount_vnd == 0 and chs[0].description == "Qua Cổng dịch vụ công quốc gia"
    assert chs[1].processing_time.text == "Không" and chs[1].fee is None
    # "Trực tuyến: nộp hồ sơ ..." inside a description is not a new row
    chs = parse_channels(HEAD + "Trực tiếp5 NgàyMiễn phíTrực tuyến: nộp hồ sơ qua Cổng dịch vụ công")
    assert len(chs) == 1 and chs[0].description == "Trực tuyến: nộp hồ sơ qua Cổng dịch vụ công"


def test_channels_time_read_from_description_when_cell_empty() -> None:
    chs = parse_channels(HEAD + "Trực tiếpKhông có thông tinMiễn phíTrong thời hạn 07 ngày làm việc kể từ ngày nhận hồ sơ")
    assert chs[0].processing_time.value == 7 and chs[0].processing_time.unit == "working_days"


def test_documents_rows_forms_quantities() -> None:
    text = (
        "--Tên giấy tờMẫu đơn, tờ khaiSố lượngGiấy ủy quyền theo mẫu số 03/GUQ trong trường hợp người đề nghị"
        " không phải là chủ sổ1 bản chínhVăn bản xác nhận của cơ quan có thẩm quyền0 bản chính,1 bản sao"
        "d) Văn bản đề nghị cấp thẻ bảo hiểm y tế của các đơn vị thuộc Bộ Công an.Mau02-BK(BHYT).doc1 bản chính"
        "- Văn bản đề nghị gia hạn giấy phép theo Mẫu 02 Phụ lục I Nghị định số 23/2026/NĐ-CP.Mau02.docx1 bản chính"
        "Hợp đồng bảo đảm (01 bản chính hoặc 01 bản sao có chứng thực).1 bản chính,1 bản sao"
    )
    docs = parse_documents(text)
    assert [(d.quantity, d.form) for d in docs] == [
        ("1 bản chính", ""),
        ("1 bản sao", ""),
        ("1 bản chính", "Mau02-BK(BHYT).doc"),
        ("1 bản chính", "Mau02.docx"),
        ("1 bản chính, 1 bản sao", ""),
    ]
    assert docs[0].name.startswith("Giấy ủy quyền theo mẫu số 03/GUQ")
    assert docs[2].name == "d) Văn bản đề nghị cấp thẻ bảo hiểm y tế của các đơn vị thuộc Bộ Công an."
    assert docs[3].name.startswith("Văn bản đề nghị gia hạn")  # leading "- " dropped
    assert docs[4].name == "Hợp đồng bảo đảm (01 bản chính hoặc 01 bản sao có chứng thực)."


def test_documents_groups_and_subheadings() -> None:
    text = (
        "a) Đối với xe của cơ quan:Tên giấy tờMẫu đơn, tờ khaiSố lượngVăn bản đề nghị tái xuất xe1 bản chính"
        "b) Đối với xe của cá nhân:Tên giấy tờMẫu đơn, tờ khaiSố lượng+ Giấy ủy quyền cho cơ quan1 bản chính"
        "- Giấy tờ phải xuất trình:0 bản chính+ Chứng minh thư do Bộ Ngoại giao cấp1 bản sao"
    )
    docs = parse_documents(text)
    assert [d.name for d in docs] == [
        "Văn bản đề nghị tái xuất xe",
        "Giấy ủy quyền cho cơ quan",
        "Chứng minh thư do Bộ Ngoại giao cấp",
    ]


def test_documents_several_papers_in_one_cell_and_free_text() -> None:
    docs = parse_documents(
        "--Tên giấy tờMẫu đơn, tờ khaiSố lượng- Tờ trình đề nghị xét tặng; - Báo cáo thành tích; - Biên bản xét"
        " khen thưởngMẫu số 1.4.docxMẫu số 1.5.docx1 bản chính"
    )
    assert [d.name for d in docs] == ["Tờ trình đề nghị xét tặng", "Báo cáo thành tích", "Biên bản xét khen thưởng"]
    assert docs[0].form == "Mẫu số 1.4.docx; Mẫu số 1.5.docx"
    assert parse_documents("--") == []
    free = parse_documents("+ Tờ khai đăng ký thuế;\n+ Bản sao giấy phép")
    assert [d.name for d in free] == ["Tờ khai đăng ký thuế", "Bản sao giấy phép"]


def test_legal_table_glued_cells() -> None:
    text = (
        "Tên văn bản pháp lýMã văn bảnHướng dẫn xử lý khiếu nại, kiến nghị, phản ánh68/2013/TT-BCALuật Khiếu nại"
        "  năm 201102/2011/QH13Nghị định 05/2012/NĐ-CP05/2012/NĐ-CPLuật Thú yLuật 79/2015/QH13Thông tư số"
        " 101/2020/TT-BTC ngày 23/11/2020 của Bộ Tài chính quy định mức thu101/2020/TT-BTC"
    )
    rows = parse_legal_table(text)
    assert [(r.number, r.title) for r in rows] == [
        ("68/2013/TT-BCA", "Hướng dẫn xử lý khiếu nại, kiến nghị, phản ánh"),
        ("02/2011/QH13", "Luật Khiếu nại năm 2011"),
        ("05/2012/NĐ-CP", "Nghị định 05/2012/NĐ-CP"),
        ("79/2015/QH13", "Luật Thú y"),
        ("101/2020/TT-BTC", "Thông tư số 101/2020/TT-BTC ngày 23/11/2020 của Bộ Tài chính quy định mức thu"),
    ]
    assert rows[4].date == "23/11/2020"
    assert parse_legal_table("Không có thông tin") == []


def test_result_codes_and_menu_dropped() -> None:
    text = (
        "Trích lục Ghi vào sổ hộ tịch việc khai sinhMã: KQ.G15.000330Trích lục ghi vào Sổ hộ tịch các việc hộ"
        " tịch khácMã: KQ.G15.000041Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiện"
        "Tỉnh/ Thành phốBộ ngành-- Chọn Bộ ngành --Nộp hồ sơ"
    )
    assert parse_result(text) == (
        "Trích lục Ghi vào sổ hộ tịch việc khai sinh; Trích lục ghi vào Sổ hộ tịch các việc hộ tịch khác"
    )
    assert parse_result("Văn bản cung cấp thông tinMã: 000.00.00.G04-KQ2350Từ khóaKhông có thông tin") == (
        "Văn bản cung cấp thông tin"
    )
    assert parse_result("Không có thông tin") == ""


def _portal_object() -> dict:
    return {
        "ma_thu_tuc": "1.014208",
        "ten_thu_tuc": "Hỗ trợ phát triển sản xuất cộng đồng.",
        "so_quyet_dinh": "226/QĐ-UBND",
        "cap_thuc_hien": "Cấp xã",
        "linh_vuc": "Bảo trợ xã hội",
        "doi_tuong_thuc_hien": "Công dân Việt Nam",
        "co_quan_co_tham_quyen": "Ủy ban nhân dân cấp xã",
        "co_quan_thuc_hien": "Không có thông tin",
        "trinh_tu_thuc_hien": "Bước 1: Nộp hồ sơ\nBước 2: Thẩm định\nBước 3: Trả kết quả",
        "cach_thuc_thuc_hien": HEAD + "Trực tiếp20 Ngày làm việcPhí : 0 Đồng",
        "thanh_phan_ho_so": "--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị hỗ trợMau01.docx1 bản chính",
        "can_cu_phap_ly": "Tên văn bản pháp lýMã văn bảnNghị quyết của Hội đồng nhân dân tỉnh182/2025/NQ-HĐND",
        "yeu_cau_dieu_kien": "Không",
        "ket_qua_xu_ly": "Quyết định hỗ trợMã: KQ.G22.000001Từ khóaKhông có thông tin",
        "raw_text": "Hỗ trợ phát triển sản xuất cộng đồng.Tên thủ tụcHỗ trợ phát triển sản xuất cộng đồng."
        "Mã thủ tục1.014023Số quyết định226/QĐ-UBNDCấp thực hiệnCấp xã",
    }


def test_procedure_from_portal_fields_and_round_trip() -> None:
    p = procedure_from_portal(_portal_object(), Source(file="portal.jsonl", record=7))
    assert p.code == "1.014023"  # the page's own code wins over ma_thu_tuc
    assert p.id == "tthc:1.014023"
    assert p.agency == "Ủy ban nhân dân cấp xã"  # co_quan_thuc_hien empty -> competent agency
    assert p.decision == "226/QĐ-UBND" and p.level == "Cấp xã" and p.field == "Bảo trợ xã hội"
    assert p.steps == ["Bước 1: Nộp hồ sơ", "Bước 2: Thẩm định", "Bước 3: Trả kết quả"]
    assert p.channels[0].fee.amount_vnd == 0 and p.channels[0].processing_time.value == 20
    assert p.documents[0].name == "Đơn đề nghị hỗ trợ" and p.forms == ["Mau01.docx"]
    assert p.legal_basis[0].number == "182/2025/NQ-HĐND"
    assert p.requirements == [] and p.result == "Quyết định hỗ trợ"
    assert p.source.record == 7
    again = Procedure.from_dict(json.loads(json.dumps(p.to_dict(), ensure_ascii=False)))
    assert again == p


def test_record_code_without_raw_text() -> None:
    obj = _portal_object()
    obj["raw_text"] = ""
    assert record_code(obj) == "1.014208"
    obj = _portal_object()
    obj["raw_text"] = obj["raw_text"].replace("1.014023", "1.014208")
    assert record_code(obj) == "1.014208"


def test_missing_fields_do_not_fail() -> None:
    p = procedure_from_portal({"ten_thu_tuc": "Thủ tục A", "cach_thuc_thuc_hien": None}, Source())
    assert p.name == "Thủ tục A" and p.code == "" and p.channels == []


# --- the real data ---------------------------------------------------------------------------


def _load(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_all_national_portal_records(shared_data: Path) -> None:
    objs = _load(shared_data / "procedures" / "national_portal_2642.jsonl.gz")
    assert len(objs) == 2642
    procs = [procedure_from_portal(o, Source(file="national_portal_2642.jsonl.gz", record=i)) for i, o in enumerate(objs)]
    assert all(p.name and p.code for p in procs)

    with_channels = [p for o, p in zip(objs, procs) if not is_empty_value(o["cach_thuc_thuc_hien"])]
    timed = [p for p in with_channels if any(c.processing_time and c.processing_time.value is not None for c in p.channels)]
    assert len(timed) >= 0.95 * len(with_channels), (len(timed), len(with_channels))

    with_docs = [p for o, p in zip(objs, procs) if not is_empty_value(o["thanh_phan_ho_so"])]
    assert sum(1 for p in with_docs if p.documents) >= 0.95 * len(with_docs)

    numbered = [(o, p) for o, p in zip(objs, procs) if extract_doc_numbers(o["can_cu_phap_ly"])]
    assert all(any(lb.number for lb in p.legal_basis) for _, p in numbered)

    # results never keep the page menu or the "Mã: KQ…" codes
    assert not any("Từ khóa" in p.result or "Mã: KQ" in p.result for p in procs)
    # a sample round-trips through JSON
    for p in procs[::97]:
        assert Procedure.from_dict(json.loads(json.dumps(p.to_dict(), ensure_ascii=False))) == p


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_CELLS = st.lists(
    st.sampled_from(
        [HEAD, "Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính", "20 Ngày làm việc", "1", "Miễn phí", "(", ")",
         "Không có thông tin", "50,000 Việt Nam Đồng", "Tên giấy tờMẫu đơn, tờ khaiSố lượng", "1 bản chính",
         "0 bản chính,1 bản sao", "Mau01.docx", "Tên văn bản pháp lýMã văn bản", "63/2010/NĐ-CP", "Luật ",
         "năm 2011", "Mã: KQ.G01.000001", "Từ khóa", "Bước 1: ", "\n", "- ", "Đơn đề nghị", "x"]
    ),
    max_size=25,
).map("".join)


@settings(max_examples=120, deadline=None)
@given(_CELLS, _CELLS, _CELLS, _CELLS)
def test_portal_parsers_never_raise(ch: str, docs: str, legal: str, result: str) -> None:
    obj = {"ten_thu_tuc": "A", "cach_thuc_thuc_hien": ch, "thanh_phan_ho_so": docs, "can_cu_phap_ly": legal,
           "ket_qua_xu_ly": result, "trinh_tu_thuc_hien": ch, "yeu_cau_dieu_kien": docs}
    p = procedure_from_portal(obj, Source())
    assert all(d.name for d in p.documents)
    assert "Mã: KQ" not in p.result
