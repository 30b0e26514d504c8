/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm64-lpa2-prefix: arm64 16K pages, 4-level build, pud folded at run time (0dd4f60a2c76, v6.9),
 * before 36639013b346. gup uses the generic p4d_offset_lockless(), which returns the address of
 * gup's stack copy of the pgd; pud_offset_lockless() then aligns that stack address down to a page
 * and indexes it (Asahi Lina's report, July 2024).
 */
#ifndef PAGEFOLD_VARIANT_ARM64_LPA2_PREFIX_H
#define PAGEFOLD_VARIANT_ARM64_LPA2_PREFIX_H
#include <asm-arm64/pgtable.h>

#endif
