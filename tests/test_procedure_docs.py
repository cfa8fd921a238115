"""Procedure publication documents: DOCX (with the channel table), PDF and text parse back to the same records."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from indexer.procedure_docs import looks_like_procedure_doc, parse_procedure_blocks, text_to_blocks
from indexer.readers import read_path
from indexer.records import Procedure

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

PROCS = [
    {
        "code": "1.001193",
        "name": "Đăng ký khai sinh",
        "level": "Cấp tỉnh",
        "field": "Hộ tịch",
        "steps": [
            "Bước 1: Người yêu cầu nộp hồ sơ tại Bộ phận Một cửa.",
            "Bước 2: Công chức tiếp nhận kiểm tra hồ sơ.",
            "Bước 3: Trả kết quả cho người yêu cầu.",
        ],
        "channels": [("Trực tiếp", "05 ngày làm việc", "8.000 đồng"), ("Trực tuyến", "05 ngày làm việc", "Không")],
        "documents": ["Tờ khai đăng ký khai sinh (theo Mẫu số 01)", "Giấy chứng sinh: 01 bản chính"],
        "time": "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        "applicants": "Cá nhân",
        "agency": "Sở Tư pháp tỉnh Quảng Ninh",
        "result": "Giấy khai sinh",
        "fee": "8.000 đồng/lần",
        "forms": ["Tờ khai đăng ký khai sinh (Mẫu số 01 ban hành kèm theo Thông tư số 04/2020/TT-BTP)"],
        "requirements": ["Không"],
        "legal": [
            "Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014",
            "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ",
        ],
        "legal_numbers": ["60/2014/QH13", "123/2015/NĐ-CP"],
    },
    {
        "code": "2.000815",
        "name": "Chứng thực bản sao từ bản chính",
        "level": "Cấp tỉnh",
        "field": "Chứng thực",
        "steps": ["Bước 1: Nộp bản chính và bản sao.", "Bước 2: Nhận bản sao đã chứng thực."],
        "channels": [("Trực tiếp", "Trong ngày", "2.000 đồng/trang")],
        "documents": ["Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao", "Bản sao cần chứng thực"],
        "time": "Trong ngày làm việc.",
        "applicants": "Cá nhân, tổ chức",
        "agency": "Phòng Tư pháp",
        "result": "Bản sao được chứng thực từ bản chính",
        "fee": "2.000 đồng/trang",
        "forms": ["Không"],
        "requirements": ["Bản chính không bị tẩy xóa, sửa chữa", "Không thuộc bí mật nhà nước"],
        "legal": ["Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 của Chính phủ"],
        "legal_numbers": ["23/2015/NĐ-CP"],
    },
]

HEADER = [
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH",
    "Số: 123/QĐ-UBND",
    "Quảng Ninh, ngày 10 tháng 3 năm 2025",
    "QUYẾT ĐỊNH",
    "VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH LĨNH VỰC TƯ PHÁP",
    "Điều 1. Công bố kèm theo Quyết định này 02 thủ tục hành chính.",
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
    "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành Quyết định này.",
    "PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH",
    "A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH",
]


def procedure_lines(p: dict, k: int, *, channel_text: bool) -> list[str]:
    """The standard layout of one procedure as lines (the channel table is written apart in DOCX)."""
    lines = [f"{k}. Thủ tục {p['name'][0].lower()}{p['name'][1:]} (Mã thủ tục: {p['code']})", "- Trình tự thực hiện:"]
    lines += p["steps"]
    if channel_text:
        modes = " hoặc ".join(
            {"Trực tiếp": "nộp trực tiếp tại Bộ phận Một cửa", "Trực tuyến": "nộp trực tuyến"}[c[0]] for c in p["channels"]
        )
        lines.append(f"- Cách thức thực hiện: {modes[0].upper()}{modes[1:]}.")
    else:
        lines.append("- Cách thức thực hiện:")
    return lines


def procedure_tail(p: dict) -> list[str]:
    lines = ["- Thành phần, số lượng hồ sơ:", "a) Thành phần hồ sơ:"]
    lines += [f"+ {d};" for d in p["documents"]]
    lines += ["b) Số lượng hồ sơ: 01 bộ."]
    lines += [
        f"- Thời hạn giải quyết: {p['time']}",
        f"- Đối tượng thực hiện thủ tục hành chính: {p['applicants']}.",
        f"- Cơ quan thực hiện thủ tục hành chính: {p['agency']}.",
        f"- Kết quả thực hiện thủ tục hành chính: {p['result']}.",
        f"- Lệ phí: {p['fee']}",
        "- Tên mẫu đơn, mẫu tờ khai: " + "; ".join(p["forms"]) + ".",
        "- Yêu cầu, điều kiện thực hiện thủ tục hành chính:",
    ]
    lines += [f"+ {r};" for r in p["requirements"]]
    lines += ["- Căn cứ pháp lý của thủ tục hành chính:"]
    lines += [f"+ {x};" for x in p["legal"]]
    return lines


def write_docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    head = d.add_table(rows=2, cols=2)  # the usual two-column header is a table
    for r, row in enumerate([(HEADER[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (HEADER[1], HEADER[2])]):
        for c, text in enumerate(row):
            head.rows[r].cells[c].text = text
    for line in HEADER[3:]:
        d.add_paragraph(line)
    fields_seen = set()
    for k, p in enumerate(PROCS, 1):
        if p["field"] not in fields_seen:
            fields_seen.add(p["field"])
            d.add_paragraph(f"{'I' * len(fields_seen)}. LĨNH VỰC {p['field'].upper()}")
        para = None
        for line in procedure_lines(p, k, channel_text=False):
            para = d.add_paragraph()
            run = para.add_run(line)
            run.bold = line.startswith(f"{k}. Thủ tục")
        table = d.add_table(rows=1, cols=4)
        for j, h in enumerate(["Hình thức nộp", "Thời hạn giải quyết", "Phí, lệ phí", "Mô tả"]):
            table.rows[0].cells[j].text = h
        for c in p["channels"]:
            row = table.add_row()
            for j, v in enumerate([c[0], c[1], c[2], ""]):
                row.cells[j].text = v
        for line in procedure_tail(p):
            d.add_paragraph(line)
    d.save(path)
    return path


def write_text(path: Path) -> Path:
    lines = list(HEADER)
    fields_seen = set()
    for k, p in enumerate(PROCS, 1):
        if p["field"] not in fields_seen:
            fields_seen.add(p["field"])
            lines.append(f"{'I' * len(fields_seen)}. LĨNH VỰC {p['field'].upper()}")
        lines += procedure_lines(p, k, channel_text=True) + procedure_tail(p)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_pdf(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=10)
    fields_seen = set()
    pdf.add_page()
    for line in HEADER:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    for k, p in enumerate(PROCS, 1):
        pdf.add_page()  # each procedure on its own page: page numbers are checked
        if p["field"] not in fields_seen:
            fields_seen.add(p["field"])
            pdf.multi_cell(0, 6, f"{'I' * len(fields_seen)}. LĨNH VỰC {p['field'].upper()}", new_x="LMARGIN", new_y="NEXT")
        for line in procedure_lines(p, k, channel_text=True) + procedure_tail(p):
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def check_common(procs: list[Procedure], path: Path) -> None:
    assert [p.code for p in procs] == [p["code"] for p in PROCS]
    for got, want in zip(procs, PROCS):
        assert got.name == want["name"]
        assert got.level == "Cấp tỉnh"
        assert got.field == want["field"]
        assert got.decision == "123/QĐ-UBND"
        assert got.province == "Quảng Ninh"
        assert len(got.steps) == len(want["steps"])
        assert got.steps[0].startswith("Bước 1")
        assert [d.name.split(" (")[0].split(":")[0] for d in got.documents] == [
            d.split(" (")[0].split(":")[0] for d in want["documents"]
        ]
        assert got.time_text.startswith(want["time"].rstrip("."))
        assert got.applicants == want["applicants"]
        assert got.agency == want["agency"]
        assert got.result == want["result"]
        assert got.fee_text == want["fee"]
        assert [lb.number for lb in got.legal_basis] == want["legal_numbers"]
        assert got.source.file == str(path)
    first = procs[0]
    assert first.documents[0].form.startswith("Mẫu số 01")
    assert first.documents[1].quantity == "1 bản chính"
    assert procs[1].requirements == PROCS[1]["requirements"]
    assert procs[0].requirements == []  # "Không"


def test_docx_roundtrip_with_channel_table(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "cong-bo.docx")
    res = read_path(path)
    assert res.failures == []
    procs = res.records
    assert all(isinstance(p, Procedure) for p in procs)
    check_common(procs, path)
    ch = procs[0].channels
    assert [c.channel for c in ch] == ["Trực tiếp", "Trực tuyến"]
    assert ch[0].processing_time.value == 5 and ch[0].processing_time.unit == "working_days"
    assert ch[0].fee.amount_vnd == 8000
    assert ch[1].fee.amount_vnd == 0
    assert procs[1].channels[0].fee.amount_vnd == 2000


def test_text_and_markdown_roundtrip(tmp_path: Path) -> None:
    for name in ("cong-bo.txt", "cong-bo.md"):
        path = write_text(tmp_path / name)
        res = read_path(path)
        assert res.failures == []
        check_common(res.records, path)
        ch = res.records[0].channels
        assert [c.channel for c in ch] == ["Trực tiếp", "Trực tuyến"]
        assert ch[0].processing_time.value == 5


def test_pdf_roundtrip_keeps_pages(tmp_path: Path) -> None:
    if not FONT.exists():
        pytest.skip("thiếu phông DejaVuSans.ttf")
    path = write_pdf(tmp_path / "cong-bo.pdf")
    res = read_path(path)
    assert res.failures == []
    check_common(res.records, path)
    assert [p.source.page for p in res.records] == [2, 3]


def test_same_records_from_every_format(tmp_path: Path) -> None:
    a = read_path(write_docx(tmp_path / "a.docx")).records
    b = read_path(write_text(tmp_path / "a.txt")).records
    for x, y in zip(a, b):
        assert (x.code, x.name, x.steps, x.agency, x.result, [d.name for d in x.documents]) == (
            y.code, y.name, y.steps, y.agency, y.result, [d.name for d in y.documents]
        )


def test_variants_without_numbering_and_bullets() -> None:
    text = """
