// SPDX-License-Identifier: GPL-2.0
/* x86-64 with CONFIG_X86_5LEVEL: four levels, or five with LA57 (arch/x86/kernel/head64.c). */
#define CONFIG_X86_5LEVEL
#include <asm-x86/pgtable.h>
#include "../space.h"
#include "x86_entries.h"

/* TASK_SIZE_MAX: one page below the top of the lower canonical half. */
static unsigned long x86_user_limit(int levels)
{
	return (1UL << (levels == 5 ? 56 : 47)) - PAGE_SIZE;
}

static void x86_init_mm(struct mm_struct *mm, int levels, unsigned long top_pa)
{
	mm->pf_la57 = levels == 5;
}

#define PF_ARCH_LEAF_PA x86_leaf_pa
#include "lower_bound.h"

const struct pf_arch_ops pf_arch_x86 = {
	.name = "x86",
	.page_shift = PAGE_SHIFT,
	.min_levels = 4, .max_levels = 5,
	.geometry = x86_geometry,
	.user_limit = x86_user_limit,
	.init_mm = x86_init_mm,
	.empty_entry = x86_empty_entry,
	.table_entry = x86_table_entry,
	.table_origin = x86_table_origin,
	.leaf_entry = x86_leaf_entry,
	.leaf_pa = x86_leaf_pa,
	.lower_bound = pf_arch_lower_bound,
};
