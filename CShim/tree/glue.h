/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The rest of a kernel tree's variant library, after the tree's own code: the task's mm, the
 * entry points Swift calls (the tree's gup_fast walk root and walk_pgd_range(), each run as one
 * call through pagefold/entry.h), PageFold's mm_walk_ops (CShim/mm/recorders.h), the leaf
 * writer (the arch's file, with the tree's own constructors) and the registry record. The extractor defines PF_TREE_GUP_ROOT (gup_pgd_range up to v6.10,
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
	return pf_call_gup(space, start, nr_pages, gup_flags, run, pf_tree_setup, pf_tree_gup_walk);
}

#define pf_walk_record pf_tree_record_visit
#include "../mm/recorders.h"

/* walk_page_range_novma(): no vma, the task's mm. */
static int pf_tree_pagewalk(unsigned long start, unsigned long end)
{
	struct mm_walk walk = { .ops = &pf_walk_ops, .mm = current->mm, .no_vma = true };

	return walk_pgd_range(start, end, &walk);
}

static int pf_tree_walk_page_range(struct pf_space *space, uint64_t start, uint64_t end, struct pf_run *run)
{
	return pf_call_walk(space, start, end, run, pf_tree_setup, pf_tree_pagewalk);
}

PF_EXPORT const struct pf_variant pf_variant_user = {
	PF_TREE_INFO,
	.leaf_entry = pf_tree_leaf_entry,
	.gup_fast = pf_tree_gup_fast_only,
	.walk_page_range = pf_tree_walk_page_range,
};
