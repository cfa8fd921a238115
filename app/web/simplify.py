"""Thẻ “Đơn giản hóa”: simplification candidates, filters, accept / reject / note, DOCX plan and XLSX."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import gradio as gr

from app.web import render as R
from app.web.state import IndexHolder, NoIndexError

ANY = "(tất cả)"
HEADERS = ["Mã TTHC", "Thủ tục", "Lĩnh vực", "Cơ quan thực hiện", "Số đề xuất", "Quy tắc",
           "Ưu tiên (tiết kiệm × tin cậy)", "Tiết kiệm (đồng/năm)", "Đã quyết định"]
PROPOSAL_HEADERS = ["Mã đề xuất", "Quy tắc", "Thành phần", "Đề xuất", "Cơ sở dữ liệu", "Tiết kiệm (đồng/năm)",
                    "Độ tin cậy", "Quyết định"]
DECISION_VI = {"accept": "Chấp nhận", "reject": "Bác bỏ", "note": "Ghi chú", "": ""}


def candidates(holder: IndexHolder) -> list[Any]:
    """advise_index on the current index (cached per bundle version), reviews re-attached on each call."""
    from app.web.duplicates import duplicates_report
    from search.duplicates import DEFAULT_MIN_SCORE
    from search.simplify.advisor import advise_index
    from search.simplify.reviews import attach_reviews

    def compute(index: Any) -> list:
        # the Trùng lặp tab's report at the shared default threshold: computed once for both tabs
        return list(advise_index(index, duplicates=duplicates_report(holder, DEFAULT_MIN_SCORE)))

    cands = holder.cached("candidates", compute)
    return attach_reviews(cands, holder.index_dir)


def _find(holder: IndexHolder, cand_id: str) -> Any:
    return next((c for c in candidates(holder) if c.id == cand_id), None)


def record_review(holder: IndexHolder, cand_id: str, decision: str, note: str = "") -> None:
    """Store one decision in <index>/reviews.json.

    Raises:
        KeyError: unknown candidate id.
    """
    from search.simplify.reviews import set_review

    cand = _find(holder, cand_id)
    if cand is None:
        raise KeyError(f"không có đề xuất {cand_id}")
    set_review(holder.index_dir, cand, decision, note=note)


def _decision(c: Any) -> str:
    r = c.review or {}
    label = r.get("label") or DECISION_VI.get(r.get("decision", ""), "")
    return f"{label}: {r['note']}" if r.get("note") else label


def filter_choices(holder: IndexHolder) -> tuple[list[str], list[str], list[str], list[str]]:
    """Distinct rules, criteria, fields and agencies among the candidates."""
    cands = candidates(holder)
    rules = sorted({f"{c.rule} — {c.rule_title}" for c in cands})
    crits = sorted({c.criterion for c in cands if c.criterion})
    fields = sorted({c.field for c in cands if c.field})
    agencies = sorted({c.agency for c in cands if c.agency})
    return rules, crits, fields, agencies


def _want(value: Any) -> str:
    return "" if value in (None, "", ANY) else str(value)


def _vnd(x: float) -> str:
    return f"{round(x):,}".replace(",", ".")


def work_rows(holder: IndexHolder, rule: str = ANY, criterion: str = ANY, field: str = ANY,
              agency: str = ANY) -> list[Any]:
    """The reviewer's work list after the filters: ``ProcedureRow`` objects, highest saving × confidence first."""
    from search.simplify.advisor import worklist

    return worklist(candidates(holder), rule=_want(rule).split(" — ")[0], criterion=_want(criterion),
                    field=_want(field), agency=_want(agency))


def table(holder: IndexHolder, rule: str = ANY, criterion: str = ANY, field: str = ANY,
          agency: str = ANY) -> list[list[Any]]:
    """One row per procedure (its proposals folded under it), highest saving × confidence first."""
    rows = []
    for r in work_rows(holder, rule, criterion, field, agency):
        decided = sum(1 for c in r.candidates if (c.review or {}).get("decision"))
        rows.append([r.code, r.title, r.field, r.agency, len(r.candidates), r.rules, _vnd(r.priority),
                     _vnd(r.saving_vnd), f"{decided}/{len(r.candidates)}" if decided else ""])
    return rows


