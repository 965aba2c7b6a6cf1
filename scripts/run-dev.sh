#!/usr/bin/env bash
# Development server with the timer worker beside it; stopping the server stops the worker too.
set -euo pipefail
BIN="$(dirname "$0")/../.venv/bin"
"$BIN/caseflow" worker --interval 30 &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
"$BIN/caseflow" run --host "${HOST:-127.0.0.1}" --port "${PORT:-5000}"
