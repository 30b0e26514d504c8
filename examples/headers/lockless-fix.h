/*
 * The merged fix's pud_offset_lockless() (d3f7b1bb2040), pasted under a name of its own: a folded
 * pud level hands back the live p4d pointer. `pagefold check` must pass.
 */
static inline pud_t *pasted_pud_offset_lockless(p4d_t *p4dp, p4d_t p4d, unsigned long address)
{
	if ((p4d_val(p4d) & _REGION_ENTRY_TYPE_MASK) >= _REGION_ENTRY_TYPE_R2)
		return (pud_t *) p4d_deref(p4d) + pud_index(address);
	return (pud_t *) p4dp;
}
#undef pud_offset_lockless
#define pud_offset_lockless pasted_pud_offset_lockless
