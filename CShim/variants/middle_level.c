// SPDX-License-Identifier: GPL-2.0
#include "middle_level.h"

#define PF_VARIANT_ID middle_level
#define PF_VARIANT_INFO							\
	.name = "middle-level",						\
	.arch_name = "generic",						\
	.reference = "the seed mail's \"Patch 1\" idea, generalized (Gerald Schaefer, 10 Sep 2020)",	\
	.summary = "3 levels folded at compile time, iterating at the folded pud level over the real pgd table",	\
	.era = "an idea, never merged",					\
	.arch = PF_ARCH_GENERIC, .min_levels = 3, .max_levels = 3
#include "../mm/variant.h"
