/*
 * pte_access_permitted() without its write test: FOLL_WRITE pins a read-only 4 KB page.
 *
 * check: --base s390-fix-v6.10
 * expect: FAIL wrong pages
 */
#undef pte_access_permitted
#define pte_access_permitted(pte, write) pte_present(pte)
