/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel mirror of arch/x86/include/asm/pgtable{,_64,_types,_64_types}.h (v6.1), cut to what the
 * walkers use. Two configurations:
 *
 *  - CONFIG_X86_5LEVEL: x86-64 builds five levels and folds the p4d at run time when the CPU has
 *    no LA57. PGDIR_SHIFT and PTRS_PER_P4D then follow pgtable_l5_enabled(): the *top* level takes
 *    the folded level's geometry, so pgd_addr_end() crops at 512 GB and the folded p4d loop, whose
 *    p4d_offset() is a cast, runs once.
 *  - otherwise CONFIG_PGTABLE_LEVELS 2 to 5, the first three with the asm-generic nop headers:
 *    compile-time folding with x86-64's entry format and 9-bit levels (PageFold's generic-Nl
 *    variants; 2 and 3 levels are not an x86 configuration, the entry format is a concrete one).
 */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <pagefold/kernel.h>
#include <pagefold/hooks.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

typedef struct { unsigned long pte; } pte_t;
#define pte_val(x)	((x).pte)

#define _PAGE_PRESENT	0x001UL
#define _PAGE_RW	0x002UL
#define _PAGE_USER	0x004UL
#define _PAGE_ACCESSED	0x020UL
#define _PAGE_DIRTY	0x040UL
#define _PAGE_PSE	0x080UL		/* 2MB or 1GB page */
#define _PAGE_GLOBAL	0x100UL
#define _PAGE_SPECIAL	0x200UL		/* _PAGE_BIT_SOFTW1 */
#define _PAGE_PROTNONE	_PAGE_GLOBAL	/* only when !_PAGE_PRESENT */
/* Knights Landing erratum: the CPU may set A/D in a not-present entry; none ignores them. */
#define _PAGE_KNL_ERRATUM_MASK (_PAGE_DIRTY | _PAGE_ACCESSED)
#define _KERNPG_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define _PAGE_TABLE	(_KERNPG_TABLE | _PAGE_USER)

#define __PHYSICAL_MASK_SHIFT	52
#define __PHYSICAL_MASK		((1UL << __PHYSICAL_MASK_SHIFT) - 1)
#define PTE_PFN_MASK		(__PHYSICAL_MASK & PAGE_MASK)

#define PTRS_PER_PTE	512

#ifdef CONFIG_X86_5LEVEL
#define CONFIG_PGTABLE_LEVELS 5
static inline bool pgtable_l5_enabled(void)
{
	return current->mm->pf_la57;	/* cpu_feature_enabled(X86_FEATURE_LA57) */
}
#elif CONFIG_PGTABLE_LEVELS == 5
/* A static five-level build (generic-5l): the p4d is always there. */
static inline bool pgtable_l5_enabled(void)
{
	return true;
}
#endif

#if CONFIG_PGTABLE_LEVELS == 5
typedef struct { unsigned long p4d; } p4d_t;
typedef struct { unsigned long pud; } pud_t;
typedef struct { unsigned long pmd; } pmd_t;
#define p4d_val(x)	((x).p4d)
#define pud_val(x)	((x).pud)
#define pmd_val(x)	((x).pmd)

#define PGDIR_SHIFT	(pgtable_l5_enabled() ? 48 : 39)
#define PTRS_PER_PGD	512
#define P4D_SHIFT	39
#define PUD_SHIFT	30
#define PMD_SHIFT	21
#define PTRS_PER_P4D	(pgtable_l5_enabled() ? 512 : 1)
#define PTRS_PER_PUD	512
#define PTRS_PER_PMD	512
#define P4D_SIZE	(1UL << P4D_SHIFT)
#define P4D_MASK	(~(P4D_SIZE - 1))
#define __VIRTUAL_MASK_SHIFT	(pgtable_l5_enabled() ? 56 : 47)

static inline int pgd_none(pgd_t pgd)
{
	if (!pgtable_l5_enabled())
		return 0;
	/* There is no need to do a workaround for the KNL stray A/D bit erratum here */
	return !pgd_val(pgd);
}

static inline int pgd_present(pgd_t pgd)
{
	if (!pgtable_l5_enabled())
		return 1;
	return pgd_val(pgd) & _PAGE_PRESENT;
}

static inline int pgd_bad(pgd_t pgd)
{
	unsigned long ignore_flags = _PAGE_USER;

	if (!pgtable_l5_enabled())
		return 0;
	return ((pgd_val(pgd) & ~PTE_PFN_MASK) & ~ignore_flags) != _KERNPG_TABLE;
}

