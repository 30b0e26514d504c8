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
	long iterations[PF_NR_LEVELS]; /* bodies of the loops before the current one, per level */
	/* the step being traced, until the next one begins (next and value are filled in meanwhile) */
	struct pf_step open;
	bool tracing, open_valid;
	bool invariants;            /* PF_RUN_INVARIANTS */
	bool checking;              /* reads belong to an invariant check */
	bool check_faulted;         /* the check walked out of the arena: not comparable */
	bool slot_used[PF_NR_LEVELS]; /* which levels' copies were spilled this call */
	struct page **pages;        /* gup: the kernel's pages[] */
	int nr_pinned;              /* gup: its count, here so that it outlives a longjmp */
	unsigned long page_mask;    /* the space's PAGE_SIZE - 1 */
	struct page bad_page;       /* what pfn_to_page() of a frame with no struct page yields */
	unsigned long zero[2];      /* what a read outside the arena returns */
};

/* The call running on this thread, or NULL. */
extern _Thread_local struct pf_call *pf_this_call;
static inline struct pf_call *pf_call_current(void)
{
	return pf_this_call;
}

/* The innermost loop that has stepped, or -1: a step clears the iterations of the loops inside it. */
static inline int pf_call_active(const struct pf_call *call)
{
	for (int l = PF_NR_LEVELS - 1; l >= 0; l--)
		if (call->iteration[l])
			return l;
	return -1;
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
/* Stop a loop that left its range: why is PF_RUNAWAY_NEXT or _UNALIGNED (value: next), or _STEP
 * (value: addr). */
_Noreturn void pf_runaway(struct pf_call *call, uint64_t value, int why);
/* Open the trace step of a loop body (the run asked for steps). */
void pf_trace_step(struct pf_call *call, enum pf_level level, const void *ptr,
		   unsigned long addr, unsigned long end);

/*
 * The loop hooks (CShim/mm/checks.h), inline because they run once per loop body: pf_loop_step()
 * opens a body (level, the loop pointer, its addr and end) and says whether the invariants are to
 * be checked now (the run asked, and a pointer increment led to this body); it
 * sets the context reads are judged in (a stack read through an incremented pointer is a stray
 * read) and stops a runaway loop. pf_loop_next() follows the line that computes next, which must
 * lie in (addr, end] and be page aligned.
 */
static inline bool pf_loop_step(enum pf_level level, const void *ptr, unsigned long addr, unsigned long end)
{
	struct pf_call *call = pf_call_current();

	if (call->steps_left-- == 0 || addr < call->start || addr >= end || end > call->end)
		pf_runaway(call, addr, PF_RUNAWAY_STEP);
	for (int l = level + 1; l < PF_NR_LEVELS; l++) {
		call->iterations[l] += call->iteration[l];
		call->iteration[l] = 0;
		call->ptr[l] = NULL;
	}
	call->iteration[level]++;
	call->ptr[level] = ptr;
	call->addr[level] = addr;
	call->end_of[level] = end;
	if (__builtin_expect(call->tracing | call->invariants, 0)) {
		if (call->tracing)
			pf_trace_step(call, level, ptr, addr, end);
		return call->invariants && call->iteration[level] > 1;
	}
	return false;
}

static inline void pf_loop_next(enum pf_level level, unsigned long next)
{
	struct pf_call *call = pf_call_current();

	if (next <= call->addr[level] || next > call->end_of[level])
		pf_runaway(call, next, PF_RUNAWAY_NEXT);
	/* addr and end are page aligned, so a right next is too; the loops below stop only at end */
	if (next & call->page_mask)
		pf_runaway(call, next, PF_RUNAWAY_UNALIGNED);
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
/*
 * A walk_page_range_novma() callback fired (CShim/mm/variant.h installs the recorders): into the
 * room pf_reserve_visits() made, or, past it, through the slow path that grows the record.
 */
void pf_record_visit_slow(const struct pf_visit *visit);
static inline void pf_record_visit(enum pf_visit_kind kind, unsigned long start, unsigned long end,
				   unsigned long value, bool leaf, unsigned long pfn, int depth)
{
	struct pf_run *run = pf_call_current()->run;
	struct pf_visit visit = {
		.start = start, .end = end, .value = value, .pfn = pfn, .kind = kind,
		.depth = (int16_t)depth, .leaf = leaf,
	};

	if (__builtin_expect(run->nr_visits < run->cap_visits, 1))
		run->visits[run->nr_visits++] = visit;
	else
		pf_record_visit_slow(&visit);
}

/* Room for this many walk callbacks, so that a long walk does not grow the record as it goes. */
void pf_reserve_visits(struct pf_run *run, unsigned long visits);
/* Leave: record the pages as frame numbers (gup), restore `current`, free the call. */
void pf_call_leave(struct pf_call *call, long nr);

#endif
