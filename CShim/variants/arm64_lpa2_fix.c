// SPDX-License-Identifier: GPL-2.0
#include "arm64_lpa2_fix.h"

#define PF_VARIANT_ID arm64_lpa2_fix
#define PF_VARIANT_INFO							\
	.name = "arm64-lpa2-fix",					\
	.arch_name = "arm64",						\
	.reference = "36639013b346 (v6.11-rc1)",			\
	.summary = "16K/4-level, pud folded at run time; p4d_offset_lockless_folded",	\
	.era = "v6.11-rc1-",						\
	.arch = PF_ARCH_ARM64, .min_levels = 3, .max_levels = 4
#include "../mm/variant.h"
