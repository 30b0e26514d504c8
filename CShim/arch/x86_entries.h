/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86-64 entry construction, shared by the x86 and generic arches (no include guard: one copy
 * each). pXd_populate() writes _PAGE_TABLE | pa; a user mapping is present, user, accessed, and
 * writable and dirty when it may be written; pmd and pud leaves set _PAGE_PSE.
 */
static unsigned long x86_empty_entry(enum pf_level level)
{
	return 0;
}

static unsigned long x86_table_entry(enum pf_level level, unsigned long child_pa)
{
	return child_pa | _PAGE_TABLE;
}

static unsigned long x86_table_origin(enum pf_level level, unsigned long entry)
{
	return entry & PTE_PFN_MASK;
}

static unsigned long x86_leaf_entry(enum pf_level level, unsigned long pa, bool write)
{
	return pa | _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED |
	       (write ? _PAGE_RW | _PAGE_DIRTY : 0) | (level == PF_PTE ? 0 : _PAGE_PSE);
}

static unsigned long x86_leaf_pa(enum pf_level level, unsigned long entry, bool write)
{
	if (level == PF_PTE)
		return __pte_access_permitted(entry, write) ? entry & PTE_PFN_MASK : PF_NO_PAGE;
	/* a 2 MB or 1 GB leaf: _PAGE_PSE, and a pte's present/user/rw bits */
	if (!(entry & _PAGE_PSE) || !__pte_access_permitted(entry, write))
		return PF_NO_PAGE;
	return entry & __PHYSICAL_MASK & ~((1UL << (level == PF_PUD ? 30 : 21)) - 1);
}

/* 9 bits a level above the page offset; leaves at the 2 MB and 1 GB levels. */
static int x86_geometry(int levels, struct pf_geo_level *geo)
{
	for (int i = 0; i < levels; i++) {
		int shift = PAGE_SHIFT + 9 * (levels - 1 - i);

		geo[i] = (struct pf_geo_level) {
			.level = i == 0 ? PF_PGD : (enum pf_level)(PF_NR_LEVELS - levels + i),
			.shift = shift, .entries = 512, .table_bytes = 4096,
			.leaf_ok = shift == 21 || shift == 30,
		};
	}
	return levels;
}
