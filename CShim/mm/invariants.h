/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The two invariants of the 2020 thread, checked after a pointer increment (pagefold/hooks.h's
 * pf_check_begin()/pf_check_end()), for PageFold's loop templates (CShim/mm/checks.h) and a kernel
 * tree's instrumented loops (CShim/tree/hooks.h) alike:
 *  (a) correctness: the pointer equals what a fresh walk from pgd_offset(mm, addr) reaches at this
 *      level with the code's own pXd_offset();
 *  (b) Jason's strict form: the pointer equals pXd_offset(upper, addr), so pXdp++ is a shortcut for
 *      pXd_offset() and a folded level never iterates.
 * Macros, so that they expand with the types and offsets of the code they sit in.
 */
#ifndef PAGEFOLD_INVARIANTS_H
#define PAGEFOLD_INVARIANTS_H

#define PF_LEVEL_pgd PF_PGD
#define PF_LEVEL_p4d PF_P4D
#define PF_LEVEL_pud PF_PUD
#define PF_LEVEL_pmd PF_PMD
#define PF_LEVEL_pte PF_PTE

/* A fresh walk from the task's mm. */
#define PF_FRESH_pgd(addr) pgd_offset(current->mm, addr)
#define PF_FRESH_p4d(addr) p4d_offset(PF_FRESH_pgd(addr), addr)
#define PF_FRESH_pud(addr) pud_offset(PF_FRESH_p4d(addr), addr)
#define PF_FRESH_pmd(addr) pmd_offset(PF_FRESH_pud(addr), addr)
#define PF_FRESH_pte(addr) pte_offset_kernel(PF_FRESH_pmd(addr), addr)

/* Jason's pXd_offset(upper, addr); at the top the upper is the mm. */
#define PF_UPPER_pgd(mm, addr)  pgd_offset(mm, addr)
#define PF_UPPER_p4d(pgd, addr) p4d_offset(pgd, addr)
#define PF_UPPER_pud(p4d, addr) pud_offset(p4d, addr)
#define PF_UPPER_pmd(pud, addr) pmd_offset(pud, addr)
#define PF_UPPER_pte(pmd, addr) pte_offset_kernel(pmd, addr)

/* After a step that says so (the run asked, and an increment led to this body): (a) and (b). */
#define PF_CHECK_AFTER(stepped, lvl, ptr, upper, addr)						\
	do {											\
		if (stepped) {									\
			pf_check_begin();							\
			pf_check_end(PF_LEVEL_##lvl, (ptr), PF_FRESH_##lvl(addr),		\
				     PF_UPPER_##lvl(upper, addr));				\
		}										\
	} while (0)

/* A loop that has no upper pointer at hand: (a) only. */
#define PF_CHECK_AFTER_A(stepped, lvl, ptr, addr)						\
	do {											\
		if (stepped) {									\
			pf_check_begin();							\
			pf_check_end(PF_LEVEL_##lvl, (ptr), PF_FRESH_##lvl(addr), NULL);	\
		}										\
	} while (0)

#endif
