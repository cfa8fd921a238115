"""HTML fragments for the web app: result cards, procedure and article details, comparisons, tables.

Every value coming from data is escaped here; the only markup passed through is ``<mark>``
inside search snippets (already escaped by the search engine; other tags are dropped).
"""

from __future__ import annotations

import re
from html import escape
from typing import Any, Iterable, Optional

_TAG = re.compile(r"<(?!/?mark>)[^>]*>", re.IGNORECASE)

KIND_LABEL = {"procedure": "Thủ tục", "regulation": "Văn bản"}
TIME_UNIT_LABEL = {"working_days": "ngày làm việc", "days": "ngày", "hours": "giờ", "months": "tháng", "text": ""}


def e(value: Any) -> str:
    """Escape any value for HTML (None → empty)."""
    return escape("" if value is None else str(value))


def safe_snippet(snippet: str) -> str:
    """Keep only ``<mark>`` tags of an already escaped snippet."""
    return _TAG.sub("", snippet or "")


def notice(text: str, level: str = "info") -> str:
    """A coloured message box (levels: info, ok, warn, error)."""
    return f'<div class="rs-notice rs-{e(level)}">{e(text)}</div>'


def fmt_score(value: Any) -> str:
    try:
        return f"{float(value):.3f}"
    except (TypeError, ValueError):
        return e(value)


def _explain_html(explain: Optional[dict]) -> str:
    if not explain:
        return ""
    rows = []
    for key, val in explain.items():
        if isinstance(val, float):
            val = f"{val:.4f}"
        elif isinstance(val, (list, tuple)):
            val = ", ".join(str(v) for v in val)
        elif isinstance(val, dict):
            val = "; ".join(f"{k}: {v:.4f}" if isinstance(v, float) else f"{k}: {v}" for k, v in val.items())
        rows.append(f"<tr><th>{e(EXPLAIN_LABEL.get(key, key))}</th><td>{e(val)}</td></tr>")
    return (
        '<details class="rs-explain"><summary>Vì sao có kết quả này?</summary>'
        f'<table class="rs-kv">{"".join(rows)}</table></details>'
    )


EXPLAIN_LABEL = {
    "lexical": "Điểm từ khóa (BM25)",
    "lexical_score": "Điểm từ khóa (BM25)",
    "lexical_rank": "Hạng theo từ khóa",
    "dense": "Điểm ngữ nghĩa (cosine)",
    "dense_score": "Điểm ngữ nghĩa (cosine)",
    "dense_rank": "Hạng theo ngữ nghĩa",
    "fusion": "Cách kết hợp",
    "named_document": "Văn bản được nêu trong câu hỏi",
    "code_match": "Mã thủ tục được nêu trong câu hỏi",
    "named_level": "Cấp thực hiện được nêu trong câu hỏi",
    "unasked_action": "Tên mở đầu bằng việc câu hỏi không nhắc (gia hạn, cấp lại…)",
    "rrf": "Điểm RRF",
    "matched_terms": "Từ khớp",
    "terms": "Từ khớp",
    "field": "Trường khớp",
    "fields": "Trường khớp",
    "unit": "Đơn vị khớp",
    "folded": "Tra không dấu",
    "accent_folded": "Tra không dấu",
    "boosts": "Điểm cộng",
    "mode": "Chế độ",
}


