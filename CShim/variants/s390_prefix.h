/* SPDX-License-Identifier: GPL-2.0 */
/*
 * s390-prefix: s390 from v5.2 (1a42010cdc26, generic gup_fast) to v5.8. gup passes values and
 * offsets from the copies; pXd_addr_end() uses the static five-level sizes. The seed's "Before".
 */
#ifndef PAGEFOLD_VARIANT_S390_PREFIX_H
#define PAGEFOLD_VARIANT_S390_PREFIX_H
#define LINUX_VERSION_CODE KERNEL_VERSION(5, 8, 0)
#include <asm-s390/pgtable.h>
#include <asm-s390/pgtable-offset-v5.2.h>

#define GUP_FAST_PASSES_VALUES

#endif
