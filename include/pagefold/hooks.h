/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test hooks: what PageFold adds to the kernel's loops and headers, and nothing else. Each call
 * below stands on a line of its own in mm/gup_fast.h and mm/pagewalk.h, or at the top of an arch
 * pXd_offset(), so a reader can strip them and see the kernel's code.
 */
#ifndef PAGEFOLD_HOOKS_H
#define PAGEFOLD_HOOKS_H

#include <stddef.h>
#include <pagefold/pagefold.h>

/*
 * The loops' local pXd copies live in the arena's simulated kernel stack, in the slots GCC gives
 * them on s390 (CShim/space.h), so `&pgd` is an arena address: a helper may read through it with
 * READ_ONCE(), pXdp_get() or a plain `*p`, and `pXdp++` from it lands where the kernel's does.
 * Store an 8-byte copy of a level's entry in its slot and return the slot.
 */
void *pf_stack_spill(enum pf_level copy_of, const void *value, size_t size);

/* Invariant checks after an increment: reads in between are the checker's, not the loop's. */
void pf_check_begin(void);
void pf_check_end(enum pf_level level, const void *ptr, const void *fresh, const void *upper_offset);

#endif
