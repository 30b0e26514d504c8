/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loop template: the kernel's GUP-fast walk, mm/gup.c. No include guard: every variant includes it
 * once, after its arch header and patch macros, and gets its own static copy.
 *
 * Code as of v6.1, names as of the 2024 rename ("mm/gup: consistently name GUP-fast functions"):
 * gup_pXd_range -> gup_fast_pXd_range, gup_huge_pXd -> gup_fast_pXd_leaf, lockless_pages_from_mm
 * -> gup_fast. Left out, as no arch modelled here has them: hugepd (powerpc), pgd leaves, devmap
 * and the secretmem check. Lines marked PF_ are test hooks (CShim/mm/checks.h); PF_COPY(pgd)
 * stands where the kernel writes pgd and takes its address, so that the copy is in the arena.
 *
 * Two shapes, chosen by the variant:
 *  - GUP_FAST_PASSES_VALUES: the v6.1 loop bodies with the parameter passing of v5.2-v5.8. A level
 *    gets the upper entry's *value* and finds its own pointer with pXd_offset(&value): for a folded
 *    level that is the address of the copy on the stack, and pXdp++ walks the stack (the 2020 bug).
 *    v5.8's bodies differ in what does not touch the pointers: no live pmd recheck in the pte loop,
 *    no gup_must_unshare(), try_grab_compound_head() for try_grab_folio().
 *  - otherwise d3f7b1bb2040: a level gets the live pointer *and* the value, and calls
 *    pXd_offset_lockless(pointer, value, addr).
 */

#ifdef GUP_FAST_PASSES_VALUES
#define GUP_PARAMS(type, ptr, val)	type val
#define GUP_ARGS(ptr, val)		val
#define GUP_UPPER(ptr, val)		(&PF_COPY(val))
#else
#define GUP_PARAMS(type, ptr, val)	type *ptr, type val
#define GUP_ARGS(ptr, val)		ptr, val
#define GUP_UPPER(ptr, val)		ptr
#endif

/*
 * The call the 2020 series rewrote: how a loop finds next. The merged kernel uses
 * pXd_addr_end(addr, end); RFC v1 2/2 introduced these gup_pXd_addr_end(pXd, addr, end), whose
 * generic fallbacks are exactly the lines below; RFC v2 routed them to pXd_addr_end(pXd, addr, end).
 */
#ifndef gup_pgd_addr_end
#define gup_pgd_addr_end(pgd, addr, end)	pgd_addr_end(addr, end)
#endif
#ifndef gup_p4d_addr_end
#define gup_p4d_addr_end(p4d, addr, end)	p4d_addr_end(addr, end)
#endif
#ifndef gup_pud_addr_end
#define gup_pud_addr_end(pud, addr, end)	pud_addr_end(addr, end)
#endif
#ifndef gup_pmd_addr_end
#define gup_pmd_addr_end(pmd, addr, end)	pmd_addr_end(addr, end)
#endif

#ifndef gup_fast_permitted
/*
 * Check if it's allowed to use get_user_pages_fast_only() for the range, or
 * we need to fall back to the slow version:
 */
static bool gup_fast_permitted(unsigned long start, unsigned long end)
{
	return true;
}
#endif

static int gup_fast_pte_range(pmd_t pmd, pmd_t *pmdp, unsigned long addr,
		unsigned long end, unsigned int flags, struct page **pages,
		int *nr)
{
	int ret = 0;
	pte_t *ptep, *ptem;

	ptem = ptep = pte_offset_map(&PF_COPY(pmd), addr);
	do {
		PF_LOOP_STEP(pte, ptep, &PF_COPY(pmd), addr, end);
		pte_t pte = ptep_get_lockless(ptep);
		struct page *page;
		struct folio *folio;

		if (pte_protnone(pte) && !gup_can_follow_protnone(flags))
			goto pte_unmap;

		if (!pte_access_permitted(pte, flags & FOLL_WRITE))
			goto pte_unmap;

		if (pte_special(pte))
			goto pte_unmap;

		page = pte_page(pte);

		folio = try_grab_folio(page, 1, flags);
		if (!folio)
			goto pte_unmap;

		if (unlikely(pmd_val(pmd) != pmd_val(pmdp_get(pmdp))) ||
		    unlikely(pte_val(pte) != pte_val(ptep_get(ptep)))) {
			gup_put_folio(folio, 1, flags);
			goto pte_unmap;
		}

		if (!pte_write(pte) && gup_must_unshare(flags, page)) {
			gup_put_folio(folio, 1, flags);
			goto pte_unmap;
		}

		folio_set_referenced(folio);
		pages[*nr] = page;
		(*nr)++;
	} while (ptep++, addr += PAGE_SIZE, addr != end);

	ret = 1;

pte_unmap:
	pte_unmap(ptem);
	return ret;
}

