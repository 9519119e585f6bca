#!/usr/bin/env bash
# Installs the Debian tools the tests use to check Sabt's output as a person would:
# poppler-utils (pdftotext, pdffonts, pdftoppm), zbar-tools (zbarimg), qpdf and openssl, and
# Chromium (with the DejaVu fonts) for the end-to-end tests (playwright-core drives it; no browser download).
# Idempotent: does nothing when the tools are already there. Needs root (or sudo) for apt-get.
set -euo pipefail

need=0
for tool in pdfsig pdftotext pdffonts pdftoppm zbarimg qpdf openssl; do
  command -v "$tool" >/dev/null 2>&1 || need=1
done
[ -x /usr/bin/chromium ] || need=1
if [ "$need" -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends \
  poppler-utils zbar-tools qpdf openssl chromium fonts-dejavu-core
