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
	/* per level: the loop pointer, its iteration and the loop's addr/end */
	const void *ptr[PF_NR_LEVELS];
	int iteration[PF_NR_LEVELS];
	unsigned long addr[PF_NR_LEVELS], end_of[PF_NR_LEVELS];
	int active;                 /* the innermost loop level that stepped, or -1 */
	/* the step being traced, until the next one begins (next and value are filled in meanwhile) */
	struct pf_step open;
	bool tracing, open_valid;
	bool invariants;            /* PF_RUN_INVARIANTS */
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
extern _Thread_local struct pf_call *pf_this_call;
static inline struct pf_call *pf_call_current(void)
{
	return pf_this_call;
}
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
/* Stop a loop that left its range: why is PF_RUNAWAY_NEXT (value: next) or _STEP (value: addr). */
_Noreturn void pf_runaway(struct pf_call *call, uint64_t value, int why);
/* Open the trace step of a loop body (the run asked for steps). */
void pf_trace_step(struct pf_call *call, enum pf_level level, const void *ptr,
		   unsigned long addr, unsigned long end);

/*
 * The loop hooks (CShim/mm/checks.h), inline because they run once per loop body: pf_loop_step()
 * opens a body (level, the loop pointer, its addr and end) and returns its 1-based iteration; it
 * sets the context reads are judged in (a stack read through an incremented pointer is a stray
 * read) and stops a runaway loop. pf_loop_next() follows the line that computes next, which must
 * lie in (addr, end].
 */
static inline int pf_loop_step(enum pf_level level, const void *ptr, unsigned long addr, unsigned long end)
{
	struct pf_call *call = pf_call_current();

	call->active = level;
	if (call->steps_left-- == 0 || addr < call->start || addr >= call->end ||
	    end > call->end || addr >= end)
		pf_runaway(call, addr, PF_RUNAWAY_STEP);
	for (int l = level + 1; l < PF_NR_LEVELS; l++) {
		call->iteration[l] = 0;
		call->ptr[l] = NULL;
	}
	call->iteration[level]++;
	call->ptr[level] = ptr;
	call->addr[level] = addr;
	call->end_of[level] = end;
	call->run->iterations[level]++;
	if (call->tracing)
		pf_trace_step(call, level, ptr, addr, end);
	return call->iteration[level];
}

static inline void pf_loop_next(enum pf_level level, unsigned long next)
{
	struct pf_call *call = pf_call_current();

	if (next <= call->addr[level] || next > call->end_of[level])
		pf_runaway(call, next, PF_RUNAWAY_NEXT);
	if (call->open_valid && call->open.level == (int)level)
		call->open.next = next;
}

/*
 * Enter: make `current` this space's task and reset the recorders; gup gets pages[] here. The call
 * lives on the heap, so what the walk changed in it is still there after a longjmp. Returns NULL
 * when memory runs out (the run records nothing then).
 */
struct pf_call *pf_call_enter(struct pf_space *space, struct pf_run *run,
			      unsigned long start, unsigned long end, unsigned long nr_pages);
/* Room for this many walk callbacks, so that a long walk does not grow the record as it goes. */
void pf_reserve_visits(struct pf_run *run, unsigned long visits);
/* Leave: record the pages as frame numbers (gup), restore `current`, free the call. */
void pf_call_leave(struct pf_call *call, long nr);

#endif
