/*
 * s390's pud_present() replaced in place by one that ignores the invalid bit: an empty region-3
 * entry is followed to the table at origin 0.
 *
 * check: --base s390-fix-v6.10 --levels 3
 * expect: FAIL read outside the tables
 */
static inline int pud_present(pud_t pud)
{
	return 1;
}
