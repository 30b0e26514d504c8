/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel mirror of arch/arm64/include/asm/pgtable{,-hwdef,-prot}.h (v6.9–v6.10) for one
 * configuration: 16K pages, CONFIG_ARM64_VA_BITS_52 with LPA2, CONFIG_PGTABLE_LEVELS = 4, the p4d
 * folded at compile time (nop4d) and the pud folded at run time when the CPU has no LPA2
 * (0dd4f60a2c76, "arm64: mm: Add support for folding PUDs at runtime").
 *
 * Folded at run time, the pgd page *is* the pud table: pgd_offset() indexes it with the constant
 * PGDIR_SHIFT (47), which gives entry 0 for every 47-bit user address, and the pud pointer is
 * rebuilt from the upper pointer's page by p4d_to_folded_pud(). That pointer arithmetic is only
 * right when the upper pointer points into a real table page, never at a copy on the stack.
 */
#ifndef _ASM_ARM64_PGTABLE_H
#define _ASM_ARM64_PGTABLE_H

#include <pagefold/kernel.h>
#include <pagefold/hooks.h>

#define CONFIG_PGTABLE_LEVELS 4

#define PAGE_SHIFT	14
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define VA_BITS		52

typedef struct { unsigned long pte; } pte_t;
typedef struct { unsigned long pmd; } pmd_t;
typedef struct { unsigned long pud; } pud_t;
#define pte_val(x)	((x).pte)
#define pmd_val(x)	((x).pmd)
#define pud_val(x)	((x).pud)

/* ARM64_HW_PGTABLE_LEVEL_SHIFT(n) = (PAGE_SHIFT - 3) * (4 - n) + 3 */
#define PMD_SHIFT	25
#define PUD_SHIFT	36
#define PGDIR_SHIFT	47
#define PTRS_PER_PTE	(1 << (PAGE_SHIFT - 3))
#define PTRS_PER_PMD	(1 << (PAGE_SHIFT - 3))
#define PTRS_PER_PUD	(1 << (PAGE_SHIFT - 3))
#define PTRS_PER_PGD	(1 << (VA_BITS - PGDIR_SHIFT))
#define PMD_SIZE	(1UL << PMD_SHIFT)
#define PMD_MASK	(~(PMD_SIZE - 1))
#define PUD_SIZE	(1UL << PUD_SHIFT)
#define PUD_MASK	(~(PUD_SIZE - 1))
#define PGDIR_SIZE	(1UL << PGDIR_SHIFT)
#define PGDIR_MASK	(~(PGDIR_SIZE - 1))

#include <asm-generic/pgtable-nop4d.h>

/* Descriptor bits (pgtable-hwdef.h, pgtable-prot.h) */
#define PTE_VALID		(1UL << 0)
#define PTE_TYPE_PAGE		(3UL << 0)
#define PTE_TABLE_BIT		(1UL << 1)
#define PTE_USER		(1UL << 6)		/* AP[1] */
#define PTE_RDONLY		(1UL << 7)		/* AP[2] */
#define PTE_AF			(1UL << 10)		/* Access Flag */
#define PTE_DBM			(1UL << 51)		/* Dirty Bit Management */
#define PTE_WRITE		(PTE_DBM)		/* same as DBM (51) */
#define PTE_SPECIAL		(1UL << 56)
#define PTE_PROT_NONE		(1UL << 58)		/* only when !PTE_VALID */
#define PMD_TYPE_MASK		(3UL << 0)
#define PMD_TYPE_TABLE		(3UL << 0)
#define PMD_TYPE_SECT		(1UL << 0)
#define PUD_TYPE_MASK		(3UL << 0)
#define PUD_TYPE_TABLE		(3UL << 0)
/* Output address bits [47:PAGE_SHIFT]; PageFold's frames sit below 2^48. */
#define PTE_ADDR_LOW		(((1UL << (48 - PAGE_SHIFT)) - 1) << PAGE_SHIFT)

static inline bool pgtable_l4_enabled(void)
{
	/* CONFIG_PGTABLE_LEVELS == 4 with LPA2: alternative_has_cap_likely(ARM64_HAS_VA52) */
	return current->mm->pf_lpa2;
}

