#!/usr/bin/env bash
# The production image installs requirements/base.txt only. Prove that is enough for
# the sample generator and `seed_demo`: a fresh venv from base.txt alone, a fresh
# SQLite under a throwaway DATA_DIR, migrate, seed. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV_DIR=${BASE_VENV_DIR:-/tmp/screening-base-venv}
STAMP="$VENV_DIR/.base-$(sha1sum requirements/base.txt | cut -c1-12)"
if [ ! -f "$STAMP" ]; then
    rm -rf "$VENV_DIR"
    python3 -m venv "$VENV_DIR"
    "$VENV_DIR/bin/pip" install --disable-pip-version-check -q -r requirements/base.txt
    touch "$STAMP"
fi
DATA=$(mktemp -d /tmp/screening-base-data.XXXXXX)
trap 'rm -rf "$DATA"' EXIT
export DATA_DIR="$DATA" DJANGO_SETTINGS_MODULE=config.settings
# Nothing from the dev requirements may be importable here.
if "$VENV_DIR/bin/python" -c "import pytest" 2>/dev/null; then echo "base venv has pytest: not a base-only venv" >&2; exit 1; fi
"$VENV_DIR/bin/python" -c "from samples.synthetic import prepared_cases; case = next(iter(prepared_cases())); print('samples: first case', case.name, 'with', len(case.documents), 'documents')"
"$VENV_DIR/bin/python" manage.py migrate --noinput -v 0
"$VENV_DIR/bin/python" manage.py seed_demo | grep -E "Demo applicant|Demo ready"
test -f "$DATA/db.sqlite3" || ls "$DATA"
echo "base requirements: samples and seed_demo OK"
