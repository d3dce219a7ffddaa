#!/usr/bin/env bash
# Renders the committed icons from assets/gitlab-access.svg, so builds never need these tools.
# Needs rsvg-convert (librsvg2-bin), png2icns (icnsutils) and python3; run after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")/../assets"
mkdir -p icons
for s in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" gitlab-access.svg -o "icons/gitlab-access-$s.png"
done
# Windows .ico: PNG-compressed entries (Vista and later read them).
python3 - <<'PY'
import struct
sizes = [16, 24, 32, 48, 64, 128, 256]
data = [open(f"icons/gitlab-access-{s}.png", "rb").read() for s in sizes]
head = struct.pack("<HHH", 0, 1, len(sizes))
offset, body = 6 + 16 * len(sizes), b""
for s, d in zip(sizes, data):
    head += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32, len(d), offset)
    offset += len(d)
    body += d
open("gitlab-access.ico", "wb").write(head + body)
PY
png2icns gitlab-access.icns icons/gitlab-access-{16,32,128,256,512}.png >/dev/null
