#!/usr/bin/env bash
# Installs Debian's wrk for the page-overhead bench (npm run bench -- --suite=overhead).
set -euo pipefail
if command -v wrk >/dev/null 2>&1; then exit 0; fi
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
