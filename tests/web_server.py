"""Start the real `rasoat serve` as a subprocess on a free localhost port and wait until it answers."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class WebServer:
    """A running server: its URL, process and log file."""

    url: str
    proc: subprocess.Popen
    log: Path

    def stop(self) -> None:
        """Stop the server (SIGINT, then SIGKILL after 10 s)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def __enter__(self) -> "WebServer":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def server_env() -> dict[str, str]:
    """Environment of the server process: offline, quiet, no proxy for localhost, few threads."""
    env = dict(os.environ)
    env.update(
        GRADIO_ANALYTICS_ENABLED="False", HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", OMP_NUM_THREADS="2",
        MKL_NUM_THREADS="2", TOKENIZERS_PARALLELISM="false", NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost", PYTHONUNBUFFERED="1",
    )
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def start_server(
    index_dir: Path, data_dir: Path, *, auth: Optional[str] = None, port: Optional[int] = None,
    log_dir: Optional[Path] = None, timeout: float = 120.0,
) -> WebServer:
    """Start ``python -m app.cli serve`` and wait until ``/`` answers.

    Args:
        index_dir: the bundle.
        data_dir: upload folder.
        auth: ``USER:PASS`` or None.
        port: fixed port (default: a free one).
        log_dir: where the server's output goes (default: next to data_dir).
        timeout: seconds to wait for the first answer.

    Returns:
        The running WebServer (use as a context manager or call ``stop()``).

    Raises:
        RuntimeError: the server exited or did not answer in time (with its log).
    """
    port = port or free_port()
    log = (log_dir or data_dir.parent) / f"server-{port}.log"
    cmd = [sys.executable, "-m", "app.cli", "serve", "--index", str(index_dir), "--port", str(port),
           "--data-dir", str(data_dir)]
    if auth:
        cmd += ["--auth", auth]
    fh = open(log, "w", encoding="utf-8")
    proc = subprocess.Popen(cmd, cwd=REPO, env=server_env(), stdout=fh, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    server = WebServer(url=url, proc=proc, log=log)
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"rasoat serve đã dừng (mã {proc.returncode}):\n{server.log_text()}")
        try:
            with opener.open(url + "/config", timeout=2) as r:
                if r.status in (200, 401):
                    return server
        except urllib.error.HTTPError as exc:
            if exc.code in (401, 403):
                return server
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    server.stop()
    raise RuntimeError(f"rasoat serve không trả lời sau {timeout:.0f} giây:\n{server.log_text()}")
