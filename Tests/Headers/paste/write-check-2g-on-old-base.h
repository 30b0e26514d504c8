/*
 * The 2 GB write-permission check dropped, on the merged fix as s390 ran it before v6.10: there a
 * read-only 2 GB hugetlb page already reads as writable (hugetlb's read bit sits where pud_write()
 * looks), so nothing changes what gup does. The check passes and says why it cannot tell.
 *
 * check: --base s390-fix
 * expect: PASS
 * expect-note: cannot show on this base
 */
#undef pud_access_permitted
#define pud_access_permitted(pud, write) pud_present(pud)
