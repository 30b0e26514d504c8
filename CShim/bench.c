// SPDX-License-Identifier: GPL-2.0
/*
 * The lower bound of a walk, for the benchmarks: a plain loop over the range that reads each page's
 * leaf entry from the arena (finding its table once per table, with no folding and no checks) and
 * records the page. As gup: it stops at the first page it may not take and takes a reference on
 * each page it records. As a pagewalk: it reads every leaf entry there is and jumps over holes.
 * No walk can do the same with fewer reads, so a variant's time over this one's is its cost of
 * walking.
 */
#include "space.h"

/* The mapping that holds va, or failing that the first one above it. */
static const struct pf_chunk *pf_chunk_at(const struct pf_space *space, unsigned long va, bool *inside)
{
	const struct pf_chunk *next = NULL;

	for (int c = 0; c < space->nr_chunks; c++) {
		const struct pf_chunk *chunk = &space->chunks[c];

		if (va >= chunk->start && va < chunk->end) {
			*inside = true;
			return chunk;
		}
		if (chunk->start > va && (!next || chunk->start < next->start))
			next = chunk;
	}
	*inside = false;
	return next;
}

long pf_lower_bound(struct pf_space *space, uint64_t start, uint64_t nr_pages, bool gup, uint64_t *pfns)
{
	const int ps = space->ops->page_shift;
	const unsigned long end = start + (nr_pages << ps);
	const struct pf_chunk *chunk = NULL;
	const unsigned long *table = NULL;
	unsigned long table_block = 0, va = start;
	int li = -1, block_shift = 64;
	long nr = 0;

	while (va < end) {
		const struct pf_geo_level *g;
		unsigned long pa;

		if (!chunk || va < chunk->start || va >= chunk->end) {
			bool inside;

			chunk = pf_chunk_at(space, va, &inside);
			if (!inside && (gup || !chunk))
				break;
			if (!inside) {
				va = chunk->start;	/* a hole: the walk reads nothing there */
				continue;
			}
			li = pf_leaf_index(space, ps + (int)chunk->order);
			block_shift = li ? space->geo[li - 1].shift : 64;
			table = NULL;
		}
		g = &space->geo[li];
		if (!table || (block_shift < 64 && va >> block_shift != table_block)) {
			const unsigned long *slot = pf_leaf_slot(space, va, li, false, NULL, 0);

			if (!slot)
				break;
			table = slot - ((va >> g->shift) & (unsigned long)(g->entries - 1));
			table_block = block_shift < 64 ? va >> block_shift : 0;
		}
		pa = space->ops->leaf_pa(g->level, table[(va >> g->shift) & (unsigned long)(g->entries - 1)], false);
		if (pa == PF_NO_PAGE) {
			if (gup)
				break;
			va += 1UL << ps;
			continue;
		}
		/* every page this entry maps, up to the end of the range: one read for them all */
		unsigned long stop = ((va >> g->shift) + 1) << g->shift, n;

		if (stop > end || stop == 0)
			stop = end;
		n = (stop - va) >> ps;
		pa += va & ((1UL << g->shift) - 1);
		if (gup)
			pf_space_head(space, pf_space_page(space, pa >> ps))->_refcount += (int)n;
		for (unsigned long i = 0; i < n; i++)
			pfns[nr++] = (pa >> ps) + i;
		va = stop;
	}
	return nr;
}
