/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One call of a variant's entry point: the per-thread context the hooks record into, and the
 * jump back to the entry point when BUG() fires or a loop runs away. Private to CShim.
 */
#ifndef PAGEFOLD_CALL_H
#define PAGEFOLD_CALL_H

#include <setjmp.h>
#include <pagefold/kernel.h>
#include "space.h"

struct pf_call {
	jmp_buf abort;
	struct task_struct task;
	struct task_struct *saved_current;
	struct pf_space *space;
	struct pf_run *run;
	unsigned long start, end;
	unsigned long steps_left;
	/* per level: the loop pointer, its iteration, the loop's addr/end and its trace step */
	const void *ptr[PF_NR_LEVELS];
	int iteration[PF_NR_LEVELS];
	unsigned long addr[PF_NR_LEVELS], end_of[PF_NR_LEVELS];
	int step[PF_NR_LEVELS];
	int active;                 /* the innermost loop level that stepped, or -1 */
	bool checking;              /* reads belong to an invariant check */
	bool check_faulted;         /* the check walked out of the arena: not comparable */
	bool slot_used[PF_NR_LEVELS]; /* which levels' copies were spilled this call */
	struct page **pages;        /* gup: the kernel's pages[] */
	int nr_pinned;              /* gup: its count, here so that it outlives a longjmp */
	unsigned long nr_pages;
	struct page bad_page;       /* what pfn_to_page() of a frame with no struct page yields */
	unsigned long zero[2];      /* what a read outside the arena returns */
};

/* The call running on this thread, or NULL. */
struct pf_call *pf_call_current(void);
/*
 * Record an event in the current loop's context. Returns it, or NULL when it repeats the last one
 * (folded) or the record is full.
 */
struct pf_event *pf_call_event(struct pf_call *call, enum pf_event_kind kind, struct pf_place place,
		   uint64_t value);
/* What p is, with stack slots this call has not spilled into shown as unused. */
struct pf_place pf_call_classify(const struct pf_call *call, const void *p);
/* Stop the walk: back to the entry point's setjmp. */
_Noreturn void pf_call_abort(struct pf_call *call);

/*
 * Enter: make `current` this space's task and reset the recorders; gup gets pages[] here. The call
 * lives on the heap, so what the walk changed in it is still there after a longjmp. Returns NULL
 * when memory runs out (the run records nothing then).
 */
struct pf_call *pf_call_enter(struct pf_space *space, struct pf_run *run,
			      unsigned long start, unsigned long end, unsigned long nr_pages);
/* Leave: record the pages as frame numbers (gup), restore `current`, free the call. */
void pf_call_leave(struct pf_call *call, long nr);

#endif
