"""Thẻ “Tra cứu”: one query box, filters, highlighted results with explanations, full detail view."""

from __future__ import annotations

import time
from collections import Counter
from typing import Any, Optional

import gradio as gr

from app.web import render as R
from app.web.state import IndexHolder, NoIndexError

KIND_CHOICES = [("Tất cả", ""), ("Thủ tục hành chính", "procedure"), ("Văn bản pháp luật", "regulation")]
MODE_CHOICES = [("Kết hợp (khuyên dùng)", "hybrid"), ("Từ khóa", "lexical"), ("Ngữ nghĩa", "dense")]
ANY = "(tất cả)"

# Clicking “Xem đầy đủ” on a card fires the HTML component's "click" event with the record id.
OPEN_JS = """
element.addEventListener('click', (ev) => {
  const btn = ev.target.closest('.rs-open');
  if (btn) { ev.preventDefault(); trigger('click', {id: btn.dataset.id}); }
});
"""


def facets(index: Any) -> dict[str, list[str]]:
    """Distinct field / level / agency values of the procedures, most frequent first.

    Args:
        index: a SearchIndex.

    Returns:
        ``{"field": [...], "level": [...], "agency": [...]}``.
    """
    counters = {"field": Counter(), "level": Counter(), "agency": Counter()}
    for p in index.procedures():
        for key, c in counters.items():
            val = (getattr(p, key, "") or "").strip()
            if val:
                c[val] += 1
    return {k: [v for v, _ in c.most_common(400)] for k, c in counters.items()}


def build_where(kind: str = "", field: str = "", level: str = "", agency: str = "") -> Optional[dict]:
    """Filters chosen in the UI → the ``where`` dict of ``SearchIndex.search`` (None when no filter)."""
    where = {}
    for key, val in (("kind", kind), ("field", field), ("level", level), ("agency", agency)):
        val = (val or "").strip()
        if val and val != ANY:
            where[key] = val
    return where or None


def run_search(
    holder: IndexHolder, query: str, kind: str = "", field: str = "", level: str = "", agency: str = "",
    mode: str = "hybrid", k: int = 10,
) -> list[Any]:
    """Run one search with the UI's filters.

    Returns:
        The hits (``search.hits.Hit``).
    """
    index = holder.get()
    return index.search(
        query.strip(), k=int(k), where=build_where(kind, field, level, agency), mode=mode or "hybrid", explain=True
    )


def _cards_with_open(hits: list[Any], query: str) -> str:
    html = R.hits_html(hits, query)
    stamp = time.monotonic_ns()
    # add an “open” button on each card (the card div carries data-id)
    for h in hits:
        marker = f'<div class="rs-card" data-id="{R.e(h.id)}"><div class="rs-card-head">'
        button = f'<button class="rs-open" data-id="{R.e(h.id)}" type="button">Xem đầy đủ ›</button>'
        html = html.replace(marker, marker + button, 1)
    # data-q / data-t: which query this is and when it was answered (lets tests and benchmarks wait for it)
    return f'<div class="rs-results" data-q="{R.e(query)}" data-t="{stamp}">{html}</div>'


def search_ui(holder: IndexHolder, query: str, kind: str, field: str, level: str, agency: str, mode: str, k: float):
    """UI handler: results HTML and the detail of the best hit."""
    if not (query or "").strip():
        return R.notice("Hãy nhập nội dung cần tra cứu (có dấu hoặc không dấu đều được).", "info"), ""
    try:
        hits = run_search(holder, query, kind, field, level, agency, mode, int(k))
    except NoIndexError as exc:
        return R.notice(str(exc), "error"), ""
    except ValueError as exc:
        return R.notice(f"Truy vấn không hợp lệ: {exc}", "error"), ""
    detail = open_record(holder, hits[0].id) if hits else ""
    return _cards_with_open(hits, query), detail


def open_record(holder: IndexHolder, id_or_code: str) -> str:
    """Detail HTML of one record; for a clause, the whole Điều it belongs to."""
    key = (id_or_code or "").strip()
    if not key:
        return R.notice("Nhập mã thủ tục (ví dụ 1.000080) hoặc mã bản ghi.", "info")
    try:
        index = holder.get()
    except NoIndexError as exc:
        return R.notice(str(exc), "error")
    rec = index.get(key)
    if rec is not None and getattr(rec, "kind", "") == "regulation" and (rec.clause or rec.point):
        whole = index.get(whole_article_id(rec.id))
        rec = whole or rec
    if rec is None:
        return R.notice(f"Không tìm thấy thủ tục hoặc điều khoản có mã “{key}”.", "warn")
    return R.record_html(rec)


def whole_article_id(unit_id: str) -> str:
    """``vb:<doc>|<art>|<clause>|<point>`` → ``vb:<doc>|<art>``."""
    parts = unit_id.split("|")
    return "|".join(parts[:2]) if len(parts) > 2 else unit_id


