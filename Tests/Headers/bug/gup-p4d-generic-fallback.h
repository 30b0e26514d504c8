/*
 * The generic p4d_offset_lockless() on s390: p4d_offset(&(pgd)) returns the pgd copy's address
 * whenever the p4d level is folded (3 and 4 levels), and the folded loop below iterates on it.
 *
 * check: --base s390-fix-v6.10
 * expect: FAIL stray read
 */
#undef p4d_offset_lockless
#define p4d_offset_lockless(pgdp, pgd, address) p4d_offset(&(pgd), address)
