// SPDX-License-Identifier: GPL-2.0
#include "generic_2l.h"

#define PF_VARIANT_ID generic_2l
#define PF_VARIANT_INFO							\
	.name = "generic-2l",						\
	.arch_name = "generic",						\
	.reference = "include/asm-generic/pgtable-nopmd.h",	\
	.summary = "2 levels, folded at compile time (nopmd: pmd, pud and p4d folded into the pgd)",	\
	.era = "v4.11- (5-level folding headers)",						\
	.arch = PF_ARCH_GENERIC, .min_levels = 2, .max_levels = 2
#include "../mm/variant.h"
