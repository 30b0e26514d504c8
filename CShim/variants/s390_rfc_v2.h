/* SPDX-License-Identifier: GPL-2.0 */
/*
 * s390-rfc-v2: [RFC PATCH v2 0/3] "mm/gup: fix gup_fast with dynamic page table folding", 7 Sep 2020
 * (Alexander Gordeev), the seed's "After". gup still passes values (1/3 changes only how next is
 * found); 2/3 makes pXd_addr_end(pXd, addr, end) entry-aware for *every* walker, pagewalk
 * included, so the iteration moves up to the pgd level. s390 overrides pgd and p4d only.
 */
#ifndef PAGEFOLD_VARIANT_S390_RFC_V2_H
#define PAGEFOLD_VARIANT_S390_RFC_V2_H
#define LINUX_VERSION_CODE KERNEL_VERSION(5, 9, 0)
#include <asm-s390/pgtable.h>
#include <asm-s390/pgtable-offset-v5.2.h>

#define GUP_FAST_PASSES_VALUES

static inline unsigned long rste_addr_end_folded(unsigned long rste, unsigned long addr, unsigned long end)
{
	unsigned long type = (rste & _REGION_ENTRY_TYPE_MASK) >> 2;
	unsigned long size = 1UL << (_SEGMENT_SHIFT + type * 11);
	unsigned long boundary = (addr + size) & ~(size - 1);

	/*
	 * FIXME The below check is for internal testing only, to be removed
	 */
	VM_BUG_ON(type < (_REGION_ENTRY_TYPE_R3 >> 2));

	return (boundary - 1) < (end - 1) ? boundary : end;
}

#define pgd_addr_end pgd_addr_end
static inline unsigned long pgd_addr_end(pgd_t pgd, unsigned long addr, unsigned long end)
{
	return rste_addr_end_folded(pgd_val(pgd), addr, end);
}

#define p4d_addr_end p4d_addr_end
static inline unsigned long p4d_addr_end(p4d_t p4d, unsigned long addr, unsigned long end)
{
	return rste_addr_end_folded(p4d_val(p4d), addr, end);
}

/* 2/3's generic pud/pmd_addr_end(pXd, addr, end): the static formula, the entry unused. */
#define pud_addr_end(pud, addr, end)					\
({	unsigned long __boundary = ((addr) + PUD_SIZE) & PUD_MASK;	\
	(__boundary - 1 < (end) - 1)? __boundary: (end);		\
})

#define pmd_addr_end(pmd, addr, end)					\
({	unsigned long __boundary = ((addr) + PMD_SIZE) & PMD_MASK;	\
	(__boundary - 1 < (end) - 1)? __boundary: (end);		\
})

/* The callers after 2/3: gup passes the value it read, pagewalk the entry (*pXd). */
#define gup_pgd_addr_end(pgd, addr, end)	pgd_addr_end(pgd, addr, end)
#define gup_p4d_addr_end(p4d, addr, end)	p4d_addr_end(p4d, addr, end)
#define gup_pud_addr_end(pud, addr, end)	pud_addr_end(pud, addr, end)
#define gup_pmd_addr_end(pmd, addr, end)	pmd_addr_end(pmd, addr, end)
#define walk_pgd_addr_end(pgd, addr, end)	pgd_addr_end(pgdp_get(pgd), addr, end)
#define walk_p4d_addr_end(p4d, addr, end)	p4d_addr_end(p4dp_get(p4d), addr, end)
#define walk_pud_addr_end(pud, addr, end)	pud_addr_end(pudp_get(pud), addr, end)
#define walk_pmd_addr_end(pmd, addr, end)	pmd_addr_end(pmdp_get(pmd), addr, end)

#endif
