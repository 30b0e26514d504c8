/*
 * Right, but sloppy: the folded case returns p4dp without the cast, and the compiler warns. A
 * warning is shown, never a failure.
 *
 * check: --base s390-fix-v6.10
 * expect: PASS
 * expect-warning: incompatible
 */
static inline pud_t *sloppy_pud_offset_lockless(p4d_t *p4dp, p4d_t p4d, unsigned long address)
{
	if ((p4d_val(p4d) & _REGION_ENTRY_TYPE_MASK) >= _REGION_ENTRY_TYPE_R2)
		return (pud_t *) p4d_deref(p4d) + pud_index(address);
	return p4dp;
}

static inline pud_t *sloppy_pud_offset(p4d_t *p4dp, unsigned long address)
{
	return sloppy_pud_offset_lockless(p4dp, READ_ONCE(*p4dp), address);
}
#undef pud_offset
#define pud_offset sloppy_pud_offset
