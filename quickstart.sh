#!/usr/bin/env bash
# One command: set up RaSoát, index the bundled corpus, run example searches and open the web app.
#   bash quickstart.sh            # then open http://127.0.0.1:7860
#   bash quickstart.sh --no-serve # index + example searches only
set -euo pipefail
cd "$(dirname "$0")"
export GRADIO_ANALYTICS_ENABLED=False HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
bash scripts/setup.sh
if [ "${1:-}" = "--no-serve" ]; then
  exec .venv/bin/rasoat quickstart --index .rasoat-index
fi
exec .venv/bin/rasoat quickstart --index .rasoat-index --serve "$@"
