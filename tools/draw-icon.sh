#!/usr/bin/env bash
# Draws the extension's icon, docs/images/icon.png (128x128 PNG, named by package.json "icon"):
# 年报 in white on a red rounded square, over a ruled table whose last row (the total) is ticked.
# Drawn at 4x and scaled down so edges are smooth. Needs ImageMagick (apt-get install imagemagick)
# and a CJK font (fonts-noto-cjk; tools/install-code-server.sh installs it). Run it again after a change:
#   tools/draw-icon.sh [OUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/images/icon.png}
font=$(fc-list ':lang=zh:style=Bold' file | grep -m1 -i 'NotoSansCJK' | cut -d: -f1 || true)
[ -n "$font" ] || font=$(fc-list ':lang=zh' file | head -1 | cut -d: -f1)
[ -n "$font" ] || { echo "draw-icon: no CJK font (apt-get install fonts-noto-cjk)" >&2; exit 1; }
S=512
convert -size ${S}x${S} xc:none \
  -fill '#9e1b1b' -draw "roundrectangle 16,16 495,495 88,88" \
  -fill '#ffffff' -draw "roundrectangle 88,300 424,452 18,18" \
  -stroke '#9e1b1b' -strokewidth 10 \
  -draw "line 88,350 424,350" -draw "line 88,400 424,400" \
  -draw "line 200,300 200,452" -draw "line 312,300 312,452" \
  -stroke '#1f7a3a' -strokewidth 16 -fill none -draw "stroke-linecap round stroke-linejoin round polyline 338,424 360,444 402,404" \
  -stroke none -fill '#ffffff' -font "$font" -pointsize 160 -gravity north -annotate +0+44 '年报' \
  -resize 128x128 -strip "PNG32:$out"
echo "draw-icon: wrote $out ($(identify -format '%wx%h %m' "$out"))"
