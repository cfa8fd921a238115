"""DOCX plan (phương án đơn giản hóa), XLSX and CSV outputs, opened back; the `rasoat simplify` command."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from docx import Document
from openpyxl import load_workbook

from indexer.records import Channel, DossierDocument, LegalBasis, Procedure
from search.simplify.advisor import advise
from search.simplify.cost_model import load_assumptions
from search.simplify.exports import COLUMNS, to_json, write_csv, write_xlsx
from search.simplify.plan_docx import write_plan_docx
from search.simplify.reviews import attach_reviews, set_review

REPO = Path(__file__).resolve().parent.parent


def _cands(tmp_path=None):
    procs = [
        Procedure(code="1.000001", name="Thủ tục cấp giấy phép kinh doanh dịch vụ A", field="Thương mại",
                  level="Cấp tỉnh", documents=[DossierDocument("Bản sao có chứng thực giấy chứng nhận đăng ký doanh nghiệp"),
                                                DossierDocument("Các giấy tờ khác có liên quan")],
                  channels=[Channel("Trực tiếp")],
                  legal_basis=[LegalBasis("12/2020/NĐ-CP", "Nghị định quy định kinh doanh dịch vụ A")]),
        Procedure(code="1.000002", name="Đăng ký khai sinh", field="Hộ tịch", level="Cấp xã",
                  documents=[DossierDocument("Sổ hộ khẩu"), DossierDocument("Giấy chứng sinh")],
                  channels=[Channel("Trực tiếp"), Channel("Trực tuyến")]),
    ]
    cands = advise(procs)
    if tmp_path is not None:
        set_review(tmp_path, cands[0], "reject", "không phù hợp")
        set_review(tmp_path, cands[1], "accept")
        cands = attach_reviews(advise(procs), tmp_path)
    return cands


def test_docx_plan_opens_with_official_layout(tmp_path) -> None:
    cands = _cands(tmp_path)
    rejected = next(c for c in cands if (c.review or {}).get("decision") == "reject")
    out = write_plan_docx(cands, tmp_path / "phuong-an.docx", agency="Sở Tư pháp", parent_agency="UBND tỉnh X",
                          when=date(2026, 11, 27), place="Hà Nội", reviewed_procedures=2)
    doc = Document(str(out))
    header = "\n".join(cell.text for cell in doc.tables[0].rows[0].cells)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header and "Độc lập - Tự do - Hạnh phúc" in header
    assert "SỞ TƯ PHÁP" in header and "ngày 27 tháng 11 năm 2026" in header
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "PHƯƠNG ÁN" in text and "I. TỔNG HỢP KẾT QUẢ RÀ SOÁT" in text and "II. NỘI DUNG PHƯƠNG ÁN" in text
    assert "a) Nội dung đơn giản hóa" in text and "b) Kiến nghị thực thi" in text
    assert "c) Lợi ích phương án đơn giản hóa" in text and "Chi phí tiết kiệm" in text
    assert "12/2020/NĐ-CP" in text  # the legal text to amend
    assert rejected.evidence not in text or rejected.component not in text  # rejected proposals left out
    tables = ["\n".join(c.text for row in t.rows for c in row.cells) for t in doc.tables]
    assert any("Nhóm đề xuất" in t and "Tổng cộng" in t for t in tables)
    assert any("Nơi nhận" in t and "THỦ TRƯỞNG CƠ QUAN" in t for t in tables)
    assert any("hourly_cost_vnd" in t for t in tables)  # the assumptions annex
    fonts = {r.font.name for p in doc.paragraphs for r in p.runs if r.text.strip()}
    assert fonts == {"Times New Roman"}


def test_xlsx_and_csv_open_back(tmp_path) -> None:
    cands = _cands(tmp_path)
    a = load_assumptions({"cases_per_year": 300})
    wb = load_workbook(write_xlsx(cands, tmp_path / "de-xuat.xlsx", assumptions=a))
    assert wb.sheetnames == ["Đề xuất", "Tổng hợp", "Giả định"]
    ws = wb["Đề xuất"]
    assert [c.value for c in ws[1]] == [h for _, h in COLUMNS]
    assert ws.max_row == len(cands) + 1
    assert {ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)} == {c.id for c in cands}
    col = [h for _, h in COLUMNS].index("Thẩm định") + 1
    decisions = {ws.cell(row=r, column=col).value for r in range(2, ws.max_row + 1)}
    assert {"Bác bỏ", "Chấp nhận", "Chưa xem xét"} <= decisions
    g = {row[0].value: row[1].value for row in wb["Giả định"].iter_rows(min_row=2)}
    assert g["cases_per_year"] == 300
    with open(write_csv(cands, tmp_path / "de-xuat.csv"), encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(cands) and rows[0]["Mã đề xuất"] == cands[0].id
    payload = to_json(cands, a)
    assert len(payload["candidates"]) == len(cands) and payload["summary"]["assumptions"]["cases_per_year"] == 300
    assert any("review" in c for c in payload["candidates"])


def test_r1_evidence_in_docx_and_xlsx(tmp_path) -> None:
    """Rule 1's evidence travels: the dossier line, each database with its provision, the annex wording."""
    line = "Giấy tờ chứng minh quan hệ nhân thân; bản sao giấy khai sinh của con"
    proc = Procedure(code="2.000009", name="Giải quyết chế độ tử tuất", field="Người có công", level="Cấp tỉnh",
                     documents=[DossierDocument(line)], channels=[Channel("Trực tiếp")],
                     legal_basis=[LegalBasis("131/2021/NĐ-CP", "Nghị định hướng dẫn Pháp lệnh Ưu đãi người có công")])
    cands = advise([proc], rules=["R1"])
    assert cands and all(c.details["dossier_line"] == line for c in cands)
    nhan_than = next(c for c in cands if c.details["paper"] == "nhan_than")
    assert [p["database"] for p in nhan_than.details["provisions"]] == [
        "Cơ sở dữ liệu hộ tịch điện tử", "Cơ sở dữ liệu quốc gia về dân cư"]
    assert nhan_than.proposal.startswith("Cắt giảm thành phần hồ sơ “Giấy tờ chứng minh quan hệ nhân thân”")
    assert "cơ quan giải quyết khai thác thông tin trong Cơ sở dữ liệu hộ tịch điện tử" in nhan_than.proposal
    doc = Document(str(write_plan_docx(cands, tmp_path / "pa.docx")))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert f"Dòng hồ sơ: “{line}”" in text and "Luật Hộ tịch số 60/2014/QH13" in text
    assert "Quy định: Cơ sở dữ liệu quốc gia về dân cư — Điều 4 khoản 1 Nghị quyết số 66.7/2025/NQ-CP" in text
    ws = load_workbook(write_xlsx(cands, tmp_path / "pa.xlsx"))["Đề xuất"]
    heads = [c.value for c in ws[1]]
    row = {h: ws.cell(row=2, column=i + 1).value for i, h in enumerate(heads)}
    assert row["Dòng hồ sơ (nguyên văn)"] == line
    assert "Điều 4 khoản 2" in row["Quy định theo từng cơ sở dữ liệu (NQ 66.7/2025 Điều 4; luật chuyên ngành)"]


