#!/usr/bin/env bash
# Regenerate the pictures of docs/the-bug.md with the tool itself. A wrong walk exits 1: that is
# what most of these pictures show, so 1 is fine here and anything else is not.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -q
P=.build/debug/pagefold
draw() { "$P" "$@" > /dev/null || [ $? -eq 1 ]; }
seed=(--start 0x1007ffff000)
draw walk --variant s390-prefix "${seed[@]}" --end 0x10080001000 --svg docs/pictures/walk-before.svg
draw walk --variant s390-rfc-v2 "${seed[@]}" --end 0x10080001000 --svg docs/pictures/walk-after.svg
draw gup --space examples/spaces/seed.json --variant s390-prefix "${seed[@]}" --pages 2 --svg docs/pictures/gup-prefix.svg
draw gup --space examples/spaces/seed.json --variant s390-rfc-v1 "${seed[@]}" --pages 2 --svg docs/pictures/gup-rfc-v1.svg
draw gup --space examples/spaces/seed.json --variant s390-fix "${seed[@]}" --pages 2 --svg docs/pictures/gup-fix.svg
draw gup --variant arm64-lpa2-prefix --start 0x1007fffc000 --pages 2 --svg docs/pictures/gup-arm64-prefix.svg

# The text pictures of the-bug.md: each ``` block after a <!-- pagefold … --> comment is what that
# command prints.
python3 - "$P" <<'PY'
import re, subprocess, sys
exe = sys.argv[1]
doc = open("docs/the-bug.md").read()
def run(m):
    args = m.group(1).split()[1:]
    out = subprocess.run([exe] + args, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"}).stdout
    return f"<!-- {m.group(1)} -->\n```\n{out}```"
open("docs/the-bug.md", "w").write(re.sub(r"<!-- (pagefold [^>]*) -->\n```\n.*?```", run, doc, flags=re.S))
PY
