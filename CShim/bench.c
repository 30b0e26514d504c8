// SPDX-License-Identifier: GPL-2.0
/*
 * The lower bound of a gup_fast walk, for the benchmarks: a plain loop over the range that reads
 * each page's leaf entry from the arena (finding its table once per table, with no folding and
 * no checks), and records the page with a reference, as gup must. Nothing a walk can do for
 * fewer reads, so a variant's time over this one's is its cost of walking.
 */
#include "space.h"

long pf_lower_bound_gup(struct pf_space *space, uint64_t start, uint64_t nr_pages, bool write,
			uint64_t *pfns)
{
	const int ps = space->ops->page_shift;
	const struct pf_chunk *chunk = NULL;
	const unsigned long *table = NULL;
	unsigned long table_block = 0;
	int li = -1, block_shift = 64;
	long nr = 0;

	for (uint64_t i = 0; i < nr_pages; i++) {
		unsigned long va = start + (i << ps), pa;
		const struct pf_geo_level *g;

		if (!chunk || va < chunk->start || va >= chunk->end) {
			chunk = NULL;
			for (int c = 0; c < space->nr_chunks && !chunk; c++)
				if (va >= space->chunks[c].start && va < space->chunks[c].end)
					chunk = &space->chunks[c];
			if (!chunk)
				break;
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
		pa = space->ops->leaf_pa(g->level, table[(va >> g->shift) & (unsigned long)(g->entries - 1)], write);
		if (pa == PF_NO_PAGE)
			break;
		pa += va & ((1UL << g->shift) - 1);
		pf_space_head(space, pf_space_page(space, pa >> ps))->_refcount++;
		pfns[nr++] = pa >> ps;
	}
	return nr;
}
