/*
 * [RFC PATCH v2 1/3 and 2/3] (Alexander Gordeev, 7 Sep 2020), the seed's "After": pXd_addr_end()
 * takes the entry, s390 overrides pgd and p4d by region type, and every walker passes its entry:
 * gup the value it read (gup_pXd_addr_end), the pagewalk *pXd (walk_pXd_addr_end). On the
 * pre-fix code, gup still passes values, but no folded level iterates any more.
 *
 * check: --base s390-prefix --levels 3 4 5
 * expect: PASS
 */
static inline unsigned long rste_addr_end_folded(unsigned long rste, unsigned long addr, unsigned long end)
{
	unsigned long type = (rste & _REGION_ENTRY_TYPE_MASK) >> 2;
	unsigned long size = 1UL << (_SEGMENT_SHIFT + type * 11);
	unsigned long boundary = (addr + size) & ~(size - 1);

	/*
	 * FIXME The below check is for internal testing only, to be removed
	 */
	VM_BUG_ON(type < (_REGION_ENTRY_TYPE_R3 >> 2));

	return (boundary - 1) < (end - 1) ? boundary : end;
}

#undef pgd_addr_end
#define pgd_addr_end pgd_addr_end
static inline unsigned long pgd_addr_end(pgd_t pgd, unsigned long addr, unsigned long end)
{
	return rste_addr_end_folded(pgd_val(pgd), addr, end);
}

#undef p4d_addr_end
#define p4d_addr_end p4d_addr_end
static inline unsigned long p4d_addr_end(p4d_t p4d, unsigned long addr, unsigned long end)
{
	return rste_addr_end_folded(p4d_val(p4d), addr, end);
}

#undef pud_addr_end
#define pud_addr_end(pud, addr, end)					\
({	unsigned long __boundary = ((addr) + PUD_SIZE) & PUD_MASK;	\
	(__boundary - 1 < (end) - 1)? __boundary: (end);		\
})

#undef pmd_addr_end
#define pmd_addr_end(pmd, addr, end)					\
({	unsigned long __boundary = ((addr) + PMD_SIZE) & PMD_MASK;	\
	(__boundary - 1 < (end) - 1)? __boundary: (end);		\
})

/* The callers' side of 2/3: what each loop passes as the entry. */
#define gup_pgd_addr_end(pgd, addr, end)	pgd_addr_end(pgd, addr, end)
#define gup_p4d_addr_end(p4d, addr, end)	p4d_addr_end(p4d, addr, end)
#define gup_pud_addr_end(pud, addr, end)	pud_addr_end(pud, addr, end)
#define gup_pmd_addr_end(pmd, addr, end)	pmd_addr_end(pmd, addr, end)
#define walk_pgd_addr_end(pgd, addr, end)	pgd_addr_end(*pgd, addr, end)
#define walk_p4d_addr_end(p4d, addr, end)	p4d_addr_end(*p4d, addr, end)
#define walk_pud_addr_end(pud, addr, end)	pud_addr_end(*pud, addr, end)
#define walk_pmd_addr_end(pmd, addr, end)	pmd_addr_end(*pmd, addr, end)
