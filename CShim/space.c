// SPDX-License-Identifier: GPL-2.0
/*
 * Building an address space: the arena, the top table, mappings (tables allocated on demand as
 * the fault path would), s390's crst_table_upgrade(), and releasing pinned pages. Every error is
 * a sentence naming what is wrong; nothing here asserts.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <linux/mm.h>
#include "space.h"

#define PF_DEFAULT_CAP	(256UL << 20)
/* Page tables must stay below the data frames, which start at 4 GB. */
#define PF_MAX_ARENA	(PF_DATA_PHYS_BASE - PF_TABLE_PHYS_BASE - PF_ARENA_ALIGN)

static int pf_fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static const struct pf_arch_ops *pf_arch_ops_of(enum pf_arch arch)
{
	switch (arch) {
	case PF_ARCH_GENERIC: return &pf_arch_generic;
	case PF_ARCH_S390: return &pf_arch_s390;
	case PF_ARCH_X86: return &pf_arch_x86;
	case PF_ARCH_ARM64: return &pf_arch_arm64;
	}
	return NULL;
}

int pf_arch_page_shift(enum pf_arch arch)
{
	const struct pf_arch_ops *ops = pf_arch_ops_of(arch);

	return ops ? ops->page_shift : -1;
}

static unsigned long *pf_table_at(struct pf_space *space, unsigned long pa)
{
	return (unsigned long *)(space->mem + (pa - PF_TABLE_PHYS_BASE));
}

/* Allocate and initialise one table of a geometry level; returns its physical address or 0. */
static unsigned long pf_alloc_table(struct pf_space *space, const struct pf_geo_level *g,
				    char *err, size_t errlen)
{
	unsigned long off = (space->used + g->table_bytes - 1) & ~(g->table_bytes - 1);
	unsigned long *t, empty = space->ops->empty_entry(g->level);

	if (off + g->table_bytes > space->mem_bytes ||
	    off + g->table_bytes + space->mem_map_used * sizeof(struct page) > space->cap_bytes) {
		pf_fail(err, errlen, "the page tables need more than the space's cap of %lu bytes",
			space->cap_bytes);
		return 0;
	}
	if (space->nr_tables == space->cap_tables) {
		int cap = space->cap_tables ? 2 * space->cap_tables : 64;
		struct pf_table *grown = realloc(space->tables, cap * sizeof(*grown));

		if (!grown) {
			pf_fail(err, errlen, "out of memory for the table list");
			return 0;
		}
		space->tables = grown;
		space->cap_tables = cap;
	}
	for (unsigned long o = off; o < off + g->table_bytes; o += 1UL << PF_GRANULE_SHIFT)
		space->owner[o >> PF_GRANULE_SHIFT] = (uint32_t)space->nr_tables + 1;
	space->tables[space->nr_tables++] = (struct pf_table) { off, g->table_bytes, g->level };
	if (space->tables_gapless == space->used && off == space->used)
		space->tables_gapless = off + g->table_bytes;	/* no alignment gap yet */
	space->used = off + g->table_bytes;
	t = (unsigned long *)(space->mem + off);
	for (unsigned long i = 0; i < g->table_bytes / 8; i++)
		t[i] = empty;
	return PF_TABLE_PHYS_BASE + off;
}