THỦ TỤC HÀNH CHÍNH CẤP XÃ
Thủ tục: Đăng ký kết hôn giữa công dân Việt Nam với nhau
Tại Ủy ban nhân dân cấp xã
Mã thủ tục: 1.000894
Lĩnh vực: Hộ tịch
TRÌNH TỰ THỰC HIỆN
Bước 1: Nộp hồ sơ.
Bước 2: Nhận kết quả.
Cách thức thực hiện: Trực tiếp hoặc qua dịch vụ bưu chính
Thời hạn giải quyết: Ngay trong ngày
Cơ quan giải quyết: Ủy ban nhân dân cấp xã
Kết quả thực hiện: Giấy chứng nhận kết hôn
Phí, lệ phí: Miễn lệ phí
"""
    blocks = text_to_blocks(text)
    assert looks_like_procedure_doc(blocks)
    (p,) = parse_procedure_blocks(blocks, "x.txt")
    assert p.code == "1.000894"
    assert p.name == "Đăng ký kết hôn giữa công dân Việt Nam với nhau Tại Ủy ban nhân dân cấp xã"
    assert p.level == "Cấp xã" and p.field == "Hộ tịch"
    assert len(p.steps) == 2
    assert [c.channel for c in p.channels] == ["Trực tiếp", "Dịch vụ bưu chính"]
    assert p.agency == "Ủy ban nhân dân cấp xã"
    assert p.fee_text == "Miễn lệ phí"


def test_regulation_mentioning_procedures_is_not_a_procedure_doc(tmp_path: Path) -> None:
    text = "\n".join(
        [f"Điều {i}. Quy định số {i}\nNội dung điều {i}." for i in range(1, 15)]
        + ["3. Thủ tục hành chính được cung cấp gồm:", "- Trình tự thực hiện:", "- Thời hạn giải quyết:",
           "- Cơ quan thực hiện:"]
    )
    path = tmp_path / "qd.txt"
    path.write_text(text, encoding="utf-8")
    res = read_path(path)
    assert res.failures == []
    assert {r.kind for r in res.records} == {"regulation"}


def test_docx_procedure_as_field_table(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("Số: 45/QĐ-UBND")
    rows = [
        ("Tên thủ tục", "Đăng ký khai tử"),
        ("Mã thủ tục", "1.000656"),
        ("Trình tự thực hiện", "Bước 1: Nộp tờ khai.\nBước 2: Nhận trích lục khai tử."),
        ("Cách thức thực hiện", "Trực tiếp hoặc trực tuyến"),
        ("Thành phần hồ sơ", "Tờ khai đăng ký khai tử\nGiấy báo tử"),
        ("Thời hạn giải quyết", "Ngay trong ngày"),
        ("Cơ quan thực hiện", "Ủy ban nhân dân cấp xã"),
        ("Kết quả thực hiện", "Trích lục khai tử"),
        ("Lệ phí", "Miễn lệ phí"),
    ]
    t = d.add_table(rows=0, cols=2)
    for a, b in rows:
        r = t.add_row()
        r.cells[0].text, r.cells[1].text = a, b
    path = tmp_path / "bang.docx"
    d.save(path)
    res = read_path(path)
    assert res.failures == []
    (p,) = res.records
    assert (p.code, p.name, p.decision) == ("1.000656", "Đăng ký khai tử", "45/QĐ-UBND")
    assert len(p.steps) == 2 and [x.name for x in p.documents] == ["Tờ khai đăng ký khai tử", "Giấy báo tử"]
    assert [c.channel for c in p.channels] == ["Trực tiếp", "Trực tuyến"]
    assert p.agency == "Ủy ban nhân dân cấp xã" and p.result == "Trích lục khai tử"


def test_html_procedure_doc(tmp_path: Path) -> None:
    lines = list(HEADER)
    for k, p in enumerate(PROCS, 1):
        lines += procedure_lines(p, k, channel_text=True) + procedure_tail(p)
    html = "<html><body>" + "".join(f"<p>{ln}</p>" for ln in lines) + "</body></html>"
    path = tmp_path / "cong-bo.html"
    path.write_text(html, encoding="utf-8")
    res = read_path(path)
    assert res.failures == []
    assert [(p.code, p.name, len(p.steps)) for p in res.records] == [
        (p["code"], p["name"], len(p["steps"])) for p in PROCS
    ]


# --- regressions (corpus check) -------------------------------------------------------------


def test_corpus_pdf_takes_decision_from_kem_theo_line(corpus_dir: Path) -> None:
    res = read_path(corpus_dir / "cong-bo" / "qd-2087-tu-phap-van-hoa-an-lac.pdf")
    assert res.failures == [] and len(res.records) == 7
    assert {p.decision for p in res.records} == {"2087/QĐ-UBND"}
    docx = read_path(corpus_dir / "cong-bo" / "qd-1342-xay-dung-giao-thong-binh-son.docx")
    assert {p.decision for p in docx.records} == {"1342/QĐ-UBND"}


@pytest.mark.parametrize("line", [
    "(Kèm theo Quyết định số 2087/QĐ-UBND ngày 22/9/2025 của Chủ tịch Ủy ban nhân dân tỉnh An Lạc)",
    "(Ban hành kèm theo Quyết định số 2087/QĐ-UBND ngày 22/9/2025)",
    "(Kèm theo Quyết định số\n2087/QĐ-UBND ngày 22/9/2025)",
])
def test_decision_from_kem_theo_variants(line: str) -> None:
    text = "ỦY BAN NHÂN DÂN TỈNH AN LẠC\nPHỤ LỤC\n" + line + "\n" + "\n".join(_proc_lines())
    procs = parse_procedure_blocks(text_to_blocks(text), "x.txt")
    assert [p.decision for p in procs] == ["2087/QĐ-UBND"]


def _proc_lines() -> list[str]:
    return [
        "1. Thủ tục: Cấp thẻ hướng dẫn viên du lịch nội địa Mã thủ tục: 1.004802",
        "- Trình tự thực hiện:",
        "Bước 1: Nộp hồ sơ.",
        "- Thành phần, số lượng hồ sơ:",
        "a) Thành phần hồ sơ:",
        "+ Đơn đề nghị cấp thẻ (01 bản chính);",
        "+ 02 ảnh chân dung màu cỡ 3 cm x 4 cm (02 ảnh);",
        "+ Ảnh thẻ (01 ảnh);",
        "+ Bản sao văn bằng (01 bản sao);",
        "+ Tờ khai (01 bản chính) theo Mẫu số 03;",
        "+ Giấy đề nghị (01 bản chính, theo Mẫu số 04);",
        "+ Bảng kê (2 bảng kê).",
        "b) Số lượng hồ sơ: 01 bộ.",
        "- Thời hạn giải quyết: 10 ngày.",
        "- Cơ quan thực hiện thủ tục hành chính: Sở Văn hóa, Thể thao và Du lịch.",
        "- Kết quả thực hiện thủ tục hành chính: Thẻ hướng dẫn viên.",
    ]


def test_bracketed_quantities_leave_the_paper_name() -> None:
    procs = parse_procedure_blocks(text_to_blocks("\n".join(_proc_lines())), "x.txt")
    got = [(d.name, d.quantity, d.form) for d in procs[0].documents]
    assert got == [
        ("Đơn đề nghị cấp thẻ", "1 bản chính", ""),
        ("02 ảnh chân dung màu cỡ 3 cm x 4 cm", "02 ảnh", ""),
        ("Ảnh thẻ", "01 ảnh", ""),
        ("Bản sao văn bằng", "1 bản sao", ""),
        ("Tờ khai theo Mẫu số 03", "1 bản chính", "Mẫu số 03"),
        ("Giấy đề nghị", "1 bản chính", "Mẫu số 04"),
        ("Bảng kê (2 bảng kê)", "", ""),  # "bảng" is not the unit "bản"
    ]


def test_corpus_pdf_quantities_not_in_names(corpus_dir: Path) -> None:
    res = read_path(corpus_dir / "cong-bo" / "qd-2087-tu-phap-van-hoa-an-lac.pdf")
    docs = [d for p in res.records for d in p.documents]
    assert docs and all(d.quantity for d in docs)
    assert not any(re.search(r"\(\d+ (?:bản|ảnh|bộ)", d.name) for d in docs)
