/*
 * pmd_access_permitted() without its write test: FOLL_WRITE pins a read-only 1 MB page.
 *
 * check: --base s390-fix-v6.10
 * expect: FAIL wrong pages
 */
#undef pmd_access_permitted
#define pmd_access_permitted(pmd, write) pmd_present(pmd)
