"""Reading accuracy of the quy trình reader on randomly varied DOCX layouts (not the corpus ones).

Usage:
    nice -n 10 .venv/bin/python benchmarks/process_variants.py [--n 300] [--seed 7]

Writes ``n`` quy trình DOCX in memory, each from a corpus procedure with a random mix of the
variations seen in real units' manuals: header box (3-column table, 2-row table, plain lines),
heading numbering (1./5.1, I./5.1., none), step table column names and order (responsible
before or after the action; "Bước/TT/STT"; "Người thực hiện/Đơn vị thực hiện/Trách nhiệm";
"Thời gian/Thời hạn/Thời gian thực hiện"), step labels (B1, Bước 1, 1, B.1), times ("0,5 ngày",
"01 ngày làm việc", "04 giờ", "1/2 ngày", "30 phút", "Trong ngày", "02 ngày"), steps as a
table (20 % with bare numbers under "Thời gian (ngày làm việc)", 15 % cut in two tables, line
breaks inside cells), as prose or as flowchart text boxes, papers as a table or bullets. Reads each with
``indexer.readers.read_bytes`` and prints the share of files whose code, title, steps (count,
owner, time in working days) and papers were all read right, and per-field accuracies.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "corpus"))

from indexer.readers import read_bytes  # noqa: E402

TIMES = [("0,5 ngày", 0.5), ("01 ngày làm việc", 1.0), ("04 giờ", 0.5), ("1/2 ngày", 0.5), ("30 phút", 0.0625),
         ("Trong ngày", 1.0), ("02 ngày", 2.0), ("03 ngày làm việc", 3.0), ("08 giờ", 1.0)]
OWNERS = ["Công chức Bộ phận Một cửa", "Công chức Tư pháp - Hộ tịch", "Chủ tịch UBND xã", "Phó Chủ tịch UBND phường",
          "Công chức Văn hóa - Xã hội", "Văn phòng HĐND và UBND", "Lãnh đạo phòng chuyên môn"]
ACTIONS = ["Tiếp nhận, kiểm tra hồ sơ; lập Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Thẩm định hồ sơ, đề xuất giải quyết",
           "Xem xét, ký kết quả giải quyết", "Vào sổ, đóng dấu, phát hành văn bản", "Trả kết quả, thu phí, lệ phí",
           "Xác minh thông tin tại nơi cư trú", "Niêm yết công khai kết quả"]
COLS = {
    "no": ["TT", "STT", "Bước", "Các bước"],
    "action": ["Trình tự thực hiện", "Nội dung công việc", "Mô tả công việc", "Trình tự công việc"],
    "responsible": ["Trách nhiệm", "Người thực hiện", "Đơn vị thực hiện", "Trách nhiệm thực hiện"],
    "time": ["Thời gian", "Thời hạn", "Thời gian thực hiện", "Thời gian xử lý"],
    "output": ["Biểu mẫu/Kết quả", "Kết quả", "Hồ sơ/Biểu mẫu", "Biểu mẫu"],
}


def _label(style: str, i: int) -> tuple[str, str]:
    """(as written, as the reader should give it)."""
    return {"B": (f"B{i}", f"B{i}"), "Bước": (f"Bước {i}", f"B{i}"), "num": (str(i), str(i)),
            "B.": (f"B.{i}", f"B{i}")}[style]


def make(rng: random.Random, proc, code: str) -> tuple[bytes, dict]:  # type: ignore[no-untyped-def]
    """One random quy trình DOCX and what the reader must find in it."""
    from docx import Document

    from make_processes import _textbox_paragraph

    doc = Document()
    agency = rng.choice(["ỦY BAN NHÂN DÂN XÃ AN PHÚ", "UBND PHƯỜNG BẮC SƠN", "ỦY BAN NHÂN DÂN\nTHỊ TRẤN ĐỒNG XOÀI"])
    title = proc.name
    header = rng.choice(["table3", "table2", "lines"])
    if header == "table3":
        t = doc.add_table(rows=1, cols=3)
        t.cell(0, 0).text, t.cell(0, 1).text = agency, f"QUY TRÌNH\n{title.upper()}"
        t.cell(0, 2).text = f"Mã hiệu: {code}\nLần ban hành: 01\nNgày ban hành: 05/5/2025\nTrang: 1/5"
    elif header == "table2":
        t = doc.add_table(rows=2, cols=2)
        t.cell(0, 0).text, t.cell(0, 1).text = agency, f"QUY TRÌNH {title.upper()}"
        t.cell(1, 0).text, t.cell(1, 1).text = f"Mã số: {code}", "Lần sửa đổi: 02 | Ngày hiệu lực: 01/7/2025"
    else:
        for ln in agency.split("\n") + [f"QUY TRÌNH {title.upper()}", f"Ký hiệu: {code}", "Lần ban hành: 01"]:
            doc.add_paragraph(ln)
    num = rng.choice(["arabic", "roman", "none"])

    def head(i: int, text: str) -> str:
        return {"arabic": f"{i}. {text}", "roman": f"{'I II III IV V VI VII'.split()[i - 1]}. {text}", "none": text}[num]

    sub = rng.choice(["5.{}", "5.{}.", "{})"])
    for i, (h, body) in enumerate([("MỤC ĐÍCH", "Quy định trình tự giải quyết thủ tục."),
                                   ("PHẠM VI ÁP DỤNG", "Áp dụng tại đơn vị."),
                                   ("TÀI LIỆU VIỆN DẪN", "- TCVN ISO 9001:2015"),
                                   ("ĐỊNH NGHĨA, TỪ VIẾT TẮT", "- UBND: Ủy ban nhân dân")], 1):
        doc.add_paragraph(head(i, h))
        doc.add_paragraph(body)
    doc.add_paragraph(head(5, rng.choice(["NỘI DUNG QUY TRÌNH", "NỘI DUNG"])))
    doc.add_paragraph(f"{sub.format(1)} Cơ sở pháp lý")
    for b in proc.legal_basis:
        doc.add_paragraph(f"- {b.title} số {b.number};")
    doc.add_paragraph(f"{sub.format(2)} Thành phần hồ sơ")
    if rng.random() < 0.5:
        t = doc.add_table(rows=1, cols=3)
        for c, v in zip(t.rows[0].cells, ["TT", "Tên giấy tờ", "Số lượng"]):
            c.text = v
        for i, d in enumerate(proc.documents, 1):
            cells = t.add_row().cells
            cells[0].text, cells[1].text, cells[2].text = str(i), d.name, d.quantity
    else:
        for d in proc.documents:
            doc.add_paragraph(f"- {d.name}: {d.quantity}")
    doc.add_paragraph(f"{sub.format(4)} Thời gian xử lý: 05 ngày làm việc")
    doc.add_paragraph(f"{sub.format(6)} Lệ phí: Không")
    doc.add_paragraph(f"{sub.format(7)} " + rng.choice(["Quy trình xử lý công việc", "Trình tự thực hiện",
                                                         "Các bước thực hiện", "Lưu đồ"]))
    n = rng.randint(3, 7)
    lab = rng.choice(["B", "Bước", "num", "B."])
    steps = []
    for i in range(1, n + 1):
        written, want = _label(lab, i)
        tt, days = rng.choice(TIMES)
        steps.append((written, want, rng.choice(ACTIONS), rng.choice(OWNERS), tt, days, f"Kết quả bước {i}"))
    layout = rng.choices(["table", "prose", "flowchart"], weights=[6, 2, 1])[0]
    if layout == "table":
        order = ["no", "action", "responsible", "time", "output"]
        if rng.random() < 0.3:
            order = ["no", "responsible", "action", "time", "output"]
        bare = rng.random() < 0.2  # "Thời gian (ngày làm việc)" over bare numbers
        split = rng.random() < 0.15 and n > 3  # the table cut in two (a page break), no header on the second part
        t = doc.add_table(rows=1, cols=5)
        for c, k in zip(t.rows[0].cells, order):
            c.text = "Thời gian (ngày làm việc)" if (k == "time" and bare) else rng.choice(COLS[k])
        if bare:
            steps = [(*s[:4], f"{s[5]:g}".replace(".", ","), *s[5:]) for s in steps]
        for j, s in enumerate(steps):
            if split and j == n // 2:
                doc.add_paragraph("")
                t = doc.add_table(rows=0, cols=5)
            owner = s[3].replace(" ", "\n", 1) if rng.random() < 0.3 else s[3]  # a line break inside the cell
            vals = {"no": s[0], "action": s[2], "responsible": owner, "time": s[4], "output": s[6]}
            cells = t.add_row().cells
            for c, k in zip(cells, order):
                c.text = vals[k]
    elif layout == "prose":
        for s in steps:
            word = s[0] if lab != "num" else f"Bước {s[0]}"
            doc.add_paragraph(f"{word}: {s[2]}.")
            doc.add_paragraph(f"Trách nhiệm: {s[3]}. Thời gian: {s[4]}. Kết quả: {s[6]}.")
        if lab == "num":
            steps = [(s[0], f"B{s[0]}", *s[2:]) for s in steps]
    else:
        body = doc.element.body
        for k, s in enumerate(steps, 1):
            word = s[0] if lab != "num" else f"B{s[0]}"
            body.insert(len(body) - 1, _textbox_paragraph(f"[{word}] {s[2]} ({s[3]}; {s[4]})", k, last=k == n))
        if lab == "num":
            steps = [(s[0], f"B{s[0]}", *s[2:]) for s in steps]
    doc.add_paragraph(head(6, "BIỂU MẪU"))
    doc.add_paragraph("- BM.01: Giấy tiếp nhận hồ sơ")
    doc.add_paragraph(head(7, "HỒ SƠ CẦN LƯU"))
    doc.add_paragraph("- Giấy tiếp nhận hồ sơ")
    buf = io.BytesIO()
    doc.save(buf)
    truth = {"code": code, "title": title.lower(), "steps": [(s[1], s[3], s[5]) for s in steps],
             "papers": len(proc.documents), "layout": layout}
    return buf.getvalue(), truth


def make_pdf(rng: random.Random, proc, code: str) -> tuple[bytes, dict]:  # type: ignore[no-untyped-def]
    """One random quy trình PDF with a step table (cell alignment, column widths, page breaks vary)."""
    from fpdf import FPDF

    font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    pdf = FPDF(format="A4")
    pdf.add_font("D", "", font)
    pdf.add_font("D", "B", font.replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    pdf.set_font("D", "", 10)

    def line(t: str) -> None:
        pdf.multi_cell(0, 5, t, new_x="LMARGIN", new_y="NEXT")

    with pdf.table(col_widths=(55, 65, 50), text_align="LEFT") as t:
        r = t.row()
        for c in ("ỦY BAN NHÂN DÂN\nXÃ AN PHÚ", f"QUY TRÌNH {proc.name.upper()}",
                  f"Mã hiệu: {code}\nLần ban hành: 01\nTrang: 1/3"):
            r.cell(c)
    for h, body in [("1. MỤC ĐÍCH", "Quy định trình tự giải quyết thủ tục."), ("2. PHẠM VI", "Áp dụng tại xã."),
                    ("3. TÀI LIỆU VIỆN DẪN", "- TCVN ISO 9001:2015"), ("5. NỘI DUNG QUY TRÌNH", "")]:
        line(h)
        if body:
            line(body)
    line("5.2. Thành phần hồ sơ")
    for d in proc.documents:
        line(f"- {d.name}: {d.quantity}")
    for _ in range(rng.randint(0, 30)):  # filler: pushes the table across a page break now and then
        line("Ghi chú: hồ sơ được tiếp nhận trong giờ hành chính các ngày làm việc trong tuần.")
    line("5.7. Trình tự thực hiện")
    n = rng.randint(3, 7)
    lab = rng.choice(["B", "Bước", "num"])
    steps = []
    for i in range(1, n + 1):
        written, want = _label(lab, i)
        tt, days = rng.choice(TIMES)
        steps.append((written, want, rng.choice(ACTIONS), rng.choice(OWNERS), tt, days, f"Kết quả bước {i}"))
    widths = rng.choice([(12, 70, 38, 25, 27), (15, 60, 45, 25, 27), (12, 80, 35, 20, 25)])
    with pdf.table(col_widths=widths, text_align=rng.choice(["LEFT", "JUSTIFY"]),
                   v_align=rng.choice(["TOP", "MIDDLE"])) as t:
        for row in [("TT", rng.choice(COLS["action"]), rng.choice(COLS["responsible"]), "Thời gian", "Kết quả")] + [
                (s[0], s[2], s[3], s[4], s[6]) for s in steps]:
            r = t.row()
            for c in row:
                r.cell(c)
    line("6. BIỂU MẪU")
    line("- BM.01: Giấy tiếp nhận hồ sơ")
    truth = {"code": code, "title": proc.name.lower(), "steps": [(s[1], s[3], s[5]) for s in steps],
             "papers": len(proc.documents), "layout": "pdf"}
    return bytes(pdf.output()), truth


def main() -> int:
    """Generate, read and score; print the figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--pdf", action="store_true", help="PDF with a step table instead of DOCX")
    args = ap.parse_args()
    import make_corpus

    procs = [p for ps in make_corpus.json_files().values() for p in ps if p.documents and p.legal_basis]
    rng = random.Random(args.seed)
    ok = {"file": 0, "code": 0, "title": 0, "count": 0, "papers": 0}
    steps_total = owner_ok = time_ok = 0
    per_layout: dict[str, list[int]] = {}
    for i in range(args.n):
        proc = rng.choice(procs)
        maker = make_pdf if args.pdf else make
        data, truth = maker(rng, proc, f"QT-{rng.choice(['HT', 'TP', 'VP', 'LĐ'])}-{i:02d}")
        res = read_bytes(data, f"v{i}.pdf" if args.pdf else f"v{i}.docx")
        p = res.records[0] if res.records and res.records[0].kind == "process" else None
        good = {"code": bool(p and p.code == truth["code"]), "title": bool(p and p.title.lower() == truth["title"]),
                "count": bool(p and len(p.steps) == len(truth["steps"])),
                "papers": bool(p and len(p.documents) == truth["papers"])}
        steps_ok = good["count"]
        if p is not None and good["count"]:
            for s, (no, owner, days) in zip(p.steps, truth["steps"]):
                steps_total += 1
                owner_ok += s.responsible == owner
                t = s.time.in_working_days() if s.time is not None else None
                time_ok += t is not None and abs(t - days) < 1e-6
                steps_ok = steps_ok and s.no == no and s.responsible == owner and t is not None and abs(t - days) < 1e-6
        else:
            steps_total += len(truth["steps"])
        for k, v in good.items():
            ok[k] += v
        whole = all(good.values()) and steps_ok
        ok["file"] += whole
        per_layout.setdefault(truth["layout"], [0, 0])
        per_layout[truth["layout"]][0] += whole
        per_layout[truth["layout"]][1] += 1
    n = args.n
    print(f"{n} quy trình {'PDF' if args.pdf else 'DOCX'} ngẫu nhiên (seed {args.seed}):")
    print(f"  đọc đúng toàn bộ (mã, tên, số bước, từng bước: nhãn, trách nhiệm, thời gian; số giấy tờ): "
          f"{ok['file']}/{n} = {ok['file'] / n:.1%}")
    print(f"  mã hiệu {ok['code'] / n:.1%}, tên {ok['title'] / n:.1%}, số bước {ok['count'] / n:.1%}, "
          f"số giấy tờ {ok['papers'] / n:.1%}")
    print(f"  bước: trách nhiệm đúng {owner_ok}/{steps_total} = {owner_ok / steps_total:.1%}, "
          f"thời gian (ngày làm việc) đúng {time_ok}/{steps_total} = {time_ok / steps_total:.1%}")
    for k, (a, b) in sorted(per_layout.items()):
        print(f"  bố cục {k}: {a}/{b} = {a / b:.1%} đúng toàn bộ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
