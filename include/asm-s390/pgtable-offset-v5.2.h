/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel mirror of the s390 pXd_offset() functions from d1874a0c2805 ("s390/mm: make the pxd_offset
 * functions more robust") until d3f7b1bb2040: each one dereferences the pointer it is given, and
 * adds an index only if the entry belongs to its own table type. For a folded level it returns the
 * pointer unchanged, which in gup_fast is the address of the caller's copy on the stack.
 */
#ifndef _ASM_S390_PGTABLE_OFFSET_H
#define _ASM_S390_PGTABLE_OFFSET_H

static inline p4d_t *p4d_offset(pgd_t *pgd, unsigned long address)
{
	if ((pgd_val(*pgd) & _REGION_ENTRY_TYPE_MASK) >= _REGION_ENTRY_TYPE_R1)
		return (p4d_t *) pgd_deref(*pgd) + p4d_index(address);
	return (p4d_t *) pgd;
}

static inline pud_t *pud_offset(p4d_t *p4d, unsigned long address)
{
	if ((p4d_val(*p4d) & _REGION_ENTRY_TYPE_MASK) >= _REGION_ENTRY_TYPE_R2)
		return (pud_t *) p4d_deref(*p4d) + pud_index(address);
	return (pud_t *) p4d;
}
#define pud_offset pud_offset

static inline pmd_t *pmd_offset(pud_t *pud, unsigned long address)
{
	if ((pud_val(*pud) & _REGION_ENTRY_TYPE_MASK) >= _REGION_ENTRY_TYPE_R3)
		return (pmd_t *) pud_deref(*pud) + pmd_index(address);
	return (pmd_t *) pud;
}
#define pmd_offset pmd_offset

#endif
