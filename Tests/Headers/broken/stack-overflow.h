/*
 * Unbounded recursion in a helper: the stack overflows.
 *
 * check: --base s390-fix-v6.10
 * expect: FAIL worker stopped
 * expect-detail: overflowed its stack
 */
static pud_t *deep_pud_offset(p4d_t *p4dp, p4d_t p4d, unsigned long address, int n)
{
	volatile char pad[256];

	pad[0] = (char)n;
	return n + pad[0] > -1 ? deep_pud_offset(p4dp, p4d, address, n + 1) : 0;
}
#undef pud_offset_lockless
#define pud_offset_lockless(p4dp, p4d, address) deep_pud_offset(p4dp, p4d, address, 0)
