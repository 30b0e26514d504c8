// SPDX-License-Identifier: GPL-2.0
/*
 * The memory seam. READ_ONCE(), __va(), __pa(), pfn_to_page() and the stack copies of the loops all
 * come here; each looks at what an address is before anything is read, so a buggy variant is
 * recorded (what it read, where, at which level and iteration) and never reaches host memory
 * outside the arena.
 */
#include <string.h>
#include "call.h"
#include "space.h"

static const unsigned long pf_no_call_zero[2];

struct pf_place pf_space_classify(const struct pf_space *space, const void *p)
{
	struct pf_place place = PF_PLACE_NONE;
	uintptr_t q = (uintptr_t)p, base = (uintptr_t)space->mem;
	unsigned long off;
	uint32_t table;

	if (q < base || q - base >= space->mem_bytes)
		return place;
	off = q - base;
	if (off < PF_STACK_OFFSET) {
		place.kind = PF_PLACE_MM;
		return place;
	}
	if (off < PF_STACK_OFFSET + PF_STACK_BYTES) {
		place.index = (int)((off - PF_STACK_OFFSET) / 8);
		place.kind = place.index >= PF_SLOT_CALLER ? PF_PLACE_CALLER : PF_PLACE_STACK;
		for (int level = PF_PGD; level < PF_PTE; level++)
			if (place.index == PF_STACK_SLOT(level))
				place.slot_copy = level;
		return place;
	}
	place.kind = PF_PLACE_FREE;
	/* The granule map names the table that holds each 2 KB of the arena: no search. */
	table = space->owner[off >> PF_GRANULE_SHIFT];
	if (table) {
		const struct pf_table *t = &space->tables[table - 1];

		place.kind = PF_PLACE_TABLE;
		place.table_level = t->level;
		place.table_pa = PF_TABLE_PHYS_BASE + t->offset;
		place.index = (int)((off - t->offset) / 8);
	}
	return place;
}

/* A stack slot is a live copy only if this call spilled that level into it. */
struct pf_place pf_call_classify(const struct pf_call *call, const void *p)
{
	struct pf_place place = pf_space_classify(call->space, p);

	if (place.kind == PF_PLACE_STACK && place.slot_copy >= 0 && !call->slot_used[place.slot_copy])
		place.slot_copy = -1;
	return place;
}

static bool pf_readable(const struct pf_call *call, const void *p, size_t size)
{
	uintptr_t q = (uintptr_t)p, base = (uintptr_t)call->space->mem;

	return q >= base && q - base <= call->space->mem_bytes - size && size <= 8 &&
	       (q & (size - 1)) == 0;
}

/* The first read through the loop pointer is the entry value the trace shows. */
static void pf_note_value(struct pf_call *call, const void *p, size_t size)
{
	int active = pf_call_active(call);

	if (call->open_valid && !call->open.value_read && active >= 0 && p == call->ptr[active] &&
	    size == 8 && call->open.level == active) {
		call->open.value = *(const unsigned long *)p;
		call->open.value_read = true;
		pf_seam.watch = NULL;
	}
}

static const void *pf_read_once_checked(struct pf_call *call, const void *p, size_t size);

/* pf_read_once() (pagefold/kernel.h) did not see a table entry: look closer. */
const void *pf_read_once_slow(const void *p, size_t size)
{
	struct pf_call *call = pf_call_current();

	if (!call)
		return pf_no_call_zero;
	return pf_read_once_checked(call, p, size);
}

