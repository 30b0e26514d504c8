/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel mirror of include/linux/pagewalk.h, for the walk PageFold runs: walk_page_range_novma()'s,
 * which has no vma, so neither splits nor vma tests happen and callbacks see every entry.
 */
#ifndef _LINUX_PAGEWALK_H
#define _LINUX_PAGEWALK_H

struct mm_walk;

struct mm_walk_ops {
	int (*pud_entry)(pud_t *pud, unsigned long addr, unsigned long next, struct mm_walk *walk);
	int (*pmd_entry)(pmd_t *pmd, unsigned long addr, unsigned long next, struct mm_walk *walk);
	int (*pte_entry)(pte_t *pte, unsigned long addr, unsigned long next, struct mm_walk *walk);
	int (*pte_hole)(unsigned long addr, unsigned long next, int depth, struct mm_walk *walk);
};

struct mm_walk {
	const struct mm_walk_ops *ops;
	struct mm_struct *mm;
};

#endif
