#!/usr/bin/env bash
# Installs what running and testing the platform needs beyond the .NET SDK and Node: PostgreSQL's
# server binaries (the app and the tests start their own server from them), Debian's chromium
# (for the browser tests), for the portfolio PDF its font and the OCR tools of its test, and for the
# mail tests a real SMTP server (aiosmtpd, with openssl for its certificate), and for the cluster redis-server and
# nginx. Does nothing for what is already there.
set -euo pipefail

missing=()
command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ] || missing+=(postgresql-15)
[ -n "${SKIP_BROWSER:-}" ] || command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# The portfolio PDF's font, and the tools its test renders (poppler) and reads it back with (tesseract).
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr tesseract-ocr-eng)
# The mail tests deliver over STARTTLS with a login to this SMTP server (run by Debian's own python3, which a python
# on the PATH from elsewhere may not see), with a certificate openssl makes at test time.
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# The cluster (ops/cluster.sh and its tests): Redis carries SignalR pushes between nodes, nginx balances in front.
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v curl >/dev/null 2>&1 || missing+=(curl)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Please install: ${missing[*]} (for example: sudo apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
  echo "Installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
