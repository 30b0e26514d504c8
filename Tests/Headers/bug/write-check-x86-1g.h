/*
 * x86's pud_access_permitted() without _PAGE_RW: FOLL_WRITE pins a read-only 1 GB page.
 *
 * check: --base x86-la57
 * expect: FAIL wrong pages
 */
#undef pud_access_permitted
#define pud_access_permitted(pud, write) __pte_access_permitted(pud_val(pud), false)
