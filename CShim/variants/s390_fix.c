/* SPDX-License-Identifier: GPL-2.0 */
/*
 * s390-fix: d3f7b1bb2040 "mm/gup: fix gup_fast with dynamic page table folding" (Vasily Gorbik,
 * v5.9-rc7, Cc stable 5.2+). gup passes pointer and value and calls pXd_offset_lockless();
 * pXd_addr_end() and pagewalk are unchanged, so s390 keeps iterating at the middle level.
 */
#include <asm-s390/pgtable.h>
#include <asm-s390/pgtable-offset-lockless.h>

#define PF_VARIANT_ID s390_fix
#define PF_VARIANT_INFO							\
	.name = "s390-fix",						\
	.arch_name = "s390",						\
	.reference = "d3f7b1bb2040 (v5.9-rc7)",				\
	.summary = "gup passes pointer + value, pXd_offset_lockless; pagewalk unchanged",	\
	.arch = PF_ARCH_S390, .min_levels = 2, .max_levels = 5
#include "../mm/variant.h"
