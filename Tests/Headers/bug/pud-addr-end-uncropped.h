/*
 * pud_addr_end() that never crops, as if the pud were folded at compile time: on s390 it is a real
 * level, so one pud iteration runs over a 2 GB boundary and the pmd loop walks off the end of its
 * segment table.
 *
 * check: --base s390-fix-v6.10 --levels 3
 * expect: FAIL invariant (a) | read outside the tables | wrong pages | missing pages
 */
#undef pud_addr_end
#define pud_addr_end(addr, end) (end)
