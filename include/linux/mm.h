/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel mirror of the parts of include/linux/mm.h and mm/gup.c that gup_fast calls outside the
 * page-table loops: the FOLL_* flags and the folio reference helpers (v6.1 semantics). They do not
 * depend on an arch, so they are built once, in CShim/mm/folio.c.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <pagefold/kernel.h>

#define FOLL_WRITE	PF_FOLL_WRITE	/* check pte is writable */
#define FOLL_GET	PF_FOLL_GET	/* do get_page on page */
#define FOLL_PIN	PF_FOLL_PIN	/* pages must be released via unpin_user_page */

/*
 * A pin adds GUP_PIN_COUNTING_BIAS references to a small folio; a large folio counts pins in
 * _pincount instead and takes one reference per pin.
 */
#define GUP_PIN_COUNTING_BIAS (1U << 10)

struct folio *try_grab_folio(struct page *page, int refs, unsigned int flags);
void gup_put_folio(struct folio *folio, int refs, unsigned int flags);
void folio_set_referenced(struct folio *folio);

/* Every page PageFold maps is an exclusive anonymous page, so a read-only pin need not unshare. */
static inline bool gup_must_unshare(unsigned int flags, struct page *page)
{
	return false;
}

/* FOLL_FORCE, the one flag that may follow a PROT_NONE (NUMA hinting) entry, is not modelled. */
static inline bool gup_can_follow_protnone(unsigned int flags)
{
	return false;
}

#endif
