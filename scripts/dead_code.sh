#!/usr/bin/env bash
# Dead code in the product: unused functions, classes, methods and imports (vulture,
# configured in pyproject.toml). Tests and bench count as callers; their own unused
# names are not reported. Prints what it found and fails when anything is left.
set -euo pipefail
cd "$(dirname "$0")/.."
found=$(.venv/bin/vulture 2>/dev/null | grep -E "unused (function|class|method|import|property)" | grep -vE "^(tests|bench)/" || true)
if [ -n "$found" ]; then
    echo "$found"
    echo "dead code: remove it, or add the name to [tool.vulture] ignore_names if Django/Celery call it by name" >&2
    exit 1
fi
echo "dead code: none"
