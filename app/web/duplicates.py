"""Thẻ “Trùng lặp”: groups with their action, overlap links (themes) apart, pairs, side-by-side comparison,
catalogue matching."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr

from app.web import render as R
from app.web.state import IndexHolder, NoIndexError
from search.duplicates import DEFAULT_MIN_SCORE

RELATION_VI = {
    "duplicate": "Trùng lặp",
    "variant": "Biến thể (khác cấp/cơ quan/địa phương, phiên bản riêng)",
    "family": "Cùng nhóm (cấp mới/cấp lại/gia hạn…)",
    "overlap": "Chồng chéo một phần",
}
CLUSTER_HEADERS = ["Nhóm", "Hành động đề xuất", "Số thủ tục", "Thủ tục đại diện", "Các thủ tục", "Bớt được thủ tục",
                   "Bớt được giấy tờ", "Bớt được ngày", "Căn cứ"]
THEME_HEADERS = ["Nhóm/thủ tục A", "Nhóm/thủ tục B", "Số cặp chồng chéo", "Giấy tờ dùng chung", "Lý do", "Hành động"]
PAIR_HEADERS = ["Mã A", "Thủ tục A", "Mã B", "Thủ tục B", "Quan hệ", "Điểm", "Giấy tờ chung", "Lý do"]
MATCH_STATUS_VI = {"matched": "Khớp", "ambiguous": "Chưa chắc chắn", "unmatched": "Không khớp"}


def _key(p: Any) -> str:
    return p.code or p.id


def duplicates_report(holder: IndexHolder, min_score: float) -> Any:
    """find_duplicates on the current index (cached per bundle version and threshold)."""
    from search.duplicates.pairs import find_duplicates

    ms = round(float(min_score), 2)
    return holder.cached(f"dup:{ms}", lambda index: find_duplicates(index, min_score=ms))


def cluster_rows(report: Any) -> list[list[Any]]:
    """Groups with their action, largest saving of that action first (procedures, papers, days)."""
    rows = []
    for i, c in enumerate(report.clusters, 1):
        titles = dict(zip(c.members, c.titles))
        rows.append([
            i, c.action_label, len(c.members), f"{c.representative} — {titles.get(c.representative, '')}",
            "; ".join(f"{m} {t}" for m, t in zip(c.members, c.titles)), c.saving_procedures, c.saving_papers,
            round(c.saving_days, 1), " | ".join(c.evidence),
        ])
    return rows


def theme_rows(report: Any) -> list[list[Any]]:
    """Overlap links between groups or single procedures (liên thông candidates), most pairs first."""
    def side(codes: list[str], group: Any, title: str) -> str:
        head = f"Nhóm {group + 1}: " if group is not None else ""
        return f"{head}{codes[0]}{f' (+{len(codes) - 1})' if len(codes) > 1 else ''} — {title}"

    return [[side(t.a, t.a_group, t.a_title), side(t.b, t.b_group, t.b_title), len(t.pairs),
             "; ".join(t.shared_papers[:5]), t.why, "Liên thông"] for t in report.themes]


def pair_rows(report: Any) -> list[list[Any]]:
    """Pairs ordered by potential saving: true duplicates (a whole procedure less) first, then variants,
    families and overlaps; within a relation, more shared papers and a higher score first."""
    def shared(p: Any) -> int:
        return len(((p.evidence or {}).get("documents") or {}).get("shared") or [])

    order = {"duplicate": 0, "variant": 1, "family": 2, "overlap": 3}
    pairs = sorted(report.pairs, key=lambda p: (order.get(p.relation, 9), -shared(p), -p.score))
    return [
        [_key(p.a), p.a.name, _key(p.b), p.b.name, RELATION_VI.get(p.relation, p.relation), round(p.score, 3),
         shared(p), p.why]
        for p in pairs
    ]


def analyse(holder: IndexHolder, min_score: float):
    """UI handler: summary, groups table, themes table, pairs table."""
    try:
        report = duplicates_report(holder, min_score)
    except NoIndexError as exc:
        return R.notice(str(exc), "error"), [], [], []
    rel: dict[str, int] = {}
    for p in report.pairs:
        rel[p.relation] = rel.get(p.relation, 0) + 1
    by_rel = ", ".join(f"{n} {RELATION_VI.get(k, k).lower()}" for k, n in rel.items())
    acts: dict[str, int] = {}
    for c in report.clusters:
        acts[c.action_label] = acts.get(c.action_label, 0) + 1
    by_act = ", ".join(f"{n} nhóm «{k}»" for k, n in acts.items())
    papers = sum(c.saving_papers for c in report.clusters)
    summary = (
        f'<div class="rs-stats"><div><b>{report.procedures}</b><span>thủ tục đã xét</span></div>'
        f"<div><b>{len(report.pairs)}</b><span>cặp tương tự</span></div>"
        f"<div><b>{len(report.clusters)}</b><span>nhóm có hành động đề xuất</span></div>"
        f"<div><b>{report.removable()}</b><span>thủ tục trùng lặp có thể bãi bỏ</span></div>"
        f"<div><b>{papers}</b><span>giấy tờ bớt được theo hành động của nhóm</span></div>"
        f"<div><b>{len(report.themes)}</b><span>liên kết chồng chéo (liên thông)</span></div></div>"
        + (f'<div class="rs-muted">Theo hành động: {R.e(by_act or "không có")}. Theo quan hệ: {R.e(by_rel)}. '
           f"Chỉ nhóm «Bãi bỏ thủ tục trùng lặp» làm giảm số thủ tục; nhóm biến thể và nhóm cấp mới/cấp lại/gia hạn "
           f"giữ nguyên số thủ tục. Ngưỡng điểm {report.min_score:.2f}; thời gian phân tích {report.seconds:.1f} "
           "giây. Chọn một dòng ở bảng cặp để so sánh chi tiết.</div>")
    )
    return summary, cluster_rows(report), theme_rows(report), pair_rows(report)


def procedure_choices(index: Any) -> list[tuple[str, str]]:
    """Dropdown choices (label, code-or-id) for every procedure."""
    out = []
    for p in index.procedures():
        label = f"{p.code} — {p.name}" if p.code else p.name
        if p.level:
            label += f" ({p.level})"
        out.append((label[:160], _key(p)))
    return out


def compare(holder: IndexHolder, key_a: str, key_b: str) -> str:
    """UI handler: side-by-side comparison HTML of two procedures."""
    from search.duplicates.compare import compare_procedures

    if not key_a or not key_b:
        return R.notice("Chọn hai thủ tục A và B để so sánh.", "info")
    try:
        index = holder.get()
    except NoIndexError as exc:
        return R.notice(str(exc), "error")
    a, b = index.get(key_a), index.get(key_b)
    missing = [k for k, rec in ((key_a, a), (key_b, b)) if rec is None or getattr(rec, "kind", "") != "procedure"]
    if missing:
        return R.notice("Không tìm thấy thủ tục: " + ", ".join(missing), "warn")
    return R.comparison_html(compare_procedures(a, b).to_dict())


def match_list(holder: IndexHolder, file: Any, k: float = 3):
    """UI handler: read a CSV/XLSX list and match it to the catalogue."""
    from indexer.readers import read_path
    from search.duplicates.catalogue import match_catalogue

    if not file:
        return R.notice("Chọn tệp danh mục (CSV hoặc XLSX).", "info"), []
    path = Path(getattr(file, "name", None) or str(file))
    if path.suffix.lower() not in (".csv", ".xlsx"):
        return R.notice("Danh mục phải là tệp CSV hoặc XLSX.", "error"), []
    try:
        index = holder.get()
    except NoIndexError as exc:
        return R.notice(str(exc), "error"), []
    res = read_path(path)
    entries = [r for r in res.records if getattr(r, "kind", "") == "catalogue_entry"]
    errors = "".join(R.notice(f"{Path(f.path).name}: {f.error}", "error") for f in res.failures)
    if not entries:
        return errors or R.notice("Không đọc được dòng nào trong danh mục (cần cột tên thủ tục).", "error"), []
    matches = match_catalogue(index, entries, k=int(k))
    rows, counts = [], {"matched": 0, "ambiguous": 0, "unmatched": 0}
    for m in matches:
        d = m.to_dict()
        status = d.get("status", "")
        counts[status] = counts.get(status, 0) + 1
        entry = d.get("input") or {}
        cands = d.get("matches") or []
        best = cands[0] if cands and status != "unmatched" else {}
        others = "; ".join(f"{c.get('code', '')} ({float(c.get('score', 0)):.2f})" for c in cands[1 if best else 0:])
        if d.get("parts"):  # a cell with several procedures: one code per part
            best = {"code": "; ".join(c.get("code", "") for c in cands),
                    "title": "; ".join(c.get("title", "") for c in cands), "score": min(
                        (float(c.get("score", 0) or 0) for c in cands), default=0)} if cands else {}
            others = ""
        rows.append([
            entry.get("row", ""), entry.get("code", ""), entry.get("name", ""), MATCH_STATUS_VI.get(status, status),
            best.get("code", ""), best.get("title", ""), round(float(best.get("score", 0) or 0), 3) if best else "",
            others, d.get("reason", ""),
        ])
    summary = (
        f'<div class="rs-stats"><div><b>{len(matches)}</b><span>dòng</span></div>'
        f'<div class="rs-okc"><b>{counts.get("matched", 0)}</b><span>khớp</span></div>'
        f'<div class="rs-warnc"><b>{counts.get("ambiguous", 0)}</b><span>chưa chắc chắn</span></div>'
        f'<div class="rs-errc"><b>{counts.get("unmatched", 0)}</b><span>không khớp</span></div></div>'
    )
    return errors + summary, rows


MATCH_HEADERS = ["Dòng", "Mã trong danh mục", "Tên trong danh mục", "Kết quả", "Mã khớp", "Thủ tục khớp", "Điểm",
                 "Ứng viên khác", "Ghi chú"]


def build_tab(holder: IndexHolder) -> dict[str, Any]:
    """Lay out the tab."""
    with gr.Tab("Trùng lặp", id="trung-lap", elem_id="tab-trung-lap"):
        with gr.Accordion("Nhóm và cặp thủ tục trùng lặp, chồng chéo", open=True):
            with gr.Row(equal_height=True):
                min_score = gr.Slider(0.3, 0.95, value=DEFAULT_MIN_SCORE, step=0.05, label="Ngưỡng điểm tương tự", scale=3)
                go = gr.Button("Phân tích trùng lặp", variant="primary", scale=1, elem_id="btn-phan-tich")
            summary = gr.HTML("", elem_id="tom-tat-trung-lap", js_on_load=None)
            clusters = gr.Dataframe(headers=CLUSTER_HEADERS,
                                    label="Nhóm thủ tục và hành động đề xuất (xếp theo mức tiết kiệm của hành động)",
                                    interactive=False, wrap=True, max_height=320, elem_id="bang-nhom",
                                    column_widths=["4%", "12%", "5%", "18%", "24%", "6%", "6%", "6%", "19%"])
            themes = gr.Dataframe(headers=THEME_HEADERS,
                                  label="Chồng chéo giữa các nhóm/thủ tục khác nhau (ứng viên liên thông, không gộp)",
                                  interactive=False, wrap=True, max_height=280, elem_id="bang-chong-cheo",
                                  column_widths=["24%", "24%", "7%", "20%", "17%", "8%"])
            pairs = gr.Dataframe(headers=PAIR_HEADERS, label="Cặp thủ tục (chọn một dòng để so sánh)",
                                 interactive=False, wrap=True, max_height=360, elem_id="bang-cap", show_search="search",
                                 column_widths=["8%", "22%", "8%", "22%", "12%", "6%", "6%", "16%"])
        with gr.Accordion("So sánh hai thủ tục", open=True):
            with gr.Row(equal_height=True):
                pick_a = gr.Dropdown([], label="Thủ tục A", filterable=True, scale=3, elem_id="chon-a")
                pick_b = gr.Dropdown([], label="Thủ tục B", filterable=True, scale=3, elem_id="chon-b")
                cmp_btn = gr.Button("So sánh", variant="primary", scale=1, elem_id="btn-so-sanh")
            comparison = gr.HTML("", elem_id="so-sanh", js_on_load=None)
        with gr.Accordion("Đối chiếu danh mục thủ tục (CSV/XLSX)", open=False):
            with gr.Row(equal_height=True):
                cat_file = gr.File(label="Tệp danh mục", file_types=[".csv", ".xlsx"], scale=3, elem_id="tep-danh-muc")
                cat_btn = gr.Button("Đối chiếu", variant="primary", scale=1, elem_id="btn-doi-chieu")
            cat_summary = gr.HTML("", elem_id="tom-tat-doi-chieu", js_on_load=None)
            cat_table = gr.Dataframe(headers=MATCH_HEADERS, interactive=False, wrap=True, max_height=400,
                                     elem_id="bang-doi-chieu")

        go.click(lambda ms: analyse(holder, ms), min_score, [summary, clusters, themes, pairs], api_name="trung_lap",
                 api_visibility="undocumented", concurrency_id="heavy")

        def on_pair(evt: gr.SelectData):
            row = evt.row_value or []
            if len(row) < 3:
                return gr.update(), gr.update(), gr.update()
            a, b = str(row[0]), str(row[2])
            return a, b, compare(holder, a, b)

        pairs.select(on_pair, None, [pick_a, pick_b, comparison], api_visibility="private")
        cmp_btn.click(lambda a, b: compare(holder, a, b), [pick_a, pick_b], comparison, api_name="so_sanh",
                      api_visibility="undocumented")
        cat_btn.click(lambda f: match_list(holder, f), cat_file, [cat_summary, cat_table], api_name="doi_chieu",
                      api_visibility="undocumented", concurrency_id="heavy")

    def load_choices():
        try:
            ch = holder.cached("procedure_choices", procedure_choices)
        except NoIndexError:
            ch = []
        return gr.update(choices=ch), gr.update(choices=ch)

    return {"choices": (load_choices, [pick_a, pick_b])}
