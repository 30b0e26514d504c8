// SPDX-License-Identifier: GPL-2.0
#include "s390_fix.h"

#define PF_VARIANT_ID s390_fix
#define PF_VARIANT_INFO							\
	.name = "s390-fix",						\
	.arch_name = "s390",						\
	.reference = "d3f7b1bb2040 (v5.9-rc7)",				\
	.summary = "gup passes pointer + value, pXd_offset_lockless; pagewalk unchanged",	\
	.era = "v5.9-rc7 to v6.9, and its stable backports",			\
	.arch = PF_ARCH_S390, .min_levels = 3, .max_levels = 5,		\
	.quirks = PF_QUIRK_RO_HUGE_PUD_WRITABLE
#include "../mm/variant.h"
