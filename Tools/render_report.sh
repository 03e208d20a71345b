#!/usr/bin/env bash
# Renders the demo district's planning report and map the way a planner sees them:
#   report.html → report.png (headless Chromium screenshot) and report.pdf (A4 print),
#   map.svg     → map.png (rsvg-convert, palette-compressed with pngquant when present).
# Usage: Tools/render_report.sh [OUTDIR] [--update-docs]
#   OUTDIR defaults to /tmp/gridplan-report; --update-docs also copies map.png to docs/demo-map.png.
# Installs what is missing on Debian: chromium, a small CJK font (fonts-wqy-microhei), librsvg2-bin,
# pngquant. This is a developer tool, not a CI step (CI installs no browser).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=/tmp/gridplan-report
update_docs=0
for a in "$@"; do
  case "$a" in
    --update-docs) update_docs=1 ;;
    *) out=$a ;;
  esac
done
mkdir -p "$out"
out=$(cd "$out" && pwd)

need=()
command -v chromium >/dev/null || need+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-wqy-microhei)
command -v rsvg-convert >/dev/null || need+=(librsvg2-bin)
command -v pngquant >/dev/null || need+=(pngquant)
if [ ${#need[@]} -gt 0 ]; then
  echo "render_report: installing ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

(cd "$root" && swift build --product gridplan >&2)
bin="$root/.build/debug/gridplan"
db="$out/demo.gpkg"
[ -f "$db" ] || "$bin" import "$root/GeoData/demo" --db "$db" >/dev/null
"$bin" report --db "$db" --html "$out/report.html"
"$bin" map --db "$db" --out "$out/map.svg"

chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
        --disable-extensions --disable-background-networking --user-data-dir="$out/chromium-profile")
timeout 180 "${chrome[@]}" --window-size=1240,4200 --screenshot="$out/report.png" "file://$out/report.html" 2>/dev/null
timeout 180 "${chrome[@]}" --no-pdf-header-footer --print-to-pdf="$out/report.pdf" "file://$out/report.html" 2>/dev/null

rsvg-convert -w 1200 "$out/map.svg" -o "$out/map.png"
if command -v pngquant >/dev/null; then
  pngquant --quality 70-95 --speed 1 --force --output "$out/map.png" "$out/map.png"
fi
if [ "$update_docs" = 1 ]; then
  cp "$out/map.png" "$root/docs/demo-map.png"
  echo "render_report: wrote docs/demo-map.png" >&2
fi
ls -l "$out"/report.png "$out"/report.pdf "$out"/map.png >&2
