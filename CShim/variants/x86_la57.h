/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86-la57: x86-64 with CONFIG_X86_5LEVEL; the p4d is folded at run time when the CPU has no LA57.
 * The top level takes the folded level's geometry (PGDIR_SHIFT 39), so the folded p4d loop, whose
 * p4d_offset() is a cast, never iterates, and the generic lockless fallbacks are safe.
 */
#ifndef PAGEFOLD_VARIANT_X86_LA57_H
#define PAGEFOLD_VARIANT_X86_LA57_H
#define CONFIG_X86_5LEVEL
#include <asm-x86/pgtable.h>

#endif
