/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The rest of a kernel tree's variant library, after the tree's own code: the task's mm, the
 * entry points Swift calls (the tree's gup_fast walk root and walk_pgd_range() as one call each),
 * PageFold's mm_walk_ops, the leaf writer (the arch's file, with the tree's own constructors) and
 * the registry record. The extractor defines PF_TREE_GUP_ROOT (gup_pgd_range up to v6.10,
 * gup_fast_pgd_range from v6.11), PF_TREE_ARCH_GLUE, PF_TREE_INFO and PF_TREE_HAS_<name> for
 * the optional names the tree defines.
 */
#include PF_TREE_ARCH_GLUE

/* The arch's leaf writer, run for a space outside any call: what the space's CPU has is its own. */
static unsigned long pf_tree_leaf_entry(const struct pf_space *space, enum pf_level level, unsigned long pa,
					bool write)
{
	unsigned long entry;

	pf_leaf_space = space;
	entry = pf_tree_arch_leaf(level, pa, write);
	pf_leaf_space = NULL;
	return entry;
}

static void pf_tree_setup(void)
{
	struct mm_struct *mm = pf_tree_mm();

	mm->pgd = pf_tree_pgd();
	mm->write_protect_seq = 0;
	pf_tree_setup_arch(mm);
	pf_tree_task.mm = mm;
}

static void pf_tree_gup_walk(unsigned long start, unsigned long end, unsigned int flags,
			     struct page **pages, int *nr)
{
	PF_TREE_GUP_ROOT(start, end, flags, pages, nr);
}

static long pf_tree_gup_fast_only(struct pf_space *space, uint64_t start, uint64_t nr_pages,
				  unsigned int gup_flags, struct pf_run *run)
{
	return pf_tree_gup(space, start, nr_pages, gup_flags, run, pf_tree_setup, pf_tree_gup_walk);
}

/* PageFold's mm_walk_ops: record every callback with what the entry maps. */
static int pf_tree_pud_entry(pud_t *pud, unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	pud_t v = READ_ONCE(*pud);
	bool leaf = pud_leaf(v);

	pf_tree_record_visit(PF_VISIT_PUD, addr, next, pud_val(v), leaf,
			     leaf ? pud_pfn(v) + ((addr & ~PUD_MASK) >> PAGE_SHIFT) : 0, 0);
	return 0;
}

static int pf_tree_pmd_entry(pmd_t *pmd, unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	pmd_t v = READ_ONCE(*pmd);
	bool leaf = pmd_leaf(v);

	pf_tree_record_visit(PF_VISIT_PMD, addr, next, pmd_val(v), leaf,
			     leaf ? pmd_pfn(v) + ((addr & ~PMD_MASK) >> PAGE_SHIFT) : 0, 0);
	return 0;
}

static int pf_tree_pte_entry(pte_t *pte, unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	pte_t v = READ_ONCE(*pte);
	bool present = pte_present(v);

	pf_tree_record_visit(PF_VISIT_PTE, addr, next, pte_val(v), present, present ? pte_pfn(v) : 0, 0);
	return 0;
}

static int pf_tree_pte_hole(unsigned long addr, unsigned long next, int depth, struct mm_walk *walk)
{
	pf_tree_record_visit(PF_VISIT_HOLE, addr, next, 0, false, 0, depth);
	return 0;
}

static const struct mm_walk_ops pf_tree_walk_ops = {
	.pud_entry = pf_tree_pud_entry,
	.pmd_entry = pf_tree_pmd_entry,
	.pte_entry = pf_tree_pte_entry,
	.pte_hole = pf_tree_pte_hole,
};

/* walk_page_range_novma(): no vma, the task's mm. */
static int pf_tree_walk_pgd_range(unsigned long start, unsigned long end)
{
	struct mm_walk walk = { .ops = &pf_tree_walk_ops, .mm = current->mm, .no_vma = true };

	return walk_pgd_range(start, end, &walk);
}

static int pf_tree_walk_page_range(struct pf_space *space, uint64_t start, uint64_t end, struct pf_run *run)
{
	return pf_tree_walk(space, start, end, run, pf_tree_setup, pf_tree_walk_pgd_range);
}

PF_EXPORT const struct pf_variant pf_variant_user = {
	PF_TREE_INFO,
	.leaf_entry = pf_tree_leaf_entry,
	.gup_fast = pf_tree_gup_fast_only,
	.walk_page_range = pf_tree_walk_page_range,
};
