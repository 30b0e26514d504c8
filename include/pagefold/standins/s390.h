/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-ins for s390 (64-bit, 4 KB pages): what arch/s390's walk helpers use from outside
 * asm/pgtable.h, asm/page.h and mm/hugetlbpage.c.
 */
#ifndef PAGEFOLD_STANDINS_S390_H
#define PAGEFOLD_STANDINS_S390_H

#include <pagefold/standins/common.h>

/* arch/s390/include/asm/mmu.h: the task's table limit and ASCE (the walk reads neither). */
typedef struct {
	unsigned long asce_limit;
	unsigned long asce;
} mm_context_t;

/* arch/s390/include/asm/processor.h: a 64-bit task's TASK_SIZE_MAX, above every user address. */
#define TASK_SIZE			(-PAGE_SIZE)

/* arch/s390/kernel/uv.c: no protected virtualization, every page is accessible. */
#define arch_make_page_accessible(page)	0
#define arch_make_folio_accessible(folio)	0

/* asm/setup.h facility bits: QEMU's -cpu max, like every machine since z14, has NX and EDAT. */
#define MACHINE_HAS_NX			1
#define MACHINE_HAS_EDAT1		1
#define MACHINE_HAS_EDAT2		1
/* mm/hugetlbpage.c: storage keys are not modelled, so set_huge_pte_at() has none to initialize. */
#define clear_huge_pte_skeys(mm, rste)	do { } while (0)

/* asm-generic/rwonce.h: the leaf writer's stores (never the walk's). */
#define WRITE_ONCE(x, val)		do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)

#endif