def proposals(holder: IndexHolder, code: str, rule: str = ANY, criterion: str = ANY, field: str = ANY,
              agency: str = ANY) -> list[list[Any]]:
    """The proposals folded under one procedure of the list (same filters, same order)."""
    row = next((r for r in work_rows(holder, rule, criterion, field, agency) if r.code == code), None)
    out = []
    for c in (row.candidates if row else []):
        out.append([c.id, f"{c.rule} — {c.rule_title}", c.component, c.proposal, c.database,
                    _vnd(c.saving.per_year_vnd) if c.saving.quantified else "—", round(float(c.confidence), 2),
                    _decision(c)])
    return out


def headline_html(holder: IndexHolder, rule: str = ANY, criterion: str = ANY, field: str = ANY,
                  agency: str = ANY) -> str:
    """Per rule: candidates, procedures, papers, days and money, for the candidates the filters keep."""
    from search.simplify.advisor import rule_headline
    from search.simplify.rules import RULE_BY_ID

    kept = [c for r in work_rows(holder, rule, criterion, field, agency) for c in r.candidates]
    head = rule_headline(kept)
    body = "".join(
        f"<tr><td>{R.e(rid)} — {R.e(RULE_BY_ID[rid].title)}</td><td>{h['candidates']}</td><td>{h['procedures']}</td>"
        f"<td>{h['papers']}</td><td>{h['days']:g}</td><td>{_vnd(h['vnd'])}</td></tr>"
        for rid, h in head.items() if h["candidates"]
    )
    total = (f"<tr><th>Tổng</th><th>{len(kept)}</th><th>{len({c.code for c in kept})}</th>"
             f"<th>{sum(h['papers'] for h in head.values())}</th><th>{sum(h['days'] for h in head.values()):g}</th>"
             f"<th>{_vnd(sum(h['vnd'] for h in head.values()))}</th></tr>")
    return ('<div class="rs-detail"><table class="rs-kv"><tr><th>Quy tắc</th><th>Đề xuất</th><th>Thủ tục</th>'
            '<th>Giấy tờ</th><th>Ngày chờ giảm (mỗi hồ sơ, cộng dồn)</th><th>Tiết kiệm (đồng/năm)</th></tr>'
            f"{body}{total}</table></div>")


def candidate_html(holder: IndexHolder, cand_id: str) -> str:
    """Detail of one candidate: evidence, proposal, legal basis, database, saving, decision."""
    c = _find(holder, cand_id)
    if c is None:
        return R.notice("Chọn một đề xuất trong bảng.", "info")
    s = c.saving
    saving = (f"{round(s.per_year_vnd):,} đồng/năm ({s.percent:.0f}% chi phí tuân thủ)".replace(",", ".")
              if s.quantified else "không lượng hóa được")
    if s.basis:
        saving += f" — {s.basis}"
    rows = [
        ("Thủ tục", f"{c.code} — {c.title}"), ("Lĩnh vực", c.field), ("Cấp / cơ quan", " / ".join(
            x for x in (c.level, c.agency) if x)),
        ("Quy tắc", f"{c.rule} — {c.rule_title}"), ("Tiêu chí (NĐ 63/2010, Điều 10)", c.criterion),
        ("Thành phần", c.component), ("Căn cứ phát hiện", c.evidence), ("Phương án đề xuất", c.proposal),
        ("Dòng hồ sơ", (c.details or {}).get("dossier_line", "")),
        ("Căn cứ pháp lý của đề xuất", c.legal_basis), ("Cơ sở dữ liệu khai thác", c.database),
        ("Quy định (theo cơ sở dữ liệu)", "; ".join(f"{p['database']}: {p['provision']}"
                                                  for p in (c.details or {}).get("provisions", []))),
        ("Văn bản cần sửa đổi", "; ".join(c.legal_texts)), ("Chi phí tiết kiệm", saving),
        ("Độ tin cậy", f"{float(c.confidence):.2f}"), ("Quyết định", _decision(c) or "Chưa xem xét"),
    ]
    body = "".join(f"<tr><th>{R.e(k)}</th><td>{R.e(v)}</td></tr>" for k, v in rows if v)
    return f'<div class="rs-detail"><h3>Đề xuất {R.e(c.id)}</h3><table class="rs-kv">{body}</table></div>'


