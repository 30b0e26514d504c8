/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-ins: what a kernel tree's walk uses that PageFold provides instead of the tree, for every
 * arch. Kernel-tree mode (docs/kernel-tree.md) builds the tree's own gup_fast and pagewalk loops,
 * and the helpers and constants they reach, on top of this. Each stand-in keeps the kernel's name
 * and meaning; the comment says why PageFold stands in: the arena must see the access, or the
 * kernel code behind it does what no walk of a well-formed user space needs (locks, devmap,
 * storage keys, table repair).
 */
#ifndef PAGEFOLD_STANDINS_COMMON_H
#define PAGEFOLD_STANDINS_COMMON_H

#include <pagefold/seam.h>
#include <pagefold/folio.h>
#include <pagefold/tree.h>
#include <pagefold/hooks.h>

/* ---- include/linux/types.h: the kernel's integer types ---- */
typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int32_t s32;
typedef int64_t s64;
typedef unsigned long phys_addr_t;
typedef unsigned long pgoff_t;

/* ---- include/linux/bits.h, align.h, pfn.h ---- */
#define GENMASK(h, l)		(((~0UL) << (l)) & (~0UL >> (63 - (h))))
#define GENMASK_ULL(h, l)	(((~0ULL) << (l)) & (~0ULL >> (63 - (h))))
#define BIT(n)			(1UL << (n))
#define ALIGN_DOWN(x, a)	((x) & ~((__typeof__(x))(a) - 1))
#define PTR_ALIGN_DOWN(p, a)	((__typeof__(p))ALIGN_DOWN((unsigned long)(p), (a)))
#define __phys_to_pfn(paddr)	((unsigned long)((paddr) >> PAGE_SHIFT))
#define PHYS_PFN(x)		((unsigned long)((x) >> PAGE_SHIFT))

/* ---- compiler and debug: include/linux/compiler*.h, build_bug.h, bug.h, mmdebug.h ---- */
#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)
#define barrier()		__asm__ __volatile__("" : : : "memory")
#undef __always_inline		/* glibc's sys/cdefs.h has one too */
#define __always_inline		inline __attribute__((__always_inline__))
#define noinline		__attribute__((__noinline__))
#define __maybe_unused		__attribute__((__unused__))
#define __must_check		__attribute__((__warn_unused_result__))
#define fallthrough		__attribute__((__fallthrough__))
/* As the kernel's: an error only where the compiler cannot drop the call as dead code. */
extern void pf_build_bug(void) __attribute__((__error__("BUILD_BUG() on a path the compiler keeps")));
#define BUILD_BUG_ON(cond)	do { if (cond) pf_build_bug(); } while (0)
#define BUILD_BUG()		pf_build_bug()
/* include/linux/log2.h, for the single-bit constants entry conversions shift by. */
#define ilog2(n)		(63 - __builtin_clzl(n))
/* BUG() oopses; here it records the position and abandons the walk. */
#define BUG()			pf_bug(__FILE__, __LINE__)
#define BUG_ON(cond)		do { if (unlikely(cond)) BUG(); } while (0)
/* CONFIG_DEBUG_VM=y, as PageFold's own variants have it: VM_BUG_ON is BUG_ON. */
#define VM_BUG_ON(cond)		BUG_ON(cond)
#define VM_BUG_ON_PAGE(cond, page) BUG_ON(cond)
#define VM_BUG_ON_FOLIO(cond, folio) BUG_ON(cond)
#define VM_WARN_ON(cond)	((void)(cond))
#define VM_WARN_ON_ONCE(cond)	((void)(cond))
#define WARN_ON(cond)		({ int __c = !!(cond); __c; })
#define WARN_ON_ONCE(cond)	WARN_ON(cond)

/* include/asm-generic/rwonce.h: one read of x, through the arena. */
#define READ_ONCE(x)		(*(const __typeof__(x) *)pf_read_once(&(x), sizeof(x)))

/* ---- memory model: the arena's frames (SPARSEMEM_VMEMMAP on every arch modelled) ---- */
/* __va()/__pa(): the tree's own are a kernel's direct mapping. Here a table's physical address
 * maps into the arena and any other to an address no read can reach unnoticed, and back: s390's
 * pmd_pfn() is __pa(__va(entry)) >> PAGE_SHIFT, of a page that is no table. */
