/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The rest of a variant: the loop templates built with the variant's macros, the two entry points
 * Swift calls, and the registry record. A variant file defines PF_VARIANT_ID (an identifier) and
 * PF_VARIANT_INFO (the record's descriptive fields), then includes this once.
 */
#include <setjmp.h>
#include <stdlib.h>
#include <linux/pgtable.h>
#include <linux/mm.h>
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
static long pf_gup_fast_only(struct pf_space *space, uint64_t start, uint64_t nr_pages,
			     unsigned int gup_flags, struct pf_run *run)
{
	struct pf_call *call;
	unsigned long len, end;
	long nr;

	start &= PAGE_MASK;
	if (nr_pages > (~0UL >> PAGE_SHIFT))
		return 0;
	len = nr_pages << PAGE_SHIFT;
	if (__builtin_add_overflow(start, len, &end))
		return 0;
	call = pf_call_enter(space, run, start, end, nr_pages);
	if (!call)
		return 0;
	if (setjmp(call->abort) == 0)
		nr = gup_fast(start, end, gup_flags, call->pages, &call->nr_pinned);
	else
		nr = call->nr_pinned;	/* stopped by BUG() or a runaway loop */
	pf_call_leave(call, nr);
	return nr;
}

/* PageFold's mm_walk_ops: record every callback with what the entry maps. */
static int pf_walk_pud_entry(pud_t *pud, unsigned long addr, unsigned long next,
			     struct mm_walk *walk)
{
	pud_t v = pudp_get(pud);
	bool leaf = pud_leaf(v);

	pf_record_visit(PF_VISIT_PUD, addr, next, pud_val(v), leaf,
			leaf ? pud_pfn(v) + ((addr & ~PUD_MASK) >> PAGE_SHIFT) : 0, 0);
	return 0;
}

static int pf_walk_pmd_entry(pmd_t *pmd, unsigned long addr, unsigned long next,
			     struct mm_walk *walk)
{
	pmd_t v = pmdp_get(pmd);
	bool leaf = pmd_leaf(v);

	pf_record_visit(PF_VISIT_PMD, addr, next, pmd_val(v), leaf,
			leaf ? pmd_pfn(v) + ((addr & ~PMD_MASK) >> PAGE_SHIFT) : 0, 0);
	return 0;
}

static int pf_walk_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
			     struct mm_walk *walk)
{
	pte_t v = ptep_get(pte);
	bool present = pte_present(v);

	pf_record_visit(PF_VISIT_PTE, addr, next, pte_val(v), present,
			present ? pte_pfn(v) : 0, 0);
	return 0;
}

static int pf_walk_pte_hole(unsigned long addr, unsigned long next, int depth,
			    struct mm_walk *walk)
{
	pf_record_visit(PF_VISIT_HOLE, addr, next, 0, false, 0, depth);
	return 0;
}

static const struct mm_walk_ops pf_walk_ops = {
	.pud_entry = pf_walk_pud_entry,
	.pmd_entry = pf_walk_pmd_entry,
	.pte_entry = pf_walk_pte_entry,
	.pte_hole = pf_walk_pte_hole,
};

/* walk_page_range_novma() over the space's mm. */
static int pf_walk_page_range(struct pf_space *space, uint64_t start, uint64_t end,
			      struct pf_run *run)
{
	struct pf_call *call;
	struct mm_walk walk = { .ops = &pf_walk_ops };
	int err;

	if (start >= end)
		return -22;	/* -EINVAL */
	call = pf_call_enter(space, run, start, end, 0);
	if (!call)
		return -12;	/* -ENOMEM */
	pf_reserve_visits(run, (end - start) >> PAGE_SHIFT);
	walk.mm = current->mm;
	if (setjmp(call->abort) == 0)
		err = walk_pgd_range(start, end, &walk);
	else
		err = -14;	/* -EFAULT: the walk was stopped */
	pf_call_leave(call, err);
	return err;
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
