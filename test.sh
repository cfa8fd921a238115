#!/usr/bin/env bash
# One command: set up RaSoát with its test dependencies (Chromium included) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")"
export GRADIO_ANALYTICS_ENABLED=False HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
bash scripts/setup.sh --test
exec .venv/bin/python -m pytest -q -p no:cacheprovider --timeout=900 "$@"
