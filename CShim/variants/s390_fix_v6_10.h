/* SPDX-License-Identifier: GPL-2.0 */
/*
 * s390-fix-v6.10: d3f7b1bb2040's walk as s390 runs it from v6.10 on, after 3e93d49175a7
 * ("s390/pgtable: Switch read and write softbits for puds"): region-3 entries keep their read and
 * write bits where hugetlb writes them, so pud_write() sees a read-only 2 GB page as read-only.
 */
#ifndef PAGEFOLD_VARIANT_S390_FIX_V6_10_H
#define PAGEFOLD_VARIANT_S390_FIX_V6_10_H
#define LINUX_VERSION_CODE KERNEL_VERSION(6, 10, 0)
#include <asm-s390/pgtable.h>
#include <asm-s390/pgtable-offset-lockless.h>

#endif
