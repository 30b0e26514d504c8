/*
 * pmd_addr_end() stepping by the size of a page table (256 ptes of 8 bytes: 2 KB on s390) instead
 * of the span it maps. next lands mid-page: gup's pte loop then takes a page it already took, and
 * the walk goes over part of the range twice. It must stop as a runaway, before pages[] overflows.
 *
 * check: --base s390-fix-v6.10 --levels 3
 * expect: FAIL runaway loop
 * expect-detail: is not page aligned
 */
#undef pmd_addr_end
#define PF_PTE_TABLE_BYTES (PTRS_PER_PTE * sizeof(pte_t))
#define pmd_addr_end(addr, end)							\
({	unsigned long __boundary = ((addr) + PF_PTE_TABLE_BYTES) & ~(PF_PTE_TABLE_BYTES - 1);	\
	(__boundary - 1 < (end) - 1) ? __boundary : (end);			\
})
