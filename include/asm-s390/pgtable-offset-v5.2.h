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
	pgd = pf_stack_copy(PF_PGD, pgd, sizeof(*pgd));
	if ((pgd_val(READ_ONCE(*pgd)) & _REGION_ENTRY_TYPE_MASK) >= _REGION_ENTRY_TYPE_R1)
		return (p4d_t *) pgd_deref(READ_ONCE(*pgd)) + p4d_index(address);
	return (p4d_t *) pgd;
}

static inline pud_t *pud_offset(p4d_t *p4d, unsigned long address)
{
	p4d = pf_stack_copy(PF_P4D, p4d, sizeof(*p4d));
	if ((p4d_val(READ_ONCE(*p4d)) & _REGION_ENTRY_TYPE_MASK) >= _REGION_ENTRY_TYPE_R2)
		return (pud_t *) p4d_deref(READ_ONCE(*p4d)) + pud_index(address);
	return (pud_t *) p4d;
}
#define pud_offset pud_offset

static inline pmd_t *pmd_offset(pud_t *pud, unsigned long address)
{
	pud = pf_stack_copy(PF_PUD, pud, sizeof(*pud));
	if ((pud_val(READ_ONCE(*pud)) & _REGION_ENTRY_TYPE_MASK) >= _REGION_ENTRY_TYPE_R3)
		return (pmd_t *) pud_deref(READ_ONCE(*pud)) + pmd_index(address);
	return (pmd_t *) pud;
}
#define pmd_offset pmd_offset

#endif
