/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86-la57: x86-64 with CONFIG_X86_5LEVEL; the p4d is folded at run time when the CPU has no LA57.
 * The top level takes the folded level's geometry (PGDIR_SHIFT 39), so the folded p4d loop, whose
 * p4d_offset() is a cast, never iterates, and the generic lockless fallbacks are safe.
 */
#define CONFIG_X86_5LEVEL
#include <asm-x86/pgtable.h>

#define PF_VARIANT_ID x86_la57
#define PF_VARIANT_INFO							\
	.name = "x86-la57",						\
	.arch_name = "x86",						\
	.reference = "arch/x86/include/asm/pgtable_64_types.h (v4.17+, CONFIG_X86_5LEVEL)",	\
	.summary = "p4d folded at run time unless LA57; PGDIR_SHIFT follows",	\
	.arch = PF_ARCH_X86, .min_levels = 4, .max_levels = 5
#include "../mm/variant.h"