struct pf_space *pf_space_create(enum pf_arch arch, int levels, uint64_t cap_bytes,
				 char *err, size_t errlen)
{
	const struct pf_arch_ops *ops = pf_arch_ops_of(arch);
	struct pf_space *space;
	unsigned long top_pa, mem_bytes;
	void *map;

	if (!ops) {
		pf_fail(err, errlen, "unknown arch %d", (int)arch);
		return NULL;
	}
	if (levels < ops->min_levels || levels > ops->max_levels) {
		pf_fail(err, errlen, "%s has %d to %d page-table levels, not %d",
			ops->name, ops->min_levels, ops->max_levels, levels);
		return NULL;
	}
	if (cap_bytes == 0)
		cap_bytes = PF_DEFAULT_CAP;
	if (cap_bytes < PF_TABLES_OFFSET + (64UL << 10) || cap_bytes > PF_MAX_ARENA) {
		pf_fail(err, errlen, "the arena cap must lie between %lu and %lu bytes, not %llu",
			PF_TABLES_OFFSET + (64UL << 10), PF_MAX_ARENA, (unsigned long long)cap_bytes);
		return NULL;
	}
	space = calloc(1, sizeof(*space));
	if (!space) {
		pf_fail(err, errlen, "out of memory for the space");
		return NULL;
	}
	space->arch = arch;
	space->ops = ops;
	space->levels = levels;
	space->nr_geo = ops->geometry(levels, space->geo);
	space->user_limit = ops->user_limit(levels);
	space->cap_bytes = cap_bytes;
	space->first_pfn = PF_DATA_PHYS_BASE >> ops->page_shift;

	/* Reserve, do not commit: untouched pages cost nothing. */
	mem_bytes = cap_bytes;
	space->map_bytes = mem_bytes + PF_ARENA_ALIGN;
	map = mmap(NULL, space->map_bytes, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (map == MAP_FAILED) {
		pf_fail(err, errlen, "cannot reserve %lu bytes for the arena", space->map_bytes);
		free(space);
		return NULL;
	}
	space->map_base = map;
	space->mem = (unsigned char *)(((uintptr_t)map + PF_ARENA_ALIGN - 1) & ~(PF_ARENA_ALIGN - 1));
	space->mem_bytes = mem_bytes;
	space->used = space->tables_gapless = PF_TABLES_OFFSET;
	space->mem_map_pages = cap_bytes / sizeof(struct page);
	space->mem_map = mmap(NULL, space->mem_map_pages * sizeof(struct page),
			      PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (space->mem_map == MAP_FAILED) {
		space->mem_map = NULL;
		pf_space_destroy(space);
		pf_fail(err, errlen, "cannot reserve the struct page array");
		return NULL;
	}
	space->owner_bytes = (mem_bytes >> PF_GRANULE_SHIFT) * sizeof(*space->owner);
	space->owner = mmap(NULL, space->owner_bytes, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (space->owner == MAP_FAILED) {
		space->owner = NULL;
		pf_space_destroy(space);
		pf_fail(err, errlen, "cannot reserve the arena's owner map");
		return NULL;
	}
	space->mm = (struct mm_struct *)(space->mem + PF_MM_OFFSET);
	top_pa = pf_alloc_table(space, &space->geo[0], err, errlen);
	if (!top_pa) {
		pf_space_destroy(space);
		return NULL;
	}
	space->mm->pgd = (pgd_t *)pf_table_at(space, top_pa);
	ops->init_mm(space->mm, levels, top_pa);
	return space;
}

void pf_space_destroy(struct pf_space *space)
{
	if (!space)
		return;
	if (space->mem_map)
		munmap(space->mem_map, space->mem_map_pages * sizeof(struct page));
	if (space->owner)
		munmap(space->owner, space->owner_bytes);
	if (space->map_base)
		munmap(space->map_base, space->map_bytes);
	free(space->tables);
	free(space->chunks);
	free(space);
}

int pf_space_levels(const struct pf_space *space)
{
	return space->levels;
}

uint64_t pf_space_user_limit(const struct pf_space *space)
{
	return space->user_limit;
}

unsigned long *pf_leaf_slot(struct pf_space *space, unsigned long va, int li, bool alloc,
				   char *err, size_t errlen)
{
	unsigned long table_pa = PF_TABLE_PHYS_BASE + ((unsigned char *)space->mm->pgd - space->mem);

	for (int i = 0; i < li; i++) {
		const struct pf_geo_level *g = &space->geo[i];
		unsigned long *e = pf_table_at(space, table_pa) +
				   ((va >> g->shift) & (unsigned long)(g->entries - 1));

		if (*e == space->ops->empty_entry(g->level)) {
			unsigned long child;

			if (!alloc)
				return NULL;
			child = pf_alloc_table(space, &space->geo[i + 1], err, errlen);
			if (!child)
				return NULL;
			*e = space->ops->table_entry(g->level, child);
		}
		table_pa = space->ops->table_origin(g->level, *e);
	}
	return pf_table_at(space, table_pa) + ((va >> space->geo[li].shift) &
					       (unsigned long)(space->geo[li].entries - 1));
}

static unsigned long pf_leaf_value(const struct pf_space *space, enum pf_level level,
				   unsigned long pa, bool write)
{
	return space->writer ? space->writer(space, level, pa, write) : space->ops->leaf_entry(level, pa, write);
}

int pf_leaf_index(const struct pf_space *space, int page_shift)
{
	for (int i = 0; i < space->nr_geo; i++)
		if (space->geo[i].shift == page_shift &&
		    (space->geo[i].leaf_ok || space->geo[i].level == PF_PTE))
			return i;
	return -1;
}

void pf_space_write_leaves(struct pf_space *space, pf_leaf_writer writer)
{
	if (writer == space->writer)
		return;
	space->writer = writer;
	for (int c = 0; c < space->nr_chunks; c++) {
		const struct pf_chunk *chunk = &space->chunks[c];
		int shift = space->ops->page_shift + (int)chunk->order;
		int li = pf_leaf_index(space, shift);
		unsigned long pa = chunk->pfn << space->ops->page_shift;

		for (unsigned long va = chunk->start; va < chunk->end; va += 1UL << shift, pa += 1UL << shift)
			*pf_leaf_slot(space, va, li, false, NULL, 0) =
				pf_leaf_value(space, space->geo[li].level, pa, chunk->write);
	}
}

static int pf_add_chunk(struct pf_space *space, struct pf_chunk chunk, char *err, size_t errlen)
{
	int at = space->nr_chunks;

	if (space->nr_chunks == space->cap_chunks) {
		int cap = space->cap_chunks ? 2 * space->cap_chunks : 16;
		struct pf_chunk *grown = realloc(space->chunks, cap * sizeof(*grown));

		if (!grown)
			return pf_fail(err, errlen, "out of memory for the mapping list");
		space->chunks = grown;
		space->cap_chunks = cap;
	}
	while (at > 0 && space->chunks[at - 1].pfn > chunk.pfn) {
		space->chunks[at] = space->chunks[at - 1];
		at--;
	}
	space->chunks[at] = chunk;
	space->nr_chunks++;
	return 0;
}

int pf_space_map(struct pf_space *space, uint64_t start, uint64_t end, int page_shift,
		 bool write, uint64_t phys, char *err, size_t errlen)
{
	const int ps = space->ops->page_shift;
	unsigned long size, nr_pages, first, last;
	int li;

	if (space->broken)
		return pf_fail(err, errlen, "the space is unusable after an earlier failed mapping");
	li = pf_leaf_index(space, page_shift);
	if (li < 0)
		return pf_fail(err, errlen, "%s with %d levels has no %lu-byte pages", space->ops->name,
			       space->levels, page_shift >= 0 && page_shift < 64 ? 1UL << page_shift : 0);
	size = 1UL << page_shift;
	if (start >= end)
		return pf_fail(err, errlen, "mapping end 0x%llx is not above its start 0x%llx",
			       (unsigned long long)end, (unsigned long long)start);
	if ((start | end) & (size - 1))
		return pf_fail(err, errlen, "mapping 0x%llx-0x%llx is not aligned to its page size 0x%lx",
			       (unsigned long long)start, (unsigned long long)end, size);
	if (end > space->user_limit)
		return pf_fail(err, errlen, "mapping end 0x%llx is beyond the user limit 0x%lx",
			       (unsigned long long)end, space->user_limit);
	if (phys < PF_DATA_PHYS_BASE || (phys & (size - 1)) || phys + (end - start) < phys)
		return pf_fail(err, errlen, "physical address 0x%llx must be aligned to 0x%lx and at or above 0x%llx",
			       (unsigned long long)phys, size, (unsigned long long)PF_DATA_PHYS_BASE);
	first = phys >> ps;
	nr_pages = (end - start) >> ps;
	for (int i = 0; i < space->nr_chunks; i++) {
		const struct pf_chunk *c = &space->chunks[i];

		if (start < c->end && c->start < end)
			return pf_fail(err, errlen, "mapping 0x%llx-0x%llx overlaps mapping 0x%lx-0x%lx",
				       (unsigned long long)start, (unsigned long long)end, c->start, c->end);
		if (first < c->pfn + c->nr_pages && c->pfn < first + nr_pages)
			return pf_fail(err, errlen, "physical range at 0x%llx overlaps the frames of mapping 0x%lx-0x%lx",
				       (unsigned long long)phys, c->start, c->end);
	}
	last = first - space->first_pfn + nr_pages;
	if (last > space->mem_map_pages || space->used + last * sizeof(struct page) > space->cap_bytes)
		return pf_fail(err, errlen, "the struct pages up to frame 0x%lx need more than the space's cap of %lu bytes",
			       first + nr_pages, space->cap_bytes);
	if (last > space->mem_map_used)
		space->mem_map_used = last;

	for (unsigned long va = start, pa = phys; va < end; va += size, pa += size) {
		struct page *head = pf_space_page(space, pa >> ps);
		unsigned long *slot = pf_leaf_slot(space, va, li, true, err, errlen);

		if (!slot) {
			space->broken = true;
			return -1;
		}
		*slot = pf_leaf_value(space, space->geo[li].level, pa, write);
		head->_refcount = 1;	/* mapped once */
		head->order = page_shift - ps;
	}
	if (pf_add_chunk(space, (struct pf_chunk) { start, end, first, nr_pages, page_shift - ps, write },
			 err, errlen)) {
		space->broken = true;
		return -1;
	}
	return 0;
}

/*
 * crst_table_upgrade(): a new top table, filled with its empty entries, whose entry 0 points at
 * the old top; then mm->pgd, asce_limit and the ASCE switch over. 3 -> 4 -> 5 levels.
 */
int pf_space_upgrade(struct pf_space *space, int levels, char *err, size_t errlen)
{
	if (!space->ops->upgradable)
		return pf_fail(err, errlen, "%s has no run-time page-table upgrade", space->ops->name);
	if (space->levels < 3)
		return pf_fail(err, errlen, "a %d-level (31-bit compat) task cannot be upgraded", space->levels);
	if (levels <= space->levels || levels > space->ops->max_levels)
		return pf_fail(err, errlen, "cannot upgrade a %d-level task to %d levels", space->levels, levels);
	if (space->broken)
		return pf_fail(err, errlen, "the space is unusable after an earlier failed mapping");
	while (space->levels < levels) {
		struct pf_geo_level geo[PF_NR_LEVELS];
		unsigned long old_top = PF_TABLE_PHYS_BASE + ((unsigned char *)space->mm->pgd - space->mem);
		unsigned long top;

		space->ops->geometry(space->levels + 1, geo);
		top = pf_alloc_table(space, &geo[0], err, errlen);
		if (!top)
			return -1;
		pf_table_at(space, top)[0] = space->ops->table_entry(geo[0].level, old_top);
		space->levels++;
		space->nr_geo = space->ops->geometry(space->levels, space->geo);
		space->user_limit = space->ops->user_limit(space->levels);
		space->mm->pgd = (pgd_t *)pf_table_at(space, top);
		space->ops->init_mm(space->mm, space->levels, top);
	}
	return 0;
}

bool pf_space_page_counts(const struct pf_space *space, uint64_t pfn, int *refcount, int *pincount)
{
	struct page *page = pf_space_page(space, pfn);

	if (!page)
		return false;
	page = pf_space_head(space, page);
	*refcount = page->_refcount;
	*pincount = page->_pincount;
	return true;
}

/*
 * unpin_user_pages() for FOLL_PIN, put_page() for FOLL_GET; as unpin_user_pages() does with
 * gup_folio_next(), a run of pages of one folio is released in one go.
 */
void pf_space_release(struct pf_space *space, const uint64_t *pfns, long nr, unsigned int gup_flags)
{
	for (long i = 0, n; i < nr; i += n) {
		struct page *page = pf_space_page(space, pfns[i]), *head;
		unsigned long first, last;

		n = 1;
		if (!page)
			continue;
		head = pf_space_head(space, page);
		first = pf_space_pfn(space, head);
		last = first + (1UL << head->order) - 1;
		while (i + n < nr && n < INT_MAX && pfns[i + n] >= first && pfns[i + n] <= last)
			n++;
		gup_put_folio((struct folio *)head, (int)n, gup_flags & FOLL_PIN);
	}
}

/* Head pages of the mapped folios, one at a time: fn(space, head). */
static void pf_for_each_head(const struct pf_space *space,
			     bool (*fn)(const struct pf_space *, struct page *, void *), void *arg)
{
	for (int c = 0; c < space->nr_chunks; c++) {
		const struct pf_chunk *chunk = &space->chunks[c];

		for (unsigned long i = 0; i < chunk->nr_pages; i += 1UL << chunk->order)
			if (!fn(space, pf_space_page(space, chunk->pfn + i), arg))
				return;
	}
}

static bool pf_reset_head(const struct pf_space *space, struct page *head, void *arg)
{
	head->_refcount = 1;
	head->_pincount = 0;
	head->flags = 0;
	return true;
}

void pf_space_reset_pages(struct pf_space *space)
{
	pf_for_each_head(space, pf_reset_head, NULL);
}

struct pf_changed {
	long nr;
	uint64_t first;
};

static bool pf_count_changed(const struct pf_space *space, struct page *head, void *arg)
{
	struct pf_changed *changed = arg;

	if (head->_refcount != 1 || head->_pincount != 0) {
		if (changed->nr++ == 0)
			changed->first = pf_space_pfn(space, head);
	}
	return true;
}

long pf_space_changed_pages(const struct pf_space *space, uint64_t *first_pfn)
{
	struct pf_changed changed = { 0, 0 };

	pf_for_each_head(space, pf_count_changed, &changed);
	if (first_pfn)
		*first_pfn = changed.first;
	return changed.nr;
}
