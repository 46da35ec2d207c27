#!/usr/bin/env bash
# Validates manifest.xml against Microsoft's published add-in manifest XSDs (MS-OWEMXML), offline, with xmllint.
#   bash scripts/validate-manifest.sh [SCHEMAS_DIR]     (default: ../shared/schemas beside the clone)
# Also validates the manifest as `ZG_PUBLIC_URL=… npm run build` rewrites it, so a production manifest stays valid.
# Exits 0 with a notice when the schemas folder is absent (a clone on its own has no copy of them).
set -euo pipefail
cd "$(dirname "$0")/.."
schemas="${1:-../shared/schemas}"
if [ ! -f "$schemas/OfficeAppManifestV1_1.xsd" ]; then
  echo "清单校验跳过：没有找到 $schemas/OfficeAppManifestV1_1.xsd / manifest validation skipped: no schemas at $schemas"
  exit 0
fi
if ! command -v xmllint >/dev/null 2>&1; then
  echo "缺少 xmllint（Debian：apt-get install libxml2-utils）/ xmllint missing (Debian: apt-get install libxml2-utils)" >&2
  exit 1
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
node -e '
  const fs = require("fs");
  const { rewriteManifestUrls } = require("./build/manifest-url");
  fs.writeFileSync(process.argv[1], rewriteManifestUrls(fs.readFileSync("manifest.xml", "utf8"), "https://zg.example.gov.cn/addin"));
' "$tmp/manifest.production.xml"
schemas_abs="$(cd "$schemas" && pwd)"
# xmllint resolves the XSDs' imports relative to the schema files: run from their folder.
( cd "$schemas_abs" && xmllint --noout --schema OfficeAppManifestV1_1.xsd "$OLDPWD/manifest.xml" "$tmp/manifest.production.xml" )
