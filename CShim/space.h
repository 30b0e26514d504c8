/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An address space: one arena of simulated physical memory, its page tables, the struct page
 * array and the mappings. Private to CShim; Swift sees struct pf_space as an opaque handle.
 *
 * Arena layout (one mmap, 64 KB aligned, so host alignment equals simulated physical alignment):
 *   [0, 16K)   the mm_struct          [16K, 32K)  the simulated kernel stack (THREAD_SIZE 16K)
 *   [32K, 48K) the guard: where __va() of a stray physical address points, all zeros
 *   [48K, …)   page-table pages, each aligned to its own size
 * Physical address of arena offset o: PF_TABLE_PHYS_BASE + o (never 0, never a data frame).
 */
#ifndef PAGEFOLD_SPACE_H
#define PAGEFOLD_SPACE_H

#include <pagefold/kernel.h>

#define PF_TABLE_PHYS_BASE	0x100000UL
#define PF_ARENA_ALIGN		0x10000UL
#define PF_MM_OFFSET		0x0UL
#define PF_TREE_MM_OFFSET	0x2000UL	/* kernel-tree mode: the tree's own mm_struct */
#define PF_STACK_OFFSET		0x4000UL
#define PF_STACK_BYTES		0x4000UL
#define PF_STACK_SLOTS		(PF_STACK_BYTES / 8)
#define PF_GUARD_OFFSET		0x8000UL
#define PF_TABLES_OFFSET	0xc000UL


/*
 * The walk's frame in the simulated stack, as GCC 12 (-Os and -O2) lays out the 6.1 gup_fast walk
 * it inlines into internal_get_user_pages_fast() on s390: the pgd, p4d and pud copies, whose
 * addresses are taken, in consecutive ascending 8-byte slots, pgd lowest, and right above them the
 * caller's saved registers. The pmd copy (pte_offset_map(&pmd)) sits below the pgd copy. Every
 * other slot holds whatever earlier calls left there: PageFold models no content for it.
 */
#define PF_SLOT_PGD		((int)PF_STACK_SLOTS - 8)
#define PF_SLOT_CALLER		(PF_SLOT_PGD + 3)	/* up to the top: the caller's saved registers */
#define PF_STACK_SLOT(copy_of)	((copy_of) == PF_PMD ? PF_SLOT_PGD - 1 : PF_SLOT_PGD + (int)(copy_of))

/* One real table level of a task, from the top. */
struct pf_geo_level {
	enum pf_level level;	/* the role of the table: the lowest level that walks it */
	int shift;		/* an entry spans 1 << shift bytes */
	int entries;
	unsigned long table_bytes;
	bool leaf_ok;		/* an entry may map a leaf (s390 1M/2G, x86 2M/1G, arm64 32M) */
};

struct pf_arch_ops {
	const char *name;
	int page_shift;
	int min_levels, max_levels;
	bool upgradable;	/* s390 crst_table_upgrade() */
	int (*geometry)(int levels, struct pf_geo_level *geo);
	unsigned long (*user_limit)(int levels);
	void (*init_mm)(struct mm_struct *mm, int levels, unsigned long top_pa);
	unsigned long (*empty_entry)(enum pf_level level);
	unsigned long (*table_entry)(enum pf_level level, unsigned long child_pa);
	unsigned long (*table_origin)(enum pf_level level, unsigned long entry);
	unsigned long (*leaf_entry)(enum pf_level level, unsigned long pa, bool write);
	/* The page a leaf entry maps, if it is present and allows the access; else PF_NO_PAGE. */
	unsigned long (*leaf_pa)(enum pf_level level, unsigned long entry, bool write);
	/* pf_lower_bound() with this arch's leaf_pa inline (arch/lower_bound.h) */
	long (*lower_bound)(struct pf_space *space, uint64_t start, uint64_t nr_pages, bool gup, uint64_t *pfns);
};

#define PF_NO_PAGE (~0UL)

