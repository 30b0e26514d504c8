/*
 * A macro that names the function it shadows: the same call.
 *
 * check: --base s390-fix-v6.10
 * expect: ERROR changed nothing the walkers run
 */
#undef pmd_offset_lockless
#define pmd_offset_lockless(pudp, pud, address) pmd_offset_lockless(pudp, pud, address)
