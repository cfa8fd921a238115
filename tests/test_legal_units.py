"""Regulations → one LegalUnit per Điều; khoản/điểm units; Pháp điển notes; DOCX/PDF round trips; real data."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from indexer.legal_units import (
    doc_type_from_number,
    make_citation,
    parse_regulation,
    parse_source_note,
    split_clauses,
)
from indexer.readers import read_path, read_paths

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

DECREE = """CHÍNH PHỦ
Số: 63/2010/NĐ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 08 tháng 06 năm 2010
NGHỊ ĐỊNH
VỀ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH
CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;
NGHỊ ĐỊNH:
Chương I
NHỮNG QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
1. Nghị định này quy định về kiểm soát thủ tục hành chính.
2. Nghị định này không điều chỉnh:
a) Thủ tục hành chính trong nội bộ cơ quan;
b) Thủ tục xử lý vi phạm hành chính.
Điều 2. Đối tượng áp dụng
Nghị định này áp dụng đối với cơ quan hành chính nhà nước.
Chương II
QUY ĐỊNH THỦ TỤC HÀNH CHÍNH
Mục 1. NGUYÊN TẮC
Điều 3. Nguyên tắc quy định thủ tục hành chính
Thủ tục hành chính được quy định phải bảo đảm các nguyên tắc sau:
1. Đơn giản, dễ hiểu và dễ thực hiện.
2. Phù hợp với mục tiêu quản lý hành chính nhà nước.
Điều 4. Sửa đổi
1. Sửa đổi Điều 2 như sau:
Điều 2. Đối tượng áp dụng (trích dẫn, không phải điều mới)
2. Bãi bỏ khoản 3 Điều 1.
"""


def test_decree_articles_header_and_structure() -> None:
    units = parse_regulation(DECREE, "nd63.txt")
    assert [u.article for u in units] == ["1", "2", "3", "4"]
    u1, u2, u3, u4 = units
    assert u1.doc_number == "63/2010/NĐ-CP"
    assert u1.doc_type == "Nghị định"
    assert u1.doc_title == "Về kiểm soát thủ tục hành chính"
    assert u1.issued == "08/06/2010"
    assert u1.chapter == "Chương I. Những quy định chung"
    assert u1.article_title == "Phạm vi điều chỉnh"
    assert u1.citation == "Điều 1, Nghị định 63/2010/NĐ-CP"
    assert u1.id == "vb:63/2010/NĐ-CP|1"
    assert u1.text.startswith("1. Nghị định này") and "b) Thủ tục xử lý" in u1.text
    assert u3.chapter == "Chương II. Quy định thủ tục hành chính"
    assert u3.section == "Mục 1. Nguyên tắc"
    assert "(trích dẫn, không phải điều mới)" in u4.text  # a quoted older article stays body text
    assert u1.source.file == "nd63.txt" and u1.source.page is None


def test_split_clauses_and_points() -> None:
    u1 = parse_regulation(DECREE, "nd63.txt")[0]
    clauses = split_clauses(u1)
    assert [c.clause for c in clauses] == ["1", "2"]
    assert clauses[1].citation == "Điều 1 khoản 2, Nghị định 63/2010/NĐ-CP"
    assert clauses[1].id == "vb:63/2010/NĐ-CP|1|2"
    with_points = split_clauses(u1, points=True)
    assert [(c.clause, c.point) for c in with_points] == [("1", ""), ("2", ""), ("2", "a"), ("2", "b")]
    assert with_points[2].citation == "Điều 1 khoản 2 điểm a, Nghị định 63/2010/NĐ-CP"
    assert with_points[2].text.startswith("a) Thủ tục hành chính trong nội bộ")
    u2 = parse_regulation(DECREE, "nd63.txt")[1]
    assert split_clauses(u2) == [u2]  # no khoản: the article itself
    u3 = parse_regulation(DECREE, "nd63.txt")[2]
    c3 = split_clauses(u3)
    assert c3[0].text.startswith("Thủ tục hành chính được quy định")  # intro kept with khoản 1


def test_quy_che_attached_to_decision() -> None:
    text = """ỦY BAN NHÂN DÂN TỈNH BẮC NINH
