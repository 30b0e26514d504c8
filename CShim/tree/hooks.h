/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test hooks for a kernel tree's own loops. The extractor (Sources/PageFold/KernelTree/) puts them
 * where PageFold's loop templates have theirs (CShim/mm/checks.h), guided by the compiler's syntax
 * tree, never by the text alone:
 *  - PF_TREE_STEP() opens every body of a loop that increments a pgd_t..pte_t pointer, and checks
 *    the invariants after an increment: (a) against a fresh walk with the tree's own pXd_offset(),
 *    (b) against pXd_offset(upper, addr) where the function has the upper pointer (else (a) only);
 *  - PF_TREE_NEXT() follows the statement that computes next;
 *  - PF_TREE_SPILL() follows the declaration of an entry copy read in a loop body, and
 *    PF_TREE_COPY() stands where the code takes a copy's address: the copy is in the arena's stack;
 *  - PF_TREE_READ() stands where the code reads an entry through a pointer without READ_ONCE().
 * Included after the tree's definitions are declared, before its walk functions.
 */
#ifndef PAGEFOLD_TREE_HOOKS_H
#define PAGEFOLD_TREE_HOOKS_H

#define PF_TREE_LEVEL_pgd PF_PGD
#define PF_TREE_LEVEL_p4d PF_P4D
#define PF_TREE_LEVEL_pud PF_PUD
#define PF_TREE_LEVEL_pmd PF_PMD
#define PF_TREE_LEVEL_pte PF_PTE

/* A fresh walk from the task's mm, with the tree's own offsets. */
#define PF_TREE_FRESH_pgd(addr) pgd_offset(current->mm, addr)
#define PF_TREE_FRESH_p4d(addr) p4d_offset(PF_TREE_FRESH_pgd(addr), addr)
#define PF_TREE_FRESH_pud(addr) pud_offset(PF_TREE_FRESH_p4d(addr), addr)
#define PF_TREE_FRESH_pmd(addr) pmd_offset(PF_TREE_FRESH_pud(addr), addr)
#define PF_TREE_FRESH_pte(addr) pte_offset_kernel(PF_TREE_FRESH_pmd(addr), addr)

/* Jason's pXd_offset(upper, addr); at the top the upper is the mm. */
#define PF_TREE_UPPER_pgd(mm, addr)  pgd_offset(mm, addr)
#define PF_TREE_UPPER_p4d(pgd, addr) p4d_offset(pgd, addr)
#define PF_TREE_UPPER_pud(p4d, addr) pud_offset(p4d, addr)
#define PF_TREE_UPPER_pmd(pud, addr) pmd_offset(pud, addr)
#define PF_TREE_UPPER_pte(pmd, addr) pte_offset_kernel(pmd, addr)

#define PF_TREE_STEP(lvl, ptr, upper, addr, end)						\
	do {											\
		if (pf_tree_loop_step(PF_TREE_LEVEL_##lvl, (ptr), (addr), (end))) {		\
			pf_check_begin();							\
			pf_check_end(PF_TREE_LEVEL_##lvl, (ptr), PF_TREE_FRESH_##lvl(addr),	\
				     PF_TREE_UPPER_##lvl(upper, addr));				\
		}										\
	} while (0)

#define PF_TREE_STEP_A(lvl, ptr, addr, end)							\
	do {											\
		if (pf_tree_loop_step(PF_TREE_LEVEL_##lvl, (ptr), (addr), (end))) {		\
			pf_check_begin();							\
			pf_check_end(PF_TREE_LEVEL_##lvl, (ptr), PF_TREE_FRESH_##lvl(addr), NULL);\
		}										\
	} while (0)

#define PF_TREE_NEXT(lvl, next) pf_tree_loop_next(PF_TREE_LEVEL_##lvl, (next))

/* The level an entry copy belongs to, by its type: the tree's pgd_t..pmd_t are distinct structs. */
#define PF_TREE_LEVEL_OF(x) _Generic((x), pgd_t: PF_PGD, p4d_t: PF_P4D, pud_t: PF_PUD, pmd_t: PF_PMD)
#define PF_TREE_COPY(x)	(*(__typeof__(x) *)pf_stack_spill(PF_TREE_LEVEL_OF(x), &(x), sizeof(x)))
#define PF_TREE_SPILL(x) ((void)PF_TREE_COPY(x))
#define PF_TREE_READ(p)	({ __typeof__(p) __pf_p = (p); (__typeof__(__pf_p))pf_read_once(__pf_p, sizeof(*__pf_p)); })

#endif
