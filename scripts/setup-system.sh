#!/bin/sh
# System packages Jixiao needs beyond Python: LibreOffice Writer (headless, for PDF export),
# the Noto CJK fonts (Chinese glyphs; fonts/fontconfig.conf maps 仿宋/黑体/楷体/宋体 to them) and
# poppler-utils (pdftoppm/pdftotext for checking PDFs). Idempotent: installs only what is missing,
# and only when run as root on a Debian/Ubuntu system; otherwise prints what to install.
set -eu

PACKAGES="libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk poppler-utils chromium gettext"
missing=""
for package in $PACKAGES; do
    if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        echo "已安装 / present: $package"
    else
        missing="$missing $package"
    fi
done
if [ -z "$missing" ]; then
    echo "系统依赖齐全 / all system packages present"
    exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "缺少 / missing:$missing"
    echo "请以 root 运行 / run as root: apt-get install -y --no-install-recommends$missing"
    exit 1
fi
echo "安装 / installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update
# shellcheck disable=SC2086
apt-get install -y --no-install-recommends $missing
echo "完成 / done"
