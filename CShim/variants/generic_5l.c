// SPDX-License-Identifier: GPL-2.0
#include "generic_5l.h"

#define PF_VARIANT_ID generic_5l
#define PF_VARIANT_INFO							\
	.name = "generic-5l",						\
	.arch_name = "generic",						\
	.reference = "include/linux/pgtable.h",	\
	.summary = "five levels, none folded",	\
	.era = "v4.11- (5-level folding headers)",						\
	.arch = PF_ARCH_GENERIC, .min_levels = 5, .max_levels = 5
#include "../mm/variant.h"
