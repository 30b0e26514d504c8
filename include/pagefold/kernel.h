/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stubs: the few kernel facilities the page-table headers and loops use, re-created so that every
 * memory access goes through the arena. The names are the kernel's; the bodies are PageFold's.
 *
 * The seam is small on purpose. READ_ONCE() (and the pXdp_get() accessors built on it), __va()/__pa()
 * and pfn_to_page() are the only ways the kernel-shaped code reaches memory; each asks the arena
 * (CShim/arena.c) what an address is before anything is read.
 */
#ifndef PAGEFOLD_KERNEL_H
#define PAGEFOLD_KERNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <pagefold/pagefold.h>

/* include/generated/uapi/linux/version.h; a variant defines LINUX_VERSION_CODE. */
#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))

/* include/linux/compiler_attributes.h */
#define fallthrough __attribute__((__fallthrough__))

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* include/linux/build_bug.h: a compile-time zero. */
#define BUILD_BUG_ON(cond) ((void)sizeof(char[1 - 2 * !!(cond)]))

#define ALIGN_DOWN(x, a)      ((x) & ~((__typeof__(x))(a) - 1))
#define PTR_ALIGN_DOWN(p, a)  ((__typeof__(p))ALIGN_DOWN((unsigned long)(p), (a)))

typedef unsigned long phys_addr_t;

/*
 * Every arch PageFold models keeps an upper-level entry in one unsigned long wrapped in a struct,
 * as arch/<arch>/include/asm/pgtable_types.h (s390: page.h) do. pgd_t is shared so that mm_struct
 * below is one type; the other levels come from the arch header or from asm-generic/pgtable-nop*.h.
 */
typedef struct { unsigned long pgd; } pgd_t;
#define pgd_val(x)  ((x).pgd)
#define __pgd(x)    ((pgd_t) { (x) })

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

/* arch/s390/include/asm/mmu.h keeps the task's table limit and ASCE here. */
typedef struct {
	unsigned long asce_limit;
	unsigned long asce;
} mm_context_t;

struct mm_struct {
	pgd_t *pgd;
	mm_context_t context;
	unsigned int write_protect_seq;  /* even: no fork is write-protecting (lockless_pages_from_mm) */
	/*
	 * Run-time folding inputs that the kernel reads from CPU features; per space here, so spaces of
	 * both kinds can be checked side by side: X86_FEATURE_LA57 and arm64's LPA2 / ARM64_HAS_VA52.
	 */
	bool pf_la57;
	bool pf_lpa2;
};

/* current is per CPU in the kernel; here it is per thread, set by a variant's entry point for the
 * duration of one call. */
struct task_struct {
	struct mm_struct *mm;
};
extern _Thread_local struct task_struct *pf_current;
#define current pf_current

/* ---- the memory seam (CShim/arena.c) ---- */

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

#ifndef PF_BARE
/* include/asm-generic/rwonce.h: one read of x, through the arena. */
#define READ_ONCE(x) (*(const __typeof__(x) *)pf_read_once(&(x), sizeof(x)))

#define __va(pa)  pf_va((unsigned long)(pa))
#define __pa(p)   pf_pa(p)
#define pfn_to_page(pfn)  pf_pfn_to_page(pfn)
#define page_to_pfn(page) pf_page_to_pfn(page)

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
#define nth_page(page, n) pf_nth_page(page, n)
#else
/*
 * A bare build (Benchmarks/icount): the kernel's code with the seam made what the kernel's is, a
 * volatile load and address arithmetic, for counting the instructions the walks themselves take.
 * Only correct walks run bare; the arena's layout (pf_seam) still tells where things are.
 */
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define __va(pa)  ((void *)(pf_seam.va_offset + (unsigned long)(pa)))
#define __pa(p)   ((unsigned long)(p) - pf_seam.va_offset)
#define pfn_to_page(pfn)  (&pf_seam.mem_map[(pfn) - pf_seam.first_pfn])
#define page_to_pfn(page) (pf_seam.first_pfn + (unsigned long)((page) - pf_seam.mem_map))
#define nth_page(page, n) ((page) + (n))
#endif
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
#define compound_head(page) pf_head_of(page)
#define page_folio(page) ((struct folio *)compound_head(page))

/* BUG() oopses; here it records the position and abandons the walk (longjmp to the entry point).
 * VM_BUG_ON is BUG_ON as with CONFIG_DEBUG_VM=y, which RFC v2's type check relied on. */
#define BUG() pf_bug(__FILE__, __LINE__)
#define BUG_ON(cond) do { if (unlikely(cond)) BUG(); } while (0)
#define VM_BUG_ON(cond) BUG_ON(cond)

#endif