# A plan for a whole national catalogue runs to hundreds of pages and minutes of work: the web
# export keeps the procedures with the largest savings (the CLI's --max-procedures lifts the cap).
WEB_PLAN_MAX_PROCEDURES = 100


def export_docx(holder: IndexHolder) -> str:
    """Write the simplification plan (DOCX; rejected proposals left out) to a temporary file; return its path.

    When the reviewer has accepted proposals, the plan holds those only; otherwise every
    proposal not rejected, capped at the WEB_PLAN_MAX_PROCEDURES procedures with the largest savings.
    """
    from search.simplify.plan_docx import write_plan_docx

    out = Path(tempfile.mkdtemp(prefix="rasoat-")) / "phuong-an-don-gian-hoa.docx"
    cands = candidates(holder)
    accepted = [c for c in cands if (c.review or {}).get("decision") == "accept"]
    write_plan_docx(accepted or cands, out, reviewed_procedures=len({c.code for c in cands}),
                    max_procedures=WEB_PLAN_MAX_PROCEDURES)
    return str(out)


def export_xlsx(holder: IndexHolder) -> str:
    """Write every candidate with its decision to a temporary XLSX; return its path."""
    from search.simplify.exports import write_xlsx

    out = Path(tempfile.mkdtemp(prefix="rasoat-")) / "de-xuat-don-gian-hoa.xlsx"
    write_xlsx(candidates(holder), out)
    return str(out)


