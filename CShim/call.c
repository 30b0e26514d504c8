// SPDX-License-Identifier: GPL-2.0
/*
 * One call of a variant's entry point, and the loop hooks that record into it: the trace, the
 * events, the invariant checks and the walk's callbacks. The context is per thread and lives only
 * for the call, so spaces and runs on other threads never meet.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <pagefold/entry.h>
#include <pagefold/tree.h>
#include "call.h"

_Thread_local struct task_struct *pf_current;
_Thread_local struct pf_seam pf_seam __attribute__((tls_model("initial-exec")));
_Thread_local struct pf_call *pf_this_call;

#define PF_MAX_EVENTS	4096
#define PF_MAX_STEPS	(1 << 20)
#define PF_MAX_VISITS	(1 << 20)

/* Grow a run array by one; false when it is full (the run is then marked truncated). */
static bool pf_grow(void **items, int *nr, int *cap, int max, size_t size)
{
	if (*nr < *cap)
		return true;
	if (*cap >= max)
		return false;
	int want = *cap ? *cap * 2 : 64;
	void *grown = realloc(*items, (size_t)want * size);

	if (!grown)
		return false;
	*items = grown;
	*cap = want;
	return true;
}

struct pf_event *pf_call_event(struct pf_call *call, enum pf_event_kind kind, struct pf_place place,
			       uint64_t value)
{
	struct pf_run *run = call->run;
	int level = pf_call_active(call);
	int iteration = level >= 0 ? call->iteration[level] : 0;
	struct pf_event *last = run->nr_events ? &run->events[run->nr_events - 1] : NULL;

	if (last && last->kind == kind && last->level == level && last->iteration == iteration &&
	    last->place.kind == place.kind)
		return NULL;
	/* Stray stack reads are what the record is for: they are never cut (each one ends a walk or
	 * follows an increment, so there are few). */
	if (run->nr_events >= PF_MAX_EVENTS && kind != PF_EV_STACK_READ) {
		run->events_cut++;
		return NULL;
	}
	if (!pf_grow((void **)&run->events, &run->nr_events, &run->cap_events, INT_MAX / 2,
		     sizeof(*run->events))) {
		run->events_cut++;
		return NULL;
	}
	run->events[run->nr_events] = (struct pf_event) {
		.kind = kind, .level = level, .iteration = iteration,
		.addr = level >= 0 ? call->addr[level] : call->start,
		.place = place, .value = value,
		.expected = PF_PLACE_NONE,
	};
	return &run->events[run->nr_events++];
}

_Noreturn void pf_call_abort(struct pf_call *call)
{
	call->run->aborted = true;
	longjmp(call->abort, 1);
}

_Noreturn void pf_bug(const char *file, int line)
{
	struct pf_call *call = pf_call_current();
	struct pf_event *e;

	if (!call)
		abort();	/* BUG() outside a walk: a PageFold defect, not a variant's */
	call->checking = false;
	e = pf_call_event(call, PF_EV_BUG, PF_PLACE_NONE, 0);
	if (e) {
		e->file = file;
		e->line = line;
	}
	pf_call_abort(call);
}

_Noreturn void pf_runaway(struct pf_call *call, uint64_t value, int why)
{
	struct pf_event *e = pf_call_event(call, PF_EV_RUNAWAY, PF_PLACE_NONE, value);

	if (e)
		e->line = why;
	pf_call_abort(call);
}

/*
 * A freed run's buffer, kept for the next run on this thread when it is small: mapping a guarded
 * buffer costs a few microseconds, which would dominate a walk of a few pages. A big one is
 * unmapped, its cost spread over its pages.
 */
#define PF_SPARE_MAX_BYTES (1UL << 20)
static _Thread_local struct { void *map; size_t bytes; } pf_spare;

/*
 * The kernel's pages[] is the run's pfns buffer: the walk writes struct page pointers, which
 * pf_call_leave() turns into frame numbers in place. It ends where a page that cannot be touched
 * begins, so a walk that writes past pages[] (a header that changed PAGE_SIZE, say) faults at
 * its own line instead of corrupting the heap. Kept from call to call: a run reused for the same
 * size maps nothing new.
 */
