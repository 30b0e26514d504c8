/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test hook (no include guard: one copy per variant): the leaf entries a task's page faults leave
 * behind, built with the variant's own constructors, so that a variant's walkers read entries as
 * its kernel writes them. Only s390 needs it: its 2 GB entries changed meaning in v6.10
 * (asm-s390/pgtable.h); the other arches' writers (CShim/arch/) serve every variant.
 *
 *  - 4 KB: do_anonymous_page(): mk_pte(page, vma->vm_page_prot), a private mapping's read-only
 *    protection, then pte_mkwrite(pte_mkdirty()) when the vma may be written;
 *  - 1 MB and 2 GB: hugetlb_no_page() on a shared mapping: make_huge_pte() from PAGE_RW or PAGE_RO,
 *    then set_huge_pte_at() over the empty entry of the level.
 */
#ifdef _REGION3_ENTRY_LARGE
/* A kernel tree's glue (CShim/tree/s390.h) names the tree's own, which changed names over time. */
#ifndef pf_fault_set_huge_pte_at
#include <asm-s390/hugetlb.h>
#define pf_fault_set_huge_pte_at set_huge_pte_at
#define pf_fault_pte_mkwrite pte_mkwrite
#endif

static unsigned long pf_fault_leaf_entry(const struct pf_space *space, enum pf_level level, unsigned long pa,
					 bool write)
{
	pte_t entry;

	if (level == PF_PTE) {
		entry = mk_pte_phys(pa, PAGE_RO);
		if (write)
			entry = pf_fault_pte_mkwrite(pte_mkdirty(entry));
		return pte_val(entry);
	}
	/* make_huge_pte() */
	entry = mk_pte_phys(pa, write ? PAGE_RW : PAGE_RO);
	entry = write ? pf_fault_pte_mkwrite(pte_mkdirty(entry)) : pte_wrprotect(entry);
	entry = pte_mkyoung(entry);
	/* set_huge_pte_at() over what the table held: an empty region-3 or segment entry */
	pte_t slot = __pte(level == PF_PUD ? _REGION3_ENTRY_EMPTY : _SEGMENT_ENTRY_EMPTY);

	pf_fault_set_huge_pte_at(NULL, 0, &slot, entry);
	return pte_val(slot);
}
#define PF_LEAF_WRITER pf_fault_leaf_entry
#else
#define PF_LEAF_WRITER NULL
#endif
