/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel mirror of the parts of include/linux/mm.h and mm/gup.c that gup_fast calls outside the
 * page-table loops: the FOLL_* flags and the folio reference helpers (pagefold/folio.h), and what
 * PageFold does not model of unsharing and NUMA hinting.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <pagefold/kernel.h>
#include <pagefold/folio.h>

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
