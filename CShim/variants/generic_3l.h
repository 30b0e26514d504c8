/* SPDX-License-Identifier: GPL-2.0 */
/*
 * generic-3l: compile-time folding through the asm-generic headers, with x86-64's entry format
 * and 9-bit levels. Folded levels have PTRS_PER_X == 1 and X_addr_end() == end, so only the top
 * loop ever iterates over them (top-level folding).
 */
#ifndef PAGEFOLD_VARIANT_GENERIC_3L_H
#define PAGEFOLD_VARIANT_GENERIC_3L_H
#define CONFIG_PGTABLE_LEVELS 3
#include <asm-x86/pgtable.h>

#endif
