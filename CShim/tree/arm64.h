/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arm64 part of a kernel tree's glue (CShim/tree/glue.h): the leaf entries the tree's own fault
 * and hugetlb paths write, as for x86 (CShim/tree/x86.h): a private mapping's read-only
 * protection for a 16 KB page, made writable and dirty when the vma may be written; for hugetlb,
 * PAGE_SHARED or PAGE_READONLY, made huge by pte_mkhuge(), which clears the table bit (a block).
 * The pud's run-time folding follows the space's LPA2 (pagefold/standins/arm64.h).
 */
#ifdef PF_TREE_HAS_pte_mkwrite_novma
#define pf_tree_pte_mkwrite(pte) pte_mkwrite_novma(pte)
#else
#define pf_tree_pte_mkwrite(pte) pte_mkwrite(pte)
#endif

/*
 * A vma's protection as the kernel holds it: with LPA2, bits 8-9 of an entry are address bits, so
 * arch/arm64/mm/mmap.c (adjust_protection_map(), v6.9) clears PTE_SHARED from every
 * protection_map[] entry at boot.
 */
static pgprot_t pf_tree_vma_prot(pgprot_t prot)
{
	if (lpa2_is_enabled())
		pgprot_val(prot) &= ~PTE_SHARED;
	return prot;
}

static unsigned long pf_tree_arch_leaf(enum pf_level level, unsigned long pa, bool write)
{
	pte_t entry;

	if (level == PF_PTE) {
		entry = pfn_pte(pa >> PAGE_SHIFT, pf_tree_vma_prot(PAGE_READONLY));
		if (write)
			entry = pf_tree_pte_mkwrite(pte_mkdirty(entry));
		return pte_val(entry);
	}
	entry = pfn_pte(pa >> PAGE_SHIFT, pf_tree_vma_prot(write ? PAGE_SHARED : PAGE_READONLY));
	entry = write ? pf_tree_pte_mkwrite(pte_mkdirty(entry)) : pte_wrprotect(entry);
	entry = pte_mkhuge(pte_mkyoung(entry));
	return pte_val(entry);
}

static void pf_tree_setup_arch(struct mm_struct *mm)
{
}
