/* SPDX-License-Identifier: GPL-2.0 */
/*
 * generic-5l: compile-time folding through the asm-generic headers, with x86-64's entry format
 * and 9-bit levels. Folded levels have PTRS_PER_X == 1 and X_addr_end() == end, so only the top
 * loop ever iterates over them (top-level folding).
 */
#define CONFIG_PGTABLE_LEVELS 5
#include <asm-x86/pgtable.h>

#define PF_VARIANT_ID generic_5l
#define PF_VARIANT_INFO							\
	.name = "generic-5l",						\
	.arch_name = "generic",						\
	.reference = "include/linux/pgtable.h",	\
	.summary = "five levels, none folded",	\
	.arch = PF_ARCH_GENERIC, .min_levels = 5, .max_levels = 5
#include "../mm/variant.h"