#define p4d_index(address) (((address) >> P4D_SHIFT) & (PTRS_PER_P4D - 1))

static inline unsigned long pgd_page_vaddr(pgd_t pgd)
{
	return (unsigned long)__va((unsigned long)pgd_val(pgd) & PTE_PFN_MASK);
}

static inline p4d_t *p4d_offset(pgd_t *pgd, unsigned long address)
{
	if (!pgtable_l5_enabled())
		return (p4d_t *)pgd;
	return (p4d_t *)pgd_page_vaddr(*pgd) + p4d_index(address);
}

#ifdef CONFIG_X86_5LEVEL
/* arch/x86/include/asm/pgtable_64.h: the fast walk may not reach past the virtual address width. */
static inline bool gup_fast_permitted(unsigned long start, unsigned long end)
{
	if (end >> __VIRTUAL_MASK_SHIFT)
		return false;
	return true;
}
#define gup_fast_permitted gup_fast_permitted
#endif

#elif CONFIG_PGTABLE_LEVELS == 4
#define PGDIR_SHIFT	39
#define PTRS_PER_PGD	512
typedef struct { unsigned long pud; } pud_t;
typedef struct { unsigned long pmd; } pmd_t;
#define pud_val(x)	((x).pud)
#define pmd_val(x)	((x).pmd)
#define PUD_SHIFT	30
#define PMD_SHIFT	21
#define PTRS_PER_PUD	512
#define PTRS_PER_PMD	512
#include <asm-generic/pgtable-nop4d.h>

#elif CONFIG_PGTABLE_LEVELS == 3
#define PGDIR_SHIFT	30
#define PTRS_PER_PGD	512
typedef struct { unsigned long pmd; } pmd_t;
#define pmd_val(x)	((x).pmd)
#define PMD_SHIFT	21
#define PTRS_PER_PMD	512
#include <asm-generic/pgtable-nopud.h>

#elif CONFIG_PGTABLE_LEVELS == 2
#define PGDIR_SHIFT	21
#define PTRS_PER_PGD	512
#include <asm-generic/pgtable-nopmd.h>

#else
#error "CONFIG_PGTABLE_LEVELS must be 2, 3, 4 or 5"
#endif

#define PGDIR_SIZE	(1UL << PGDIR_SHIFT)
#define PGDIR_MASK	(~(PGDIR_SIZE - 1))
#if CONFIG_PGTABLE_LEVELS > 3
#define PUD_SIZE	(1UL << PUD_SHIFT)
#define PUD_MASK	(~(PUD_SIZE - 1))
#endif
#if CONFIG_PGTABLE_LEVELS > 2
#define PMD_SIZE	(1UL << PMD_SHIFT)
#define PMD_MASK	(~(PMD_SIZE - 1))
#endif

/* ---- the 4th level, real in 4- and 5-level builds ---- */
#if CONFIG_PGTABLE_LEVELS > 3
static inline int p4d_none(p4d_t p4d)
{
	return (p4d_val(p4d) & ~(_PAGE_KNL_ERRATUM_MASK)) == 0;
}

static inline int p4d_present(p4d_t p4d)
{
	return p4d_val(p4d) & _PAGE_PRESENT;
}

static inline int p4d_bad(p4d_t p4d)
{
	unsigned long ignore_flags = _KERNPG_TABLE | _PAGE_USER;

	return ((p4d_val(p4d) & ~PTE_PFN_MASK) & ~ignore_flags) != 0;
}

static inline pud_t *p4d_pgtable(p4d_t p4d)
{
	return (pud_t *)__va(p4d_val(p4d) & PTE_PFN_MASK);
}
#endif

/* ---- the pud: real in 4- and 5-level builds, the top entry viewed as a pud in 3 ---- */
#if CONFIG_PGTABLE_LEVELS > 2
static inline int pud_none(pud_t pud)
{
	return (pud_val(pud) & ~(_PAGE_KNL_ERRATUM_MASK)) == 0;
}

static inline int pud_present(pud_t pud)
{
	return pud_val(pud) & _PAGE_PRESENT;
}

#define pud_leaf pud_large
static inline int pud_large(pud_t pud)
{
	return (pud_val(pud) & (_PAGE_PSE | _PAGE_PRESENT)) == (_PAGE_PSE | _PAGE_PRESENT);
}
#endif

