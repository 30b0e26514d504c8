/*
 * 36639013b346 reverted: the generic p4d_offset_lockless() hands p4d_to_folded_pud() gup's stack
 * copy of the pgd, which it aligns down to a page and indexes (the 2024 report's oopses).
 *
 * check: --base arm64-lpa2-fix
 * expect: FAIL stray read
 */
#undef p4d_offset_lockless
#define p4d_offset_lockless(pgdp, pgd, address) p4d_offset(&(pgd), address)
