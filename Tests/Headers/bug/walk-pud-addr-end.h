/*
 * The pagewalk's side of an entry-aware pud_addr_end() that forgets to crop: only walk_page_range_novma()
 * goes wrong, gup stays right.
 *
 * check: --base s390-fix-v6.10 --levels 3
 * expect: FAIL invariant (a) | read outside the tables | pagewalk callbacks differ
 */
#define walk_pud_addr_end(pud, addr, end) (end)
