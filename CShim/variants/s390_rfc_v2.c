// SPDX-License-Identifier: GPL-2.0
#include "s390_rfc_v2.h"

#define PF_VARIANT_ID s390_rfc_v2
#define PF_VARIANT_INFO							\
	.name = "s390-rfc-v2",						\
	.arch_name = "s390",						\
	.reference = "[RFC PATCH v2 0/3] mm/gup: fix gup_fast with dynamic page table folding, 7 Sep 2020",	\
	.summary = "entry-aware pXd_addr_end(pXd, addr, end) in gup and pagewalk; gup passes values",	\
	.era = "posted against v5.9-rc2; s390 tasks have 3 to 5 levels since v5.7",	\
	.arch = PF_ARCH_S390, .min_levels = 3, .max_levels = 5,		\
	.quirks = PF_QUIRK_RO_HUGE_PUD_WRITABLE
#include "../mm/variant.h"
