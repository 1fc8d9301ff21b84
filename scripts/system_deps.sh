#!/usr/bin/env bash
# Debian packages the product needs to run: Tesseract with Portuguese (the
# default OCR), Pango, HarfBuzz's subsetter and the DejaVu fonts (WeasyPrint,
# the report PDF); and, for the tests (`system_deps.sh test`, the default),
# PostgreSQL (CI's second leg) and Chromium (browser tests). Installs only what
# is missing, and only when it can (root with apt); otherwise it says what is
# missing: an error for the tests, a warning for `make run` (`system_deps.sh
# run`), whose text PDFs are read without Tesseract.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
purpose=${1:-test}
need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
ls /usr/share/tesseract-ocr/*/tessdata/por.traineddata >/dev/null 2>&1 || need+=(tesseract-ocr-por)
if [ "$purpose" = test ]; then
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
    [ -x /usr/bin/chromium ] || need+=(chromium)
fi
# The subsetter changes the embedded fonts' bytes: without it WeasyPrint falls back to fontTools.
ls /usr/lib/*/libpangoft2-1.0.so.0 >/dev/null 2>&1 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
ls /usr/lib/*/libharfbuzz-subset.so.0 >/dev/null 2>&1 || need+=(libharfbuzz-subset0)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "system_deps: installing ${need[*]}"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
elif [ "$purpose" = run ]; then
    echo "system_deps: warning: missing Debian packages: ${need[*]} (install them as root:" \
        "scans and photos cannot be read without Tesseract, nor report PDFs drawn without Pango)" >&2
else
    echo "system_deps: missing Debian packages: ${need[*]} (install them as root)" >&2
    exit 1
fi