def test_simplify_cli_outputs(corpus_index, tmp_path) -> None:
    cfg = tmp_path / "cfg.json"
    cfg.write_text(json.dumps({"cases_per_year": 250}), encoding="utf-8")
    docx_out, xlsx_out, csv_out = tmp_path / "pa.docx", tmp_path / "pa.xlsx", tmp_path / "pa.csv"
    res = subprocess.run(
        [sys.executable, "-m", "app.cli", "simplify", "--index", str(corpus_index), "--json", "--config", str(cfg),
         "--docx", str(docx_out), "--xlsx", str(xlsx_out), "--csv", str(csv_out)],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert res.returncode == 0, res.stderr
    payload = json.loads(res.stdout)
    assert payload["candidates"] and payload["summary"]["assumptions"]["cases_per_year"] == 250
    assert set(payload["summary"]["per_rule"]) == {f"R{i}" for i in range(1, 8)}
    assert Document(str(docx_out)).paragraphs and load_workbook(xlsx_out)["Đề xuất"].max_row > 1
    assert csv_out.read_text(encoding="utf-8-sig").startswith("Mã đề xuất")
    bad = subprocess.run([sys.executable, "-m", "app.cli", "simplify", "--index", str(corpus_index), "--rules", "R9"],
                         cwd=REPO, capture_output=True, text=True, timeout=600)
    assert bad.returncode == 2 and "Không có quy tắc" in bad.stderr
