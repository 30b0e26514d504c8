// SPDX-License-Identifier: GPL-2.0
#include "generic_4l.h"

#define PF_VARIANT_ID generic_4l
#define PF_VARIANT_INFO							\
	.name = "generic-4l",						\
	.arch_name = "generic",						\
	.reference = "include/asm-generic/pgtable-nop4d.h",	\
	.summary = "4 levels, folded at compile time (nop4d: p4d folded into the pgd)",	\
	.era = "v4.11- (5-level folding headers)",						\
	.arch = PF_ARCH_GENERIC, .min_levels = 4, .max_levels = 4
#include "../mm/variant.h"
