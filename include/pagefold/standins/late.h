/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-ins that need the tree's own pgd_t: the extractor puts this right after the tree's
 * definition of pgd_t. The task has one mm, in the arena (reads of it are the arena's), whose
 * pgd is the space's top table.
 */
#ifndef PAGEFOLD_STANDINS_LATE_H
#define PAGEFOLD_STANDINS_LATE_H

struct mm_struct {
	pgd_t *pgd;
	mm_context_t context;
	unsigned int write_protect_seq;
};

struct task_struct {
	struct mm_struct *mm;
};
static _Thread_local struct task_struct pf_tree_task;
#define current (&pf_tree_task)

/* The kernel's own mm (mm/init-mm.c): never the one a walk here runs on. */
static struct mm_struct pf_tree_init_mm;
#define init_mm pf_tree_init_mm

#endif
