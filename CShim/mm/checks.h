/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test hooks for the loop templates (no include guard: one copy per variant, built with the
 * variant's own macros).
 *
 * PF_LOOP_STEP() opens every loop body. From the second iteration on, i.e. right after pXdp++, it
 * checks the two invariants of the 2020 thread (CShim/mm/invariants.h).
 * PF_LOOP_NEXT() follows the line that computes next.
 */

#ifndef PF_BARE
#include "invariants.h"

#define PF_LOOP_STEP(lvl, ptr, upper, addr, end) \
	PF_CHECK_AFTER(pf_loop_step(PF_LEVEL_##lvl, (ptr), (addr), (end)), lvl, ptr, upper, addr)

/* A loop that has no upper pointer at hand (walk_pte_range_inner()): invariant (a) only. */
#define PF_LOOP_STEP_A(lvl, ptr, addr, end) \
	PF_CHECK_AFTER_A(pf_loop_step(PF_LEVEL_##lvl, (ptr), (addr), (end)), lvl, ptr, addr)

#define PF_LOOP_NEXT(lvl, next) pf_loop_next(PF_LEVEL_##lvl, (next))

/*
 * The loops' local copies, named as the level (pgd, p4d, pud, pmd), as the arena stack object the
 * kernel's `&pgd` points at: PF_COPY(pgd) stores the copy in its slot (CShim/space.h) and is that
 * slot as an lvalue, so `&PF_COPY(pgd)` is an arena address and a helper that reads through it
 * needs to know nothing of the arena. PF_SPILL(pgd) follows the read that fills the copy, because
 * GCC stores an address-taken local when it is read, whichever branch then uses it.
 */
#define PF_COPY(lvl)	(*(__typeof__(lvl) *)pf_stack_spill(PF_LEVEL_##lvl, &(lvl), sizeof(lvl)))
#define PF_SPILL(lvl)	((void)PF_COPY(lvl))
#else
/* A bare build (Benchmarks/icount): the loops as the kernel compiles them, with no hooks. */
#define PF_LOOP_STEP(lvl, ptr, upper, addr, end)	do { } while (0)
#define PF_LOOP_STEP_A(lvl, ptr, addr, end)		do { } while (0)
#define PF_LOOP_NEXT(lvl, next)				do { } while (0)
#define PF_COPY(lvl)					(lvl)
#define PF_SPILL(lvl)					do { } while (0)
#endif
