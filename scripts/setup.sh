#!/usr/bin/env bash
# Create .venv and install RaSoát (and, with --test, what the tests need). Idempotent and offline-safe:
# only package registries are used; nothing is downloaded at run time afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
PIP=(.venv/bin/python -m pip install --disable-pip-version-check -q)
# torch first and pinned: the CPU build; an unpinned install would pull a multi-GB CUDA build.
"${PIP[@]}" "torch==2.13.0"
if [ "${1:-}" = "--test" ]; then
  "${PIP[@]}" -e ".[test,scale]"
  if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "Cài Chromium (Debian) cho kiểm thử giao diện…"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
        || echo "Không cài được Chromium: các kiểm thử trình duyệt sẽ bị bỏ qua." >&2
    else
      echo "Thiếu /usr/bin/chromium: các kiểm thử trình duyệt sẽ bị bỏ qua (cài bằng: apt-get install chromium)." >&2
    fi
  fi
else
  "${PIP[@]}" -e .
fi
