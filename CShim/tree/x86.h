/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86 part of a kernel tree's glue (CShim/tree/glue.h): the leaf entries the tree's own fault
 * and hugetlb paths write, and the run-time folding inputs.
 *  - 4 KB: do_anonymous_page(): mk_pte() of a private mapping's protection (PAGE_COPY), then
 *    pte_mkwrite(pte_mkdirty()) when the vma may be written (pte_mkwrite_novma() from v6.6);
 *  - 2 MB and 1 GB: hugetlb's make_huge_pte() on a shared mapping: PAGE_SHARED or PAGE_READONLY,
 *    made writable and dirty or write-protected, young, and huge (arch_make_huge_pte()).
 * With LA57 absent the p4d folds: PGDIR_SHIFT and PTRS_PER_P4D are the variables
 * arch/x86/kernel/head64.c sets at boot, set here per call from the space.
 */
#ifdef PF_TREE_HAS_pte_mkwrite_novma
#define pf_tree_pte_mkwrite(pte) pte_mkwrite_novma(pte)
#else
#define pf_tree_pte_mkwrite(pte) pte_mkwrite(pte)
#endif

unsigned int pgdir_shift = 39;
unsigned int ptrs_per_p4d = 1;

static unsigned long pf_tree_arch_leaf(enum pf_level level, unsigned long pa, bool write)
{
	pte_t entry;

	if (level == PF_PTE) {
		entry = pfn_pte(pa >> PAGE_SHIFT, PAGE_COPY);
		if (write)
			entry = pf_tree_pte_mkwrite(pte_mkdirty(entry));
		return pte_val(entry);
	}
	entry = pfn_pte(pa >> PAGE_SHIFT, write ? PAGE_SHARED : PAGE_READONLY);
	entry = write ? pf_tree_pte_mkwrite(pte_mkdirty(entry)) : pte_wrprotect(entry);
	entry = pte_mkhuge(pte_mkyoung(entry));
	return pte_val(entry);
}

static void pf_tree_setup_arch(struct mm_struct *mm)
{
	pgdir_shift = pf_tree_la57() ? 48 : 39;
	ptrs_per_p4d = pf_tree_la57() ? 512 : 1;
}
