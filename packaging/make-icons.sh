#!/usr/bin/env bash
# Renders every icon the installers use from resources/icons/kite-session.svg:
#   resources/icons/kite-session-N.png  N = 16 22 24 32 48 64 128 256 512 (Linux: the hicolor theme
#                                        sizes the .deb installs; also usable as window icons)
#   resources/icons/kite-session.ico     Windows: 16 20 24 32 40 48 64 128 256 (256 stored as PNG)
#   resources/icons/kite-session.icns    macOS: 16 32 48 128 256 512 1024
# The outputs are committed, so a build needs none of these tools; run this after editing the SVG.
# Needs Debian's librsvg2-bin (rsvg-convert), icoutils (icotool) and icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")/.."
svg=resources/icons/kite-session.svg
out=resources/icons
for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null || { echo "make-icons: $tool is missing (apt-get install librsvg2-bin icoutils icnsutils)" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

render() { rsvg-convert --width "$1" --height "$1" --keep-aspect-ratio "$svg" --output "$2"; }

for n in 16 22 24 32 48 64 128 256 512; do
  render "$n" "$out/kite-session-$n.png"
done

ico=()
for n in 16 20 24 32 40 48 64 128; do
  render "$n" "$tmp/$n.png"
  ico+=("$tmp/$n.png")
done
render 256 "$tmp/256.png"
icotool --create --output "$out/kite-session.ico" "${ico[@]}" --raw="$tmp/256.png"

icns=()
for n in 16 32 48 128 256 512 1024; do
  render "$n" "$tmp/mac-$n.png"
  icns+=("$tmp/mac-$n.png")
done
png2icns "$out/kite-session.icns" "${icns[@]}" >/dev/null

ls -l "$out"