SỞ NỘI VỤ
QUY CHẾ
LÀM VIỆC CỦA SỞ NỘI VỤ
(Ban hành kèm theo Quyết định số 123/QĐ-SNV ngày 10/3/2025 của Giám đốc Sở Nội vụ)
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định về nguyên tắc làm việc.
Điều 2. Đối tượng áp dụng
Công chức, viên chức của Sở.
"""
    units = parse_regulation(text, "qc.docx")
    assert len(units) == 2
    u = units[0]
    assert u.doc_number == "123/QĐ-SNV"
    assert u.doc_type == "Quy chế"
    assert u.doc_title == "Làm việc của sở nội vụ"
    assert u.issued == "10/03/2025"
    assert u.citation == "Điều 1, Quy chế ban hành kèm theo Quyết định 123/QĐ-SNV"
    assert split_clauses(u)[0].citation.startswith("Điều 1")


PHAP_DIEN = """---
layout: page
title: Thử
---

## THÔNG TIN VĂN BẢN

| Thuộc tính | Nội dung |
|---|---|
| **Số hiệu** | Đang cập nhật |

## VĂN BẢN
# Tiêu chuẩn và quy chuẩn kỹ thuật

Chương I

NHỮNG QUY ĐỊNH CHUNG

Điều 19.8.QĐ.3.1. Phạm vi điều chỉnh

(Điều 1 Quyết định số 19/2014/QĐ-TTg Về việc áp dụng Hệ thống quản lý chất lượng ngày 05/03/2014 của Thủ tướng Chính phủ, có hiệu lực thi hành kể từ ngày 18/05/2014 )

Quyết định này quy định về việc xây dựng Hệ thống quản lý chất lượng.

(Điều này có nội dung liên quan đến Điều 19.8.TT.8.1. Phạm vi điều chỉnh (bao gồm cả đối tượng) và đối tượng áp dụng)

Điều 19.8.QĐ.3.2. Đối tượng áp dụng

(Điều 2 Quyết định số 19/2014/QĐ-TTg, có hiệu lực thi hành kể từ ngày 18/05/2014)

1. Các cơ quan sau đây phải xây dựng:

a) Bộ, cơ quan ngang Bộ;

b) Ủy ban nhân dân cấp tỉnh.

2. Khuyến khích các cơ quan khác áp dụng.Điều 19.8.LQ.1. Phạm vi điều chỉnh

(Điều 1 Luật số 68/2006/QH11 Tiêu chuẩn và quy chuẩn kỹ thuật ngày 29/06/2006 của Quốc hội, có hiệu lực thi hành kể từ ngày 01/01/2007 )

Luật này quy định về hoạt động xây dựng tiêu chuẩn.

## Danh sách điều khoản

### 19008000000000001000

Điều 19.8.QĐ.3.1. Phạm vi điều chỉnh

### 1900800000000000100000100000000000000000

