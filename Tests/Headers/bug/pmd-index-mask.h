/*
 * A pasted pmd_offset_lockless() whose index mask drops the top bit.
 *
 * check: --base s390-fix-v6.10 --levels 3
 * expect: FAIL wrong pages | missing pages | invariant (a)
 */
static inline pmd_t *bad_pmd_offset_lockless(pud_t *pudp, pud_t pud, unsigned long address)
{
	if ((pud_val(pud) & _REGION_ENTRY_TYPE_MASK) >= _REGION_ENTRY_TYPE_R3)
		return (pmd_t *) pud_deref(pud) + ((address >> PMD_SHIFT) & (PTRS_PER_PMD / 2 - 1));
	return (pmd_t *) pudp;
}
#undef pmd_offset_lockless
#define pmd_offset_lockless bad_pmd_offset_lockless
