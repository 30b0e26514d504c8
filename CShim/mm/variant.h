/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The rest of a variant: the loop templates built with the variant's macros, the two entry points
 * Swift calls, and the registry record. A variant file defines PF_VARIANT_ID (an identifier) and
 * PF_VARIANT_INFO (the record's descriptive fields), then includes this once.
 */
#include <linux/pgtable.h>
#include <linux/mm.h>
#include <pagefold/entry.h>
#include "../call.h"
#include "checks.h"
#include "gup_fast.h"
#include "pagewalk.h"
#include "fault.h"

#define PF_PASTE2(a, b) a##b
#define PF_PASTE(a, b) PF_PASTE2(a, b)

#ifndef PF_BARE

/*
 * get_user_pages_fast_only(): internal_get_user_pages_fast() without the slow path, so the count
 * is what the fast walk alone pinned (FOLL_FAST_ONLY).
 */
static void pf_gup_walk(unsigned long start, unsigned long end, unsigned int flags,
			struct page **pages, int *nr)
{
	gup_fast(start, end, flags, pages, nr);
}

static long pf_gup_fast_only(struct pf_space *space, uint64_t start, uint64_t nr_pages,
			     unsigned int gup_flags, struct pf_run *run)
{
	return pf_call_gup(space, start, nr_pages, gup_flags, run, NULL, pf_gup_walk);
}

#define pf_walk_record pf_record_visit
#include "recorders.h"

/* walk_page_range_novma() over the space's mm. */
static int pf_pagewalk(unsigned long start, unsigned long end)
{
	struct mm_walk walk = { .ops = &pf_walk_ops, .mm = current->mm };

	return walk_pgd_range(start, end, &walk);
}

static int pf_walk_page_range(struct pf_space *space, uint64_t start, uint64_t end,
			      struct pf_run *run)
{
	return pf_call_walk(space, start, end, run, NULL, pf_pagewalk);
}

PF_EXPORT const struct pf_variant PF_PASTE(pf_variant_, PF_VARIANT_ID) = {
	PF_VARIANT_INFO,
	.leaf_entry = PF_LEAF_WRITER,
	.gup_fast = pf_gup_fast_only,
	.walk_page_range = pf_walk_page_range,
};
#else
/*
 * A bare build (Benchmarks/icount): the walks alone, on a space's mm, with callbacks that do
 * nothing, for counting the instructions the kernel's loops take. Only correct walks run bare.
 */
static int pf_bare_pud_entry(pud_t *pud, unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	return 0;
}

static int pf_bare_pmd_entry(pmd_t *pmd, unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	return 0;
}

static int pf_bare_pte_entry(pte_t *pte, unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	return 0;
}

static int pf_bare_pte_hole(unsigned long addr, unsigned long next, int depth, struct mm_walk *walk)
{
	return 0;
}

static const struct mm_walk_ops pf_bare_ops = {
	.pud_entry = pf_bare_pud_entry,
	.pmd_entry = pf_bare_pmd_entry,
	.pte_entry = pf_bare_pte_entry,
	.pte_hole = pf_bare_pte_hole,
};

long PF_PASTE(pf_bare_gup_, PF_VARIANT_ID)(struct mm_struct *mm, unsigned long start,
					   unsigned long nr_pages, unsigned int flags, struct page **pages)
{
	struct task_struct task = { .mm = mm };
	int nr = 0;

	pf_current = &task;
	gup_fast(start, start + (nr_pages << PAGE_SHIFT), flags, pages, &nr);
	pf_current = NULL;
	return nr;
}

int PF_PASTE(pf_bare_walk_, PF_VARIANT_ID)(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct mm_walk walk = { .ops = &pf_bare_ops, .mm = mm };

	return walk_pgd_range(start, end, &walk);
}
#endif
