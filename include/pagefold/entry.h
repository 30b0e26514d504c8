/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The two entry points a variant library runs its walks through (CShim/call.c): each is one call
 * on a space, that enters it (the seam, `current`, the walk's frame), runs setup() if given and
 * the walk, and leaves it; BUG() and runaway loops come back here. Only plain types cross, so a
 * kernel tree's code, with its own pgd_t and mm_struct, uses them as PageFold's variants do.
 */
#ifndef PAGEFOLD_ENTRY_H
#define PAGEFOLD_ENTRY_H

#include <pagefold/pagefold.h>

struct page;

/* get_user_pages_fast_only(): the walk from start to end, pinning into pages[] and counting in *nr. */
typedef void (*pf_gup_walk_fn)(unsigned long start, unsigned long end, unsigned int flags,
			       struct page **pages, int *nr);
long pf_call_gup(struct pf_space *space, uint64_t start, uint64_t nr_pages, unsigned int gup_flags,
		 struct pf_run *run, void (*setup)(void), pf_gup_walk_fn walk);

/* walk_page_range_novma(): the walk's return value, or -EFAULT when it was stopped. */
typedef int (*pf_pagewalk_fn)(unsigned long start, unsigned long end);
int pf_call_walk(struct pf_space *space, uint64_t start, uint64_t end, struct pf_run *run,
		 void (*setup)(void), pf_pagewalk_fn walk);

#endif
