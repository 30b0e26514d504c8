/*
 * pud_access_permitted() without its write test, on s390 from v6.10 on, where pud_write() reads
 * the bit hugetlb writes: FOLL_WRITE pins a read-only 2 GB page.
 *
 * check: --base s390-fix-v6.10
 * expect: FAIL wrong pages
 */
#undef pud_access_permitted
#define pud_access_permitted(pud, write) pud_present(pud)
