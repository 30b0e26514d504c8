/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stubs: the few kernel facilities the page-table headers and loops use, re-created so that every
 * memory access goes through the arena. The names are the kernel's; the bodies are PageFold's.
 *
 * The seam is small on purpose. READ_ONCE() (and the pXdp_get() accessors built on it), __va()/__pa()
 * and pfn_to_page() are the only ways the kernel-shaped code reaches memory; each asks the arena
 * (CShim/arena.c, through pagefold/seam.h) what an address is before anything is read.
 */
#ifndef PAGEFOLD_KERNEL_H
#define PAGEFOLD_KERNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <pagefold/seam.h>

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

#ifndef PF_BARE
/* include/asm-generic/rwonce.h: one read of x, through the arena. */
#define READ_ONCE(x) (*(const __typeof__(x) *)pf_read_once(&(x), sizeof(x)))

#define __va(pa)  pf_va((unsigned long)(pa))
#define __pa(p)   pf_pa(p)
#define pfn_to_page(pfn)  pf_pfn_to_page(pfn)
#define page_to_pfn(page) pf_page_to_pfn(page)
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

/* BUG() oopses; here it records the position and abandons the walk (longjmp to the entry point).
 * VM_BUG_ON is BUG_ON as with CONFIG_DEBUG_VM=y, which RFC v2's type check relied on. */
#define BUG() pf_bug(__FILE__, __LINE__)
#define BUG_ON(cond) do { if (unlikely(cond)) BUG(); } while (0)
#define VM_BUG_ON(cond) BUG_ON(cond)

#endif
