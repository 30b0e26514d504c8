/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-ins for arm64 (16 KB pages, 52-bit VA with LPA2, pud folded at run time without it):
 * what arch/arm64's walk helpers use from outside asm/pgtable*.h, asm/page-def.h and
 * mm/hugetlbpage.c. The CPU features behind alternatives are the space's.
 */
#ifndef PAGEFOLD_STANDINS_ARM64_H
#define PAGEFOLD_STANDINS_ARM64_H

#include <pagefold/standins/common.h>

/* arch/arm64/include/asm/mmu.h: nothing of it is on a walk's path. */
typedef struct { int unused; } mm_context_t;

/* asm/alternative-macros.h, asm/cpucaps.h: the boot-time capabilities a walk tests. The kernel
 * patches these at boot; here LPA2 is the space's (PageFold's mm keeps it). */
#define ARM64_ALWAYS_BOOT		1
#define ARM64_HAS_VA52			2
#define alternative_has_cap_likely(cap)	((cap) == ARM64_ALWAYS_BOOT || ((cap) == ARM64_HAS_VA52 && pf_tree_lpa2()))
#define alternative_has_cap_unlikely(cap) alternative_has_cap_likely(cap)
#define lpa2_is_enabled()		pf_tree_lpa2()
#define vabits_actual			(pf_tree_lpa2() ? 52UL : 47UL)

/* asm/cpufeature.h, asm/sysreg.h: no permission overlays (POE), no memory tagging. */
#define system_supports_poe()		false
#define system_supports_mte()		false
#define por_el0_allows_pkey(...)	true

/* asm/memory.h: where the kernel maps memory; __va() and __pa() are PageFold's. */
#define PAGE_OFFSET			(-(1UL << 52))
#define VMEMMAP_START			(-(1UL << 47))
#define vmemmap				((struct page *)VMEMMAP_START)
#define PHYS_OFFSET			0UL

/* arch/arm64/include/asm/processor.h: the user half of a 52-bit address space. */
#define TASK_SIZE			(1UL << 52)

/* asm/barrier.h: one thread, nothing to order. */
#define dsb(opt)			do { } while (0)
#define isb()				do { } while (0)

/* asm-generic/rwonce.h: the leaf writer's stores (never the walk's). */
#define WRITE_ONCE(x, val)		do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)

#endif
