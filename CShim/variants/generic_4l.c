/* SPDX-License-Identifier: GPL-2.0 */
/*
 * generic-4l: compile-time folding through the asm-generic headers, with x86-64's entry format
 * and 9-bit levels. Folded levels have PTRS_PER_X == 1 and X_addr_end() == end, so only the top
 * loop ever iterates over them (top-level folding).
 */
#define CONFIG_PGTABLE_LEVELS 4
#include <asm-x86/pgtable.h>

#define PF_VARIANT_ID generic_4l
#define PF_VARIANT_INFO							\
	.name = "generic-4l",						\
	.arch_name = "generic",						\
	.reference = "include/asm-generic/pgtable-nop4d.h",	\
	.summary = "4 levels, folded at compile time (nop4d: p4d folded into the pgd)",	\
	.arch = PF_ARCH_GENERIC, .min_levels = 4, .max_levels = 4
#include "../mm/variant.h"
