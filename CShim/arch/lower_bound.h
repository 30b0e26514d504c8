/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lower bound of a walk, for the benchmarks: a plain loop over the range that reads each leaf
 * entry from the arena, one table at a time (found once per table, with no folding and no checks),
 * and records what it maps. As gup: it stops at the first page it may not take, takes a reference
 * on each page it records and records every page. As a pagewalk: it reads every leaf entry there
 * is, records the frame of each present one once, and jumps over holes. No walk can do the same
 * with fewer reads, so a variant's time over this one's is its cost of walking.
 *
 * An arch file defines PF_ARCH_LEAF_PA (its leaf decoder, which inlines here) and includes this
 * once; its ops point at pf_arch_lower_bound().
 */

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

static long pf_arch_lower_bound(struct pf_space *space, uint64_t start, uint64_t nr_pages, bool gup,
				uint64_t *pfns)
{
	const int ps = space->ops->page_shift;
	const unsigned long end = start + (nr_pages << ps);
	unsigned long va = start;
	long nr = 0;

	while (va < end) {
		bool inside;
		const struct pf_chunk *chunk = pf_chunk_at(space, va, &inside);
		const struct pf_geo_level *g;
		const unsigned long *slot;
		unsigned long stop;
		int li;

		if (!inside) {
			if (gup || !chunk)
				break;
			va = chunk->start;	/* a hole: the walk reads nothing there */
			continue;
		}
		li = pf_leaf_index(space, ps + (int)chunk->order);
		g = &space->geo[li];
		slot = pf_leaf_slot(space, va, li, false, NULL, 0);
		if (!slot)
			break;
		/* this table's entries, up to the end of the range or of the mapping */
		stop = end < chunk->end ? end : chunk->end;
		if (li) {
			unsigned long table_end = ((va >> space->geo[li - 1].shift) + 1) << space->geo[li - 1].shift;

			if (table_end && table_end < stop)
				stop = table_end;
		}
		while (va < stop) {
			unsigned long entry_end = ((va >> g->shift) + 1) << g->shift;
			unsigned long pa = PF_ARCH_LEAF_PA(g->level, *slot++, false);
			unsigned long n, pfn;

			if (!entry_end || entry_end > stop)
				entry_end = stop;
			if (pa == PF_NO_PAGE) {
				if (gup)
					return nr;
				va = entry_end;
				continue;
			}
			pfn = (pa + (va & ((1UL << g->shift) - 1))) >> ps;
			if (gup) {
				struct page *page = pf_space_page(space, pfn);

				n = (entry_end - va) >> ps;
				if (!page->_refcount && !page->order)
					page = pf_space_head(space, page);	/* a tail page */
				page->_refcount += (int)n;
				for (unsigned long i = 0; i < n; i++)
					pfns[nr++] = pfn + i;
			} else {
				pfns[nr++] = pfn;	/* a pagewalk calls back once per entry */
			}
			va = entry_end;
		}
	}
	return nr;
}