/* Entry bits of a pud that maps 1 GB, and of a pmd that maps 2 MB, are a pte's. */
static inline unsigned long pud_pfn_mask(pud_t pud)
{
	if (pud_val(pud) & _PAGE_PSE)
		return __PHYSICAL_MASK & ~((1UL << PUD_SHIFT) - 1);
	return PTE_PFN_MASK;
}

static inline int pud_write(pud_t pud)
{
	return pud_val(pud) & _PAGE_RW;
}

static inline unsigned long pud_pfn(pud_t pud)
{
	return (pud_val(pud) & pud_pfn_mask(pud)) >> PAGE_SHIFT;
}
#define pud_page(pud) pfn_to_page(pud_pfn(pud))

#if CONFIG_PGTABLE_LEVELS > 2
static inline pmd_t *pud_pgtable(pud_t pud)
{
	return (pmd_t *)__va(pud_val(pud) & pud_pfn_mask(pud));
}
#endif

static inline int pmd_none(pmd_t pmd)
{
	/* Only check low word on 32-bit platforms, since it might be out of sync with upper half. */
	return (pmd_val(pmd) & ~_PAGE_KNL_ERRATUM_MASK) == 0;
}

static inline int pmd_present(pmd_t pmd)
{
	/*
	 * Checking for _PAGE_PSE is needed too because split_huge_page will temporarily clear the
	 * present bit, and a huge pmd is still present then.
	 */
	return pmd_val(pmd) & (_PAGE_PRESENT | _PAGE_PROTNONE | _PAGE_PSE);
}

#define pmd_leaf pmd_large
static inline int pmd_large(pmd_t pmd)
{
	return (pmd_val(pmd) & _PAGE_PSE) != 0;
}

static inline int pmd_protnone(pmd_t pmd)
{
	return (pmd_val(pmd) & (_PAGE_PROTNONE | _PAGE_PRESENT)) == _PAGE_PROTNONE;
}

static inline int pmd_write(pmd_t pmd)
{
	return pmd_val(pmd) & _PAGE_RW;
}

static inline unsigned long pmd_pfn_mask(pmd_t pmd)
{
	if (pmd_val(pmd) & _PAGE_PSE)
		return __PHYSICAL_MASK & ~((1UL << PMD_SHIFT) - 1);
	return PTE_PFN_MASK;
}

static inline unsigned long pmd_pfn(pmd_t pmd)
{
	return (pmd_val(pmd) & pmd_pfn_mask(pmd)) >> PAGE_SHIFT;
}
#define pmd_page(pmd) pfn_to_page(pmd_pfn(pmd))

static inline unsigned long pmd_page_vaddr(pmd_t pmd)
{
	return (unsigned long)__va(pmd_val(pmd) & pmd_pfn_mask(pmd));
}

static inline int pte_none(pte_t pte)
{
	return !(pte_val(pte) & ~(_PAGE_KNL_ERRATUM_MASK));
}

static inline int pte_present(pte_t a)
{
	return pte_val(a) & (_PAGE_PRESENT | _PAGE_PROTNONE);
}

static inline int pte_protnone(pte_t pte)
{
	return (pte_val(pte) & (_PAGE_PROTNONE | _PAGE_PRESENT)) == _PAGE_PROTNONE;
}

static inline int pte_write(pte_t pte)
{
	return pte_val(pte) & _PAGE_RW;
}

static inline int pte_special(pte_t pte)
{
	return pte_val(pte) & _PAGE_SPECIAL;
}

#define pte_pfn(pte) ((pte_val(pte) & PTE_PFN_MASK) >> PAGE_SHIFT)
#define pte_page(pte) pfn_to_page(pte_pfn(pte))

/* x86 checks the user bit too (and protection keys, which PageFold does not model). */
static inline bool __pte_access_permitted(unsigned long pteval, bool write)
{
	unsigned long need_pte_bits = _PAGE_PRESENT | _PAGE_USER;

	if (write)
		need_pte_bits |= _PAGE_RW;

	return (pteval & need_pte_bits) == need_pte_bits;
}
#define pte_access_permitted(pte, write) __pte_access_permitted(pte_val(pte), (write))
#define pmd_access_permitted(pmd, write) __pte_access_permitted(pmd_val(pmd), (write))
#define pud_access_permitted(pud, write) __pte_access_permitted(pud_val(pud), (write))

#endif
