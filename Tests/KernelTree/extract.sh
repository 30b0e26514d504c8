#!/usr/bin/env bash
# The kernel trees the kernel-tree tests run on: the parts of Debian's linux-source-6.1 and
# linux-source-6.12 that kernel-tree mode reads (and that the example patches touch), extracted
# from /usr/src into DEST (default .build/kernel-trees). The tests find them there, or where
# PAGEFOLD_KERNEL_TREES points. Needs: apt-get install linux-source-6.1 linux-source-6.12
#
#   extract.sh [DEST]              the parts, of both
#   extract.sh --full VERSION DEST all of one, as `pagefold qemu` builds it (Tests/Qemu/fidelity.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = --full ]; then
    v=${2:?--full VERSION DEST}; dest=${3:?--full VERSION DEST}
    tarball=/usr/src/linux-source-$v.tar.xz
    [ -f "$tarball" ] || { echo "extract.sh: $tarball is missing: apt-get install linux-source-$v" >&2; exit 1; }
    mkdir -p "$dest"
    [ -f "$dest/linux-source-$v/Makefile" ] || tar -xJf "$tarball" -C "$dest"
    echo "$dest/linux-source-$v"
    exit 0
fi
dest=${1:-.build/kernel-trees}
mkdir -p "$dest"
for v in 6.1 6.12; do
    tarball=/usr/src/linux-source-$v.tar.xz
    [ -f "$tarball" ] || { echo "extract.sh: $tarball is missing: apt-get install linux-source-$v" >&2; exit 1; }
    [ -f "$dest/linux-source-$v/Makefile" ] && continue
    t=linux-source-$v
    tar -xJf "$tarball" -C "$dest" --wildcards "$t/Makefile" "$t/mm/*" "$t/include/linux/*" "$t/include/asm-generic/*" \
        "$t/include/vdso/*" "$t/include/uapi/linux/*" "$t/arch/s390/include/*" "$t/arch/s390/mm/*" \
        "$t/arch/x86/include/*" "$t/arch/x86/mm/*" "$t/arch/arm64/include/*" "$t/arch/arm64/mm/*"
done
echo "$dest"
