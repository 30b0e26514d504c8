/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The boundary set of Sources/PageFold/BoundarySet.swift, restated in C for the Swift-less runs:
 * around a boundary B = 3 << shift of every real table (4K pages on both sides, the page above B
 * read-only) and a leaf at L = 5 << shift where the table has one, plus the top of the user range;
 * ranges start within ±2 pages of each point and cross 0, 1 or 2 boundaries.
 */
#ifndef PAGEFOLD_BOUNDARY_SET_H
#define PAGEFOLD_BOUNDARY_SET_H

#include "harness.h"

#define PFH_MAX_POINTS 24
#define PFH_MAX_RANGES 384

struct pfh_range {
	uint64_t start, end;
};

/* Build the space; returns the number of points, or -1 with err set. */
int pfh_boundary_space(struct pfh_space *s, enum pf_arch arch, int levels, uint64_t *points,
		       char *err, size_t errlen);
int pfh_boundary_ranges(const struct pfh_space *s, const uint64_t *points, int nr_points,
			struct pfh_range *out);

#endif
