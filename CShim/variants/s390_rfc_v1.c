// SPDX-License-Identifier: GPL-2.0
#include "s390_rfc_v1.h"

#define PF_VARIANT_ID s390_rfc_v1
#define PF_VARIANT_INFO							\
	.name = "s390-rfc-v1",						\
	.arch_name = "s390",						\
	.reference = "[RFC PATCH 0/2] mm/gup: fix gup_fast with dynamic page table folding, 28 Aug 2020",	\
	.summary = "gup passes pointers (pXd_offset_orig) and finds next by region type",	\
	.era = "posted against v5.9-rc2; s390 tasks have 3 to 5 levels since v5.7",	\
	.arch = PF_ARCH_S390, .min_levels = 3, .max_levels = 5,		\
	.quirks = PF_QUIRK_RO_HUGE_PUD_WRITABLE
#include "../mm/variant.h"