def hits_html(hits: Iterable[Any], query: str) -> str:
    """Result cards: title, code, kind, citation, highlighted snippet, score and its explanation."""
    hits = list(hits)
    if not hits:
        return notice(f"Không tìm thấy kết quả cho “{query}”. Hãy thử từ khóa khác hoặc bỏ bớt bộ lọc.", "warn")
    cards = [f'<div class="rs-count">{len(hits)} kết quả cho “{e(query)}”</div>']
    for i, h in enumerate(hits, 1):
        kind = KIND_LABEL.get(getattr(h, "kind", ""), getattr(h, "kind", ""))
        code = getattr(h, "code", "") or ""
        badges = f'<span class="rs-badge rs-{e(getattr(h, "kind", ""))}">{e(kind)}</span>'
        if code:
            badges += f'<span class="rs-code">Mã {e(code)}</span>'
        cite = getattr(h, "citation", "") or ""
        cards.append(
            f'<div class="rs-card" data-id="{e(h.id)}">'
            f'<div class="rs-card-head"><span class="rs-rank">{i}</span>{badges}'
            f'<span class="rs-score" title="Điểm xếp hạng">điểm {fmt_score(getattr(h, "score", 0))}</span></div>'
            f'<div class="rs-title">{e(getattr(h, "title", ""))}</div>'
            + (f'<div class="rs-cite">{e(cite)}</div>' if cite else "")
            + f'<div class="rs-snippet">{safe_snippet(getattr(h, "snippet", ""))}</div>'
            + _explain_html(getattr(h, "explain", None))
            + "</div>"
        )
    return "".join(cards)


def _time_text(pt: Any) -> str:
    if pt is None:
        return ""
    if getattr(pt, "value", None) is not None:
        val = pt.value
        val = int(val) if float(val).is_integer() else val
        unit = TIME_UNIT_LABEL.get(pt.unit, pt.unit)
        return f"{val} {unit}".strip()
    return getattr(pt, "text", "") or ""


def _fee_text(fee: Any) -> str:
    if fee is None:
        return ""
    if getattr(fee, "text", ""):
        return fee.text
    if getattr(fee, "amount_vnd", None) is not None:
        return "Không thu phí" if fee.amount_vnd == 0 else f"{fee.amount_vnd:,} đồng".replace(",", ".")
    return ""


def _section(title: str, body: str) -> str:
    if not body:
        body = '<span class="rs-muted">Không có thông tin</span>'
    return f'<section class="rs-part"><h4>{e(title)}</h4>{body}</section>'


def _ol(items: Iterable[str]) -> str:
    items = [i for i in items if i]
    return "<ol>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ol>" if items else ""


def _ul(items: Iterable[str]) -> str:
    items = [i for i in items if i]
    return "<ul>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>" if items else ""


def procedure_html(p: Any) -> str:
    """The full procedure, its nine parts (NĐ 63/2010/NĐ-CP, Điều 8 khoản 2) plus identity."""
    meta = [
        ("Mã thủ tục", p.code),
        ("Lĩnh vực", p.field),
        ("Cấp thực hiện", p.level),
        ("Tỉnh/thành phố", p.province),
        ("Quyết định công bố", p.decision),
        ("Nguồn", _source_text(p.source)),
    ]
    meta_html = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in meta if v)
    channels = []
    times, fees = [], []
    for c in p.channels:
        t, f = _time_text(c.processing_time), _fee_text(c.fee)
        line = e(c.channel or "Cách thức")
        if c.description:
            line += f": {e(c.description)}"
        channels.append(f"<li>{line}</li>")
        if t:
            times.append(f"{c.channel}: {t}" if c.channel else t)
        if f:
            fees.append(f"{c.channel}: {f}" if c.channel else f)
    if p.time_text:
        times.append(p.time_text)
    if p.fee_text:
        fees.append(p.fee_text)
    docs = [
        f"<li>{e(d.name)}" + (f' <span class="rs-muted">— {e(d.quantity)}</span>' if d.quantity else "")
        + (f' <span class="rs-muted">(mẫu: {e(d.form)})</span>' if d.form else "") + "</li>"
        for d in p.documents
    ]
    basis = [
        f"<li>{e(b.number)}{' — ' if b.number and b.title else ''}{e(b.title)}"
        + (f' <span class="rs-muted">({e(b.date)})</span>' if b.date else "") + "</li>"
        for b in p.legal_basis
    ]
    parts = [
        _section("1. Trình tự thực hiện", _ol(p.steps)),
        _section("2. Cách thức thực hiện", f"<ul>{''.join(channels)}</ul>" if channels else ""),
        _section("3. Thành phần, số lượng hồ sơ", f"<ol>{''.join(docs)}</ol>" if docs else ""),
        _section("4. Thời hạn giải quyết", _ul(dict.fromkeys(times))),
        _section("5. Đối tượng thực hiện", e(p.applicants)),
        _section("6. Cơ quan thực hiện", e(p.agency)),
        _section("7. Kết quả thực hiện", e(p.result)),
        _section("8. Phí, lệ phí", _ul(dict.fromkeys(fees))),
        _section("9. Tên mẫu đơn, tờ khai", _ul(p.forms or [d.form for d in p.documents if d.form])),
        _section("10. Yêu cầu, điều kiện thực hiện", _ul(p.requirements)),
        _section("11. Căn cứ pháp lý", f"<ul>{''.join(basis)}</ul>" if basis else ""),
    ]
    return (
        f'<article class="rs-detail"><h3>{e(p.name)}</h3>'
        f'<table class="rs-kv">{meta_html}</table>{"".join(parts)}</article>'
    )


