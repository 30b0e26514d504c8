/*
 * gup's pmd level back on the generic fallback, pmd_offset(&(pud)): harmless on s390 since v5.7,
 * because a task has 3 to 5 levels and the pmd (segment) level is never folded, so the pointer
 * pmd_offset() returns is always in a real segment table. The code changes; the walk is right.
 *
 * check: --base s390-fix-v6.10
 * expect: PASS
 */
#undef pmd_offset_lockless
#define pmd_offset_lockless(pudp, pud, address) pmd_offset(&(pud), address)
