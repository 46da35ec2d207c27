#!/usr/bin/env bash
# Debian packages the full test suite needs beyond npm: Chromium (end-to-end tests of the task pane preview)
# and LibreOffice Calc (proof that a real spreadsheet program opens our workbooks and agrees with their formulas).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc)
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "缺少 ${need[*]}，且本机没有 apt-get：请手动安装。 / Missing ${need[*]} and no apt-get here: install them by hand." >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "安装 / installing: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
