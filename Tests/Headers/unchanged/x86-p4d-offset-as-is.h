/*
 * arch/x86's p4d_offset() pasted as it stands on x86-la57, which already has it.
 *
 * check: --base x86-la57
 * expect: ERROR changed nothing the walkers run
 */
static inline p4d_t *p4d_offset(pgd_t *pgd, unsigned long address)
{
	if (!pgtable_l5_enabled())
		return (p4d_t *)pgd;
	return (p4d_t *)pgd_page_vaddr(*pgd) + p4d_index(address);
}