def _source_text(src: Any) -> str:
    if src is None or not getattr(src, "file", ""):
        return ""
    text = str(src.file).replace("\\", "/").split("/")[-1]
    if getattr(src, "page", None):
        text += f", trang {src.page}"
    return text


def unit_html(u: Any) -> str:
    """A regulation unit (normally a whole Điều) with its place in the document."""
    where = [x for x in (u.part, u.chapter, u.section) if x]
    head = f"Điều {u.article}. {u.article_title}".strip() if u.article else (u.article_title or "Nội dung")
    doc = " ".join(x for x in (u.doc_type, u.doc_number) if x)
    meta = [
        ("Văn bản", f"{doc} — {u.doc_title}" if u.doc_title and doc else (doc or u.doc_title)),
        ("Ngày ban hành", u.issued),
        ("Vị trí", " › ".join(where)),
        ("Trích dẫn", u.citation),
        ("Mã pháp điển", u.codified_id),
        ("Nguồn", _source_text(u.source)),
    ]
    meta_html = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in meta if v)
    paras = "".join(f"<p>{e(line)}</p>" for line in (u.text or "").splitlines() if line.strip())
    return (
        f'<article class="rs-detail"><h3>{e(head)}</h3><table class="rs-kv">{meta_html}</table>'
        f'<div class="rs-law">{paras}</div></article>'
    )


def process_html(p: Any) -> str:
    """A quy trình ISO (``indexer.records.Process``): header, papers, time, fee, references and the step table."""
    meta = [("Mã hiệu", p.code), ("Đơn vị", p.agency), ("Lần ban hành", p.revision), ("Ngày ban hành", p.issued),
            ("Phạm vi", p.scope), ("Nơi tiếp nhận, trả kết quả", p.place), ("Nguồn", _source_text(p.source))]
    meta_html = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in meta if v)
    docs = [f"<li>{e(d.name)}" + (f' <span class="rs-muted">— {e(d.quantity)}</span>' if d.quantity else "") + "</li>"
            for d in p.documents]
    refs = [f"{r.number} — {r.title}" if r.number and r.number not in r.title else (r.title or r.number)
            for r in p.references]
    rows = "".join(
        f"<tr><td>{e(s.no)}</td><td>{e(s.action)}</td><td>{e(s.responsible) or '—'}</td>"
        f"<td>{e(_time_text(s.time)) or '—'}</td><td>{e(s.output)}</td></tr>" for s in p.steps)
    steps = ('<table class="rs-kv"><thead><tr><th>TT</th><th>Trình tự</th><th>Trách nhiệm</th><th>Thời gian</th>'
             f"<th>Kết quả</th></tr></thead><tbody>{rows}</tbody></table>") if rows else ""
    parts = [
        _section("Cơ sở pháp lý, tài liệu viện dẫn", _ul(refs)),
        _section("Thành phần hồ sơ", f"<ol>{''.join(docs)}</ol>" if docs else ""),
        _section("Thời gian xử lý", e(_time_text(p.time_limit))),
        _section("Phí, lệ phí", e(_fee_text(p.fee))),
        _section("Các bước xử lý", steps),
        _section("Biểu mẫu", _ul(p.forms)),
        _section("Hồ sơ cần lưu", _ul(p.records)),
    ]
    title = f"{p.code} {p.title}".strip() if p.code else p.title
    return (f'<article class="rs-detail"><h3>{e(title)}</h3><table class="rs-kv">{meta_html}</table>'
            f'{"".join(parts)}<div class="rs-muted">Đối chiếu với thủ tục đã công bố: thẻ “Quy trình ISO”.</div>'
            "</article>")