def api_search(holder: IndexHolder):
    """The ``/tra_cuu`` API function (for gradio_client)."""

    def tra_cuu(query: str, k: int = 10, kind: str = "", mode: str = "hybrid", field: str = "",
                level: str = "", agency: str = "") -> list[dict]:
        """Tra cứu thủ tục và văn bản; trả về danh sách kết quả (id, kind, code, title, citation, score, snippet)."""
        if not (query or "").strip():
            return []
        try:
            return [h.to_dict() for h in run_search(holder, query, kind, field, level, agency, mode, int(k))]
        except NoIndexError as exc:
            raise gr.Error(str(exc)) from exc

    return tra_cuu


def api_show(holder: IndexHolder):
    """The ``/chi_tiet`` API function: one record as JSON."""

    def chi_tiet(id_or_code: str) -> dict:
        """Xem đầy đủ một thủ tục (theo mã hoặc id) hoặc một điều khoản (theo id)."""
        try:
            rec = holder.get().get((id_or_code or "").strip())
        except NoIndexError as exc:
            raise gr.Error(str(exc)) from exc
        return rec.to_dict() if rec is not None else {}

    return chi_tiet


def facet_updates(holder: IndexHolder):
    """Dropdown updates for the filter choices (called on page load and after a reindex)."""
    try:
        f = holder.cached("facets", facets)
    except NoIndexError:
        f = {"field": [], "level": [], "agency": []}
    return (
        gr.update(choices=[ANY] + f["field"]),
        gr.update(choices=[ANY] + f["level"]),
        gr.update(choices=[ANY] + f["agency"]),
    )


def build_tab(holder: IndexHolder) -> dict[str, Any]:
    """Lay out the tab inside the current Blocks; returns the components other tabs refresh."""
    with gr.Tab("Tra cứu", id="tra-cuu", elem_id="tab-tra-cuu"):
        with gr.Row(equal_height=True):
            query = gr.Textbox(
                label="Nội dung cần tra cứu",
                placeholder="Ví dụ: cấp giấy phép xây dựng · dang ky khai sinh · 1.000080 · Điều 5 Nghị định 63/2010",
                scale=6, elem_id="q", autofocus=True,
            )
            go = gr.Button("Tra cứu", variant="primary", scale=1, elem_id="btn-tra-cuu")
        with gr.Row():
            kind = gr.Radio(KIND_CHOICES, value="", label="Loại", scale=2, elem_id="f-kind")
            mode = gr.Radio(MODE_CHOICES, value="hybrid", label="Cách tìm", scale=2, elem_id="f-mode")
            k = gr.Slider(5, 50, value=10, step=5, label="Số kết quả", scale=1)
        with gr.Row():
            field = gr.Dropdown([ANY], value=ANY, label="Lĩnh vực", allow_custom_value=True, filterable=True)
            level = gr.Dropdown([ANY], value=ANY, label="Cấp thực hiện", allow_custom_value=True, filterable=True)
            agency = gr.Dropdown([ANY], value=ANY, label="Cơ quan thực hiện", allow_custom_value=True, filterable=True)
        with gr.Row():
            with gr.Column(scale=5):
                results = gr.HTML(
                    R.notice("Nhập nội dung và bấm “Tra cứu”. Có thể gõ không dấu.", "info"),
                    elem_id="ket-qua", js_on_load=OPEN_JS,
                )
            with gr.Column(scale=6):
                with gr.Row(equal_height=True):
                    code = gr.Textbox(label="Mở theo mã thủ tục / mã bản ghi", placeholder="1.000080", scale=4,
                                      elem_id="ma-mo")
                    open_btn = gr.Button("Mở", scale=1, elem_id="btn-mo")
                detail = gr.HTML("", elem_id="chi-tiet")

        inputs = [query, kind, field, level, agency, mode, k]
        fn = lambda *a: search_ui(holder, *a)  # noqa: E731
        go.click(fn, inputs, [results, detail], api_name="tim_kiem", api_visibility="undocumented",
                 concurrency_limit=4, concurrency_id="search")
        query.submit(fn, inputs, [results, detail], api_visibility="private", concurrency_limit=4,
                     concurrency_id="search")

        def on_card(evt: gr.EventData) -> str:
            return open_record(holder, (getattr(evt, "_data", None) or {}).get("id", ""))

        results.click(on_card, None, detail, api_visibility="private", concurrency_limit=4, concurrency_id="search")
        open_fn = lambda c: open_record(holder, c)  # noqa: E731
        open_btn.click(open_fn, code, detail, api_visibility="private")
        code.submit(open_fn, code, detail, api_visibility="private")
    return {"facets": [field, level, agency]}
