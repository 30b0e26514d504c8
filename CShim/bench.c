// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmarks' lower bound: each arch builds it with its own leaf decoder inline
 * (CShim/arch/lower_bound.h says what it does and why it bounds a walk from below).
 */
#include "space.h"

long pf_lower_bound(struct pf_space *space, uint64_t start, uint64_t nr_pages, bool gup, uint64_t *pfns)
{
	return space->ops->lower_bound(space, start, nr_pages, gup, pfns);
}
