/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test hooks for the loop templates (no include guard: one copy per variant, built with the
 * variant's own macros).
 *
 * PF_LOOP_STEP() opens every loop body. From the second iteration on, i.e. right after pXdp++, it
 * checks the two invariants of the 2020 thread:
 *  (a) correctness: the pointer equals what a fresh walk from pgd_offset(mm, addr) reaches at this
 *      level with the variant's own pXd_offset();
 *  (b) Jason's strict form: the pointer equals pXd_offset(upper, addr), so pXdp++ is a shortcut for
 *      pXd_offset() and a folded level never iterates.
 * PF_LOOP_NEXT() follows the line that computes next.
 */

#ifndef PF_BARE
#define PF_LEVEL_pgd PF_PGD
#define PF_LEVEL_p4d PF_P4D
#define PF_LEVEL_pud PF_PUD
#define PF_LEVEL_pmd PF_PMD
#define PF_LEVEL_pte PF_PTE

static pgd_t *pf_fresh_pgd(unsigned long addr)
{
	return pgd_offset(current->mm, addr);
}

static p4d_t *pf_fresh_p4d(unsigned long addr)
{
	return p4d_offset(pf_fresh_pgd(addr), addr);
}

static pud_t *pf_fresh_pud(unsigned long addr)
{
	return pud_offset(pf_fresh_p4d(addr), addr);
}

static pmd_t *pf_fresh_pmd(unsigned long addr)
{
	return pmd_offset(pf_fresh_pud(addr), addr);
}

static pte_t *pf_fresh_pte(unsigned long addr)
{
	return pte_offset_kernel(pf_fresh_pmd(addr), addr);
}

/* Jason's pXd_offset(upper, addr); at the top the upper is the mm. */
#define pf_upper_offset_pgd(mm, addr)  pgd_offset(mm, addr)
#define pf_upper_offset_p4d(pgd, addr) p4d_offset(pgd, addr)
#define pf_upper_offset_pud(p4d, addr) pud_offset(p4d, addr)
#define pf_upper_offset_pmd(pud, addr) pmd_offset(pud, addr)
#define pf_upper_offset_pte(pmd, addr) pte_offset_kernel(pmd, addr)

#define PF_LOOP_STEP(lvl, ptr, upper, addr, end)					\
	do {										\
		if (pf_loop_step(PF_LEVEL_##lvl, (ptr), (addr), (end))) {		\
			pf_check_begin();						\
			pf_check_end(PF_LEVEL_##lvl, (ptr), pf_fresh_##lvl(addr),	\
				     pf_upper_offset_##lvl(upper, addr));		\
		}									\
	} while (0)

/* A loop that has no upper pointer at hand (walk_pte_range_inner()): invariant (a) only. */
#define PF_LOOP_STEP_A(lvl, ptr, addr, end)						\
	do {										\
		if (pf_loop_step(PF_LEVEL_##lvl, (ptr), (addr), (end))) {		\
			pf_check_begin();						\
			pf_check_end(PF_LEVEL_##lvl, (ptr), pf_fresh_##lvl(addr), NULL);\
		}									\
	} while (0)

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
