/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-ins for x86-64 (five-level build): what arch/x86's walk helpers use from outside
 * asm/pgtable*.h and asm/page*.h.
 */
#ifndef PAGEFOLD_STANDINS_X86_H
#define PAGEFOLD_STANDINS_X86_H

#include <pagefold/standins/common.h>

/* arch/x86/include/asm/mmu.h: nothing of it is on a walk's path. */
typedef struct { int unused; } mm_context_t;

/* asm/cpufeature.h: LA57 is the space's (PageFold's mm keeps it), the one feature the walk asks. */
#define X86_FEATURE_LA57		(16 * 32 + 16)
#define cpu_feature_enabled(f)		((f) == X86_FEATURE_LA57 && pf_tree_la57())
#define boot_cpu_has(f)			cpu_feature_enabled(f)
#define static_cpu_has(f)		cpu_feature_enabled(f)

/* arch/x86/mm/mem_encrypt.c, arch/x86/kernel/head64.c: no memory encryption, every bit a pte
 * may have is supported, and the physical address width is the architecture's (52). */
#define sme_me_mask			0UL
#define __supported_pte_mask		(~0UL)
#define __default_kernel_pte_mask	(~0UL)
#define physical_mask			((1UL << 52) - 1)
#define __PHYSICAL_MASK_SHIFT_SET	1

/* asm/page_64.h: where the kernel maps memory; __va() and __pa() are PageFold's. */
#define PAGE_OFFSET			0xffff888000000000UL
#define vmemmap				((struct page *)0xffffea0000000000UL)

/* asm/pkeys.h, asm/pgtable.h: no memory protection keys. */
#define __pkru_allows_pkey(pkey, write)	true

/* arch/x86/include/asm/processor.h: the user half of a 57-bit address space, page below it. */
#define TASK_SIZE			((1UL << 56) - PAGE_SIZE)

/* asm-generic/rwonce.h: the leaf writer's stores (never the walk's). */
#define WRITE_ONCE(x, val)		do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)

#endif