static bool pf_run_pages(struct pf_run *run, unsigned long nr_pages)
{
	const size_t guard = (size_t)sysconf(_SC_PAGESIZE);
	size_t need;

	_Static_assert(sizeof(struct page *) == sizeof(*run->pfns), "pages[] shares the pfns buffer");
	if (nr_pages > SIZE_MAX / sizeof(*run->pfns) - 2 * guard)
		return false;
	need = nr_pages * sizeof(*run->pfns);
	if ((!run->pfns_map || run->pfns_map_bytes - guard < need) && pf_spare.map &&
	    pf_spare.bytes - guard >= need) {
		if (run->pfns_map)
			munmap(run->pfns_map, run->pfns_map_bytes);
		run->pfns_map = pf_spare.map;
		run->pfns_map_bytes = pf_spare.bytes;
		pf_spare.map = NULL;
	}
	if (!run->pfns_map || run->pfns_map_bytes - guard < need) {
		size_t bytes = (need + guard - 1) / guard * guard + guard;
		void *map = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (map == MAP_FAILED)
			return false;
		if (mprotect((char *)map + bytes - guard, guard, PROT_NONE)) {
			munmap(map, bytes);
			return false;
		}
		if (run->pfns_map)
			munmap(run->pfns_map, run->pfns_map_bytes);
		run->pfns_map = map;
		run->pfns_map_bytes = bytes;
	}
	run->pfns = (uint64_t *)((char *)run->pfns_map + run->pfns_map_bytes - guard - need);
	return true;
}

struct pf_call *pf_call_enter(struct pf_space *space, struct pf_run *run,
			      unsigned long start, unsigned long end, unsigned long nr_pages)
{
	struct pf_call *call = calloc(1, sizeof(*call));
	unsigned long span_pages = (end - start) >> space->ops->page_shift;

	if (!call)
		return NULL;
	if (nr_pages && !pf_run_pages(run, nr_pages)) {
		free(call);
		return NULL;
	}
	call->pages = (struct page **)run->pfns;
	call->page_mask = (1UL << space->ops->page_shift) - 1;
	call->space = space;
	call->run = run;
	call->start = start;
	call->end = end;
	/* Every loop body handles at least one page of the range, give or take the upper levels. */
	call->steps_left = 8 * (span_pages < (1UL << 26) ? span_pages : (1UL << 26)) + (1UL << 16);
	call->tracing = (run->record & PF_RUN_STEPS) || run->step_sink;
	call->invariants = run->record & PF_RUN_INVARIANTS;
	/* The walk's frame starts clean; no other slot is ever written (reading one stops the walk). */
	memset(space->mem + PF_STACK_OFFSET + 8 * (PF_SLOT_PGD - 1), 0, 8 * (PF_STACK_SLOTS - PF_SLOT_PGD + 1));

	run->nr_events = run->nr_steps = run->nr_visits = 0;
	memset(run->iterations, 0, sizeof(run->iterations));
	run->nr = 0;
	run->checks_a = run->checks_b = 0;
	run->aborted = run->truncated = false;
	run->events_cut = 0;

	call->task.mm = space->mm;
	call->saved_current = pf_current;
	pf_current = &call->task;
	pf_this_call = call;
	pf_seam = pf_space_seam(space);
	return call;
}

/* The open step is complete: hand it over. */
static void pf_close_step(struct pf_call *call)
{
	struct pf_run *run = call->run;

	if (!call->open_valid)
		return;
	call->open_valid = false;
	if (run->step_sink) {
		run->step_sink(run->sink_ctx, &call->open);
	} else if (pf_grow((void **)&run->steps, &run->nr_steps, &run->cap_steps, PF_MAX_STEPS,
			   sizeof(*run->steps))) {
		run->steps[run->nr_steps++] = call->open;
	} else {
		run->truncated = true;
	}
}

/*
 * page_to_pfn() of each of pages[], into pfns (the same buffer). Every entry is a struct page of
 * the space or the call's bad page (pfn_to_page() of a frame that has none), whose frame is one
 * past every real one: a select, not a call, so the loop vectorizes.
 */
