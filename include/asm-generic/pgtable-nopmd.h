/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel mirror of include/asm-generic/pgtable-nopmd.h: the pmd folded into the pud (and, through
 * nopud.h and nop4d.h, into the pgd).
 */
#ifndef _PGTABLE_NOPMD_H
#define _PGTABLE_NOPMD_H

#include <asm-generic/pgtable-nopud.h>

#define __PAGETABLE_PMD_FOLDED 1

/*
 * Having the pmd type consist of a pud gets the size right, and allows us to conceptually access
 * the pud entry for this pmd.
 */
typedef struct { pud_t pud; } pmd_t;

#define PMD_SHIFT	PUD_SHIFT
#define PTRS_PER_PMD	1
#define PMD_SIZE	(1UL << PMD_SHIFT)
#define PMD_MASK	(~(PMD_SIZE-1))

/*
 * The "pud_xxx()" functions here are trivial for a folded two-level setup: the pmd is never bad,
 * and a pmd always exists (as it's folded into the pud entry)
 */
static inline int pud_none(pud_t pud)		{ return 0; }
static inline int pud_bad(pud_t pud)		{ return 0; }
static inline int pud_present(pud_t pud)	{ return 1; }
static inline int pud_leaf(pud_t pud)		{ return 0; }

static inline pmd_t *pmd_offset(pud_t *pud, unsigned long address)
{
	return (pmd_t *)pud;
}
#define pmd_offset pmd_offset

#define pmd_val(x)				(pud_val((x).pud))
#define __pmd(x)				((pmd_t) { __pud(x) })

#undef  pmd_addr_end
#define pmd_addr_end(addr, end)			(end)

#endif
