/*
 * include/linux/pgtable.h's pte_offset_kernel(), as a macro that reads the pmd with READ_ONCE(),
 * the way a lockless walker would write it. gup hands it &pmd, its copy of the entry.
 *
 * check: --base x86-la57
 * expect: PASS
 */
#undef pte_offset_kernel
#define pte_offset_kernel(pmd, address) \
	((pte_t *)pmd_page_vaddr(READ_ONCE(*(pmd))) + pte_index(address))
