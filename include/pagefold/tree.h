/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a kernel tree's code, built on the stand-ins (pagefold/standins/), calls in PageFold
 * (CShim/call.c): the loop hooks the instrumented loops call, the task's mm in the arena, and
 * the two entry points that run the tree's walks as a call. Only plain types cross: the tree has
 * its own pgd_t and mm_struct. Its walks run through pagefold/entry.h.
 */
#ifndef PAGEFOLD_TREE_H
#define PAGEFOLD_TREE_H

#include <stdbool.h>
#include <stdint.h>
#include <pagefold/pagefold.h>
#include <pagefold/entry.h>

struct page;

/* pf_loop_step() and pf_loop_next() (CShim/call.h), out of line. */
bool pf_tree_loop_step(enum pf_level level, const void *ptr, unsigned long addr, unsigned long end);
void pf_tree_loop_next(enum pf_level level, unsigned long next);

/* The direct mapping (pagefold/standins/common.h): a table's address in the arena, else pa
 * with PF_TREE_DIRECT_MAP set, which no host pointer has; __pa() undoes either. */
#define PF_TREE_DIRECT_MAP (1UL << 62)
void *pf_tree_va(unsigned long pa);
unsigned long pf_tree_pa(const void *p);

/* A walk_page_range_novma() callback fired: the glue's mm_walk_ops record them here. */
void pf_tree_record_visit(enum pf_visit_kind kind, unsigned long start, unsigned long end,
			  unsigned long value, bool leaf, unsigned long pfn, int depth);

/* Room in the arena for the tree's struct mm_struct (reads of it are reads of the arena's mm),
 * and what to fill it with: the top table, and the run-time folding inputs of PageFold's mm (of
 * the running call's space, or of the space a leaf writer is writing for). */
#define PF_TREE_MM_BYTES 0x1000
void *pf_tree_mm(void);
void *pf_tree_pgd(void);
unsigned long pf_tree_asce_limit(void);
/* The space a tree's leaf writer writes for, set by it while it runs (no call is running then). */
extern _Thread_local const struct pf_space *pf_leaf_space;
bool pf_tree_la57(void);
bool pf_tree_lpa2(void);


#endif
