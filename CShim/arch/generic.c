// SPDX-License-Identifier: GPL-2.0
/*
 * The generic arch: x86-64 entries at 2 to 5 levels, folded at compile time. The whole span of
 * the top table is user space; no run-time inputs.
 */
#define CONFIG_PGTABLE_LEVELS 5
#include <asm-x86/pgtable.h>
#include "../space.h"
#include "x86_entries.h"

static unsigned long generic_user_limit(int levels)
{
	return 1UL << (PAGE_SHIFT + 9 * levels);
}

static void generic_init_mm(struct mm_struct *mm, int levels, unsigned long top_pa)
{
}

#define PF_ARCH_LEAF_PA x86_leaf_pa
#include "lower_bound.h"

const struct pf_arch_ops pf_arch_generic = {
	.name = "generic",
	.page_shift = PAGE_SHIFT,
	.min_levels = 2, .max_levels = 5,
	.geometry = x86_geometry,
	.user_limit = generic_user_limit,
	.init_mm = generic_init_mm,
	.empty_entry = x86_empty_entry,
	.table_entry = x86_table_entry,
	.table_origin = x86_table_origin,
	.leaf_entry = x86_leaf_entry,
	.leaf_pa = x86_leaf_pa,
	.lower_bound = pf_arch_lower_bound,
};
