/*
 * arch/x86's p4d_offset(), with the entry read once; gup's generic p4d_offset_lockless() hands it
 * &(pgd), its copy on the stack, which on a 4-level CPU is the folded p4d itself.
 *
 * check: --base x86-la57
 * expect: PASS
 */
static inline p4d_t *p4d_offset(pgd_t *pgd, unsigned long address)
{
	if (!pgtable_l5_enabled())
		return (p4d_t *)pgd;
	return (p4d_t *)pgd_page_vaddr(READ_ONCE(*pgd)) + p4d_index(address);
}
