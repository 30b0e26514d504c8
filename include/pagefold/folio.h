/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The folio references gup takes and drops, on the seam's struct page: the FOLL_* flags
 * (include/linux/mm.h) and mm/gup.c's try_grab_folio() and gup_put_folio() (v6.1). Shared by
 * PageFold's kernel mirror (linux/mm.h) and the stand-ins a kernel tree is built with.
 */
#ifndef PAGEFOLD_FOLIO_H
#define PAGEFOLD_FOLIO_H

#include <pagefold/seam.h>

#define FOLL_WRITE	PF_FOLL_WRITE	/* check pte is writable */
#define FOLL_GET	PF_FOLL_GET	/* do get_page on page */
#define FOLL_PIN	PF_FOLL_PIN	/* pages must be released via unpin_user_page */

#define compound_head(page) pf_head_of(page)
#define page_folio(page) ((struct folio *)compound_head(page))

/*
 * A pin adds GUP_PIN_COUNTING_BIAS references to a small folio; a large folio counts pins in
 * _pincount instead and takes one reference per pin.
 */
#define GUP_PIN_COUNTING_BIAS (1U << 10)

/*
 * mm/gup.c's folio reference helpers (v6.1): references are taken on the folio, i.e. the head
 * page; a pin of a small folio counts GUP_PIN_COUNTING_BIAS references, a pin of a large one
 * counts in _pincount. Inline here (out of line in the kernel) because gup calls them per page.
 */
static inline bool folio_test_large(struct folio *folio)
{
	return folio->page.order > 0;
}

/* folio_ref_try_add_rcu(): a folio whose count is zero is being freed and cannot be grabbed. */
static inline struct folio *try_get_folio(struct page *page, int refs)
{
	struct folio *folio = page_folio(page);

	if (folio->page._refcount <= 0)
		return NULL;
	folio->page._refcount += refs;
	return folio;
}

static inline struct folio *try_grab_folio(struct page *page, int refs, unsigned int flags)
{
	if (flags & FOLL_GET)
		return try_get_folio(page, refs);
	else if (flags & FOLL_PIN) {
		struct folio *folio = try_get_folio(page, refs);

		if (!folio)
			return NULL;
		/* a large folio counts pins exactly, on top of the one reference just taken */
		if (folio_test_large(folio))
			folio->page._pincount += refs;
		else
			folio->page._refcount += refs * (GUP_PIN_COUNTING_BIAS - 1);
		return folio;
	}
	return NULL;	/* WARN_ON_ONCE(1): neither FOLL_GET nor FOLL_PIN */
}

static inline void gup_put_folio(struct folio *folio, int refs, unsigned int flags)
{
	if (flags & FOLL_PIN) {
		if (folio_test_large(folio))
			folio->page._pincount -= refs;
		else
			refs *= GUP_PIN_COUNTING_BIAS;
	}
	folio->page._refcount -= refs;	/* folio_put_refs() */
}

static inline void folio_set_referenced(struct folio *folio)
{
	folio->page.flags |= PF_PG_referenced;
}

#endif
