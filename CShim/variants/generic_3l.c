/* SPDX-License-Identifier: GPL-2.0 */
/*
 * generic-3l: compile-time folding through the asm-generic headers, with x86-64's entry format
 * and 9-bit levels. Folded levels have PTRS_PER_X == 1 and X_addr_end() == end, so only the top
 * loop ever iterates over them (top-level folding).
 */
#define CONFIG_PGTABLE_LEVELS 3
#include <asm-x86/pgtable.h>

#define PF_VARIANT_ID generic_3l
#define PF_VARIANT_INFO							\
	.name = "generic-3l",						\
	.arch_name = "generic",						\
	.reference = "include/asm-generic/pgtable-nopud.h",	\
	.summary = "3 levels, folded at compile time (nopud: pud and p4d folded into the pgd)",	\
	.arch = PF_ARCH_GENERIC, .min_levels = 3, .max_levels = 3
#include "../mm/variant.h"
