/*
 * The merged fix's pud_offset_lockless(), pasted on the merged fix under a name of its own: the
 * walkers compile to exactly the code they had.
 *
 * check: --base s390-fix-v6.10
 * expect: ERROR changed nothing the walkers run
 * expect-error: compiles to the code the base already has
 */
static inline pud_t *pasted_pud_offset_lockless(p4d_t *p4dp, p4d_t p4d, unsigned long address)
{
	if ((p4d_val(p4d) & _REGION_ENTRY_TYPE_MASK) >= _REGION_ENTRY_TYPE_R2)
		return (pud_t *) p4d_deref(p4d) + pud_index(address);
	return (pud_t *) p4dp;
}
#undef pud_offset_lockless
#define pud_offset_lockless pasted_pud_offset_lockless
