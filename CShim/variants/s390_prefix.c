// SPDX-License-Identifier: GPL-2.0
#include "s390_prefix.h"

#define PF_VARIANT_ID s390_prefix
#define PF_VARIANT_INFO							\
	.name = "s390-prefix",						\
	.arch_name = "s390",						\
	.reference = "1a42010cdc26 (v5.2) to v5.8, before d3f7b1bb2040",	\
	.summary = "gup passes values, pXd_offset(&copy), static pXd_addr_end",	\
	.era = "v5.2-v5.8",						\
	.era_at = { [2] = "v5.2-v5.6: 2-level tasks were removed in v5.7" },	\
	.arch = PF_ARCH_S390, .min_levels = 2, .max_levels = 5,		\
	.quirks = PF_QUIRK_RO_HUGE_PUD_WRITABLE
#include "../mm/variant.h"
