/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test hooks for a kernel tree's own loops. The extractor (Sources/PageFold/KernelTree/) puts them
 * where PageFold's loop templates have theirs (CShim/mm/checks.h), guided by the compiler's syntax
 * tree, never by the text alone:
 *  - PF_TREE_STEP() opens every body of a loop that increments a pgd_t..pte_t pointer, and checks
 *    the invariants after an increment (CShim/mm/invariants.h, with the tree's own pXd_offset()),
 *    (b) where the function has the upper pointer (else PF_TREE_STEP_A(): (a) only);
 *  - PF_TREE_NEXT() follows the statement that computes next;
 *  - PF_TREE_SPILL() follows the declaration of an entry copy read in a loop body, and
 *    PF_TREE_COPY() stands where the code takes a copy's address: the copy is in the arena's stack;
 *  - PF_TREE_READ() stands where the code reads an entry through a pointer without READ_ONCE().
 * Included after the tree's definitions are declared, before its walk functions.
 */
#ifndef PAGEFOLD_TREE_HOOKS_H
#define PAGEFOLD_TREE_HOOKS_H

#include "../mm/invariants.h"

#define PF_TREE_STEP(lvl, ptr, upper, addr, end) \
	PF_CHECK_AFTER(pf_tree_loop_step(PF_LEVEL_##lvl, (ptr), (addr), (end)), lvl, ptr, upper, addr)
#define PF_TREE_STEP_A(lvl, ptr, addr, end) \
	PF_CHECK_AFTER_A(pf_tree_loop_step(PF_LEVEL_##lvl, (ptr), (addr), (end)), lvl, ptr, addr)

#define PF_TREE_NEXT(lvl, next) pf_tree_loop_next(PF_LEVEL_##lvl, (next))

/* The level an entry copy belongs to, by its type: the tree's pgd_t..pmd_t are distinct structs. */
#define PF_TREE_LEVEL_OF(x) _Generic((x), pgd_t: PF_PGD, p4d_t: PF_P4D, pud_t: PF_PUD, pmd_t: PF_PMD)
#define PF_TREE_COPY(x)	(*(__typeof__(x) *)pf_stack_spill(PF_TREE_LEVEL_OF(x), &(x), sizeof(x)))
#define PF_TREE_SPILL(x) ((void)PF_TREE_COPY(x))
#define PF_TREE_READ(p)	({ __typeof__(p) __pf_p = (p); (__typeof__(__pf_p))pf_read_once(__pf_p, sizeof(*__pf_p)); })

#endif
