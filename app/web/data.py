"""Thẻ “Dữ liệu”: upload files, incremental reindex with a progress bar, per-file errors, index status.

Reindexing passes ``index_sources`` the sources recorded in the bundle's manifest (the folders
the index was first built from) plus the data folder, so uploads are added without dropping
what was indexed before. Recorded sources that no longer exist on this machine are left out
and reported (their documents stay only if the indexer keeps documents of absent sources).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr

from app.web import render as R
from app.web.files import ALLOWED_SUFFIXES, MAX_FILE_BYTES, MAX_FILES, store_uploads
from app.web.state import IndexHolder, NoIndexError

STATUS_LABEL = {
    "documents": "Số tài liệu / bản ghi",
    "procedures": "Số thủ tục",
    "regulations": "Số điều khoản",
    "processes": "Số quy trình ISO",
    "units": "Số đơn vị chỉ mục",
    "model": "Mô hình ngữ nghĩa",
    "built_at": "Lập chỉ mục lúc",
    "built": "Lập chỉ mục lúc",
    "dimension": "Số chiều vectơ",
    "dense": "Kiểu chỉ mục vectơ",
    "stale": "Có phiên bản mới hơn",
    "version": "Phiên bản",
    "files": "Số tệp nguồn",
    "sources": "Số tệp nguồn",
    "path": "Thư mục chỉ mục",
    "dim": "Số chiều vectơ",
}


def recorded_sources(index: Any) -> list[str]:
    """Source files recorded in the manifest (absolute paths, as indexed)."""
    manifest = getattr(index, "manifest", None) or {}
    srcs = manifest.get("sources") or {}
    if isinstance(srcs, dict):
        return [str(v.get("path") or k) if isinstance(v, dict) else str(k) for k, v in srcs.items()]
    return [str(s.get("path", "")) if isinstance(s, dict) else str(s) for s in srcs]


def reindex_sources(holder: IndexHolder) -> tuple[list[Path], list[str]]:
    """Sources for an incremental reindex: the recorded source files that still exist + the data folder.

    Passing the recorded files (not only the data folder) lets edits to them be picked up;
    files under the data folder are covered by the folder itself (deleted uploads drop out).

    Returns:
        (sources, missing) — ``missing``: recorded files no longer on this machine (the indexer
        drops their documents; the report says so).
    """
    try:
        recorded = recorded_sources(holder.get())
    except NoIndexError:
        recorded = []
    holder.data_dir.mkdir(parents=True, exist_ok=True)
    data = holder.data_dir.resolve()
    sources: list[Path] = []
    seen: set[Path] = set()
    missing: list[str] = []
    for s in recorded:
        p = Path(s)
        if not p.exists():
            missing.append(s)
            continue
        rp = p.resolve()
        if rp == data or data in rp.parents or rp in seen:
            continue
        seen.add(rp)
        sources.append(rp)
    sources.append(data)
    return sources, missing


def status_rows(holder: IndexHolder) -> list[tuple[str, str]]:
    """Index status as (label, value) rows."""
    st = dict(holder.get().status() or {})
    rows = []
    for key, val in st.items():
        if key == "warnings":
            if val:
                rows.append(("Cảnh báo", "; ".join(str(v) for v in val)))
            continue
        if isinstance(val, bool):
            val = "có" if val else "không"
        if isinstance(val, (dict, list)):
            continue
        rows.append((STATUS_LABEL.get(key, key), str(val)))
    rows.append(("Thư mục tải lên", str(holder.data_dir)))
    return rows


def status_html(holder: IndexHolder) -> str:
    """The status panel."""
    try:
        rows = status_rows(holder)
    except NoIndexError as exc:
        return R.notice(str(exc), "warn")
    body = "".join(f"<tr><th>{R.e(k)}</th><td>{R.e(v)}</td></tr>" for k, v in rows)
    return f'<table class="rs-kv rs-status">{body}</table>'


def api_status(holder: IndexHolder):
    """The ``/trang_thai`` API function."""

    def trang_thai() -> dict:
        """Trạng thái chỉ mục (số tài liệu, đơn vị, mô hình, thời điểm lập)."""
        try:
            st = dict(holder.get().status() or {})
        except NoIndexError as exc:
            return {"error": str(exc)}
        # a "path" key would make gradio_client treat the dict as a file to download
        st["index_dir"] = str(st.pop("path", holder.index_dir))
        return st

    return trang_thai


def _report_html(stored: Any, report: Any, missing: list[str], elapsed_note: str = "") -> str:
    parts = []
    if stored.saved:
        parts.append(R.notice(f"Đã lưu {len(stored.saved)} tệp: " + ", ".join(p.name for p in stored.saved), "ok"))
    if stored.unchanged:
        parts.append(R.notice("Đã có sẵn (không đổi): " + ", ".join(p.name for p in stored.unchanged), "info"))
    if stored.rejected:
        rows = [(name, why) for name, why in stored.rejected]
        parts.append(R.notice(f"{len(rows)} tệp bị từ chối:", "error") + R.table_html(["Tệp", "Lý do"], rows))
    if missing:
        parts.append(R.notice("Các tệp nguồn sau không còn trên máy nên tài liệu của chúng đã bị gỡ khỏi chỉ mục: "
                              + "; ".join(missing), "warn"))
    if report is not None:
        d = report.to_dict() if hasattr(report, "to_dict") else {}
        summary = (
            f"Lập chỉ mục xong trong {getattr(report, 'seconds', 0):.1f} giây: "
            f"{_n(report.added)} tệp mới, {_n(report.updated)} cập nhật, {_n(report.removed)} gỡ bỏ, "
            f"{_n(report.unchanged)} không đổi. Chỉ mục có {report.documents} tài liệu, {report.units} đơn vị."
        )
        parts.append(R.notice(summary, "ok"))
        failed = list(getattr(report, "failed", []) or d.get("failed", []))
        if failed:
            rows = [(Path(str(getattr(f, "path", ""))).name, getattr(f, "error", "")) for f in failed]
            parts.append(
                R.notice(f"{len(rows)} tệp không đọc được (các tệp khác vẫn được lập chỉ mục):", "error")
                + R.table_html(["Tệp", "Lỗi"], rows, cls="rs-table rs-errors")
            )
        if stored.removed:
            parts.append(R.notice("Đã xóa khỏi thư mục dữ liệu các tệp tải lên không đọc được: "
                                  + ", ".join(p.name for p in stored.removed) + ". Hãy sửa tệp rồi tải lên lại.",
                                  "warn"))
    return "".join(parts) or R.notice("Không có tệp nào để xử lý.", "info")


def _drop_unreadable(stored: Any, report: Any, index: Any) -> None:
    """Delete files of this upload that failed and did not enter the index (nothing in them could be read),
    so they are not retried on every reindex. Partly readable files stay (they are indexed)."""
    failed = {str(Path(str(getattr(f, "path", ""))).resolve()) for f in getattr(report, "failed", []) or []}
    indexed = {str(Path(p).resolve()) for p in recorded_sources(index)}
    for p in list(stored.saved):
        key = str(p.resolve())
        if key in failed and key not in indexed:
            try:
                p.unlink()
            except OSError:
                continue
            stored.removed.append(p)


def _n(x: Any) -> int:
    return len(x) if isinstance(x, (list, tuple, set, dict)) else int(x or 0)


def upload_and_reindex(holder: IndexHolder, files: Any, progress: gr.Progress = gr.Progress(track_tqdm=True)):
    """Store the uploads in the data folder, then reindex incrementally.

    Returns:
        (report HTML, status HTML, cleared file input)
    """
    from indexer.pipeline import index_sources

    files = files or []
    if not isinstance(files, list):
        files = [files]
    uploads = []
    for f in files:
        path = getattr(f, "name", None) or getattr(f, "path", None) or str(f)
        original = getattr(f, "orig_name", None) or Path(str(path)).name
        uploads.append((path, original))
    stored = store_uploads(uploads, holder.data_dir)
    if uploads and not stored.saved and not stored.unchanged:
        return _report_html(stored, None, []), status_html(holder), None
    if not holder.reindex_lock.acquire(blocking=False):
        return (R.notice("Đang lập chỉ mục ở một phiên khác; các tệp đã được lưu, hãy bấm “Lập chỉ mục lại” sau.",
                         "warn"), status_html(holder), None)
    try:
        progress(0.02, desc="Đang chuẩn bị…")
        sources, missing = reindex_sources(holder)
        report = index_sources(sources, holder.index_dir, progress=True, wait=30.0)
        progress(1.0, desc="Đang mở chỉ mục mới…")
        _drop_unreadable(stored, report, holder.reload())
    except Exception as exc:  # the indexer failed as a whole: say so plainly, keep the old bundle
        return (_report_html(stored, None, []) + R.notice(f"Lập chỉ mục thất bại: {exc}", "error"),
                status_html(holder), None)
    finally:
        holder.reindex_lock.release()
    return _report_html(stored, report, missing), status_html(holder), None


def build_tab(holder: IndexHolder) -> dict[str, Any]:
    """Lay out the tab; returns the status component and the reindex event (for chaining)."""
    types = ", ".join(s.lstrip(".").upper() for s in ALLOWED_SUFFIXES if s not in (".htm", ".jsonl"))
    with gr.Tab("Dữ liệu", id="du-lieu", elem_id="tab-du-lieu"):
        with gr.Row():
            with gr.Column(scale=3):
                gr.Markdown(
                    f"#### Thêm tài liệu\nChọn tệp ({types}); tối đa {MAX_FILES} tệp mỗi lần, "
                    f"mỗi tệp ≤ {MAX_FILE_BYTES // 1048576} MB. Tệp được lưu trong thư mục dữ liệu rồi lập chỉ mục "
                    "tăng dần — chỉ phần thay đổi được xử lý lại. Trong lúc lập chỉ mục, tra cứu vẫn hoạt động "
                    "với chỉ mục cũ."
                )
                files = gr.File(label="Tệp tải lên", file_count="multiple", file_types=list(ALLOWED_SUFFIXES),
                                elem_id="tep-tai-len")
                with gr.Row():
                    go = gr.Button("Tải lên và lập chỉ mục", variant="primary", elem_id="btn-lap-chi-muc")
                    again = gr.Button("Lập chỉ mục lại (không tải tệp)", elem_id="btn-lap-lai")
                report = gr.HTML("", elem_id="bao-cao", js_on_load=None)
            with gr.Column(scale=2):
                gr.Markdown("#### Trạng thái chỉ mục")
                status = gr.HTML("", elem_id="trang-thai", js_on_load=None)
                refresh = gr.Button("Làm mới trạng thái", size="sm")
        fn = lambda f, progress=gr.Progress(track_tqdm=True): upload_and_reindex(holder, f, progress)  # noqa: E731
        ev = go.click(fn, files, [report, status, files], api_name="lap_chi_muc", api_visibility="private",
                      concurrency_limit=1, concurrency_id="reindex")
        ev2 = again.click(lambda progress=gr.Progress(track_tqdm=True): upload_and_reindex(holder, [], progress),
                          None, [report, status, files], api_visibility="private", concurrency_limit=1,
                          concurrency_id="reindex")
        refresh.click(lambda: status_html(holder), None, status, api_visibility="private")
    return {"status": status, "reindexed": ev, "reindexed2": ev2}