#define __va(pa)		pf_tree_va((unsigned long)(pa))
#define __pa(p)			pf_tree_pa((const void *)(p))
#define pfn_to_page(pfn)	pf_pfn_to_page(pfn)
#define page_to_pfn(page)	pf_page_to_pfn(page)
#define nth_page(page, n)	pf_nth_page(page, n)
#define pfn_valid(pfn)		((unsigned long)(pfn) - pf_seam.first_pfn < pf_seam.nr_pfns)
#define page_address(page)	__va(page_to_pfn(page) << PAGE_SHIFT)

/* ---- page references: mm/gup.c and include/linux/mm.h, on the seam's folios ---- */
/* Every page PageFold maps is an exclusive anonymous page: nothing to unshare, no secretmem, and
 * FOLL_FORCE (the one flag that may follow a PROT_NONE entry) is not modelled. The argument lists
 * changed between kernels (v6.5 added the vma), hence the variadic forms. */
#define FOLL_LONGTERM		0x10000
#define FOLL_FAST_ONLY		0x80000
/* v6.11 split the GUP-fast grab out of try_grab_folio(), with v6.1's semantics (pagefold/folio.h). */
#define try_grab_folio_fast(page, refs, flags) try_grab_folio(page, refs, flags)
#define gup_must_unshare(...)		false
#define gup_can_follow_protnone(...)	false
#define page_is_secretmem(page)		false
#define gup_fast_folio_allowed(...)	true
#define folio_fast_pin_allowed(...)	true
#define is_zero_page(page)		false
#define is_zero_folio(folio)		false

/* ---- devmap, hugepd: not on any arch modelled (no ZONE_DEVICE pages, no powerpc hugepd) ---- */
struct dev_pagemap;
#define get_dev_pagemap(pfn, pgmap)	((struct dev_pagemap *)NULL)
#define put_dev_pagemap(pgmap)		do { } while (0)
#define undo_dev_pagemap(...)		do { } while (0)
#define gup_fast_undo_dev_pagemap(...)	do { } while (0)
/* mm/gup.c's devmap leaves: no entry PageFold writes has the devmap bit, so no walk reaches them. */
#define __gup_device_huge(...)		0
#define __gup_device_huge_pmd(...)	0
#define __gup_device_huge_pud(...)	0
#define gup_fast_devmap_leaf(...)	0
#define gup_fast_devmap_pmd_leaf(...)	0
#define gup_fast_devmap_pud_leaf(...)	0
#define FOLL_PCI_P2PDMA			(1 << 10)
#define is_pci_p2pdma_page(page)	false
#define pte_devmap(pte)			0
typedef struct { unsigned long pd; } hugepd_t;
#define is_hugepd(hugepd)		(0)
#define __hugepd(x)			((hugepd_t) { (x) })

/* ---- include/linux/hugetlb.h: no pgd or p4d leaves on any arch modelled ---- */
#define pgd_huge(x)			0
#define p4d_huge(x)			0
#define pgd_write(pgd)			({ BUG(); 0; })

/* ---- the pagewalk's locks and THP splitting: walk_page_range_novma() takes neither ---- */
typedef struct { int unused; } spinlock_t;
#define pte_offset_map_lock(mm, pmd, address, ptlp) ({ *(ptlp) = NULL; pte_offset_map(pmd, address); })
#define pte_unmap_unlock(pte, ptl)	do { (void)(ptl); pte_unmap(pte); } while (0)
#define split_huge_pmd(...)		do { } while (0)
#define split_huge_pud(...)		do { } while (0)

/* ---- mm/pgtable-generic.c: a bad entry is reported and cleared, and the walk skips it. A walk
 * here never writes the tables, so it only skips it, as PageFold's own pagewalk does ---- */
#define pgd_clear_bad(pgd)		do { } while (0)
#define p4d_clear_bad(p4d)		do { } while (0)
#define pud_clear_bad(pud)		do { } while (0)
#define pmd_clear_bad(pmd)		do { } while (0)

/* ---- RCU: the walk runs in one thread, on tables nothing frees under it ---- */
#define rcu_read_lock()			do { } while (0)
#define rcu_read_unlock()		do { } while (0)

/* ---- swap and migration entries: PageFold's spaces map present pages or nothing ---- */
#define is_pmd_migration_entry(pmd)	0
#define is_swap_pmd(pmd)		0

/* ---- the task: one mm, the space's (late.h defines it once the tree's pgd_t is known) ---- */
struct mm_struct;
struct mm_walk;		/* include/linux/pagewalk.h declares it ahead of its ops */
struct vm_area_struct { int unused; };
struct task_struct;

#endif