def record_html(rec: Any) -> str:
    """Procedure, quy trình or legal unit → detail HTML."""
    if rec is None:
        return notice("Không tìm thấy bản ghi.", "warn")
    if getattr(rec, "kind", "") == "procedure":
        return procedure_html(rec)
    if getattr(rec, "kind", "") == "process":
        return process_html(rec)
    return unit_html(rec)


def _li(items: list, cls: str) -> str:
    return "".join(f'<li class="{cls}">{e(x)}</li>' for x in items)


def comparison_html(cmp: dict) -> str:
    """Side by side comparison of two procedures (``Comparison.to_dict()`` of search.duplicates.compare).

    Shared items are shown on both sides (each side's own wording) in green; items only one
    side has are in orange; single values (time, fee, agency, level) are green when equal.
    """
    a, b = cmp.get("a", {}), cmp.get("b", {})
    rows = []
    for key, f in (cmp.get("fields") or {}).items():
        label = f.get("label", key)
        sim = f.get("similarity")
        sim_txt = "—" if sim is None else f"{float(sim) * 100:.0f}%"
        note = f'<div class="rs-note">{e(f.get("note"))}</div>' if f.get("note") else ""
        if "only_a" in f or "shared" in f:
            pairs = f.get("shared_pairs") or [{"a": x, "b": x} for x in f.get("shared") or []]
            only_a, only_b = f.get("only_a") or [], f.get("only_b") or []
            col_a = _li([p["a"] for p in pairs], "rs-same") + _li(only_a, "rs-diff")
            col_b = _li([p["b"] for p in pairs], "rs-same") + _li(only_b, "rs-diff")
            count = (f'<div class="rs-muted">{len(pairs)} chung · {len(only_a)} chỉ A · '
                     f"{len(only_b)} chỉ B</div>")
            rows.append(
                f'<tr data-field="{e(key)}"><th class="rs-fieldcol">{e(label)}<div class="rs-sim">giống {sim_txt}</div>'
                f'{count}{note}</th><td><ul>{col_a or "<li>—</li>"}</ul></td>'
                f'<td><ul>{col_b or "<li>—</li>"}</ul></td></tr>'
            )
        else:
            va, vb = f.get("a") or "", f.get("b") or ""
            cls = "rs-same" if sim is not None and float(sim) >= 0.999 else ("rs-diff" if (va or vb) else "")
            rows.append(
                f'<tr data-field="{e(key)}"><th class="rs-fieldcol">{e(label)}<div class="rs-sim">giống {sim_txt}</div>'
                f'{note}</th><td class="{cls}">{e(va) or "—"}</td><td class="{cls}">{e(vb) or "—"}</td></tr>'
            )
    overall = cmp.get("similarity")
    head = (
        '<div class="rs-legend"><span class="rs-same">có ở cả hai thủ tục</span>'
        '<span class="rs-diff">chỉ có ở một thủ tục / khác nhau</span>'
        + (f'<span class="rs-overall">Mức giống tổng thể: <b>{float(overall) * 100:.0f}%</b></span>'
           if overall is not None else "")
        + "</div>"
        '<table class="rs-compare"><thead><tr><th class="rs-fieldcol">Nội dung</th>'
        f'<th>A — <span class="rs-code">{e(a.get("code"))}</span> {e(a.get("title"))}</th>'
        f'<th>B — <span class="rs-code">{e(b.get("code"))}</span> {e(b.get("title"))}</th></tr></thead><tbody>'
    )
    return head + "".join(rows) + "</tbody></table>"


def table_html(headers: list[str], rows: Iterable[Iterable[Any]], cls: str = "rs-table") -> str:
    """A plain escaped HTML table."""
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows)
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    return f'<table class="{e(cls)}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
