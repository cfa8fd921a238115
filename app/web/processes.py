"""Thẻ “Quy trình ISO”: upload or pick indexed quy trình, each beside its procedure with the findings
highlighted, and the report (DOCX "Báo cáo soát xét quy trình", XLSX) to download."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Optional, Sequence

import gradio as gr

from app.web import render as R
from app.web.state import IndexHolder, NoIndexError

HEADERS = ["#", "Mã quy trình", "Tên quy trình", "Đơn vị", "Tình trạng", "Mã TTHC", "Thủ tục đã công bố",
           "Số phát hiện", "Loại phát hiện"]
STATUS_VI = {"matched": "Đã xác định thủ tục", "ambiguous": "Chưa chắc chắn", "unmatched": "Không có thủ tục",
             "internal": "Quy trình nội bộ", "unreadable": "Không đọc được"}
STATUS_CLS = {"matched": "rs-okc", "ambiguous": "rs-warnc", "unmatched": "rs-errc", "internal": "", "unreadable": "rs-errc"}
ACCEPTED = (".docx", ".pdf", ".json", ".jsonl")


def check_uploaded(holder: IndexHolder, files: Optional[Sequence[Any]]) -> list[Any]:
    """Read and check uploaded quy trình files (not indexed) against the current index.

    Raises:
        NoIndexError: no index yet.
        ValueError: no file, or a file type that is no quy trình (Vietnamese message).
    """
    from search.processes import ProcessChecker, check_files

    paths = [Path(getattr(f, "name", None) or str(f)) for f in (files or [])]
    if not paths:
        raise ValueError("Chọn ít nhất một tệp quy trình (DOCX, PDF hoặc JSON).")
    bad = [p.name for p in paths if p.suffix.lower() not in ACCEPTED]
    if bad:
        raise ValueError("Chỉ nhận quy trình dạng DOCX, PDF hoặc JSON: " + ", ".join(bad))
    index = holder.get()
    checker = holder.cached("process_checker", ProcessChecker)
    return check_files(paths, index, checker=checker)


def check_indexed(holder: IndexHolder) -> list[Any]:
    """Check every quy trình of the index (cached per bundle version)."""
    from search.processes import ProcessChecker, indexed_processes

    def compute(index: Any) -> list[Any]:
        checker = holder.cached("process_checker", ProcessChecker)
        return checker.check_all(indexed_processes(index))

    return holder.cached("process_checks", compute)


def rows(checks: Sequence[Any]) -> list[list[Any]]:
    """One table row per checked quy trình (or unreadable file)."""
    from search.processes import FINDING_LABELS

    out = []
    for i, c in enumerate(checks, 1):
        p, proc = c.process, c.procedure
        kinds = sorted({FINDING_LABELS.get(f.kind, f.kind) for f in c.findings})
        out.append([
            i, p.code if p else "", p.title if p else Path(c.path).name, p.agency if p else "",
            STATUS_VI.get(c.status, c.status), (proc.code or proc.id) if proc else "", proc.name if proc else "",
            len(c.findings), "; ".join(kinds) or ("—" if p else c.error),
        ])
    return out


def summary_html(checks: Sequence[Any]) -> str:
    """Counts per status and findings."""
    status: dict[str, int] = {}
    for c in checks:
        status[c.status] = status.get(c.status, 0) + 1
    n_find = sum(len(c.findings) for c in checks)
    boxes = [f"<div><b>{sum(1 for c in checks if c.process is not None)}</b><span>quy trình</span></div>",
             f'<div class="rs-warnc"><b>{n_find}</b><span>phát hiện</span></div>']
    for k in ("matched", "ambiguous", "unmatched", "internal", "unreadable"):
        if status.get(k):
            boxes.append(f'<div class="{STATUS_CLS[k]}"><b>{status[k]}</b><span>{R.e(STATUS_VI[k].lower())}</span></div>')
    return (f'<div class="rs-stats" id="qt-stats">{"".join(boxes)}</div>'
            '<div class="rs-muted">Chọn một dòng để xem quy trình bên cạnh thủ tục đã công bố; phần lệch được tô màu.</div>')


def _dur(d: Any) -> str:
    from search.processes.findings import duration_text

    return duration_text(d)


def _finding_list(c: Any) -> str:
    from search.processes import FINDING_LABELS

    if not c.findings:
        return R.notice("Không có phát hiện." if c.status == "matched" else (c.tie.reason if c.tie else c.error),
                        "ok" if c.status == "matched" else "info")
    items = []
    for f in c.findings:
        ev = "".join(
            f'<tr><td class="rs-qt">{R.e(x.get("process")) or "—"}</td><td class="rs-tt">{R.e(x.get("procedure")) or "—"}</td></tr>'
            for x in f.evidence)
        items.append(
            f'<li class="rs-finding" data-kind="{R.e(f.kind)}"><b>{R.e(FINDING_LABELS.get(f.kind, f.kind))}</b>'
            f' <span class="rs-muted">({R.e(f.where)})</span><div>{R.e(f.detail)}</div>'
            f'<table class="rs-compare rs-evidence"><thead><tr><th>Quy trình ghi</th><th>Thủ tục đã công bố ghi</th>'
            f'</tr></thead><tbody>{ev}</tbody></table>'
            f'<div class="rs-muted">Căn cứ: {R.e(f.legal_basis)}</div></li>')
    return f'<ol class="rs-findings">{"".join(items)}</ol>'


def detail_html(c: Any) -> str:
    """The quy trình beside its procedure, field by field, the lines behind each finding highlighted."""
    from search.processes.findings import fmt_days, working_days
    from search.processes.tie import match_process_papers

    if c is None:
        return R.notice("Chọn một quy trình trong bảng.", "info")
    p, proc = c.process, c.procedure
    if p is None:
        return R.notice(f"{Path(c.path).name}: không đọc được — {c.error}", "error")
    kinds = {f.kind for f in c.findings}
    bad_steps = {f.where for f in c.findings if f.kind in ("step_without_owner", "step_without_time")}
    head = (f'<h3>{R.e(p.code + " — " if p.code else "")}{R.e(p.title)}</h3>'
            f'<div class="rs-muted">{R.e(p.agency)} · lần ban hành {R.e(p.revision or "—")} · {R.e(p.issued or "")} · '
            f'{R.e(Path(c.path).name)}</div>')
    tie = (f'<div class="rs-notice rs-{"ok" if c.status == "matched" else "warn"}">'
           f'{R.e(STATUS_VI.get(c.status, c.status))}'
           + (f": thủ tục <span class=\"rs-code\">{R.e(proc.code)}</span> {R.e(proc.name)} "
              f"(điểm {c.tie.score:.2f})" if proc is not None else f" — {R.e(c.tie.reason)}")
           + "</div>")
    warn = "".join(R.notice(w, "warn") for w in c.warnings)
    # papers side by side
    pa = [d.name for d in p.documents]
    pb = [d.name for d in proc.documents] if proc is not None and c.status == "matched" else []
    left, right = [], []
    if pa and pb:
        m = match_process_papers(pa, pb)
        for i, j, _ in m.pairs:
            left.append(f'<li class="rs-same">{R.e(pa[i])}</li>')
            right.append(f'<li class="rs-same">{R.e(pb[j])}</li>')
        left += [f'<li class="rs-diff" data-finding="extra_paper">{R.e(pa[i])}</li>' for i in m.only_a]
        right += [f'<li class="rs-diff" data-finding="missing_paper">{R.e(pb[j])}</li>' for j in m.only_b]
    else:
        left = [f"<li>{R.e(x)}</li>" for x in pa]
        right = [f"<li>{R.e(x)}</li>" for x in pb]
    # steps
    step_rows = []
    total = 0.0
    for i, s in enumerate(p.steps):
        where = f"{p.code or p.title or 'quy trình'}, bước {s.no or i + 1}"
        d = working_days(s.time.value, s.time.unit) if s.time is not None else None
        total += d or 0.0
        owner_cls = ' class="rs-bad"' if not s.responsible.strip() else ""
        time_cls = ' class="rs-bad"' if d is None else ""
        mark = ' data-bad="1"' if where in bad_steps else ""
        step_rows.append(
            f"<tr{mark}><td>{R.e(s.no)}</td><td>{R.e(s.action)}</td>"
            f'<td{owner_cls}>{R.e(s.responsible) or "(trống)"}</td><td{time_cls}>{R.e(_dur(s.time)) or "(trống)"}</td>'
            f"<td>{R.e(s.output)}</td></tr>")
    steps = (f'<table class="rs-compare rs-steps"><colgroup><col style="width:7%"><col style="width:43%">'
             f'<col style="width:20%"><col style="width:12%"><col style="width:18%"></colgroup>'
             f'<thead><tr><th>TT</th><th>Trình tự</th><th>Trách nhiệm</th>'
             f'<th>Thời gian</th><th>Kết quả</th></tr></thead><tbody>{"".join(step_rows)}</tbody></table>'
             f'<div class="rs-muted">Tổng thời gian các bước: {R.e(fmt_days(total))}</div>') if step_rows else \
        R.notice("Quy trình không có bảng các bước.", "warn")

    def cls(kind: str) -> str:
        return ' class="rs-diff"' if kind in kinds else (' class="rs-same"' if proc is not None else "")

    proc_time = proc_fee = proc_basis = ""
    if proc is not None:
        proc_time = "; ".join(f"{ch.channel}: {ch.processing_time.text or _dur(ch.processing_time)}"
                              for ch in proc.channels if ch.processing_time) or proc.time_text
        proc_fee = "; ".join(f"{ch.channel}: {ch.fee.text}" for ch in proc.channels if ch.fee and ch.fee.text) \
            or proc.fee_text
        proc_basis = "; ".join(f"{b.number} {b.title}".strip() for b in proc.legal_basis)
    refs = "; ".join(f"{r.number} {r.title}".strip() if r.number and r.number not in r.title else r.title
                     for r in p.references)
    table = (
        '<table class="rs-compare rs-side"><thead><tr><th class="rs-fieldcol">Nội dung</th>'
        f'<th>Quy trình {R.e(p.code)}</th><th>Thủ tục {R.e(proc.code if proc else "")}</th></tr></thead><tbody>'
        f'<tr data-field="documents"><th class="rs-fieldcol">Thành phần hồ sơ</th><td><ul>{"".join(left) or "<li>—</li>"}</ul></td>'
        f'<td><ul>{"".join(right) or "<li>—</li>"}</ul></td></tr>'
        f'<tr data-field="time"><th class="rs-fieldcol">Thời gian xử lý</th><td{cls("time_exceeds")}>'
        f'{R.e(_dur(p.time_limit) or "—")}; các bước: {R.e(fmt_days(total))}</td>'
        f'<td{cls("time_exceeds")}>{R.e(proc_time or "—")}</td></tr>'
        f'<tr data-field="fee"><th class="rs-fieldcol">Phí, lệ phí</th><td{cls("fee_mismatch")}>'
        f'{R.e(p.fee.text if p.fee else "—")}</td><td{cls("fee_mismatch")}>{R.e(proc_fee or "—")}</td></tr>'
        f'<tr data-field="legal"><th class="rs-fieldcol">Căn cứ pháp lý</th><td{cls("legal_basis_outdated")}>'
        f'{R.e(refs or "—")}</td><td{cls("legal_basis_outdated")}>{R.e(proc_basis or "—")}</td></tr>'
        "</tbody></table>")
    return (f'<div class="rs-detail rs-process">{head}{tie}{warn}<h4>Phát hiện</h4>{_finding_list(c)}'
            f"<h4>Đối chiếu với thủ tục đã công bố</h4>{table}<h4>Các bước xử lý</h4>{steps}</div>")


def export(checks: Sequence[Any], kind: str) -> Optional[str]:
    """Write the report of the checks shown (DOCX or XLSX) to a temporary file; its path (None if none)."""
    from search.processes.reports import write_docx, write_xlsx

    if not checks:
        return None
    folder = Path(tempfile.mkdtemp(prefix="rasoat-"))
    if kind == "docx":
        return str(write_docx(checks, folder / "bao-cao-soat-xet-quy-trinh.docx"))
    return str(write_xlsx(checks, folder / "phat-hien-quy-trinh.xlsx"))


CSS = """
.rs-process h4 { margin: 12px 0 4px; font-size: 14.5px; color: #1e293b; }
.rs-findings { margin: 0 0 0 18px; padding: 0; font-size: 13.5px; }
.rs-finding { margin: 6px 0 10px; }
.rs-finding > b { color: #b91c1c; }
table.rs-evidence { margin: 4px 0; }
table.rs-evidence td.rs-qt { background: #fff7ed; }
table.rs-steps td.rs-bad { background: #fee2e2; color: #991b1b; font-weight: 600; }
table.rs-steps tr[data-bad] td:first-child { border-left: 4px solid #dc2626; }
"""


def build_tab(holder: IndexHolder) -> dict[str, Any]:
    """Lay out the tab."""
    with gr.Tab("Quy trình ISO", id="quy-trinh", elem_id="tab-quy-trinh"):
        gr.HTML(f"<style>{CSS}</style>", js_on_load=None)
        with gr.Row(equal_height=True):
            files = gr.File(label="Tệp quy trình (DOCX, PDF, JSON) — soát xét, không lập chỉ mục", file_count="multiple",
                            file_types=list(ACCEPTED), scale=3, elem_id="tep-quy-trinh")
            with gr.Column(scale=1):
                up_btn = gr.Button("Soát xét tệp tải lên", variant="primary", elem_id="btn-soat-xet-tep")
                idx_btn = gr.Button("Soát xét quy trình đã lập chỉ mục", elem_id="btn-soat-xet-chi-muc")
        summary = gr.HTML("", js_on_load=None, elem_id="tom-tat-quy-trinh")
        grid = gr.Dataframe(headers=HEADERS, interactive=False, wrap=True, max_height=360, elem_id="bang-quy-trinh",
                            column_widths=["4%", "9%", "22%", "14%", "11%", "8%", "20%", "5%", "7%"],
                            label="Quy trình (chọn một dòng để xem chi tiết)")
        with gr.Row():
            docx_btn = gr.Button("Báo cáo soát xét (DOCX)", elem_id="btn-bao-cao-docx")
            xlsx_btn = gr.Button("Bảng phát hiện (XLSX)", elem_id="btn-bao-cao-xlsx")
            out_file = gr.File(label="Tệp tải về", interactive=False, elem_id="tep-bao-cao")
        detail = gr.HTML(R.notice("Tải lên quy trình hoặc soát xét các quy trình đã lập chỉ mục.", "info"),
                         js_on_load=None, elem_id="chi-tiet-quy-trinh")
        state = gr.State([])

        def run(source: str, fs):
            try:
                checks = check_indexed(holder) if source == "index" else check_uploaded(holder, fs)
            except (NoIndexError, ValueError) as exc:
                return R.notice(str(exc), "error"), [], [], gr.update()
            if not checks:
                return R.notice("Chỉ mục chưa có quy trình nào (lập chỉ mục tệp quy trình ở thẻ “Dữ liệu”).",
                                "warn"), [], [], gr.update()
            first = next((c for c in checks if c.findings), checks[0])
            return summary_html(checks), rows(checks), checks, detail_html(first)

        up_btn.click(lambda fs: run("upload", fs), files, [summary, grid, state, detail], api_visibility="private",
                     concurrency_id="heavy")
        idx_btn.click(lambda: run("index", None), None, [summary, grid, state, detail], api_visibility="private",
                      concurrency_id="heavy")

        def on_select(checks, evt: gr.SelectData):
            row = evt.row_value or []
            try:
                i = int(row[0]) - 1
            except (TypeError, ValueError, IndexError):
                return gr.update()
            return detail_html(checks[i]) if 0 <= i < len(checks) else gr.update()

        grid.select(on_select, state, detail, api_visibility="private")
        docx_btn.click(lambda cs: export(cs, "docx"), state, out_file, api_visibility="private", concurrency_id="heavy")
        xlsx_btn.click(lambda cs: export(cs, "xlsx"), state, out_file, api_visibility="private", concurrency_id="heavy")
    return {}
