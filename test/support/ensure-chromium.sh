#!/usr/bin/env bash
# The admin-panel tests drive Debian's chromium (never a downloaded browser). `npm test` runs this
# first: on a Debian machine where we are root and chromium is missing, it installs it.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the admin-panel tests (one time)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The admin-panel tests need Debian's chromium at /usr/bin/chromium: run 'sudo apt-get install chromium'." >&2
exit 1
