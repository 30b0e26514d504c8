/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The s390 part of a kernel tree's glue (CShim/tree/glue.h): the leaf entries the tree's own fault
 * and hugetlb paths write, as CShim/mm/fault.h writes them with PageFold's mirror:
 *  - 4 KB: do_anonymous_page(): mk_pte() of a private mapping's read-only protection, then
 *    pte_mkwrite(pte_mkdirty()) when the vma may be written (pte_mkwrite_novma() from v6.6);
 *  - 1 MB and 2 GB: hugetlb_no_page(): make_huge_pte() from PAGE_RW or PAGE_RO, then
 *    set_huge_pte_at() (__set_huge_pte_at() from v6.7) over the empty entry of the level.
 */
#ifdef PF_TREE_HAS_pte_mkwrite_novma
#define pf_tree_pte_mkwrite(pte) pte_mkwrite_novma(pte)
#else
#define pf_tree_pte_mkwrite(pte) pte_mkwrite(pte)
#endif

static unsigned long pf_tree_arch_leaf(enum pf_level level, unsigned long pa, bool write)
{
	pte_t entry, slot;

	if (level == PF_PTE) {
		entry = mk_pte_phys(pa, PAGE_RO);
		if (write)
			entry = pf_tree_pte_mkwrite(pte_mkdirty(entry));
		return pte_val(entry);
	}
	entry = mk_pte_phys(pa, write ? PAGE_RW : PAGE_RO);
	entry = write ? pf_tree_pte_mkwrite(pte_mkdirty(entry)) : pte_wrprotect(entry);
	entry = pte_mkyoung(entry);
	slot = __pte(level == PF_PUD ? _REGION3_ENTRY_EMPTY : _SEGMENT_ENTRY_EMPTY);
#ifdef PF_TREE_HAS___set_huge_pte_at
	__set_huge_pte_at(NULL, 0, &slot, entry);
#else
	set_huge_pte_at(NULL, 0, &slot, entry);
#endif
	return pte_val(slot);
}

static void pf_tree_setup_arch(struct mm_struct *mm)
{
	mm->context.asce_limit = pf_tree_asce_limit();
}
