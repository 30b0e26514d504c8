/*
 * A helper written against what linux/pgtable.h and the arch header declare: pXdp_get(),
 * pmd_index() and the s390 entry bits, as a static inline, put in as pmd_offset().
 *
 * check: --base s390-fix-v6.10
 * expect: PASS
 */
static inline pmd_t *checked_pmd_offset(pud_t *pudp, unsigned long address)
{
	pud_t pud = pudp_get(pudp);

	if ((pud_val(pud) & _REGION_ENTRY_TYPE_MASK) < _REGION_ENTRY_TYPE_R3)
		return (pmd_t *)pudp;
	return (pmd_t *)pud_deref(pud) + pmd_index(address);
}
#undef pmd_offset
#define pmd_offset checked_pmd_offset
