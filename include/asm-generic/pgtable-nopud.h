/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel mirror of include/asm-generic/pgtable-nopud.h (v4.11+ form): the pud folded into the p4d,
 * which nop4d.h folds into the pgd in turn.
 */
#ifndef _PGTABLE_NOPUD_H
#define _PGTABLE_NOPUD_H

#include <asm-generic/pgtable-nop4d.h>

#define __PAGETABLE_PUD_FOLDED 1

/*
 * Having the pud type consist of a p4d gets the size right, and allows us to conceptually access
 * the p4d entry for this pud.
 */
typedef struct { p4d_t p4d; } pud_t;

#define PUD_SHIFT	P4D_SHIFT
#define PTRS_PER_PUD	1
#define PUD_SIZE	(1UL << PUD_SHIFT)
#define PUD_MASK	(~(PUD_SIZE-1))

/*
 * The "p4d_xxx()" functions here are trivial for a folded two-level setup: the pud is never bad,
 * and a pud always exists (as it's folded into the p4d entry)
 */
static inline int p4d_none(p4d_t p4d)		{ return 0; }
static inline int p4d_bad(p4d_t p4d)		{ return 0; }
static inline int p4d_present(p4d_t p4d)	{ return 1; }

static inline pud_t *pud_offset(p4d_t *p4d, unsigned long address)
{
	return (pud_t *)p4d;
}
#define pud_offset pud_offset

#define pud_val(x)				(p4d_val((x).p4d))
#define __pud(x)				((pud_t) { __p4d(x) })

#undef  pud_addr_end
#define pud_addr_end(addr, end)			(end)

#endif
