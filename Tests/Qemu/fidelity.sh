#!/usr/bin/env bash
# The real-kernel fidelity check (docs/real-kernel.md): on Debian's 6.1 tree, fixed and with the
# gup.c part of d3f7b1bb2040 reverted, a real s390 kernel under QEMU and PageFold's predictions
# (kernel-tree mode, and the variant of the same code) must agree on every page of:
#   the seed range; 16 pages across 2 GB with the pages 2 GB lower mapped fully, partly (3 pages)
#   and not at all; 16 pages across 4 TB on a 4-level task with the pages 4 TB lower mapped.
#
#   Tests/Qemu/fidelity.sh FULL-6.1-TREE [PAGEFOLD]
set -euo pipefail
cd "$(dirname "$0")/../.."
tree=${1:?usage: fidelity.sh FULL-6.1-TREE [PAGEFOLD]}
pagefold=${2:-.build/debug/pagefold}
spaces=examples/spaces
revert=examples/patches/6.1-revert-d3f7b1bb2040-gup.patch
scenarios=(
    "seed.json 0x1007ffff000 2"
    "cross-2g-lower-full.json 0x1007fff8000 16"
    "cross-2g-lower-partial.json 0x1007fff8000 16"
    "cross-2g-lower-none.json 0x1007fff8000 16"
    "cross-4t-lower-full.json 0x3ffffff8000 16"
)
failed=0
for kernel in "fixed s390-fix" "reverted s390-prefix"; do
    set -- $kernel
    patch=(); [ "$1" = reverted ] && patch=(--patch "$revert")
    for s in "${scenarios[@]}"; do
        set -- $s
        began=$(date +%s)
        if out=$("$pagefold" qemu --kernel-tree "$tree" "${patch[@]}" --variant "${kernel#* }" \
                 --space "$spaces/$1" --start "$2" --pages "$3" 2>&1); then
            echo "ok   ${kernel% *} $1 ($(( $(date +%s) - began )) s): $(tail -n 1 <<<"$out")"
        else
            failed=$((failed + 1)); echo "FAIL ${kernel% *} $1:"; echo "$out" | tail -n 25
        fi
    done
done
[ "$failed" -eq 0 ] || { echo "$failed scenarios differ from the real kernel"; exit 1; }