extern const struct pf_arch_ops pf_arch_generic, pf_arch_s390, pf_arch_x86, pf_arch_arm64;

struct pf_table {
	unsigned long offset;	/* in the arena */
	unsigned long bytes;
	enum pf_level level;
};

/* One mapping's data frames: a run of folios of one order. */
struct pf_chunk {
	unsigned long start, end;	/* user virtual addresses */
	unsigned long pfn, nr_pages;
	unsigned int order;
	bool write;
};

struct pf_space {
	enum pf_arch arch;
	const struct pf_arch_ops *ops;
	int levels;
	struct pf_geo_level geo[PF_NR_LEVELS];
	int nr_geo;
	unsigned long user_limit;
	unsigned long cap_bytes;

	unsigned char *map_base;	/* the mmap, before alignment */
	unsigned long map_bytes;
	unsigned char *mem;		/* the arena */
	unsigned long mem_bytes;
	unsigned long used;		/* bump pointer for tables */
	unsigned long tables_gapless;	/* tables fill the arena from PF_TABLES_OFFSET up to here */
	struct mm_struct *mm;

	struct pf_table *tables;
	int nr_tables, cap_tables;
	uint32_t *owner;		/* per granule of the arena: 1 + the index of its table, or 0 */
	unsigned long owner_bytes;
	struct pf_chunk *chunks;	/* sorted by pfn */
	int nr_chunks, cap_chunks;

	struct page *mem_map;		/* pfn (PF_DATA_PHYS_BASE >> page_shift) + i */
	unsigned long mem_map_pages;	/* reserved */
	unsigned long mem_map_used;	/* pages in use up to the highest frame mapped */
	unsigned long first_pfn;
	pf_leaf_writer writer;		/* who wrote the leaves: a variant's constructors, or NULL */
	bool broken;			/* a failed build left it half made */
};

/*
 * The entry that maps va at geometry index li, allocating the tables above it as the fault path
 * would (alloc), or NULL when a table above it is missing.
 */
unsigned long *pf_leaf_slot(struct pf_space *space, unsigned long va, int li, bool alloc,
			    char *err, size_t errlen);
/* The geometry index of the level that maps pages of 1 << shift bytes, or -1. */
int pf_leaf_index(const struct pf_space *space, int page_shift);

/* What an address in host memory is, from the arena's point of view (no read). */
struct pf_place pf_space_classify(const struct pf_space *space, const void *p);
/* struct page of a frame, or NULL if the frame has no struct page. */
static inline struct page *pf_space_page(const struct pf_space *space, unsigned long pfn)
{
	if (pfn < space->first_pfn || pfn - space->first_pfn >= space->mem_map_used)
		return NULL;
	return &space->mem_map[pfn - space->first_pfn];
}

static inline unsigned long pf_space_pfn(const struct pf_space *space, const struct page *page)
{
	return space->first_pfn + (unsigned long)(page - space->mem_map);
}
/* The head page of the folio a page belongs to. */
struct page *pf_space_head(const struct pf_space *space, struct page *page);

/* The memory seam (pagefold/seam.h) over a space: what a walk's checked reads and pfn_to_page()
 * go through while it runs on this space. */
static inline struct pf_seam pf_space_seam(const struct pf_space *space)
{
	return (struct pf_seam) {
		.tables = (uintptr_t)space->mem + PF_TABLES_OFFSET,
		.tables_bytes = space->mem_bytes - PF_TABLES_OFFSET,
		.gapless_bytes = space->tables_gapless - PF_TABLES_OFFSET,
		.owner = space->owner + (PF_TABLES_OFFSET >> PF_GRANULE_SHIFT),
		.mem_map = space->mem_map, .first_pfn = space->first_pfn, .nr_pfns = space->mem_map_used,
		.va_offset = (uintptr_t)space->mem - PF_TABLE_PHYS_BASE, .space = space,
	};
}

#endif
