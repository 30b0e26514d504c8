/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PageFold's mm_walk_ops (no include guard: one copy per variant library): record every
 * walk_page_range_novma() callback with what the entry maps, through pf_walk_record(), which the
 * includer names (pf_record_visit() in PageFold's variants, out of line in a kernel tree's).
 * Written with the kernel's accessors only, so a tree's own build of them serves as well.
 */
static int pf_walk_pud_entry(pud_t *pud, unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	pud_t v = READ_ONCE(*pud);
	bool leaf = pud_leaf(v);

	pf_walk_record(PF_VISIT_PUD, addr, next, pud_val(v), leaf,
		       leaf ? pud_pfn(v) + ((addr & ~PUD_MASK) >> PAGE_SHIFT) : 0, 0);
	return 0;
}

static int pf_walk_pmd_entry(pmd_t *pmd, unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	pmd_t v = READ_ONCE(*pmd);
	bool leaf = pmd_leaf(v);

	pf_walk_record(PF_VISIT_PMD, addr, next, pmd_val(v), leaf,
		       leaf ? pmd_pfn(v) + ((addr & ~PMD_MASK) >> PAGE_SHIFT) : 0, 0);
	return 0;
}

static int pf_walk_pte_entry(pte_t *pte, unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	pte_t v = READ_ONCE(*pte);
	bool present = pte_present(v);

	pf_walk_record(PF_VISIT_PTE, addr, next, pte_val(v), present, present ? pte_pfn(v) : 0, 0);
	return 0;
}

static int pf_walk_pte_hole(unsigned long addr, unsigned long next, int depth, struct mm_walk *walk)
{
	pf_walk_record(PF_VISIT_HOLE, addr, next, 0, false, 0, depth);
	return 0;
}

static const struct mm_walk_ops pf_walk_ops = {
	.pud_entry = pf_walk_pud_entry,
	.pmd_entry = pf_walk_pmd_entry,
	.pte_entry = pf_walk_pte_entry,
	.pte_hole = pf_walk_pte_hole,
};
