#!/usr/bin/env bash
# The C core without Swift: the conformance driver with clang and gcc at -O0 and -O2, under
# UndefinedBehaviorSanitizer, cross-built for s390x (big-endian) and run under qemu, all of which
# must print the same record; then the fuzz corpus replayed under ASan and UBSan.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${PAGEFOLD_CHECK_DIR:-$(mktemp -d)}
core=(CShim/*.c CShim/arch/*.c CShim/variants/*.c Tests/CDriver/harness.c)  # not CShim/qemu: guest code
driver=("${core[@]}" Tests/CDriver/boundary_set.c Tests/CDriver/conformance.c)
flags=(-std=gnu11 -fno-strict-aliasing -Wall -Wextra -Wno-unused-parameter -Wno-unused-function -Werror -Iinclude)
passed=0 failed=0

step() {  # step NAME COMMAND...: run, count, keep the record
    local name=$1; shift
    if "$@" > "$out/$name.txt" 2> "$out/$name.err"; then
        passed=$((passed + 1)); echo "ok   $name: $(tail -n 1 "$out/$name.err")"
    else
        failed=$((failed + 1)); echo "FAIL $name"; tail -n 20 "$out/$name.err"
    fi
}

same() {  # same NAME: its record equals the reference
    if cmp -s "$out/clang-O2.txt" "$out/$1.txt"; then
        passed=$((passed + 1)); echo "ok   $1 prints the same record as clang -O2"
    else
        failed=$((failed + 1)); echo "FAIL $1 differs from clang -O2:"; diff "$out/clang-O2.txt" "$out/$1.txt" | head -n 20
    fi
}

for cc in clang gcc; do
    for opt in -O0 -O2; do
        "$cc" "${flags[@]}" "$opt" -o "$out/conf-$cc$opt" "${driver[@]}"
        step "$cc$opt" "$out/conf-$cc$opt"
    done
done
for name in clang-O0 gcc-O0 gcc-O2; do same "$name"; done

for cc in clang gcc; do
    "$cc" "${flags[@]}" -O1 -g -fsanitize=undefined -fno-sanitize-recover=all -o "$out/conf-ubsan-$cc" "${driver[@]}"
    step "ubsan-$cc" "$out/conf-ubsan-$cc"
    same "ubsan-$cc"
done

s390x-linux-gnu-gcc "${flags[@]}" -O2 -static -o "$out/conf-s390x" "${driver[@]}"
step s390x qemu-s390x-static "$out/conf-s390x"
same s390x

clang "${flags[@]}" -O1 -g -fuse-ld=lld -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
    -o "$out/fuzz" "${core[@]}" Tests/CDriver/fuzz.c
step fuzz-corpus "$out/fuzz" -runs=0 Tests/CDriver/corpus

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
