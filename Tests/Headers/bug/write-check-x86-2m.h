/*
 * x86's pmd_access_permitted() without _PAGE_RW: FOLL_WRITE pins a read-only 2 MB page.
 *
 * check: --base x86-la57
 * expect: FAIL wrong pages
 */
#undef pmd_access_permitted
#define pmd_access_permitted(pmd, write) __pte_access_permitted(pmd_val(pmd), false)
