#!/usr/bin/env bash
# Installs what the test suite drives for real: Debian's chromium (browser tests), PostgreSQL and
# Redis (scale-out tests), plus Playwright's Python package (already in the venv). Only installs
# what is missing; never downloads a browser build of its own.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then need+=(postgresql); fi
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)  # PDF exports: é, ë, ı, ş
if ((${#need[@]})); then
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "system-deps: missing ${need[*]} and cannot install them (not root, no sudo)" >&2
    exit 1
  fi
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  echo "system-deps: installing ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
