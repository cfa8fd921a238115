"""RaSoát web app (Gradio): Tra cứu · Trùng lặp · Đơn giản hóa · Quy trình ISO · Dữ liệu.

Offline by construction: system fonts only (no Google Fonts), no analytics, no share links,
server-side rendering off; binds 127.0.0.1 unless told otherwise.

Usage:
    app = build_app(".rasoat-index")            # gr.Blocks, for tests
    launch(".rasoat-index", port=7860, auth=("admin", "secret"))
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, Optional

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import gradio as gr  # noqa: E402

from app.web import data as web_data  # noqa: E402
from app.web import duplicates as web_duplicates  # noqa: E402
from app.web import processes as web_processes  # noqa: E402
from app.web import search as web_search  # noqa: E402
from app.web import simplify as web_simplify  # noqa: E402
from app.web.files import MAX_FILE_BYTES  # noqa: E402
from app.web.state import IndexHolder  # noqa: E402

STATIC = Path(__file__).resolve().parent / "static"
TITLE = "RaSoát — rà soát thủ tục hành chính"
SANS = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica", "sans-serif"]
MONO = ["DejaVu Sans Mono", "Liberation Mono", "Consolas", "monospace"]


def theme() -> gr.themes.Base:
    """A sober theme with system fonts only (plain names: nothing is fetched from the Internet)."""
    return gr.themes.Default(
        primary_hue="blue", secondary_hue="slate", neutral_hue="slate", radius_size="sm", font=SANS, font_mono=MONO,
    ).set(
        body_background_fill="#f4f6f9",
        block_border_width="1px",
        block_shadow="0 1px 2px rgba(15,23,42,.06)",
        button_primary_background_fill="#0b4f9c",
        button_primary_background_fill_hover="#0a4386",
    )


def css() -> str:
    """The app's stylesheet (app/web/static/rasoat.css)."""
    return (STATIC / "rasoat.css").read_text(encoding="utf-8")


def default_data_dir(index_dir: str | Path) -> Path:
    """Where uploads go when ``--data-dir`` is not given: a sibling folder ``<index>-data``."""
    p = Path(index_dir).resolve()
    return p.with_name(p.name + "-data")


HEADER = """
<div class="rs-header">
  <div class="rs-logo">RS</div>
  <div><div class="rs-app">RaSoát</div>
  <div class="rs-sub">Tra cứu, phát hiện trùng lặp và đề xuất đơn giản hóa thủ tục hành chính</div></div>
</div>
"""


def build_app(index_dir: str | Path, data_dir: Optional[str | Path] = None) -> gr.Blocks:
    """Build the four-tab app around one index.

    Args:
        index_dir: the bundle folder (``--index``).
        data_dir: folder for uploaded files (default ``<index>-data`` next to the index).

    Returns:
        The gr.Blocks (launch it with ``launch_kwargs()`` for the theme and CSS).
    """
    holder = IndexHolder(index_dir, data_dir or default_data_dir(index_dir))
    with gr.Blocks(title=TITLE, analytics_enabled=False, fill_width=False) as app:
        gr.HTML(HEADER, js_on_load=None)
        with gr.Tabs(elem_id="tabs"):
            search_parts = web_search.build_tab(holder)
            dup_parts = web_duplicates.build_tab(holder)
            web_simplify.build_tab(holder)
            web_processes.build_tab(holder)
            data_parts = web_data.build_tab(holder)
        gr.HTML(
            '<div class="rs-footer">RaSoát chạy hoàn toàn trên máy này — không gửi dữ liệu ra ngoài.</div>',
            js_on_load=None,
        )
        facet_fn = lambda: web_search.facet_updates(holder)  # noqa: E731
        app.load(facet_fn, None, search_parts["facets"], api_visibility="private")
        app.load(lambda: web_data.status_html(holder), None, data_parts["status"], api_visibility="private")
        choices_fn, choices_out = dup_parts["choices"]
        app.load(choices_fn, None, choices_out, api_visibility="private")
        for ev in (data_parts["reindexed"], data_parts["reindexed2"]):
            ev.then(facet_fn, None, search_parts["facets"], api_visibility="private").then(
                choices_fn, None, choices_out, api_visibility="private")
        gr.api(web_search.api_search(holder), api_name="tra_cuu", concurrency_limit=4, concurrency_id="search")
        gr.api(web_search.api_show(holder), api_name="chi_tiet")
        gr.api(web_data.api_status(holder), api_name="trang_thai")
    app.rasoat_holder = holder  # type: ignore[attr-defined]  # for tests and the screenshot script
    return app


def warm_up(holder: IndexHolder) -> None:
    """Open the index, load the embedding model and the accent restorer in the background, so the first search is quick."""

    def work() -> None:
        try:
            index = holder.get()
            index.encode_queries([index.dense_query_text("khoi dong")])  # the model and the restorer
        except Exception:  # noqa: BLE001 - no index yet or model trouble: the UI will say so on use
            pass

    threading.Thread(target=work, name="rasoat-warm-up", daemon=True).start()


def parse_auth(value: Optional[str]) -> Optional[tuple[str, str]]:
    """``USER:PASS`` → (user, password); None when not given.

    Raises:
        ValueError: malformed value (Vietnamese message).
    """
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise ValueError("--auth phải có dạng TÊN:MẬT_KHẨU (cả hai đều không được để trống)")
    return user, password


def launch_kwargs(auth: Optional[tuple[str, str]] = None) -> dict[str, Any]:
    """Keyword arguments for ``Blocks.launch`` that keep the app offline and limited."""
    return {
        "theme": theme(),
        "css": css(),
        "share": False,
        "ssr_mode": False,
        "auth": auth,
        "auth_message": (
            "RaSoát — đăng nhập bằng tài khoản được cấp (username = tên đăng nhập, password = mật khẩu)."
            if auth else None
        ),
        "max_file_size": MAX_FILE_BYTES,
        "footer_links": ["api"],
        "show_error": True,
        "pwa": False,
        "mcp_server": False,
    }


def launch(
    index_dir: str | Path,
    host: str = "127.0.0.1",
    port: int = 7860,
    auth: Optional[tuple[str, str] | str] = None,
    data_dir: Optional[str | Path] = None,
    *,
    block: bool = True,
) -> gr.Blocks:
    """Start the web server.

    Args:
        index_dir: the bundle folder.
        host: interface to bind (127.0.0.1 by default: reachable from this machine only).
        port: TCP port.
        auth: (user, password) or ``"USER:PASS"``; None for no password.
        data_dir: folder for uploads.
        block: wait until the server stops (False returns at once, for tests).

    Returns:
        The running gr.Blocks.
    """
    if isinstance(auth, str):
        auth = parse_auth(auth)
    app = build_app(index_dir, data_dir)
    warm_up(app.rasoat_holder)  # type: ignore[attr-defined]
    app.queue(default_concurrency_limit=1, max_size=64)
    app.launch(server_name=host, server_port=port, prevent_thread_lock=not block, quiet=False,
               **launch_kwargs(auth))
    return app
