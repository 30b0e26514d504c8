/* SPDX-License-Identifier: GPL-2.0 */
/*
 * s390-rfc-v1: [RFC PATCH 0/2] "mm/gup: fix gup_fast with dynamic page table folding", 28 Aug 2020.
 *  1/2 (Vasily Gorbik) passes the pointers down with pXd_offset_orig(), whose bodies and call sites
 *      are those the merged fix named pXd_offset_lockless() (pgtable-offset-lockless.h).
 *  2/2 (Alexander Gordeev) makes gup find next by the region type of the entry it read.
 */
#ifndef PAGEFOLD_VARIANT_S390_RFC_V1_H
#define PAGEFOLD_VARIANT_S390_RFC_V1_H
#define LINUX_VERSION_CODE KERNEL_VERSION(5, 9, 0)
#include <asm-s390/pgtable.h>
#include <asm-s390/pgtable-offset-lockless.h>

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

#define gup_p4d_addr_end gup_p4d_addr_end
static inline unsigned long gup_p4d_addr_end(p4d_t p4d,
					     unsigned long addr, unsigned long end)
{
	return gup_folded_addr_end(p4d_val(p4d), addr, end);
}

#define gup_pud_addr_end gup_pud_addr_end
static inline unsigned long gup_pud_addr_end(pud_t pud,
					     unsigned long addr, unsigned long end)
{
	return gup_folded_addr_end(pud_val(pud), addr, end);
}

#endif