static int record_subpages(struct page *page, unsigned long addr,
			   unsigned long end, struct page **pages)
{
	int nr;

	for (nr = 0; addr != end; nr++, addr += PAGE_SIZE)
		pages[nr] = nth_page(page, nr);

	return nr;
}

static int gup_fast_pmd_leaf(pmd_t orig, pmd_t *pmdp, unsigned long addr,
		unsigned long end, unsigned int flags, struct page **pages,
		int *nr)
{
	struct page *page;
	struct folio *folio;
	int refs;

	if (!pmd_access_permitted(orig, flags & FOLL_WRITE))
		return 0;

	page = nth_page(pmd_page(orig), (addr & ~PMD_MASK) >> PAGE_SHIFT);
	refs = record_subpages(page, addr, end, pages + *nr);

	folio = try_grab_folio(page, refs, flags);
	if (!folio)
		return 0;

	/* The recheck of the live entry: why the leaf handlers need the real pmdp. */
	if (unlikely(pmd_val(orig) != pmd_val(pmdp_get(pmdp)))) {
		gup_put_folio(folio, refs, flags);
		return 0;
	}

	if (!pmd_write(orig) && gup_must_unshare(flags, &folio->page)) {
		gup_put_folio(folio, refs, flags);
		return 0;
	}

	*nr += refs;
	folio_set_referenced(folio);
	return 1;
}

static int gup_fast_pud_leaf(pud_t orig, pud_t *pudp, unsigned long addr,
		unsigned long end, unsigned int flags, struct page **pages,
		int *nr)
{
	struct page *page;
	struct folio *folio;
	int refs;

	if (!pud_access_permitted(orig, flags & FOLL_WRITE))
		return 0;

	page = nth_page(pud_page(orig), (addr & ~PUD_MASK) >> PAGE_SHIFT);
	refs = record_subpages(page, addr, end, pages + *nr);

	folio = try_grab_folio(page, refs, flags);
	if (!folio)
		return 0;

	if (unlikely(pud_val(orig) != pud_val(pudp_get(pudp)))) {
		gup_put_folio(folio, refs, flags);
		return 0;
	}

	if (!pud_write(orig) && gup_must_unshare(flags, &folio->page)) {
		gup_put_folio(folio, refs, flags);
		return 0;
	}

	*nr += refs;
	folio_set_referenced(folio);
	return 1;
}

static int gup_fast_pmd_range(GUP_PARAMS(pud_t, pudp, pud), unsigned long addr,
		unsigned long end, unsigned int flags, struct page **pages, int *nr)
{
	unsigned long next;
	pmd_t *pmdp;

#ifdef GUP_FAST_PASSES_VALUES
	pmdp = pmd_offset(&PF_COPY(pud), addr);
#else
	pmdp = pmd_offset_lockless(pudp, PF_COPY(pud), addr);
#endif
	do {
		PF_LOOP_STEP(pmd, pmdp, GUP_UPPER(pudp, pud), addr, end);
		pmd_t pmd = READ_ONCE(*pmdp);
		PF_SPILL(pmd);

		next = gup_pmd_addr_end(pmd, addr, end);
		PF_LOOP_NEXT(pmd, next);
		if (!pmd_present(pmd))
			return 0;

		if (unlikely(pmd_leaf(pmd))) {
			/* See gup_fast_pte_range() */
			if (pmd_protnone(pmd) && !gup_can_follow_protnone(flags))
				return 0;

			if (!gup_fast_pmd_leaf(pmd, pmdp, addr, next, flags,
				pages, nr))
				return 0;

		} else if (!gup_fast_pte_range(pmd, pmdp, addr, next, flags,
					       pages, nr))
			return 0;
	} while (pmdp++, addr = next, addr != end);

	return 1;
}

