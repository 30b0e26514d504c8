// SPDX-License-Identifier: GPL-2.0
/*
 * arm64 16K pages, 4-level build: with LPA2 a 32-entry pgd over pud tables (52-bit VA); without
 * it the pgd page is the pud table itself (47-bit VA, pud folded at run time).
 */
#include <asm-arm64/pgtable.h>
#include "../space.h"

static int arm64_geometry(int levels, struct pf_geo_level *geo)
{
	int n = 0;

	if (levels == 4)
		geo[n++] = (struct pf_geo_level) { PF_PGD, PGDIR_SHIFT, PTRS_PER_PGD, PAGE_SIZE, false };
	geo[n++] = (struct pf_geo_level) { PF_PUD, PUD_SHIFT, PTRS_PER_PUD, PAGE_SIZE, false };
	geo[n++] = (struct pf_geo_level) { PF_PMD, PMD_SHIFT, PTRS_PER_PMD, PAGE_SIZE, true };
	geo[n++] = (struct pf_geo_level) { PF_PTE, PAGE_SHIFT, PTRS_PER_PTE, PAGE_SIZE, false };
	return n;
}

/* TASK_SIZE: 1 << vabits_actual. */
static unsigned long arm64_user_limit(int levels)
{
	return 1UL << (levels == 4 ? VA_BITS : PGDIR_SHIFT);
}

static void arm64_init_mm(struct mm_struct *mm, int levels, unsigned long top_pa)
{
	mm->pf_lpa2 = levels == 4;
}

static unsigned long arm64_empty_entry(enum pf_level level)
{
	return 0;
}

static unsigned long arm64_table_entry(enum pf_level level, unsigned long child_pa)
{
	return child_pa | PMD_TYPE_TABLE;
}

static unsigned long arm64_table_origin(enum pf_level level, unsigned long entry)
{
	return entry & PTE_ADDR_LOW;
}

static unsigned long arm64_leaf_entry(enum pf_level level, unsigned long pa, bool write)
{
	return pa | (level == PF_PTE ? PTE_TYPE_PAGE : PMD_TYPE_SECT) | PTE_AF | PTE_USER |
	       (write ? PTE_WRITE : PTE_RDONLY);
}

static unsigned long arm64_leaf_pa(enum pf_level level, unsigned long entry, bool write)
{
	pte_t pte = { entry };

	if (!pte_access_permitted(pte, write))
		return PF_NO_PAGE;
	if (level == PF_PTE)
		return __pte_to_phys(pte);
	return pmd_leaf(((pmd_t) { entry })) ? entry & PTE_ADDR_LOW & PMD_MASK : PF_NO_PAGE;
}

#define PF_ARCH_LEAF_PA arm64_leaf_pa
#include "lower_bound.h"

const struct pf_arch_ops pf_arch_arm64 = {
	.name = "arm64",
	.page_shift = PAGE_SHIFT,
	.min_levels = 3, .max_levels = 4,
	.geometry = arm64_geometry,
	.user_limit = arm64_user_limit,
	.init_mm = arm64_init_mm,
	.empty_entry = arm64_empty_entry,
	.table_entry = arm64_table_entry,
	.table_origin = arm64_table_origin,
	.leaf_entry = arm64_leaf_entry,
	.leaf_pa = arm64_leaf_pa,
	.lower_bound = pf_arch_lower_bound,
};