static const void *pf_read_once_checked(struct pf_call *call, const void *p, size_t size)
{
	struct pf_place place;
	int active;

	if (!pf_readable(call, p, size)) {
		if (call->checking) {
			call->check_faulted = true;
		} else {
			place = pf_call_classify(call, p);
			pf_call_event(call, PF_EV_OUTSIDE_ARENA, place, (uint64_t)(uintptr_t)p);
		}
		return call->zero;
	}
	if (call->checking)
		return p;

	place = pf_call_classify(call, p);
	active = pf_call_active(call);
	switch (place.kind) {
	case PF_PLACE_STACK:
		/*
		 * Reading the copy one was handed is what the kernel does for a folded level; reading
		 * the copy through a pointer that has been incremented is the 2020 bug: the kernel
		 * reads the neighbouring copy and walks on with it.
		 */
		if (place.slot_copy >= 0) {
			if (active >= 0 && p == call->ptr[active] && call->iteration[active] > 1)
				pf_call_event(call, PF_EV_STACK_READ, place, *(const unsigned long *)p);
			break;
		}
		fallthrough;	/* a slot no copy is in */
	case PF_PLACE_CALLER:
		/*
		 * What is there depends on what ran before (the 2024 arm64 report: random oopses) or on
		 * the caller (its saved registers): PageFold models no content and stops the walk.
		 */
		pf_call_event(call, PF_EV_STACK_READ, place, 0);
		pf_call_abort(call);
	case PF_PLACE_FREE:
		pf_call_event(call, PF_EV_OUTSIDE_TABLE, place, *(const unsigned long *)p);
		break;
	default:
		break;
	}
	pf_note_value(call, p, size);
	return p;
}

void *pf_va(unsigned long pa)
{
	struct pf_call *call = pf_call_current();
	struct pf_space *space = call->space;

	if (pa >= PF_TABLE_PHYS_BASE && pa - PF_TABLE_PHYS_BASE < space->mem_bytes)
		return space->mem + (pa - PF_TABLE_PHYS_BASE);
	if (call->checking) {
		call->check_faulted = true;
	} else {
		struct pf_place place = PF_PLACE_NONE;

		pf_call_event(call, PF_EV_OUTSIDE_ARENA, place, pa);
	}
	return space->mem + PF_GUARD_OFFSET;
}

unsigned long pf_pa(const void *p)
{
	struct pf_call *call = pf_call_current();
	uintptr_t q = (uintptr_t)p, base = (uintptr_t)call->space->mem;

	if (q >= base && q - base < call->space->mem_bytes)
		return PF_TABLE_PHYS_BASE + (q - base);
	pf_call_event(call, PF_EV_OUTSIDE_ARENA, pf_call_classify(call, p), (uint64_t)q);
	return 0;
}

struct page *pf_space_head(const struct pf_space *space, struct page *page)
{
	unsigned long pfn;
	int lo = 0, hi = space->nr_chunks - 1;

	if (page->_refcount || page->order || page < space->mem_map ||
	    page >= space->mem_map + space->mem_map_used)
		return page;
	pfn = pf_space_pfn(space, page);
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		const struct pf_chunk *c = &space->chunks[mid];

		if (pfn < c->pfn)
			hi = mid - 1;
		else if (pfn >= c->pfn + c->nr_pages)
			lo = mid + 1;
		else
			return pf_space_page(space, c->pfn + ((pfn - c->pfn) & ~((1UL << c->order) - 1)));
	}
	return page;	/* a frame no mapping uses: a lone page with no reference */
}

struct page *pf_compound_head_slow(struct page *page)
{
	return pf_seam.space ? pf_space_head(pf_seam.space, page) : page;
}

struct page *pf_pfn_to_page_slow(unsigned long pfn)
{
	struct pf_call *call = pf_call_current();
	struct page *page = pf_space_page(call->space, pfn);

	if (page)
		return page;
	if (call->checking) {
		call->check_faulted = true;
	} else {
		struct pf_place place = PF_PLACE_NONE;

		pf_call_event(call, PF_EV_OUTSIDE_ARENA, place, (uint64_t)pfn << call->space->ops->page_shift);
	}
	return &call->bad_page;
}

/* The bad page's frame number is one past every real one, so nth_page() stays on the bad page. */
unsigned long pf_page_to_pfn_slow(const struct page *page)
{
	struct pf_call *call = pf_call_current();

	if (page == &call->bad_page)
		return call->space->first_pfn + call->space->mem_map_pages;
	return pf_space_pfn(call->space, page);
}

void *pf_stack_spill(enum pf_level copy_of, const void *value, size_t size)
{
	struct pf_call *call = pf_call_current();
	unsigned char *slot = call->space->mem + PF_STACK_OFFSET + 8 * PF_STACK_SLOT(copy_of);

	memcpy(slot, value, size < 8 ? size : 8);
	call->slot_used[copy_of] = true;
	return slot;
}
