/* SPDX-License-Identifier: GPL-2.0 */
/*
 * s390-fix: d3f7b1bb2040 "mm/gup: fix gup_fast with dynamic page table folding" (Vasily Gorbik,
 * v5.9-rc7, Cc stable 5.2+). gup passes pointer and value and calls pXd_offset_lockless();
 * pXd_addr_end() and pagewalk are unchanged, so s390 keeps iterating at the middle level.
 */
#ifndef PAGEFOLD_VARIANT_S390_FIX_H
#define PAGEFOLD_VARIANT_S390_FIX_H
#define LINUX_VERSION_CODE KERNEL_VERSION(5, 9, 0)
#include <asm-s390/pgtable.h>
#include <asm-s390/pgtable-offset-lockless.h>

#endif
