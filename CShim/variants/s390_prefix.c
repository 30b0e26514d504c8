// SPDX-License-Identifier: GPL-2.0
#include "s390_prefix.h"

#define PF_VARIANT_ID s390_prefix
#define PF_VARIANT_INFO							\
	.name = "s390-prefix",						\
	.arch_name = "s390",						\
	.reference = "1a42010cdc26 (v5.2) to v5.8, before d3f7b1bb2040",	\
	.summary = "gup passes values, pXd_offset(&copy), static pXd_addr_end",	\
	.arch = PF_ARCH_S390, .min_levels = 2, .max_levels = 5
#include "../mm/variant.h"
