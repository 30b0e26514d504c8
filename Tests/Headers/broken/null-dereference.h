/*
 * A helper that reads through a null pointer: the worker dies of SIGSEGV, the case fails and names
 * the header's line.
 *
 * check: --base s390-fix-v6.10
 * expect: FAIL worker stopped
 * expect-detail: crashed with SIGSEGV (a bad pointer) at
 */
static inline pud_t *null_pud_offset_lockless(p4d_t *p4dp, p4d_t p4d, unsigned long address)
{
	return (pud_t *)*(volatile unsigned long *)0;
}
#undef pud_offset_lockless
#define pud_offset_lockless null_pud_offset_lockless