Điều 19.8.QĐ.3.2. Đối tượng áp dụng
"""


def test_phap_dien_notes_index_and_glued_headings() -> None:
    units = parse_regulation(PHAP_DIEN, "tc.md")
    assert [u.codified_id for u in units] == ["19.8.QĐ.3.1", "19.8.QĐ.3.2", "19.8.LQ.1"]
    a, b, c = units
    assert a.article == "1" and a.doc_number == "19/2014/QĐ-TTg" and a.doc_type == "Quyết định"
    assert a.doc_title == "Về việc áp dụng Hệ thống quản lý chất lượng"
    assert a.issued == "05/03/2014"
    assert a.citation == "Điều 1, Quyết định 19/2014/QĐ-TTg"
    assert a.article_title == "Phạm vi điều chỉnh"
    assert a.chapter == "Chương I. Những quy định chung"
    assert a.text == "Quyết định này quy định về việc xây dựng Hệ thống quản lý chất lượng."
    # the short note of the same document reuses the remembered title and date
    assert b.article == "2" and b.doc_title == a.doc_title and b.issued == "05/03/2014"
    assert b.citation == "Điều 2, Quyết định 19/2014/QĐ-TTg"
    assert b.text.endswith("Khuyến khích các cơ quan khác áp dụng.")
    assert c.citation == "Điều 1, Luật 68/2006/QH11" and c.doc_title == "Tiêu chuẩn và quy chuẩn kỹ thuật"
    assert all("có nội dung liên quan" not in u.text for u in units)
    assert len({u.id for u in units}) == 3
    pts = split_clauses(b, points=True)
    assert pts[1].citation == "Điều 2 khoản 1 điểm a, Quyết định 19/2014/QĐ-TTg"


def test_source_note_and_helpers() -> None:
    n = parse_source_note("(Điều 4a Nghị định số 127/2007/NĐ-CP Quy định chi tiết ngày 01/08/2007 của Chính phủ, "
                          "có hiệu lực thi hành kể từ ngày 03/09/2007 )")
    assert n == {"article": "4a", "doc_type": "Nghị định", "doc_number": "127/2007/NĐ-CP",
                 "doc_title": "Quy định chi tiết", "issued": "01/08/2007", "issuer": "Chính phủ"}
    assert parse_source_note("(Điều này có nội dung liên quan đến Điều 1)") is None
    assert doc_type_from_number("66.7/2025/NQ-CP") == "Nghị quyết"
    assert doc_type_from_number("68/2006/QH11") == "Luật"
    assert doc_type_from_number("47/2009/TTLT-BTC-BLĐTBXH") == "Thông tư liên tịch"
    assert make_citation("5", "Quyết định", "19/2014/QĐ-TTg", clause="2") == "Điều 5 khoản 2, Quyết định 19/2014/QĐ-TTg"


def test_markdown_bold_headings() -> None:
    md = """| CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| --- | --- |
| Số: 66.7/2025/NQ-CP | Hà Nội, ngày 15 tháng 11 năm 2025 |

