/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel mirror of include/asm-generic/pgtable-nop4d.h: the p4d folded into the pgd at compile
 * time. A p4d "table" is the pgd entry itself, so p4d_offset() is a cast and the folded loop must
 * run exactly once: p4d_addr_end() returns end, which works only because pgd_addr_end() already
 * cropped the range (the seed mail's point).
 */
#ifndef _PGTABLE_NOP4D_H
#define _PGTABLE_NOP4D_H

#define __PAGETABLE_P4D_FOLDED 1

typedef struct { pgd_t pgd; } p4d_t;

#define P4D_SHIFT		PGDIR_SHIFT
#define PTRS_PER_P4D		1
#define P4D_SIZE		(1UL << P4D_SHIFT)
#define P4D_MASK		(~(P4D_SIZE-1))

/*
 * The "pgd_xxx()" functions here are trivial for a folded two-level setup: the p4d is never bad,
 * and a p4d always exists (as it's folded into the pgd entry)
 */
static inline int pgd_none(pgd_t pgd)		{ return 0; }
static inline int pgd_bad(pgd_t pgd)		{ return 0; }
static inline int pgd_present(pgd_t pgd)	{ return 1; }

static inline p4d_t *p4d_offset(pgd_t *pgd, unsigned long address)
{
	return (p4d_t *)pgd;
}

#define p4d_val(x)				(pgd_val((x).pgd))
#define __p4d(x)				((p4d_t) { __pgd(x) })

#undef  p4d_addr_end
#define p4d_addr_end(addr, end)			(end)

#endif
