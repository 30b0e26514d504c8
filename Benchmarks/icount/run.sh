#!/usr/bin/env bash
# Instructions per walk, with callgrind: build the variants bare (-DPF_BARE: the kernel's loops,
# no hooks, plain loads), run icount under valgrind, and print the Markdown table that
# docs/performance.md shows. Deterministic: the same binary and inputs give the same counts.
#
#   Benchmarks/icount/run.sh            (needs gcc and valgrind)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for v in s390_prefix s390_rfc_v1 s390_rfc_v2 s390_fix generic_3l middle_level; do
    gcc -O2 -fno-strict-aliasing -DPF_BARE -Iinclude -c "CShim/variants/$v.c" -o "$out/$v.o"
done
gcc -O2 -fno-strict-aliasing -Iinclude -o "$out/icount" Benchmarks/icount/icount.c "$out"/*.o CShim/arena.c CShim/call.c \
    CShim/space.c CShim/arch/*.c
(cd "$out" && valgrind --tool=callgrind --collect-atstart=no ./icount > icount.txt 2> valgrind.txt)
# Each dump: "desc: Trigger: Client Request: NAME" and "summary: INSTRUCTIONS".
for f in "$out"/callgrind.out.*.*; do
    name=$(sed -n 's/^desc: Trigger: Client Request: //p' "$f")
    count=$(sed -n 's/^summary: //p' "$f")
    echo "$name|$count"
done > "$out/counts.txt"
count() { awk -F'|' -v n="$1" '$1 == n { print $2 }' "$out/counts.txt"; }

echo "| walk | variant | seed | 0 | 1 | 2 | 3 | 4 | per boundary |"
echo "|---|---|---|---|---|---|---|---|---|"
for row in "walk s390-prefix" "walk s390-rfc-v2" "walk s390-fix" "gup s390-rfc-v1" "gup s390-rfc-v2" "gup s390-fix" \
           "walk generic-3l" "walk middle-level" "gup generic-3l" "gup middle-level"; do
    seed=$(count "seed $row"); seed=${seed:-—}
    cells=()
    for k in 0 1 2 3 4; do c=$(count "sweep $k $row"); cells+=("${c:-—}"); done
    # The cost of one more boundary crossed, from 1 to 4 crossings.
    if [ "${cells[1]}" != — ] && [ "${cells[4]}" != — ]; then
        slope=$(( (cells[4] - cells[1]) / 3 ))
    else
        slope=—
    fi
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "${row%% *}" "${row#* }" "$seed" "${cells[@]}" "$slope"
done