static void pf_pages_to_pfns(struct pf_call *call, long nr)
{
	const struct pf_space *space = call->space;
	const uintptr_t map = (uintptr_t)space->mem_map;
	const uintptr_t bytes = space->mem_map_used * sizeof(struct page);
	const unsigned long first = space->first_pfn, bad = space->mem_map_pages;
	uint64_t *entry = call->run->pfns;	/* == call->pages: read as addresses */

	for (long i = 0; i < nr; i++) {
		uintptr_t off = entry[i] - map;

		entry[i] = first + (off < bytes ? off / sizeof(struct page) : bad);
	}
}

void pf_call_leave(struct pf_call *call, long nr)
{
	struct pf_run *run = call->run;

	pf_close_step(call);
	run->nr = nr;
	for (int l = 0; l < PF_NR_LEVELS; l++)
		run->iterations[l] = call->iterations[l] + call->iteration[l];
	if (call->pages)
		pf_pages_to_pfns(call, nr);
	pf_current = call->saved_current;
	pf_this_call = NULL;
	pf_seam = (struct pf_seam) { .tables_bytes = 0 };
	free(call);
}

void pf_trace_step(struct pf_call *call, enum pf_level level, const void *ptr,
		   unsigned long addr, unsigned long end)
{
	pf_close_step(call);
	call->open = (struct pf_step) {
		.level = level, .iteration = call->iteration[level], .addr = addr,
		.next = level == PF_PTE ? addr + (1UL << call->space->ops->page_shift) : end,
		.place = pf_call_classify(call, ptr),
	};
	call->open_valid = true;
	pf_seam.watch = ptr;	/* its first read is the step's value */
}

void pf_check_begin(void)
{
	struct pf_call *call = pf_call_current();

	call->checking = true;
	call->check_faulted = false;
}

void pf_check_end(enum pf_level level, const void *ptr, const void *fresh, const void *upper_offset)
{
	struct pf_call *call = pf_call_current();
	struct pf_event *e;

	call->checking = false;
	if (call->check_faulted)
		return;	/* the fresh walk left the arena: nothing to compare with */
	call->run->checks_a++;
	if (ptr != fresh && (e = pf_call_event(call, PF_EV_INVARIANT_A, pf_call_classify(call, ptr), 0)))
		e->expected = pf_call_classify(call, fresh);
	if (!upper_offset)
		return;
	call->run->checks_b++;
	if (ptr != upper_offset &&
	    (e = pf_call_event(call, PF_EV_INVARIANT_B, pf_call_classify(call, ptr), 0)))
		e->expected = pf_call_classify(call, upper_offset);
}

void pf_reserve_visits(struct pf_run *run, unsigned long visits)
{
	int want = visits + 64 < PF_MAX_VISITS ? (int)visits + 64 : PF_MAX_VISITS;
	void *grown;

	if (run->cap_visits >= want || !(grown = realloc(run->visits, (size_t)want * sizeof(*run->visits))))
		return;
	run->visits = grown;
	run->cap_visits = want;
}

void pf_record_visit_slow(const struct pf_visit *visit)
{
	struct pf_run *run = pf_call_current()->run;

	if (!pf_grow((void **)&run->visits, &run->nr_visits, &run->cap_visits, PF_MAX_VISITS,
		     sizeof(*run->visits))) {
		run->truncated = true;
		return;
	}
	run->visits[run->nr_visits++] = *visit;
}

void pf_run_init(struct pf_run *run)
{
	memset(run, 0, sizeof(*run));
}

void pf_run_free(struct pf_run *run)
{
	free(run->events);
	free(run->steps);
	free(run->visits);
	if (run->pfns_map && run->pfns_map_bytes <= PF_SPARE_MAX_BYTES && !pf_spare.map) {
		pf_spare.map = run->pfns_map;
		pf_spare.bytes = run->pfns_map_bytes;
	} else if (run->pfns_map) {
		munmap(run->pfns_map, run->pfns_map_bytes);
	}
	pf_run_init(run);
}

/* ---- kernel-tree mode (pagefold/tree.h): the hooks and entry points out of line ---- */

