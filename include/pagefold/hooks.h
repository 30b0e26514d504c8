/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test hooks: what PageFold adds to the kernel's loops and headers, and nothing else. Each call
 * below stands on a line of its own in mm/gup_fast.h and mm/pagewalk.h, or at the top of an arch
 * pXd_offset(), so a reader can strip them and see the kernel's code.
 */
#ifndef PAGEFOLD_HOOKS_H
#define PAGEFOLD_HOOKS_H

#include <pagefold/kernel.h>

/*
 * A loop body starts: level, the loop pointer, the address and the loop's end. Returns the 1-based
 * iteration. It traces the step, sets the context in which reads are judged (a stack read through
 * an incremented pointer is a stray read), and stops a runaway loop.
 */
int pf_loop_step(enum pf_level level, const void *ptr, unsigned long addr, unsigned long end);
/* The body computed next: it must lie in (addr, end], or the loop is stopped as a runaway. */
void pf_loop_next(enum pf_level level, unsigned long next);

/*
 * `p` may be the address of a loop's local pXd copy (the kernel's `&pgd`, `&(p4d)`). On the kernel
 * stack such copies sit in consecutive frames; here each level's copy has its slot in the arena's
 * simulated stack, laid out as the RFC v1 cover letter describes: the slot after the p4d copy holds
 * the pgd copy. Pointers into the arena pass through unchanged.
 */
void *pf_stack_copy(enum pf_level copy_of, const void *p, size_t size);

/* Invariant checks after an increment: reads in between are the checker's, not the loop's. */
void pf_check_begin(void);
void pf_check_end(enum pf_level level, const void *ptr, const void *fresh, const void *upper_offset);

/* A walk_page_range() callback fired (CShim/mm/variant.h installs the recorders). */
void pf_record_visit(enum pf_visit_kind kind, unsigned long start, unsigned long end,
		     unsigned long value, bool leaf, unsigned long pfn, int depth);

#endif
