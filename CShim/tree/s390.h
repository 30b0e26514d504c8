/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The s390 part of a kernel tree's glue (CShim/tree/glue.h): the leaf entries the tree's own fault
 * and hugetlb paths write, by the same steps as PageFold's own writer (CShim/mm/fault.h), on the
 * tree's constructors: pte_mkwrite_novma() from v6.6, __set_huge_pte_at() from v6.7.
 */
#ifdef PF_TREE_HAS_pte_mkwrite_novma
#define pf_fault_pte_mkwrite(pte) pte_mkwrite_novma(pte)
#else
#define pf_fault_pte_mkwrite(pte) pte_mkwrite(pte)
#endif
#ifdef PF_TREE_HAS___set_huge_pte_at
#define pf_fault_set_huge_pte_at __set_huge_pte_at
#else
#define pf_fault_set_huge_pte_at set_huge_pte_at
#endif
#include "../mm/fault.h"

static unsigned long pf_tree_arch_leaf(enum pf_level level, unsigned long pa, bool write)
{
	return pf_fault_leaf_entry(NULL, level, pa, write);
}

static void pf_tree_setup_arch(struct mm_struct *mm)
{
	mm->context.asce_limit = pf_tree_asce_limit();
}
