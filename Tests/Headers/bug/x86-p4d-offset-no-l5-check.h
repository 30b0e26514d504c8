/*
 * x86's p4d_offset() without the pgtable_l5_enabled() test: on a 4-level CPU the pgd entry points
 * at a pud table, which is then walked as the p4d.
 *
 * check: --base x86-la57 --levels 4
 * expect: FAIL wrong pages | missing pages | invariant (a) | pagewalk callbacks differ | read outside the tables
 */
static inline p4d_t *p4d_offset(pgd_t *pgd, unsigned long address)
{
	return (p4d_t *)pgd_page_vaddr(*pgd) + p4d_index(address);
}
