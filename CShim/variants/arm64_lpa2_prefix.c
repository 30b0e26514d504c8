/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm64-lpa2-prefix: arm64 16K pages, 4-level build, pud folded at run time (0dd4f60a2c76, v6.9),
 * before 36639013b346. gup uses the generic p4d_offset_lockless(), which returns the address of
 * gup's stack copy of the pgd; pud_offset_lockless() then aligns that stack address down to a page
 * and indexes it (Asahi Lina's report, July 2024).
 */
#include <asm-arm64/pgtable.h>

#define PF_VARIANT_ID arm64_lpa2_prefix
#define PF_VARIANT_INFO							\
	.name = "arm64-lpa2-prefix",					\
	.arch_name = "arm64",						\
	.reference = "0dd4f60a2c76 (v6.9), before 36639013b346",	\
	.summary = "16K/4-level, pud folded at run time; generic p4d_offset_lockless",	\
	.arch = PF_ARCH_ARM64, .min_levels = 3, .max_levels = 4
#include "../mm/variant.h"
