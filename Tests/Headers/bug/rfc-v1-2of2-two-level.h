/*
 * RFC v1 2/2 on a 2-level task (v5.2-v5.6): the top table is a segment table, whose type is none
 * of the region types the switch knows, and BUG() fires.
 *
 * check: --base s390-prefix --levels 2
 * expect: FAIL BUG()
 */
static inline unsigned long gup_folded_addr_end(unsigned long rste,
						unsigned long addr, unsigned long end)
{
	unsigned int type = rste & _REGION_ENTRY_TYPE_MASK;
	unsigned long size, mask, boundary;

	switch (type) {
	case _REGION_ENTRY_TYPE_R1:
		size = PGDIR_SIZE;
		mask = PGDIR_MASK;
		break;
	case _REGION_ENTRY_TYPE_R2:
		size = P4D_SIZE;
		mask = P4D_MASK;
		break;
	case _REGION_ENTRY_TYPE_R3:
		size = PUD_SIZE;
		mask = PUD_MASK;
		break;
	default:
		BUG();
	};

	boundary = (addr + size) & mask;

	return (boundary - 1) < (end - 1) ? boundary : end;
}

#define gup_pgd_addr_end gup_pgd_addr_end
static inline unsigned long gup_pgd_addr_end(pgd_t pgd,
					     unsigned long addr, unsigned long end)
{
	return gup_folded_addr_end(pgd_val(pgd), addr, end);
}
