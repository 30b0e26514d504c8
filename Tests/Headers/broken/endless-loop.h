/*
 * A helper loop that never ends.
 *
 * check: --base s390-fix-v6.10 --timeout 2
 * expect: FAIL worker stopped
 * expect-detail: did not return within the time limit of 2 s at
 */
static inline pud_t *spinning_pud_offset_lockless(p4d_t *p4dp, p4d_t p4d, unsigned long address)
{
	volatile int forever = 1;

	while (forever)
		;
	return (pud_t *)p4dp;
}
#undef pud_offset_lockless
#define pud_offset_lockless spinning_pud_offset_lockless
