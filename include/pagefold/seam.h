/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The memory seam: struct page, and the inline half of the arena's checks (CShim/arena.c). Every
 * read of a table entry, every frame's struct page and every step to the next page of a folio
 * goes through here. Shared by PageFold's own kernel mirror (pagefold/kernel.h) and by the
 * stand-ins a kernel tree's code is built with (pagefold/standins/), which have their own types.
 */
#ifndef PAGEFOLD_SEAM_H
#define PAGEFOLD_SEAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <pagefold/pagefold.h>

/*
 * struct page: only what gup touches. The reference lives in the head page of a folio, as in
 * include/linux/mm_types.h; _pincount is meaningful for large folios only (v6.1 try_grab_folio()).
 */
struct page {
	int _refcount;
	int _pincount;
	unsigned int flags;         /* PF_PG_referenced */
	unsigned int order;         /* head pages: folio order */
};
struct folio {
	struct page page;
};
#define PF_PG_referenced 1u

/*
 * What the inline half of the seam knows of the space a call runs on, set by the call for its
 * length (per thread): enough to tell an aligned read of a table entry, the common case, and to
 * find a frame's struct page, without leaving the walk. Everything else goes to arena.c.
 */
#define PF_GRANULE_SHIFT 11	/* the owner map's granule: s390's page tables, the smallest, are 2 KB */
struct pf_seam {
	uintptr_t tables;		/* the first byte of the table region, and its length */
	uintptr_t tables_bytes;
	uintptr_t gapless_bytes;	/* from `tables`, all table: no granule to look up */
	const uint32_t *owner;		/* per granule from `tables`: nonzero where a table is */
	const void *watch;		/* the loop pointer whose first read the trace wants */
	struct page *mem_map;		/* struct pages of frames first_pfn .. first_pfn + nr_pfns */
	unsigned long first_pfn, nr_pfns;
	uintptr_t va_offset;		/* __va(pa) - pa for the arena's physical addresses */
	const struct pf_space *space;	/* the space itself, for what the rest of the seam asks */
};
extern _Thread_local struct pf_seam pf_seam __attribute__((tls_model("initial-exec")));

const void *pf_read_once_slow(const void *p, size_t size);
struct page *pf_pfn_to_page_slow(unsigned long pfn);

/*
 * An aligned 8-byte read of a table entry is the common case, decided here: in the tables' gapless
 * start (all of them, until an alignment gap is left between two), or in a granule a table owns.
 */
static inline const void *pf_read_once(const void *p, size_t size)
{
	uintptr_t off = (uintptr_t)p - pf_seam.tables;

	if (__builtin_expect(size == 8 && !(off & 7) && p != pf_seam.watch, 1) &&
	    (__builtin_expect(off < pf_seam.gapless_bytes, 1) ||
	     (off < pf_seam.tables_bytes && pf_seam.owner[off >> PF_GRANULE_SHIFT])))
		return p;
	return pf_read_once_slow(p, size);
}

static inline struct page *pf_pfn_to_page(unsigned long pfn)
{
	if (__builtin_expect(pfn - pf_seam.first_pfn < pf_seam.nr_pfns, 1))
		return &pf_seam.mem_map[pfn - pf_seam.first_pfn];
	return pf_pfn_to_page_slow(pfn);
}

void *pf_va(unsigned long pa);
unsigned long pf_pa(const void *p);
unsigned long pf_page_to_pfn_slow(const struct page *page);

static inline unsigned long pf_page_to_pfn(const struct page *page)
{
	if (__builtin_expect((unsigned long)(page - pf_seam.mem_map) < pf_seam.nr_pfns, 1))
		return pf_seam.first_pfn + (unsigned long)(page - pf_seam.mem_map);
	return pf_page_to_pfn_slow(page);
}
_Noreturn void pf_bug(const char *file, int line);

/*
 * nth_page(): s390, x86-64 and arm64 select SPARSEMEM_VMEMMAP, so include/linux/mm.h makes it
 * page + n. So it is here while the result stays in the space's mem_map; a step off it goes
 * through pfn_to_page(), which reports the frame.
 */
static inline struct page *pf_nth_page(struct page *page, unsigned long n)
{
	uintptr_t off = (uintptr_t)page - (uintptr_t)pf_seam.mem_map;
	uintptr_t bytes = pf_seam.nr_pfns * sizeof(struct page);

	if (__builtin_expect(off < bytes && n < pf_seam.nr_pfns && n * sizeof(struct page) < bytes - off, 1))
		return page + n;
	return pf_pfn_to_page(pf_page_to_pfn(page) + n);
}

/*
 * compound_head(): a mapped head page holds a reference or a folio order, so it is its own head at
 * once; a tail page of a large folio (or a frame nothing maps) asks the arena which folio it is in.
 * The kernel keeps a head pointer in every tail page instead; PageFold does not write 2 GB worth
 * of them.
 */
struct page *pf_compound_head_slow(struct page *page);
static inline struct page *pf_head_of(struct page *page)
{
	return page->_refcount || page->order ? page : pf_compound_head_slow(page);
}

#endif
