// SPDX-License-Identifier: GPL-2.0
#include "arm64_lpa2_prefix.h"

#define PF_VARIANT_ID arm64_lpa2_prefix
#define PF_VARIANT_INFO							\
	.name = "arm64-lpa2-prefix",					\
	.arch_name = "arm64",						\
	.reference = "0dd4f60a2c76 (v6.9), before 36639013b346",	\
	.summary = "16K/4-level, pud folded at run time; generic p4d_offset_lockless",	\
	.era = "v6.9-v6.10",						\
	.arch = PF_ARCH_ARM64, .min_levels = 3, .max_levels = 4
#include "../mm/variant.h"