**NGHỊ QUYẾT**
QUY ĐỊNH CẮT GIẢM THỦ TỤC HÀNH CHÍNH
*Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;*
**Điều 1. Phạm vi điều chỉnh **
Nghị quyết này quy định việc thay thế thành phần hồ sơ.
**Điều 2. Nguyên tắc**
1. Việc thay thế được thực hiện theo mức độ đáp ứng.
"""
    units = parse_regulation(md, "nq.md")
    assert [u.article_title for u in units] == ["Phạm vi điều chỉnh", "Nguyên tắc"]
    assert units[0].citation == "Điều 1, Nghị quyết 66.7/2025/NQ-CP"
    assert units[0].issued == "15/11/2025"
    assert units[0].doc_title == "Quy định cắt giảm thủ tục hành chính"
    assert "**" not in units[1].text


def test_text_without_articles_gives_nothing(tmp_path: Path) -> None:
    p = tmp_path / "README.md"
    p.write_text("# Ghi chú\n\nTệp này mô tả dữ liệu, có nhắc Điều 1 Quyết định số 19/2014/QĐ-TTg.\n", encoding="utf-8")
    res = read_path(p)
    assert res.records == [] and res.failures == []


def _regulation_lines() -> list[str]:
    return [ln for ln in DECREE.strip().split("\n")]


def test_docx_regulation_roundtrip(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    for line in _regulation_lines():
        para = d.add_paragraph()
        run = para.add_run(line)
        run.bold = line.startswith(("Điều", "Chương", "NGHỊ ĐỊNH"))
    path = tmp_path / "nd63.docx"
    d.save(path)
    res = read_path(path)
    assert res.failures == []
    want = parse_regulation(DECREE, str(path))
    assert [u.to_dict() for u in res.records] == [u.to_dict() for u in want]


def test_pdf_regulation_keeps_start_pages(tmp_path: Path) -> None:
    if not FONT.exists():
        pytest.skip("thiếu phông DejaVuSans.ttf")
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for line in _regulation_lines():
        if line.startswith("Điều 3."):
            pdf.add_page()
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "nd63.pdf"
    pdf.output(str(path))
    res = read_path(path)
    assert res.failures == []
    units = res.records
    want = parse_regulation(DECREE, str(path))
    assert [(u.article, u.article_title, u.citation, u.chapter, u.section) for u in units] == [
        (u.article, u.article_title, u.citation, u.chapter, u.section) for u in want
    ]
    assert [u.text for u in units] == [u.text for u in want]
    assert [u.source.page for u in units] == [1, 1, 2, 2]


# --- real data ----------------------------------------------------------------------------

PHAP_DIEN_FILES = {
    "tieu-chuan-va-quy-chuan-ky-thuat.md": 409,
    "kiem-soat-thu-tuc-hanh-chinh.md": 84,
    "tiep-nhan-xu-ly-phan-anh-kien-nghi-cua-ca-nhan-to-chuc-ve-quy-dinh-hanh-chinh.md": 39,
    "cong-nghe-thong-tin.md": 1082,
}


def test_real_qd_19_2014(shared_data: Path) -> None:
    res = read_path(shared_data / "regulations" / "tieu-chuan-va-quy-chuan-ky-thuat.md")
    assert res.failures == []
    qd = [u for u in res.records if u.doc_number == "19/2014/QĐ-TTg"]
    assert sorted(int(u.article) for u in qd) == list(range(1, 18))
    by_art = {u.article: u for u in qd}
    assert by_art["1"].citation == "Điều 1, Quyết định 19/2014/QĐ-TTg"
    assert by_art["1"].codified_id == "19.8.QĐ.3.1"
    assert by_art["1"].article_title == "Phạm vi điều chỉnh"
    assert by_art["1"].issued == "05/03/2014"
    assert by_art["1"].doc_title.startswith("Về việc áp dụng Hệ thống quản lý chất lượng")
    assert by_art["2"].doc_title == by_art["1"].doc_title
    assert "Bộ, cơ quan ngang Bộ, Bảo hiểm Xã hội Việt Nam" in by_art["2"].text
    c = split_clauses(by_art["2"], points=True)
    assert any(x.citation == "Điều 2 khoản 1 điểm a, Quyết định 19/2014/QĐ-TTg" for x in c)


@pytest.mark.parametrize("name", sorted(PHAP_DIEN_FILES))
def test_real_phap_dien_counts_and_unique_ids(shared_data: Path, name: str) -> None:
    res = read_path(shared_data / "regulations" / name)
    assert res.failures == []
    units = res.records
    assert len(units) == PHAP_DIEN_FILES[name]
    dup = [k for k, v in collections.Counter(u.id for u in units).items() if v > 1]
    assert dup == []
    assert all(u.doc_number and u.codified_id and u.text for u in units)
    assert not any("có nội dung liên quan đến" in u.text[:60] for u in units)


def test_real_chunked_decree_uses_metadata(shared_data: Path) -> None:
    folder = shared_data / "regulations" / "decrees" / "63_2010_NĐ_CP"
    res = read_paths([folder])
    assert res.failures == []
    units = res.records
    assert [int(u.article) for u in units] == list(range(1, 38))
    assert {u.doc_number for u in units} == {"63/2010/NĐ-CP"}
    assert units[0].doc_title == "Về kiểm soát thủ tục hành chính"
    assert units[0].issued == "08/06/2010"
    assert units[0].citation == "Điều 1, Nghị định 63/2010/NĐ-CP"
    full = read_path(shared_data / "regulations" / "decrees" / "nd_63_2010_full.md").records
    assert [u.article_title for u in full] == [u.article_title for u in units]


DECISION_WITH_QUY_CHE = """ỦY BAN NHÂN DÂN TỈNH BẮC NINH
Số: 49/2012/QĐ-UBND
Bắc Ninh, ngày 23 tháng 10 năm 2012
QUYẾT ĐỊNH
BAN HÀNH QUY CHẾ QUẢN LÝ KINH PHÍ
Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý kinh phí.
Điều 2. Quyết định này có hiệu lực sau 10 ngày.
Điều 3. Chánh Văn phòng chịu trách nhiệm thi hành.
QUY CHẾ
QUẢN LÝ KINH PHÍ CHI THƯỜNG XUYÊN
(Ban hành kèm theo Quyết định số 49/2012/QĐ-UBND ngày 23 tháng 10 năm 2012 của Ủy ban nhân dân tỉnh)
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc quản lý kinh phí.
Điều 2. Đối tượng áp dụng
Các cơ quan, đơn vị dự toán.
"""


def test_decision_with_attached_regulation_has_unique_ids() -> None:
    units = parse_regulation(DECISION_WITH_QUY_CHE, "qd49.txt")
    assert [u.citation for u in units] == [
        "Điều 1, Quy chế ban hành kèm theo Quyết định 49/2012/QĐ-UBND",
        "Điều 2, Quy chế ban hành kèm theo Quyết định 49/2012/QĐ-UBND",
    ]
    assert units[0].doc_type == "Quy chế" and units[0].doc_title == "Quản lý kinh phí chi thường xuyên"
    assert units[0].issued == "23/10/2012" and units[0].chapter == "Chương I. Quy định chung"
    assert units[0].text == "Quy chế này quy định việc quản lý kinh phí."
    assert len({u.id for u in units}) == 2


def test_real_chunked_decision_with_quy_che(shared_data: Path) -> None:
    res = read_paths([shared_data / "regulations" / "decrees" / "49_2012_QĐ_UBND"])
    ids = [u.id for u in res.records]
    assert len(ids) == len(set(ids)) == 11
    assert all(u.citation.endswith("Quy chế ban hành kèm theo Quyết định 49/2012/QĐ-UBND") for u in res.records)


# --- regressions (corpus check) -------------------------------------------------------------


CORPUS_TITLES = {
    "quy-che-iso-9001-so-tu-phap-binh-son.docx": (
        "Quy chế", "Áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015"),
    "quy-che-mot-cua-an-lac.pdf": ("Quy chế", "Tổ chức và hoạt động của Bộ phận Một cửa"),
    "quy-dinh-ra-soat-danh-gia-tthc-binh-son.md": (
        "Quyết định", "Quy định về rà soát, đánh giá thủ tục hành chính trên địa bàn tỉnh Bình Sơn"),
}


@pytest.mark.parametrize("name", sorted(CORPUS_TITLES))
def test_corpus_regulations_have_doc_title(corpus_dir: Path, name: str) -> None:
    res = read_path(corpus_dir / "van-ban" / name)
    assert res.failures == [] and res.records
    doc_type, title = CORPUS_TITLES[name]
    assert {u.doc_type for u in res.records} == {doc_type}
    assert all(u.doc_title.startswith(title) for u in res.records), res.records[0].doc_title


@pytest.mark.parametrize("type_line", ["QUY CHẾ", "QUYẾT ĐỊNH", "NGHỊ ĐỊNH", "THÔNG TƯ", "QUY ĐỊNH"])
def test_all_caps_title_gets_sentence_case(type_line: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH AN LẠC\nSố: 12/2025/QĐ-UBND\n\n"
        f"{type_line}\nVỀ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH\nTRÊN ĐỊA BÀN TỈNH AN LẠC\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương;\n\n"
        "Điều 1. Phạm vi điều chỉnh\nNội dung.\n"
    )
    units = parse_regulation(text, "x.txt")
    assert units[0].doc_title == "Về kiểm soát thủ tục hành chính trên địa bàn tỉnh An Lạc"


def test_mixed_case_title_kept_and_stops_at_attached_line() -> None:
    text = (
        "QUY CHẾ\nTổ chức và hoạt động của Bộ phận Một cửa\n"
        "(Ban hành kèm theo Quyết định số 18/2025/QĐ-UBND ngày 05/3/2025)\n\n"
        "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nNội dung.\n"
    )
    u = parse_regulation(text, "x.txt")[0]
    assert u.doc_title == "Tổ chức và hoạt động của Bộ phận Một cửa"
    assert u.doc_number == "18/2025/QĐ-UBND"
    assert u.chapter == "Chương I. Quy định chung"


def test_sentence_case_keeps_acronyms_numbers_and_place_names() -> None:
    from indexer.legal_units import sentence_case

    assert sentence_case("VỀ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH") == "Về kiểm soát thủ tục hành chính"
    assert sentence_case("ÁP DỤNG TCVN ISO 9001:2015 TẠI TỈNH BÌNH SƠN") == "Áp dụng TCVN ISO 9001:2015 tại tỉnh Bình Sơn"
    assert sentence_case("SỬA ĐỔI NGHỊ ĐỊNH SỐ 63/2010/NĐ-CP") == "Sửa đổi nghị định số 63/2010/NĐ-CP"
    assert sentence_case("CHƯƠNG II") == "Chương II"
    assert sentence_case("Về kiểm soát TTHC") == "Về kiểm soát TTHC"


def test_phap_dien_short_note_gets_title_from_related_note() -> None:
    text = (
        "Điều 44.5.TT.6.45. Công bố thủ tục hành chính\n\n"
        "(Điều 45 Thông tư số 21/2016/TT-BGTVT, có hiệu lực thi hành kể từ ngày 15/10/2016)\n\n"
        "1. Nội dung công bố.\n\n"
        "(Điều này có nội dung liên quan đến Điều 1. Phạm vi điều chỉnh của Thông tư 21/2016/TT-BGTVT "
        "Quy định về kiểm soát thủ tục hành chính trong lĩnh vực giao thông vận tải ban hành ngày 25/08/2016)\n\n"
        "Điều 44.5.TT.6.46. Niêm yết\n\n"
        "(Điều 46 Thông tư số 21/2016/TT-BGTVT, có hiệu lực thi hành kể từ ngày 15/10/2016)\n\n"
        "1. Nội dung niêm yết.\n"
    )
    units = parse_regulation(text, "phap-dien.md")
    assert [u.article for u in units] == ["45", "46"]
    assert all(u.doc_title == "Quy định về kiểm soát thủ tục hành chính trong lĩnh vực giao thông vận tải"
               for u in units)
    assert all(u.issued == "25/08/2016" for u in units)
    assert not any("liên quan đến" in u.text for u in units)


def test_real_phap_dien_doc_titles_from_notes(shared_data: Path) -> None:
    res = read_path(shared_data / "regulations" / "kiem-soat-thu-tuc-hanh-chinh.md")
    by_doc = collections.defaultdict(set)
    for u in res.records:
        by_doc[u.doc_number].add(u.doc_title)
    assert by_doc["63/2010/NĐ-CP"] == {"Về kiểm soát thủ tục hành chính"}
    assert all(t for t in by_doc["21/2016/TT-BGTVT"])
    assert sum(1 for u in res.records if not u.doc_title) == 0


def test_mixed_case_title_wrapped_mid_sentence() -> None:
    text = ("QUYẾT ĐỊNH\nVề việc ban hành Quy chế tổ chức\nvà hoạt động của Bộ phận Một cửa\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương;\nĐiều 1. Ban hành\nNội dung.\n")
    assert parse_regulation(text, "x.txt")[0].doc_title == (
        "Về việc ban hành Quy chế tổ chức và hoạt động của Bộ phận Một cửa")
