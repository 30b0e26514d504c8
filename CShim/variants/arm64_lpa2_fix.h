/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm64-lpa2-fix: 36639013b346 "arm64: mm: Fix lockless walks with static and dynamic page-table
 * folding" (Will Deacon, v6.11-rc1): with CONFIG_PGTABLE_LEVELS <= 4, p4d_offset_lockless() builds
 * the p4d pointer from the original pgdp, never from the copy.
 */
#ifndef PAGEFOLD_VARIANT_ARM64_LPA2_FIX_H
#define PAGEFOLD_VARIANT_ARM64_LPA2_FIX_H
#include <asm-arm64/pgtable.h>

static inline
p4d_t *p4d_offset_lockless_folded(pgd_t *pgdp, pgd_t pgd, unsigned long addr)
{
	/*
	 * With runtime folding of the pud, pud_offset_lockless() passes the 'pgd_t *' returned here
	 * to p4d_to_folded_pud(), which offsets it as if it pointed into a page-table page; fast GUP
	 * hands over a pgd_t on the stack, so the original pgdp must be used. Reloading the same live
	 * entry is safe: it is loaded once per level, and same-address reads are ordered.
	 */
	return p4d_offset(pgdp, addr);
}
#define p4d_offset_lockless p4d_offset_lockless_folded

#endif
