/*
 * pmd_leaf() that never says yes: a 1 MB leaf is walked as if it pointed at a page table, and
 * the walker reads the data frame as one.
 *
 * check: --base s390-fix-v6.10
 * expect: FAIL read outside the tables
 */
#undef pmd_leaf
#define pmd_leaf(pmd) 0
