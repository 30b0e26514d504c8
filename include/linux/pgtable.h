/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel mirror of include/linux/pgtable.h (v6.1): the generic index/offset helpers, the
 * pXd_offset_lockless() fallbacks of d3f7b1bb2040 and pXd_addr_end(). Everything here is
 * #ifndef-guarded as in the kernel, so the arch header, included first, and any patch macros a
 * variant defines after it take precedence.
 */
#ifndef _LINUX_PGTABLE_H
#define _LINUX_PGTABLE_H

#include <pagefold/kernel.h>
#include <pagefold/hooks.h>

/* The kernel's build check: folded levels plus CONFIG_PGTABLE_LEVELS make five. */
#if 5 - defined(__PAGETABLE_P4D_FOLDED) - defined(__PAGETABLE_PUD_FOLDED) - \
	defined(__PAGETABLE_PMD_FOLDED) != CONFIG_PGTABLE_LEVELS
#error CONFIG_PGTABLE_LEVELS is not consistent with __PAGETABLE_{P4D,PUD,PMD}_FOLDED
#endif

static inline unsigned long pte_index(unsigned long address)
{
	return (address >> PAGE_SHIFT) & (PTRS_PER_PTE - 1);
}

#ifndef pmd_index
static inline unsigned long pmd_index(unsigned long address)
{
	return (address >> PMD_SHIFT) & (PTRS_PER_PMD - 1);
}
#define pmd_index pmd_index
#endif

#ifndef pud_index
static inline unsigned long pud_index(unsigned long address)
{
	return (address >> PUD_SHIFT) & (PTRS_PER_PUD - 1);
}
#define pud_index pud_index
#endif

#ifndef pgd_index
/* Must be a compile-time constant, so implement it as a macro */
#define pgd_index(a)  (((a) >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1))
#endif

/*
 * Accessors for *pXdp. The kernel grew them in v6.1 (ptep_get) and v6.12 (pmdp_get … pgdp_get) to
 * replace open-coded dereferences; PageFold writes every dereference through them, because each is
 * a READ_ONCE() and so a read the arena sees.
 */
#ifndef ptep_get
#define ptep_get(ptep) READ_ONCE(*(ptep))
#endif
#ifndef pmdp_get
#define pmdp_get(pmdp) READ_ONCE(*(pmdp))
#endif
#ifndef pudp_get
#define pudp_get(pudp) READ_ONCE(*(pudp))
#endif
#ifndef p4dp_get
#define p4dp_get(p4dp) READ_ONCE(*(p4dp))
#endif
#ifndef pgdp_get
#define pgdp_get(pgdp) READ_ONCE(*(pgdp))
#endif
#ifndef ptep_get_lockless
#define ptep_get_lockless(ptep) ptep_get(ptep)
#endif

#ifndef pte_offset_kernel
static inline pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long address)
{
	return (pte_t *)pmd_page_vaddr(*pmd) + pte_index(address);
}
#define pte_offset_kernel pte_offset_kernel
#endif

/* Without CONFIG_HIGHPTE the mapping is the kernel's own. */
#define pte_offset_map(dir, address) pte_offset_kernel((dir), (address))
#define pte_unmap(pte) ((void)(pte))

/* Find an entry in the second-level page table.. */
#ifndef pmd_offset
static inline pmd_t *pmd_offset(pud_t *pud, unsigned long address)
{
	return pud_pgtable(*pud) + pmd_index(address);
}
#define pmd_offset pmd_offset
#endif

#ifndef pud_offset
static inline pud_t *pud_offset(p4d_t *p4d, unsigned long address)
{
	return p4d_pgtable(*p4d) + pud_index(address);
}
#define pud_offset pud_offset
#endif

static inline pgd_t *pgd_offset_pgd(pgd_t *pgd, unsigned long address)
{
	return (pgd + pgd_index(address));
}

/* a shortcut to get a pgd_t in a given mm */
#ifndef pgd_offset
#define pgd_offset(mm, address) pgd_offset_pgd((mm)->pgd, (address))
#endif

/*
 * d3f7b1bb2040: the lockless walker hands over the entry it read once; the fallback offsets from
 * that copy, so a folded level yields the copy's address (safe only while the level never iterates).
 */
#ifndef p4d_offset_lockless
#define p4d_offset_lockless(pgdp, pgd, address) p4d_offset(&(pgd), address)
#endif
#ifndef pud_offset_lockless
#define pud_offset_lockless(p4dp, p4d, address) pud_offset(&(p4d), address)
#endif
#ifndef pmd_offset_lockless
#define pmd_offset_lockless(pudp, pud, address) pmd_offset(&(pud), address)
#endif

#ifndef pte_access_permitted
#define pte_access_permitted(pte, write) \
	(pte_present(pte) && (!(write) || pte_write(pte)))
#endif
#ifndef pmd_access_permitted
#define pmd_access_permitted(pmd, write) \
	(pmd_present(pmd) && (!(write) || pmd_write(pmd)))
#endif
#ifndef pud_access_permitted
#define pud_access_permitted(pud, write) \
	(pud_present(pud) && (!(write) || pud_write(pud)))
#endif

/*
 * When walking page tables, get the address of the next boundary, or the end address of the range
 * if that comes earlier. Although no vma end wraps to 0, rounded up __boundary may wrap to 0
 * throughout. pgd_addr_end is guarded as RFC v2 2/3 made it, so a variant may replace it.
 */
#ifndef pgd_addr_end
#define pgd_addr_end(addr, end)						\
({	unsigned long __boundary = ((addr) + PGDIR_SIZE) & PGDIR_MASK;	\
	(__boundary - 1 < (end) - 1)? __boundary: (end);		\
})
#endif

#ifndef p4d_addr_end
#define p4d_addr_end(addr, end)						\
({	unsigned long __boundary = ((addr) + P4D_SIZE) & P4D_MASK;	\
	(__boundary - 1 < (end) - 1)? __boundary: (end);		\
})
#endif

#ifndef pud_addr_end
#define pud_addr_end(addr, end)						\
({	unsigned long __boundary = ((addr) + PUD_SIZE) & PUD_MASK;	\
	(__boundary - 1 < (end) - 1)? __boundary: (end);		\
})
#endif

#ifndef pmd_addr_end
#define pmd_addr_end(addr, end)						\
({	unsigned long __boundary = ((addr) + PMD_SIZE) & PMD_MASK;	\
	(__boundary - 1 < (end) - 1)? __boundary: (end);		\
})
#endif

/*
 * When walking page tables, we usually want to skip any p?d_none entries; and we want to skip
 * "bad" entries too. The kernel reports and clears a bad entry; walkers here never write the
 * arena, so a bad entry is skipped like a none one.
 */
static inline int pgd_none_or_clear_bad(pgd_t *pgd)
{
	pgd_t v = pgdp_get(pgd);

	return pgd_none(v) || unlikely(pgd_bad(v));
}

static inline int p4d_none_or_clear_bad(p4d_t *p4d)
{
	p4d_t v = p4dp_get(p4d);

	return p4d_none(v) || unlikely(p4d_bad(v));
}

#endif
