#!/usr/bin/env bash
# Debian packages the full test suite needs beyond npm: Chromium (end-to-end tests of the task pane preview), a CJK
# font (or Chinese renders as boxes in the screenshots), LibreOffice Calc (proof that a real spreadsheet program opens
# our workbooks and agrees with their formulas), xmllint (the manifest against Microsoft's XSDs, where a copy of them
# is beside the clone) and GNU time (whole-process peak memory in `npm run bench`).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
[ -x /usr/bin/time ] || need+=(time)
if command -v fc-list >/dev/null 2>&1; then
  fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-wqy-microhei)
elif [ ! -d /usr/share/fonts/truetype/wqy ]; then
  need+=(fonts-wqy-microhei)
fi
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
