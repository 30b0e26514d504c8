// SPDX-License-Identifier: GPL-2.0
#include "x86_la57.h"

#define PF_VARIANT_ID x86_la57
#define PF_VARIANT_INFO							\
	.name = "x86-la57",						\
	.arch_name = "x86",						\
	.reference = "arch/x86/include/asm/pgtable_64_types.h (v4.17+, CONFIG_X86_5LEVEL)",	\
	.summary = "p4d folded at run time unless LA57; PGDIR_SHIFT follows",	\
	.era = "v4.17-",						\
	.arch = PF_ARCH_X86, .min_levels = 4, .max_levels = 5
#include "../mm/variant.h"
