/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loop template: the kernel's page-table walker, mm/pagewalk.c (v6.1), as walk_page_range_novma()
 * runs it: no vma, so no splitting, and every entry reaches the callbacks. No include guard: every
 * variant includes it once. Left out: hugepd (powerpc) and the ACTION_AGAIN/ACTION_CONTINUE
 * replies, which PageFold's callbacks never give. Lines marked PF_ are test hooks.
 *
 * The walker uses real table pointers throughout (pXd_offset(pointer), no copies), which is why
 * s390's middle-level iteration has always been correct here. Its choice of entries is driven
 * entirely by pXd_addr_end() (Jason's point in the seed thread): RFC v2 2/3 changed that call to
 * pXd_addr_end(*pXd, addr, end), and with it the iteration moved from the pud level to the pgd level.
 */

#include <linux/pagewalk.h>

#ifndef walk_pgd_addr_end
#define walk_pgd_addr_end(pgd, addr, end)	pgd_addr_end(addr, end)
#endif
#ifndef walk_p4d_addr_end
#define walk_p4d_addr_end(p4d, addr, end)	p4d_addr_end(addr, end)
#endif
#ifndef walk_pud_addr_end
#define walk_pud_addr_end(pud, addr, end)	pud_addr_end(addr, end)
#endif
#ifndef walk_pmd_addr_end
#define walk_pmd_addr_end(pmd, addr, end)	pmd_addr_end(addr, end)
#endif

/*
 * We want to know the real level where a entry is located ignoring any
 * folding of levels which may be happening. For example if p4d is folded then
 * a missing entry found at level 1 (p4d) is actually at level 0 (pgd).
 */
static int real_depth(int depth)
{
	if (depth == 3 && PTRS_PER_PMD == 1)
		depth = 2;
	if (depth == 2 && PTRS_PER_PUD == 1)
		depth = 1;
	if (depth == 1 && PTRS_PER_P4D == 1)
		depth = 0;
	return depth;
}

static int walk_pte_range_inner(pte_t *pte, unsigned long addr,
				unsigned long end, struct mm_walk *walk)
{
	const struct mm_walk_ops *ops = walk->ops;
	int err = 0;

	for (;;) {
		PF_LOOP_STEP_A(pte, pte, addr, end);
		err = ops->pte_entry(pte, addr, addr + PAGE_SIZE, walk);
		if (err)
		       break;
		if (addr >= end - PAGE_SIZE)
			break;
		addr += PAGE_SIZE;
		pte++;
	}
	return err;
}

static int walk_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	pte_t *pte;
	int err = 0;

	pte = pte_offset_map(pmd, addr);
	err = walk_pte_range_inner(pte, addr, end, walk);
	pte_unmap(pte);

	return err;
}

static int walk_pmd_range(pud_t *pud, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	pmd_t *pmd;
	unsigned long next;
	const struct mm_walk_ops *ops = walk->ops;
	int err = 0;
	int depth = real_depth(3);

	pmd = pmd_offset(pud, addr);
	do {
		PF_LOOP_STEP(pmd, pmd, pud, addr, end);
		next = walk_pmd_addr_end(pmd, addr, end);
		PF_LOOP_NEXT(pmd, next);
		if (pmd_none(pmdp_get(pmd))) {
			if (ops->pte_hole)
				err = ops->pte_hole(addr, next, depth, walk);
			if (err)
				break;
			continue;
		}

		/*
		 * This implies that each ->pmd_entry() handler
		 * needs to know about pmd_trans_huge() pmds
		 */
		if (ops->pmd_entry)
			err = ops->pmd_entry(pmd, addr, next, walk);
		if (err)
			break;

		/* No vma: a leaf or a non-present entry is as far as the walk goes. */
		if (pmd_leaf(pmdp_get(pmd)) || !pmd_present(pmdp_get(pmd)) ||
		    !(ops->pte_entry))
			continue;

		err = walk_pte_range(pmd, addr, next, walk);
		if (err)
			break;
	} while (pmd++, addr = next, addr != end);

	return err;
}

static int walk_pud_range(p4d_t *p4d, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	pud_t *pud;
	unsigned long next;
	const struct mm_walk_ops *ops = walk->ops;
	int err = 0;
	int depth = real_depth(2);

	pud = pud_offset(p4d, addr);
	do {
		PF_LOOP_STEP(pud, pud, p4d, addr, end);
		next = walk_pud_addr_end(pud, addr, end);
		PF_LOOP_NEXT(pud, next);
		if (pud_none(pudp_get(pud))) {
			if (ops->pte_hole)
				err = ops->pte_hole(addr, next, depth, walk);
			if (err)
				break;
			continue;
		}

		if (ops->pud_entry)
			err = ops->pud_entry(pud, addr, next, walk);
		if (err)
			break;

		if (pud_leaf(pudp_get(pud)) || !pud_present(pudp_get(pud)) ||
		    !(ops->pmd_entry || ops->pte_entry))
			continue;

		err = walk_pmd_range(pud, addr, next, walk);
		if (err)
			break;
	} while (pud++, addr = next, addr != end);

	return err;
}

static int walk_p4d_range(pgd_t *pgd, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	p4d_t *p4d;
	unsigned long next;
	const struct mm_walk_ops *ops = walk->ops;
	int err = 0;
	int depth = real_depth(1);

	p4d = p4d_offset(pgd, addr);
	do {
		PF_LOOP_STEP(p4d, p4d, pgd, addr, end);
		next = walk_p4d_addr_end(p4d, addr, end);
		PF_LOOP_NEXT(p4d, next);
		if (p4d_none_or_clear_bad(p4d)) {
			if (ops->pte_hole)
				err = ops->pte_hole(addr, next, depth, walk);
			if (err)
				break;
			continue;
		}
		if (ops->pud_entry || ops->pmd_entry || ops->pte_entry)
			err = walk_pud_range(p4d, addr, next, walk);
		if (err)
			break;
	} while (p4d++, addr = next, addr != end);

	return err;
}

static int walk_pgd_range(unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	pgd_t *pgd;
	unsigned long next;
	const struct mm_walk_ops *ops = walk->ops;
	int err = 0;

	pgd = pgd_offset(walk->mm, addr);
	do {
		PF_LOOP_STEP(pgd, pgd, walk->mm, addr, end);
		next = walk_pgd_addr_end(pgd, addr, end);
		PF_LOOP_NEXT(pgd, next);
		if (pgd_none_or_clear_bad(pgd)) {
			if (ops->pte_hole)
				err = ops->pte_hole(addr, next, 0, walk);
			if (err)
				break;
			continue;
		}
		if (ops->pud_entry || ops->pmd_entry || ops->pte_entry)
			err = walk_p4d_range(pgd, addr, next, walk);
		if (err)
			break;
	} while (pgd++, addr = next, addr != end);

	return err;
}