bool pf_tree_loop_step(enum pf_level level, const void *ptr, unsigned long addr, unsigned long end)
{
	return pf_loop_step(level, ptr, addr, end);
}

void pf_tree_loop_next(enum pf_level level, unsigned long next)
{
	pf_loop_next(level, next);
}

void pf_tree_record_visit(enum pf_visit_kind kind, unsigned long start, unsigned long end,
			  unsigned long value, bool leaf, unsigned long pfn, int depth)
{
	pf_record_visit(kind, start, end, value, leaf, pfn, depth);
}

void *pf_tree_va(unsigned long pa)
{
	const struct pf_space *space = pf_call_current()->space;

	if (pa >= PF_TABLE_PHYS_BASE && pa - PF_TABLE_PHYS_BASE < space->mem_bytes)
		return space->mem + (pa - PF_TABLE_PHYS_BASE);
	return (void *)(pa | PF_TREE_DIRECT_MAP);
}

unsigned long pf_tree_pa(const void *p)
{
	uintptr_t q = (uintptr_t)p;

	return q & PF_TREE_DIRECT_MAP ? q & ~PF_TREE_DIRECT_MAP : pf_pa(p);
}

void *pf_tree_mm(void)
{
	_Static_assert(sizeof(struct mm_struct) <= PF_TREE_MM_OFFSET - PF_MM_OFFSET, "PageFold's mm first");
	_Static_assert(PF_TREE_MM_OFFSET + PF_TREE_MM_BYTES <= PF_STACK_OFFSET, "the tree's mm in the mm area");
	return pf_call_current()->space->mem + PF_TREE_MM_OFFSET;
}

void *pf_tree_pgd(void)
{
	return pf_call_current()->space->mm->pgd;
}

_Thread_local const struct pf_space *pf_leaf_space;

/* The space of the running call, or the one a leaf writer writes for: CPU features are the space's. */
static const struct pf_space *pf_tree_space(void)
{
	struct pf_call *call = pf_call_current();

	return call ? call->space : pf_leaf_space;
}

unsigned long pf_tree_asce_limit(void)
{
	return pf_tree_space()->mm->context.asce_limit;
}

bool pf_tree_la57(void)
{
	return pf_tree_space()->mm->pf_la57;
}

bool pf_tree_lpa2(void)
{
	return pf_tree_space()->mm->pf_lpa2;
}

/* ---- the entry points (pagefold/entry.h) ---- */

long pf_call_gup(struct pf_space *space, uint64_t start, uint64_t nr_pages, unsigned int gup_flags,
		 struct pf_run *run, void (*setup)(void), pf_gup_walk_fn walk)
{
	const int shift = space->ops->page_shift;
	struct pf_call *call;
	unsigned long end;
	long nr;

	start &= ~((1UL << shift) - 1);
	if (nr_pages > (~0UL >> shift) || __builtin_add_overflow(start, nr_pages << shift, &end))
		return 0;
	call = pf_call_enter(space, run, start, end, nr_pages);
	if (!call)
		return 0;
	if (setjmp(call->abort) == 0) {
		if (setup)
			setup();
		walk(start, end, gup_flags, call->pages, &call->nr_pinned);
	}
	nr = call->nr_pinned;	/* what the walk pinned, also when BUG() or a runaway stopped it */
	pf_call_leave(call, nr);
	return nr;
}

int pf_call_walk(struct pf_space *space, uint64_t start, uint64_t end, struct pf_run *run,
		 void (*setup)(void), pf_pagewalk_fn walk)
{
	struct pf_call *call;
	int err;

	if (start >= end)
		return -22;	/* -EINVAL */
	call = pf_call_enter(space, run, start, end, 0);
	if (!call)
		return -12;	/* -ENOMEM */
	pf_reserve_visits(run, (end - start) >> space->ops->page_shift);
	if (setjmp(call->abort) == 0) {
		if (setup)
			setup();
		err = walk(start, end);
	} else {
		err = -14;	/* -EFAULT: the walk was stopped */
	}
	pf_call_leave(call, err);
	return err;
}
