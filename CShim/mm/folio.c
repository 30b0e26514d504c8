// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel mirror of mm/gup.c's folio reference helpers (v6.1): try_grab_folio(), gup_put_folio().
 * References are taken on the folio, i.e. the head page; a pin of a small folio counts
 * GUP_PIN_COUNTING_BIAS references, a pin of a large one counts in _pincount.
 */
#include <linux/mm.h>

static bool folio_test_large(struct folio *folio)
{
	return folio->page.order > 0;
}

/* folio_ref_try_add_rcu(): a folio whose count is zero is being freed and cannot be grabbed. */
static struct folio *try_get_folio(struct page *page, int refs)
{
	struct folio *folio = page_folio(page);

	if (folio->page._refcount <= 0)
		return NULL;
	folio->page._refcount += refs;
	return folio;
}

struct folio *try_grab_folio(struct page *page, int refs, unsigned int flags)
{
	if (flags & FOLL_GET)
		return try_get_folio(page, refs);
	else if (flags & FOLL_PIN) {
		struct folio *folio = try_get_folio(page, refs);

		if (!folio)
			return NULL;
		/*
		 * When pinning a large folio, use an exact count to track it.
		 *
		 * However, be sure to *also* increment the normal folio
		 * refcount field at least once, so that the folio really
		 * is pinned.  That's why the refcount from the earlier
		 * try_get_folio() is left intact.
		 */
		if (folio_test_large(folio))
			folio->page._pincount += refs;
		else
			folio->page._refcount += refs * (GUP_PIN_COUNTING_BIAS - 1);
		return folio;
	}
	return NULL;	/* WARN_ON_ONCE(1): neither FOLL_GET nor FOLL_PIN */
}

void gup_put_folio(struct folio *folio, int refs, unsigned int flags)
{
	if (flags & FOLL_PIN) {
		if (folio_test_large(folio))
			folio->page._pincount -= refs;
		else
			refs *= GUP_PIN_COUNTING_BIAS;
	}
	folio->page._refcount -= refs;	/* folio_put_refs() */
}

void folio_set_referenced(struct folio *folio)
{
	folio->page.flags |= PF_PG_referenced;
}