#define pte_none(pte)		(!pte_val(pte))
#define pte_present(pte)	(!!(pte_val(pte) & (PTE_VALID | PTE_PROT_NONE)))
#define pte_write(pte)		(!!(pte_val(pte) & PTE_WRITE))
#define pte_special(pte)	(!!(pte_val(pte) & PTE_SPECIAL))
#define pte_protnone(pte)	((pte_val(pte) & (PTE_VALID | PTE_PROT_NONE)) == PTE_PROT_NONE)
#define __pte_to_phys(pte)	(pte_val(pte) & PTE_ADDR_LOW)
#define pte_pfn(pte)		(__pte_to_phys(pte) >> PAGE_SHIFT)
#define pte_page(pte)		pfn_to_page(pte_pfn(pte))

#define pte_access_permitted(pte, write) \
	(((pte_val(pte) & (PTE_VALID | PTE_USER)) == (PTE_VALID | PTE_USER)) && (!(write) || pte_write(pte)))
#define pmd_access_permitted(pmd, write) \
	pte_access_permitted(((pte_t) { pmd_val(pmd) }), (write))
#define pud_access_permitted(pud, write) \
	pte_access_permitted(((pte_t) { pud_val(pud) }), (write))

#define pmd_none(pmd)		(!pmd_val(pmd))
#define pmd_present(pmd)	pte_present(((pte_t) { pmd_val(pmd) }))
#define pmd_table(pmd)		((pmd_val(pmd) & PMD_TYPE_MASK) == PMD_TYPE_TABLE)
#define pmd_leaf(pmd)		(pmd_present(pmd) && !pmd_table(pmd))
#define pmd_write(pmd)		pte_write(((pte_t) { pmd_val(pmd) }))
#define pmd_protnone(pmd)	pte_protnone(((pte_t) { pmd_val(pmd) }))
#define pmd_pfn(pmd)		((pmd_val(pmd) & PTE_ADDR_LOW & PMD_MASK) >> PAGE_SHIFT)
#define pmd_page(pmd)		pfn_to_page(pmd_pfn(pmd))
#define pmd_page_vaddr(pmd)	((unsigned long)__va(pmd_val(pmd) & PTE_ADDR_LOW))

#define pud_none(pud)		(!pud_val(pud))
#define pud_present(pud)	pte_present(((pte_t) { pud_val(pud) }))
#define pud_table(pud)		((pud_val(pud) & PUD_TYPE_MASK) == PUD_TYPE_TABLE)
#define pud_leaf(pud)		(pud_present(pud) && !pud_table(pud))
#define pud_write(pud)		pte_write(((pte_t) { pud_val(pud) }))
#define pud_pfn(pud)		((pud_val(pud) & PTE_ADDR_LOW & PUD_MASK) >> PAGE_SHIFT)
#define pud_page(pud)		pfn_to_page(pud_pfn(pud))
#define pud_pgtable(pud)	((pmd_t *)__va(pud_val(pud) & PTE_ADDR_LOW))

/* The 4th level: the pgd word viewed as a p4d, which holds pud tables only when l4 is on. */
static inline bool p4d_none(p4d_t p4d)
{
	return pgtable_l4_enabled() && !p4d_val(p4d);
}

static inline bool p4d_bad(p4d_t p4d)
{
	return pgtable_l4_enabled() && !(p4d_val(p4d) & PTE_TABLE_BIT);
}

static inline bool p4d_present(p4d_t p4d)
{
	return !p4d_none(p4d);
}

static inline unsigned long p4d_page_paddr(p4d_t p4d)
{
	return p4d_val(p4d) & PTE_ADDR_LOW;
}

#define pud_index(addr)		(((addr) >> PUD_SHIFT) & (PTRS_PER_PUD - 1))

static inline pud_t *p4d_to_folded_pud(p4d_t *p4dp, unsigned long addr)
{
	/* Ensure that 'p4dp' indexes a page table according to 'addr' */
	VM_BUG_ON(((addr >> P4D_SHIFT) ^ ((unsigned long)p4dp >> 3)) % PTRS_PER_P4D);

	return (pud_t *)PTR_ALIGN_DOWN(p4dp, PAGE_SIZE) + pud_index(addr);
}

static inline pud_t *pud_offset_lockless(p4d_t *p4dp, p4d_t p4d, unsigned long addr)
{
	if (!pgtable_l4_enabled())
		return p4d_to_folded_pud(p4dp, addr);
	return (pud_t *)__va(p4d_page_paddr(p4d)) + pud_index(addr);
}
#define pud_offset_lockless pud_offset_lockless

static inline pud_t *pud_offset(p4d_t *p4dp, unsigned long addr)
{
	return pud_offset_lockless(p4dp, READ_ONCE(*p4dp), addr);
}
#define pud_offset pud_offset

#endif
