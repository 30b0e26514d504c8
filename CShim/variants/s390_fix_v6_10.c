// SPDX-License-Identifier: GPL-2.0
#include "s390_fix_v6_10.h"

#define PF_VARIANT_ID s390_fix_v6_10
#define PF_VARIANT_INFO							\
	.name = "s390-fix-v6.10",					\
	.arch_name = "s390",						\
	.reference = "d3f7b1bb2040 with 3e93d49175a7 (v6.10)",		\
	.summary = "the merged fix on v6.10+ entries: region-3 read/write bits where hugetlb writes them",	\
	.era = "v6.10-",						\
	.arch = PF_ARCH_S390, .min_levels = 3, .max_levels = 5
#include "../mm/variant.h"
