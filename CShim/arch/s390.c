// SPDX-License-Identifier: GPL-2.0
/*
 * s390 page-table construction, as the kernel's allocation and populate paths write it
 * (arch/s390/mm/pgalloc.c, pgalloc.h, mmu_context.h init_new_context()); leaves as v6.1's fault
 * paths write them (CShim/mm/fault.h), until a variant writes its own.
 */
#define LINUX_VERSION_CODE KERNEL_VERSION(6, 1, 0)
#include <asm-s390/pgtable.h>
#include "../space.h"
#include "../mm/fault.h"

/* Top-down real tables of a task with 2 to 5 levels: region-1 … segment, then the page table. */
static int s390_geometry(int levels, struct pf_geo_level *geo)
{
	static const struct pf_geo_level all[] = {
		{ PF_PGD, _REGION1_SHIFT, _CRST_ENTRIES, _CRST_TABLE_SIZE, false },
		{ PF_P4D, _REGION2_SHIFT, _CRST_ENTRIES, _CRST_TABLE_SIZE, false },
		{ PF_PUD, _REGION3_SHIFT, _CRST_ENTRIES, _CRST_TABLE_SIZE, true },	/* 2 GB */
		{ PF_PMD, _SEGMENT_SHIFT, _CRST_ENTRIES, _CRST_TABLE_SIZE, true },	/* 1 MB */
		{ PF_PTE, PAGE_SHIFT, _PAGE_ENTRIES, _PAGE_TABLE_SIZE, false },
	};

	for (int i = 0; i < levels; i++)
		geo[i] = all[5 - levels + i];
	return levels;
}

/* mm->context.asce_limit per level count; TASK_SIZE_MAX for five. */
static unsigned long s390_user_limit(int levels)
{
	switch (levels) {
	case 2: return _REGION3_SIZE;
	case 3: return _REGION2_SIZE;
	case 4: return _REGION1_SIZE;
	default: return TASK_SIZE_MAX;
	}
}

static void s390_init_mm(struct mm_struct *mm, int levels, unsigned long top_pa)
{
	static const unsigned long type[] = {
		[2] = _ASCE_TYPE_SEGMENT, [3] = _ASCE_TYPE_REGION3,
		[4] = _ASCE_TYPE_REGION2, [5] = _ASCE_TYPE_REGION1,
	};

	mm->context.asce_limit = s390_user_limit(levels);
	mm->context.asce = top_pa | _ASCE_TABLE_LENGTH | _ASCE_USER_BITS | type[levels];
}

/* crst_table_init() / pXd_alloc_one() fill a new table with its level's empty entry. */
static unsigned long s390_empty_entry(enum pf_level level)
{
	switch (level) {
	case PF_PGD: return _REGION1_ENTRY_EMPTY;
	case PF_P4D: return _REGION2_ENTRY_EMPTY;
	case PF_PUD: return _REGION3_ENTRY_EMPTY;
	case PF_PMD: return _SEGMENT_ENTRY_EMPTY;
	default: return _PAGE_INVALID;
	}
}

/* pgd_populate(), p4d_populate(), pud_populate(), pmd_populate() */
static unsigned long s390_table_entry(enum pf_level level, unsigned long child_pa)
{
	switch (level) {
	case PF_PGD: return _REGION1_ENTRY | child_pa;
	case PF_P4D: return _REGION2_ENTRY | child_pa;
	case PF_PUD: return _REGION3_ENTRY | child_pa;
	default: return _SEGMENT_ENTRY + child_pa;
	}
}

static unsigned long s390_table_origin(enum pf_level level, unsigned long entry)
{
	return entry & (level == PF_PMD ? _SEGMENT_ENTRY_ORIGIN : _REGION_ENTRY_ORIGIN);
}

static unsigned long s390_leaf_pa(enum pf_level level, unsigned long entry, bool write)
{
	switch (level) {
	case PF_PUD: {
		pud_t pud = __pud(entry);

		return pud_large(pud) && pud_present(pud) && (!write || pud_write(pud)) ?
		       pud_pfn(pud) << PAGE_SHIFT : PF_NO_PAGE;
	}
	case PF_PMD: {
		pmd_t pmd = __pmd(entry);

		return pmd_large(pmd) && (!write || pmd_write(pmd)) ? pmd_pfn(pmd) << PAGE_SHIFT : PF_NO_PAGE;
	}
	default: {
		pte_t pte = __pte(entry);

		return pte_present(pte) && (!write || pte_write(pte)) ? pte_pfn(pte) << PAGE_SHIFT : PF_NO_PAGE;
	}
	}
}

/* The arch's own writer is the pre-v6.10 fault path's; it asks nothing of the space. */
static unsigned long s390_leaf_entry(enum pf_level level, unsigned long pa, bool write)
{
	return pf_fault_leaf_entry(NULL, level, pa, write);
}

#define PF_ARCH_LEAF_PA s390_leaf_pa
#include "lower_bound.h"

const struct pf_arch_ops pf_arch_s390 = {
	.name = "s390",
	.page_shift = PAGE_SHIFT,
	.min_levels = 2, .max_levels = 5,
	.upgradable = true,
	.geometry = s390_geometry,
	.user_limit = s390_user_limit,
	.init_mm = s390_init_mm,
	.empty_entry = s390_empty_entry,
	.table_entry = s390_table_entry,
	.table_origin = s390_table_origin,
	.leaf_entry = s390_leaf_entry,
	.leaf_pa = s390_leaf_pa,
	.lower_bound = pf_arch_lower_bound,
};
