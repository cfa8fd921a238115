"""Quy trình ISO 9001 (kind "process"): the reader on DOCX/PDF made here and on corpus/quy-trinh,
bad input (warnings or failures, never a crash, never silent), units and search integration."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pytest

from indexer.docx_text import Block
from indexer.process_docs import looks_like_process_doc, parse_process_blocks
from indexer.readers import read_bytes, read_path, read_paths
from indexer.records import (
    DossierDocument,
    Duration,
    Fee,
    Process,
    ProcessStep,
    Reference,
    record_from_dict,
)
from indexer.units import process_units

REPO = Path(__file__).resolve().parent.parent
STEP_HEADER = ["TT", "Trình tự công việc", "Trách nhiệm", "Thời gian", "Biểu mẫu/Kết quả"]
STEPS = [
    ["B1", "Tiếp nhận, kiểm tra hồ sơ", "Công chức Bộ phận Một cửa", "0,5 ngày", "BM.01"],
    ["B2", "Thẩm định hồ sơ, dự thảo kết quả", "Công chức Tư pháp - Hộ tịch", "02 ngày làm việc", "Dự thảo"],
    ["B3", "Ký kết quả", "Chủ tịch UBND xã", "04 giờ", "Giấy xác nhận"],
    ["B4", "Trả kết quả", "Công chức Bộ phận Một cửa", "Trong ngày", "Sổ theo dõi"],
]


def _docx(*, steps: list[list[str]] | None = STEPS, merged: bool = False, prose: bool = False,
          header: bool = True) -> bytes:
    """A quy trình DOCX in the layout of a commune (header box, sections 1–7, step table)."""
    from docx import Document

    doc = Document()
    if header:
        t = doc.add_table(rows=3, cols=3)
        t.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH"
        t.cell(0, 1).text = "QUY TRÌNH CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN"
        t.cell(0, 2).text = "Mã hiệu: QT-TP-01"
        t.cell(1, 2).text = "Lần ban hành: 03"
        t.cell(2, 2).text = "Ngày ban hành: 10/01/2025\nTrang: 1/4"
        t.cell(0, 0).merge(t.cell(2, 0))
        t.cell(0, 1).merge(t.cell(2, 1))
    sig = doc.add_table(rows=2, cols=3)
    for c, v in zip(sig.rows[0].cells, ["Người viết", "Người kiểm tra", "Người phê duyệt"]):
        c.text = v
    for line in [
        "THEO DÕI SỬA ĐỔI TÀI LIỆU",
        "1. MỤC ĐÍCH", "Quy định trình tự cấp Giấy xác nhận tình trạng hôn nhân.",
        "2. PHẠM VI ÁP DỤNG", "Áp dụng tại UBND xã Hòa Bình.",
        "3. TÀI LIỆU VIỆN DẪN", "- TCVN ISO 9001:2015",
        "- Thông tư số 15/2015/TT-BTP ngày 16/11/2015 của Bộ Tư pháp",
        "5. NỘI DUNG QUY TRÌNH",
        "5.1 Cơ sở pháp lý", "- Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014;",
        "- Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ;",
        "5.2 Thành phần hồ sơ",
        "- Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (Mẫu TP/HT-2020-XNHN): 01 bản chính",
        "- Giấy khám sức khỏe: 01 bản chính",
        "5.3 Số lượng hồ sơ: 01 bộ",
        "5.4 Thời gian xử lý: 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
        "5.5 Nơi tiếp nhận và trả kết quả: Bộ phận Một cửa UBND xã",
        "5.6 Lệ phí: 5.000 đồng/lần",
        "5.7 Quy trình xử lý công việc",
    ]:
        doc.add_paragraph(line)
    if prose and steps:
        for row in steps:
            doc.add_paragraph(f"Bước {row[0][1:]}: {row[1]}.")
            doc.add_paragraph(f"Trách nhiệm: {row[2]}. Thời gian: {row[3]}. Kết quả: {row[4]}.")
    elif steps:
        t = doc.add_table(rows=1 + len(steps), cols=5)
        for c, v in zip(t.rows[0].cells, STEP_HEADER):
            c.text = v
        for i, row in enumerate(steps, 1):
            for c, v in zip(t.rows[i].cells, row):
                c.text = v
        if merged:  # B1 and B2 share one "Trách nhiệm" cell; a total row spans every column
            t.cell(1, 2).merge(t.cell(2, 2))
            t.cell(1, 2).text = "Công chức Bộ phận Một cửa"
            r = t.add_row()
            r.cells[0].merge(r.cells[4])
            r.cells[0].text = "Tổng thời gian: 03 ngày làm việc"
    for line in ["6. BIỂU MẪU", "- BM.01: Giấy tiếp nhận hồ sơ", "7. HỒ SƠ CẦN LƯU", "- Giấy tiếp nhận hồ sơ",
                 "- Giấy xác nhận tình trạng hôn nhân"]:
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _read(data: bytes, name: str = "qt.docx"):  # type: ignore[no-untyped-def]
    res = read_bytes(data, name)
    assert not res.failures, res.failures
    assert len(res.records) == 1 and res.records[0].kind == "process", res.records
    return res.records[0], [w.warning for w in res.warnings]


def test_docx_step_table_and_header() -> None:
    p, warns = _read(_docx())
    assert warns == []
    assert (p.code, p.revision, p.issued) == ("QT-TP-01", "03", "10/01/2025")
    assert p.title == "Cấp giấy xác nhận tình trạng hôn nhân"
    assert p.agency == "Ủy ban nhân dân xã Hòa Bình"
    assert [s.no for s in p.steps] == ["B1", "B2", "B3", "B4"]
    assert [s.responsible for s in p.steps][:2] == ["Công chức Bộ phận Một cửa", "Công chức Tư pháp - Hộ tịch"]
    assert [(s.time.value, s.time.unit) for s in p.steps] == [
        (0.5, "working_days"), (2, "working_days"), (4, "hours"), (1, "working_days")]
    assert p.time_limit == Duration(3, "working_days")
    assert p.fee == Fee(5000, "5.000 đồng/lần")
    assert [r.number for r in p.references] == ["", "15/2015/TT-BTP", "60/2014/QH13", "123/2015/NĐ-CP"]
    assert p.documents[0] == DossierDocument("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", "1 bản chính",
                                             "Mẫu TP/HT-2020-XNHN")
    assert p.documents[1].name == "Giấy khám sức khỏe"
    assert p.forms == ["BM.01: Giấy tiếp nhận hồ sơ"]
    assert p.records == ["Giấy tiếp nhận hồ sơ", "Giấy xác nhận tình trạng hôn nhân"]
    assert p.place.startswith("Bộ phận Một cửa") and p.scope == "Áp dụng tại UBND xã Hòa Bình"


def test_docx_merged_cells_keep_owner_and_skip_total_row() -> None:
    p, _ = _read(_docx(merged=True))
    assert [s.no for s in p.steps] == ["B1", "B2", "B3", "B4"]
    assert p.steps[1].responsible == "Công chức Bộ phận Một cửa"


def test_docx_steps_as_prose() -> None:
    p, warns = _read(_docx(prose=True))
    assert warns == []
    assert [s.no for s in p.steps] == ["B1", "B2", "B3", "B4"]
    assert p.steps[2].responsible == "Chủ tịch UBND xã" and p.steps[2].time == Duration(4, "hours")
    assert p.steps[0].output == "BM.01"


def test_steps_without_time_or_owner() -> None:
    rows = [r[:] for r in STEPS]
    rows[1][3] = ""
    rows[2][2] = ""
    p, _ = _read(_docx(steps=rows))
    assert p.steps[1].time is None and p.steps[2].responsible == ""
    assert p.steps[0].time is not None and p.steps[2].time is not None


def test_no_step_table_is_a_warning_not_silence() -> None:
    p, warns = _read(_docx(steps=None))
    assert p.steps == [] and p.code == "QT-TP-01"
    assert any("bước" in w for w in warns)


def test_pdf_table_and_prose(tmp_path: Path) -> None:
    from fpdf import FPDF

    font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    if not Path(font).exists():
        pytest.skip("thiếu phông DejaVuSans")
    pdf = FPDF()
    pdf.add_font("D", "", font)
    pdf.add_font("D", "B", font.replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    pdf.set_font("D", "", 10)
    with pdf.table(col_widths=(60, 60, 50)) as t:
        r = t.row()
        for c in ("UBND PHƯỜNG AN BÌNH", "QUY TRÌNH ĐĂNG KÝ KHAI TỬ", "Mã hiệu: QT-HT-07\nLần ban hành: 01"):
            r.cell(c)
    for line in ["1. MỤC ĐÍCH", "Quy định trình tự đăng ký khai tử.", "2. PHẠM VI", "Áp dụng tại phường.",
                 "5. NỘI DUNG", "5.4. Thời gian giải quyết: Trong ngày", "5.7. Trình tự thực hiện"]:
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(12, 70, 40, 25, 30)) as t:
        for row in [STEP_HEADER] + STEPS:
            r = t.row()
            for c in row:
                r.cell(c)
    for line in ["6. BIỂU MẪU", "- BM.01: Giấy tiếp nhận"]:
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    p, warns = _read(bytes(pdf.output()), "qt.pdf")
    assert warns == [] and p.code == "QT-HT-07" and p.title == "Đăng ký khai tử"
    assert [(s.no, s.responsible) for s in p.steps] == [(r[0], r[2]) for r in STEPS]
    assert p.steps[1].time == Duration(2, "working_days") and p.source.page == 1


def test_flowchart_text_steps() -> None:
    blocks = [Block("QUY TRÌNH ĐĂNG KÝ KHAI TỬ"), Block("Mã hiệu: QT-HT-03"), Block("1. MỤC ĐÍCH"), Block("x"),
              Block("2. PHẠM VI"), Block("y"), Block("5. LƯU ĐỒ"), Block("Bắt đầu"), Block("↓"),
              Block("[B1] Tiếp nhận hồ sơ (Công chức Một cửa; 02 giờ)"), Block("↓"),
              Block("[B2] Ký trích lục (Chủ tịch UBND; 0,5 ngày)"), Block("↓"), Block("Kết thúc")]
    assert looks_like_process_doc(blocks)
    p, warns = parse_process_blocks(blocks, "x.docx")
    assert warns == []
    assert [(s.no, s.action, s.responsible, s.time) for s in p.steps] == [
        ("B1", "Tiếp nhận hồ sơ", "Công chức Một cửa", Duration(2, "hours")),
        ("B2", "Ký trích lục", "Chủ tịch UBND", Duration(0.5, "working_days"))]


def test_regulations_and_procedures_are_not_processes(corpus_dir: Path) -> None:
    res = read_paths([corpus_dir / "van-ban", corpus_dir / "cong-bo"])
    kinds = {r.kind for r in res.records}
    assert kinds == {"regulation", "procedure"}


def test_file_with_no_record_is_reported(tmp_path: Path) -> None:
    f = tmp_path / "ghi-chu.txt"
    f.write_text("Ghi chú nội bộ: họp giao ban thứ hai hằng tuần.\n", encoding="utf-8")
    res = read_path(f)
    assert res.records == [] and res.failures == []
    assert len(res.warnings) == 1 and "Không tìm thấy" in res.warnings[0].warning


def test_record_round_trip_and_json_reader(tmp_path: Path) -> None:
    p = Process(code="QT-HT-01", title="Đăng ký khai sinh", agency="UBND xã A",
                references=[Reference("60/2014/QH13", "Luật Hộ tịch")],
                documents=[DossierDocument("Tờ khai", "1 bản chính", "Mẫu 01")],
                time_limit=Duration(1, "working_days"), fee=Fee(0, "Miễn"),
                steps=[ProcessStep("B1", "Tiếp nhận", "Một cửa", Duration(2, "hours"), "BM.01"),
                       ProcessStep("B2", "Ký", "", None, "")])
    d = p.to_dict()
    assert list(d) == ["kind", "code", "title", "agency", "revision", "issued", "scope", "references", "documents",
                       "time_limit", "place", "fee", "steps", "forms", "records", "source"]
    assert set(d["steps"][0]) == {"no", "action", "responsible", "time", "output"}
    assert set(d["time_limit"]) == {"value", "unit"} and d["steps"][1]["time"] is None
    assert record_from_dict(json.loads(json.dumps(d))) == p
    f = tmp_path / "qt.jsonl"
    f.write_text(json.dumps(d, ensure_ascii=False) + "\n", encoding="utf-8")
    back = read_path(f).records
    assert len(back) == 1 and back[0].steps == p.steps
    assert p.id == "qt:QT-HT-01|UBND xã A" and Process(code="QT-HT-01", agency="UBND xã B").id != p.id


def test_units_of_a_process() -> None:
    p, _ = _read(_docx())
    units = process_units(p, p.id)
    parts = [u.part for u in units]
    assert parts[:3] == ["whole", "name", "papers"] and parts.count("step") == 4
    step3 = next(u for u in units if u.id.endswith("#step-B3"))
    assert step3.citation == "QT-TP-01, bước B3 (Ủy ban nhân dân xã Hòa Bình)"
    assert step3.kind == "process" and step3.code == "QT-TP-01" and "4 giờ" in step3.body
    assert "60/2014/QH13" in step3.doc_number


def test_random_damage_never_raises() -> None:
    """Shuffled, truncated and emptied blocks of a real quy trình: a record or nothing, no exception."""
    from indexer.docx_text import extract_docx_blocks

    base = extract_docx_blocks(_docx(merged=True))
    rng = random.Random(11)
    for _ in range(200):
        blocks = [Block(b.text, [r[:] for r in b.rows] if b.rows else None) for b in base]
        for b in rng.sample(blocks, k=min(6, len(blocks))):
            op = rng.randrange(4)
            if op == 0:
                b.text = b.text[: rng.randrange(len(b.text) + 1)]
            elif op == 1 and b.rows:
                b.rows = [row[: rng.randrange(len(row) + 1)] for row in b.rows[: rng.randrange(len(b.rows) + 1)]] or [[]]
            elif op == 2:
                b.text = "".join(rng.sample(b.text, len(b.text)))
            else:
                b.text, b.rows = "", None
        rng.shuffle(blocks)
        if looks_like_process_doc(blocks):
            p, warns = parse_process_blocks(blocks, "x.docx")
            assert isinstance(p, Process) and all(isinstance(w, str) for w in warns)


# --- the sample corpus ---------------------------------------------------------------------------


def _truth(corpus_dir: Path) -> list[dict]:
    gt = json.loads((corpus_dir / "ground_truth.json").read_text(encoding="utf-8"))
    return gt["processes"]


def test_corpus_processes_match_ground_truth(corpus_dir: Path) -> None:
    truth = _truth(corpus_dir)
    assert len(truth) >= 10 and {e["agency"] for e in truth} == {"Ủy ban nhân dân xã Tân Phú",
                                                                 "Ủy ban nhân dân phường Đông Hòa"}
    kinds = {f["kind"] for e in truth for f in e["findings"]}
    assert kinds == {"time_exceeds", "extra_paper", "missing_paper", "legal_basis_outdated", "fee_mismatch",
                     "step_without_owner", "step_without_time"}
    for e in truth:
        res = read_path(REPO / e["file"])
        if not e["read"]:
            assert res.records == [] and len(res.failures) == 1, e["file"]
            continue
        assert not res.failures and len(res.records) == 1, e["file"]
        p = res.records[0]
        assert (p.code, p.agency, len(p.steps)) == (e["code"], e["agency"], e["steps"]), e["file"]
        assert p.title.lower() == e["title"].lower(), e["file"]
        assert bool(res.warnings) == e["warning"], (e["file"], res.warnings)
        steps = {s.no: s for s in p.steps}
        for f in e["findings"]:
            k = f["kind"]
            if k == "step_without_owner":
                assert steps[f["step"]].responsible == ""
            elif k == "step_without_time":
                assert steps[f["step"]].time is None
            elif k == "extra_paper":
                assert any(d.name.startswith(f["paper"]) for d in p.documents)
            elif k == "missing_paper":
                assert not any(d.name.startswith(f["paper"]) for d in p.documents)
            elif k == "legal_basis_outdated":
                assert f["number"] in {r.number for r in p.references}
            elif k == "fee_mismatch":
                assert p.fee is not None and p.fee.amount_vnd == f["amount_vnd"]
            elif k == "time_exceeds":
                assert sum(s.time.in_working_days() for s in p.steps) == f["steps_days"]
                assert p.time_limit.in_working_days() == f["legal_days"]
        if not e["findings"] and p.steps:  # clean ones: every step has an owner and a time
            assert all(s.responsible and s.time is not None for s in p.steps), e["file"]


def test_corpus_regenerates_byte_identical(corpus_dir: Path, tmp_path: Path) -> None:
    """The quy trình writer gives the same bytes twice (fixed dates and zip times)."""
    import hashlib
    import sys

    sys.path.insert(0, str(corpus_dir))
    try:
        import make_corpus
        import make_processes
    finally:
        sys.path.remove(str(corpus_dir))
    procs = {p.code: p for ps in make_corpus.json_files().values() for p in ps}
    procs.update({p.code: p for p in make_corpus.docx_xay_dung() + make_corpus.pdf_an_lac()})

    def write(root: Path) -> dict[str, str]:
        make_processes.write_processes(root, procs, fix_zip=make_corpus._fix_zip, docx_core=make_corpus._docx_core,
                                       new_pdf=make_corpus._pdf, pdf_line=make_corpus._pdf_line, font=make_corpus.FONT)
        return {str(f.relative_to(root)): hashlib.sha256(f.read_bytes()).hexdigest()
                for f in sorted(root.rglob("*")) if f.is_file()}

    first = write(tmp_path / "a")
    assert first == write(tmp_path / "b")
    committed = {str(f.relative_to(corpus_dir)): hashlib.sha256(f.read_bytes()).hexdigest()
                 for f in sorted((corpus_dir / "quy-trinh").rglob("*")) if f.is_file()}
    assert first == committed


def test_search_and_parse_integration(corpus_index: Path) -> None:
    from search.index import open_index

    ix = open_index(corpus_index)
    hits = ix.search("niêm yết công khai kết quả xét duyệt trợ cấp", k=5, where={"kind": "process"}, mode="lexical")
    assert hits and all(h.kind == "process" for h in hits)
    assert hits[0].code == "QT-BT-01" and hits[0].citation.startswith("QT-BT-01, bước B3")
    assert len(ix.record_ids("process")) == sum(1 for e in _truth(REPO / "corpus") if e["read"])


def test_variants_title_row_paren_steps_half_day() -> None:
    """A step table under a merged title row; steps as prose with "(owner - time)"; "1/2 ngày"."""
    head = [Block("QUY TRÌNH ĐĂNG KÝ KHAI TỬ"), Block("Mã hiệu: QT-HT-03"), Block("1. MỤC ĐÍCH"), Block("x"),
            Block("2. PHẠM VI"), Block("y"), Block("5. TRÌNH TỰ THỰC HIỆN")]
    table = Block("t", rows=[["Quy trình xử lý", "", ""],
                             ["Bước", "Nội dung công việc", "Đơn vị/người thực hiện", "Thời gian thực hiện", "Hồ sơ/biểu mẫu"],
                             ["1", "Tiếp nhận", "Một cửa", "1/2 ngày", "BM.01"]])
    p, _ = parse_process_blocks(head + [table], "x.docx")
    assert [(s.no, s.responsible, s.time, s.output) for s in p.steps] == [
        ("1", "Một cửa", Duration(0.5, "working_days"), "BM.01")]
    prose = [Block("Bước 1: Tiếp nhận hồ sơ (Bộ phận Một cửa - 0,5 ngày)"),
             Block("Bước 2: Ký (Chủ tịch UBND xã, Phó Chủ tịch - 04 giờ)"), Block("Bước 3: Trả kết quả (nếu có)")]
    p, _ = parse_process_blocks(head + prose, "x.docx")
    assert [(s.no, s.responsible, s.time) for s in p.steps] == [
        ("B1", "Bộ phận Một cửa", Duration(0.5, "working_days")),
        ("B2", "Chủ tịch UBND xã, Phó Chủ tịch", Duration(4, "hours")),
        ("B3", "", None)]
    assert p.steps[2].action == "Trả kết quả (nếu có)"


def test_preamble_chunk_of_chunked_document_is_not_a_warning(tmp_path: Path) -> None:
    d = tmp_path / "nd_1_2020"
    d.mkdir()
    (d / "metadata.json").write_text(json.dumps({"doc_type": "Nghị định", "doc_title": "Nghị định mẫu",
                                                 "doc_number": "1/2020/NĐ-CP"}), encoding="utf-8")
    (d / "chunk_1.md").write_text("CHÍNH PHỦ\nNGHỊ ĐỊNH\nCăn cứ Luật Tổ chức Chính phủ;\n", encoding="utf-8")
    (d / "chunk_2.md").write_text("Điều 1. Phạm vi điều chỉnh\nNghị định này quy định mẫu.\n", encoding="utf-8")
    res = read_paths([d])
    assert [r.kind for r in res.records] == ["regulation"] and res.warnings == [] and res.failures == []


def test_flowchart_text_boxes_read_once(corpus_dir: Path) -> None:
    """Flowchart boxes are text boxes (DrawingML + VML fallback): each box text comes out once, in order."""
    from indexer.docx_text import extract_docx_blocks

    data = (corpus_dir / "quy-trinh" / "phuong-dong-hoa" / "qt-ht-03-dang-ky-khai-tu.docx").read_bytes()
    texts = [b.text for b in extract_docx_blocks(data) if b.rows is None]
    boxes = [t for t in texts if t.startswith("[B")]
    assert [t[:4] for t in boxes] == ["[B1]", "[B2]", "[B3]", "[B4]"]
    assert texts.count("Kết thúc") == 1 and texts.index("Bắt đầu") < texts.index(boxes[0])


def test_bare_numbers_split_table_and_label_column() -> None:
    """"Thời gian (ngày làm việc)" over bare numbers; "Các bước" as the label column; a table cut in
    two (no header on the second part); a line break inside a cell."""
    head = [Block("QUY TRÌNH CẤP PHÉP"), Block("Mã hiệu: QT-XD-02"), Block("1. MỤC ĐÍCH"), Block("x"),
            Block("2. PHẠM VI"), Block("y"), Block("5.7 Trình tự thực hiện")]
    first = Block("t", rows=[["Các bước", "Nội dung công việc", "Trách nhiệm", "Thời gian (ngày làm việc)", "Kết quả"],
                             ["1", "Tiếp nhận", "Công chức\nMột cửa", "0,5", "BM.01"],
                             ["2", "Thẩm định", "Phòng chuyên môn", "3", "Tờ trình"]])
    second = Block("t", rows=[["3", "Ký", "Lãnh đạo", "1", "Giấy phép"], ["4", "Trả kết quả", "Một cửa", "1/2", ""]])
    p, warns = parse_process_blocks(head + [first, Block(""), second], "x.docx")
    assert warns == []
    assert [(s.no, s.action, s.responsible, s.time) for s in p.steps] == [
        ("1", "Tiếp nhận", "Công chức Một cửa", Duration(0.5, "working_days")),
        ("2", "Thẩm định", "Phòng chuyên môn", Duration(3, "working_days")),
        ("3", "Ký", "Lãnh đạo", Duration(1, "working_days")),
        ("4", "Trả kết quả", "Một cửa", Duration(0.5, "working_days"))]
