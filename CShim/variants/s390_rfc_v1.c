// SPDX-License-Identifier: GPL-2.0
#include "s390_rfc_v1.h"

#define PF_VARIANT_ID s390_rfc_v1
#define PF_VARIANT_INFO							\
	.name = "s390-rfc-v1",						\
	.arch_name = "s390",						\
	.reference = "[RFC PATCH 0/2] mm/gup: fix gup_fast with dynamic page table folding, 28 Aug 2020",	\
	.summary = "gup passes pointers (pXd_offset_orig) and finds next by region type",	\
	.arch = PF_ARCH_S390, .min_levels = 2, .max_levels = 5
#include "../mm/variant.h"
