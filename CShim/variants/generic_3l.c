// SPDX-License-Identifier: GPL-2.0
#include "generic_3l.h"

#define PF_VARIANT_ID generic_3l
#define PF_VARIANT_INFO							\
	.name = "generic-3l",						\
	.arch_name = "generic",						\
	.reference = "include/asm-generic/pgtable-nopud.h",	\
	.summary = "3 levels, folded at compile time (nopud: pud and p4d folded into the pgd)",	\
	.era = "v4.11- (5-level folding headers)",						\
	.arch = PF_ARCH_GENERIC, .min_levels = 3, .max_levels = 3
#include "../mm/variant.h"