def build_tab(holder: IndexHolder) -> dict[str, Any]:
    """Lay out the tab: headline per rule, filters, one row per procedure, its proposals, the decision."""
    with gr.Tab("Đơn giản hóa", id="don-gian-hoa", elem_id="tab-don-gian-hoa"):
        with gr.Row(equal_height=True):
            go = gr.Button("Lập / làm mới danh sách đề xuất", variant="primary", scale=2, elem_id="btn-de-xuat")
            rule = gr.Dropdown([ANY], value=ANY, label="Quy tắc", scale=2, elem_id="loc-quy-tac")
            crit = gr.Dropdown([ANY], value=ANY, label="Tiêu chí", scale=2, elem_id="loc-tieu-chi")
            field = gr.Dropdown([ANY], value=ANY, label="Lĩnh vực", scale=2, filterable=True, elem_id="loc-linh-vuc")
            agency = gr.Dropdown([ANY], value=ANY, label="Cơ quan thực hiện", scale=2, filterable=True,
                                 elem_id="loc-co-quan")
        msg = gr.HTML("", js_on_load=None, elem_id="thong-bao-de-xuat")
        head = gr.HTML("", js_on_load=None, elem_id="tong-quan-de-xuat")
        grid = gr.Dataframe(headers=HEADERS, interactive=False, wrap=True, max_height=380, elem_id="bang-de-xuat",
                            column_widths=["8%", "26%", "12%", "14%", "6%", "9%", "9%", "9%", "7%"],
                            label="Thủ tục cần rà soát, ưu tiên theo tiết kiệm × độ tin cậy (chọn một dòng để mở "
                                  "các đề xuất của thủ tục)")
        code = gr.Textbox(label="Thủ tục đang mở", interactive=False, elem_id="thu-tuc-dang-mo")
        sub = gr.Dataframe(headers=PROPOSAL_HEADERS, interactive=False, wrap=True, max_height=300,
                           elem_id="bang-de-xuat-thu-tuc",
                           column_widths=["11%", "13%", "16%", "28%", "12%", "8%", "5%", "7%"],
                           label="Đề xuất của thủ tục (chọn một dòng để xem và quyết định)")
        with gr.Row():
            with gr.Column(scale=3):
                detail = gr.HTML(R.notice("Chọn một thủ tục, rồi một đề xuất.", "info"), js_on_load=None,
                                 elem_id="chi-tiet-de-xuat")
            with gr.Column(scale=2):
                cand_id = gr.Textbox(label="Mã đề xuất đang chọn", interactive=True, elem_id="ma-de-xuat")
                note = gr.Textbox(label="Ghi chú của người rà soát", lines=2, elem_id="ghi-chu")
                with gr.Row():
                    acc = gr.Button("Chấp nhận", variant="primary", elem_id="btn-chap-nhan")
                    rej = gr.Button("Bác bỏ", variant="stop", elem_id="btn-bac-bo")
                    nt = gr.Button("Lưu ghi chú", elem_id="btn-ghi-chu")
                with gr.Row():
                    docx_btn = gr.Button("Tạo kế hoạch DOCX", elem_id="btn-docx")
                    xlsx_btn = gr.Button("Xuất bảng XLSX", elem_id="btn-xlsx")
                files = gr.File(label="Tệp tải về", interactive=False, elem_id="tep-tai-ve")

        filters = [rule, crit, field, agency]

        def refresh(r, c, f, a):
            try:
                rules, crits, fields, agencies = filter_choices(holder)
                rows = table(holder, r, c, f, a)
                top = headline_html(holder, r, c, f, a)
            except NoIndexError as exc:
                return (R.notice(str(exc), "error"), "", [], gr.update(), gr.update(), gr.update(), gr.update())
            n = len(candidates(holder))
            shown = sum(int(x[4]) for x in rows)
            info = R.notice(f"{n} đề xuất; đang hiện {shown} đề xuất của {len(rows)} thủ tục theo bộ lọc.", "info")
            return (info, top, rows, gr.update(choices=[ANY] + rules), gr.update(choices=[ANY] + crits),
                    gr.update(choices=[ANY] + fields), gr.update(choices=[ANY] + agencies))

        go.click(refresh, filters, [msg, head, grid, rule, crit, field, agency], api_visibility="private",
                 concurrency_id="heavy")
        for dd in filters:
            dd.input(lambda r, c, f, a: (table(holder, r, c, f, a), headline_html(holder, r, c, f, a)), filters,
                     [grid, head], api_visibility="private")

        def on_procedure(evt: gr.SelectData, r, c, f, a):
            row = evt.row_value or []
            pcode = str(row[0]) if row else ""
            props = proposals(holder, pcode, r, c, f, a)
            cid = str(props[0][0]) if props else ""
            return pcode, props, cid, candidate_html(holder, cid)

        grid.select(on_procedure, filters, [code, sub, cand_id, detail], api_visibility="private")

        def on_proposal(evt: gr.SelectData):
            row = evt.row_value or []
            cid = str(row[0]) if row else ""
            return cid, candidate_html(holder, cid)

        sub.select(on_proposal, None, [cand_id, detail], api_visibility="private")

        def decide(decision: str):
            def fn(cid, text, pcode, r, c, f, a):
                cid = (cid or "").strip()
                if not cid:
                    return R.notice("Chưa chọn đề xuất nào.", "warn"), gr.update(), gr.update(), gr.update()
                if decision == "note" and not (text or "").strip():
                    return R.notice("Hãy nhập nội dung ghi chú.", "warn"), gr.update(), gr.update(), gr.update()
                try:
                    record_review(holder, cid, decision, note=text or "")
                except (KeyError, ValueError) as exc:
                    return (R.notice(f"Không lưu được quyết định: {exc}", "error"), gr.update(), gr.update(),
                            gr.update())
                done = {"accept": "Đã chấp nhận", "reject": "Đã bác bỏ", "note": "Đã lưu ghi chú cho"}[decision]
                return (R.notice(f"{done} đề xuất {cid}.", "ok"), table(holder, r, c, f, a),
                        proposals(holder, pcode or cid.rsplit("-R", 1)[0], r, c, f, a), candidate_html(holder, cid))
            return fn

        outs = [msg, grid, sub, detail]
        ins = [cand_id, note, code] + filters
        acc.click(decide("accept"), ins, outs, api_name="chap_nhan", api_visibility="undocumented",
                  concurrency_id="reviews")
        rej.click(decide("reject"), ins, outs, api_name="bac_bo", api_visibility="undocumented",
                  concurrency_id="reviews")
        nt.click(decide("note"), ins, outs, api_visibility="private", concurrency_id="reviews")
        docx_btn.click(lambda: export_docx(holder), None, files, api_name="ke_hoach_docx",
                       api_visibility="undocumented", concurrency_id="heavy")
        xlsx_btn.click(lambda: export_xlsx(holder), None, files, api_name="xuat_xlsx", api_visibility="undocumented",
                       concurrency_id="heavy")
    return {}
