#!/usr/bin/env bash
# Debian packages gongkai needs beyond Python: CJK fonts for PDF output (both jobs);
# Chromium for the browser tests and LibreOffice to open the generated DOCX files as staff
# will (test job only). Installs what is missing when root.
set -euo pipefail
job=${1:-run}
packages=(fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0)
[ "$job" = test ] && packages+=(chromium libreoffice-writer-nogui)

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
  echo "缺少系统软件包 / missing Debian packages: ${missing[*]} (run: apt-get install ${missing[*]})" >&2
  exit 1
fi
SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
echo "安装系统软件包 / installing: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
