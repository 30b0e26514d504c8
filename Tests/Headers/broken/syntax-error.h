/*
 * A paste that lost a line.
 *
 * check: --base s390-fix-v6.10
 * expect: ERROR syntax-error.h:10:
 */
static inline pud_t *cut_pud_offset_lockless(p4d_t *p4dp, p4d_t p4d, unsigned long address)
{
	if ((p4d_val(p4d) & _REGION_ENTRY_TYPE_MASK) >= _REGION_ENTRY_TYPE_R2
		return (pud_t *) p4d_deref(p4d) + pud_index(address);
	return (pud_t *) p4dp;
}
