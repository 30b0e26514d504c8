/* SPDX-License-Identifier: GPL-2.0 */
/*
 * middle-level: the seed's open idea ("Patch 1", generalized), on compile-time folding. Gerald
 * Schaefer, 10 Sep 2020: s390's "middle-level folding/iteration" is "the right way", where
 * everybody else returns to the pgd level for every entry of the top table; "a generic version
 * ... might not have been so easy".
 *
 * Here it is for a 3-level build (the pud and p4d folded into the pgd through asm-generic): the pgd
 * and p4d loops do not crop, so they run once over the whole range, and the folded pud loop, which
 * crops at PUD_SIZE (== PGDIR_SIZE), iterates over the real pgd table. That needs the live pointer
 * passed through every folded level, never the address of a copy: gup hands pointer and value down
 * (d3f7b1bb2040's shape) and the lockless offsets offset the pointer, as 36639013b346 does for arm64.
 */
#ifndef PAGEFOLD_VARIANT_MIDDLE_LEVEL_H
#define PAGEFOLD_VARIANT_MIDDLE_LEVEL_H
#define CONFIG_PGTABLE_LEVELS 3
#include <asm-x86/pgtable.h>

/* The top loops run once: no cropping above the level that iterates. */
#define pgd_addr_end(addr, end)		(end)

/* The folded pud level iterates over the pgd table, cropping at its entries' span. */
#undef  pud_addr_end
#define pud_addr_end(addr, end)						\
({	unsigned long __boundary = ((addr) + PUD_SIZE) & PUD_MASK;	\
	(__boundary - 1 < (end) - 1)? __boundary: (end);		\
})

/* Folded levels hand on the live pointer, so that pudp++ walks the real table. */
#define p4d_offset_lockless(pgdp, pgd, address)	p4d_offset(pgdp, address)
#define pud_offset_lockless(p4dp, p4d, address)	pud_offset(p4dp, address)

#endif