static int gup_fast_pud_range(GUP_PARAMS(p4d_t, p4dp, p4d), unsigned long addr,
		unsigned long end, unsigned int flags, struct page **pages, int *nr)
{
	unsigned long next;
	pud_t *pudp;

#ifdef GUP_FAST_PASSES_VALUES
	pudp = pud_offset(&PF_COPY(p4d), addr);
#else
	pudp = pud_offset_lockless(p4dp, PF_COPY(p4d), addr);
#endif
	do {
		PF_LOOP_STEP(pud, pudp, GUP_UPPER(p4dp, p4d), addr, end);
		pud_t pud = READ_ONCE(*pudp);
		PF_SPILL(pud);

		next = gup_pud_addr_end(pud, addr, end);
		PF_LOOP_NEXT(pud, next);
		if (unlikely(!pud_present(pud)))
			return 0;
		if (unlikely(pud_leaf(pud))) {
			if (!gup_fast_pud_leaf(pud, pudp, addr, next, flags,
					       pages, nr))
				return 0;
		} else if (!gup_fast_pmd_range(GUP_ARGS(pudp, pud), addr, next, flags,
					       pages, nr))
			return 0;
	} while (pudp++, addr = next, addr != end);

	return 1;
}

static int gup_fast_p4d_range(GUP_PARAMS(pgd_t, pgdp, pgd), unsigned long addr,
		unsigned long end, unsigned int flags, struct page **pages, int *nr)
{
	unsigned long next;
	p4d_t *p4dp;

#ifdef GUP_FAST_PASSES_VALUES
	p4dp = p4d_offset(&PF_COPY(pgd), addr);
#else
	p4dp = p4d_offset_lockless(pgdp, PF_COPY(pgd), addr);
#endif
	do {
		PF_LOOP_STEP(p4d, p4dp, GUP_UPPER(pgdp, pgd), addr, end);
		p4d_t p4d = READ_ONCE(*p4dp);
		PF_SPILL(p4d);

		next = gup_p4d_addr_end(p4d, addr, end);
		PF_LOOP_NEXT(p4d, next);
		if (p4d_none(p4d))
			return 0;
		if (!gup_fast_pud_range(GUP_ARGS(p4dp, p4d), addr, next, flags,
					pages, nr))
			return 0;
	} while (p4dp++, addr = next, addr != end);

	return 1;
}

static void gup_fast_pgd_range(unsigned long addr, unsigned long end,
		unsigned int flags, struct page **pages, int *nr)
{
	unsigned long next;
	pgd_t *pgdp;

	pgdp = pgd_offset(current->mm, addr);
	do {
		PF_LOOP_STEP(pgd, pgdp, current->mm, addr, end);
		pgd_t pgd = READ_ONCE(*pgdp);
		PF_SPILL(pgd);

		next = gup_pgd_addr_end(pgd, addr, end);
		PF_LOOP_NEXT(pgd, next);
		if (pgd_none(pgd))
			return;
		if (!gup_fast_p4d_range(GUP_ARGS(pgdp, pgd), addr, next, flags,
					pages, nr))
			return;
	} while (pgdp++, addr = next, addr != end);
}

/*
 * lockless_pages_from_mm(), renamed gup_fast(): the walk runs with interrupts off, so page-table
 * pages cannot be freed under it. With FOLL_PIN it gives up while a fork write-protects the mm.
 * nr_pinned is the caller's here, so a walk that BUG() stopped still reports what it pinned.
 */
static unsigned long gup_fast(unsigned long start, unsigned long end,
		unsigned int gup_flags, struct page **pages, int *nr_pinned)
{
	if (!gup_fast_permitted(start, end))
		return 0;

	if ((gup_flags & FOLL_PIN) && (current->mm->write_protect_seq & 1))
		return 0;

	gup_fast_pgd_range(start, end, gup_flags, pages, nr_pinned);
	return *nr_pinned;
}

#undef GUP_PARAMS
#undef GUP_ARGS
#undef GUP_UPPER
