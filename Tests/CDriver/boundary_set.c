// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include "../../CShim/space.h"
#include "boundary_set.h"

static void pfh_add(struct pfh_space *s, uint64_t start, uint64_t end, int shift, bool write, int *failed,
		    char *err, size_t errlen)
{
	if (!*failed && pfh_map(s, start, end, shift, write, err, errlen))
		*failed = 1;
}

int pfh_boundary_space(struct pfh_space *s, enum pf_arch arch, int levels, uint64_t *points,
		       char *err, size_t errlen)
{
	int n = 0, failed = 0;
	uint64_t limit, ps;
	const struct pf_space *sp;

	if (pfh_create(s, arch, levels, err, errlen))
		return -1;
	sp = s->space;
	limit = pf_space_user_limit(sp);
	ps = 1ULL << sp->ops->page_shift;
	for (int i = 0; i < sp->nr_geo - 1; i++) {
		const struct pf_geo_level *g = &sp->geo[i];
		uint64_t b = 3ULL << g->shift, l = 5ULL << g->shift;
		uint64_t leaf = 1ULL << g->shift;

		if (g->shift > 62 || b >= limit)
			continue;
		points[n++] = b;
		pfh_add(s, b - 3 * ps, b, sp->ops->page_shift, true, &failed, err, errlen);
		pfh_add(s, b, b + ps, sp->ops->page_shift, false, &failed, err, errlen);
		pfh_add(s, b + ps, b + 3 * ps, sp->ops->page_shift, true, &failed, err, errlen);
		/* a writable leaf at 5 << shift, a read-only one at 7 << shift, each after base pages */
		for (int k = 5; k <= 7 && g->leaf_ok && g->shift <= 60; k += 2) {
			l = (uint64_t)k << g->shift;
			if (l + leaf > limit)
				continue;
			points[n++] = l;
			pfh_add(s, l - 2 * ps, l, sp->ops->page_shift, true, &failed, err, errlen);
			pfh_add(s, l, l + leaf, g->shift, k == 5, &failed, err, errlen);
		}
		/* base pages up to 9 << shift, where this table's entry is empty */
		l = 9ULL << g->shift;
		if (g->shift < 60 && l < limit) {
			points[n++] = l;
			pfh_add(s, l - 2 * ps, l, sp->ops->page_shift, true, &failed, err, errlen);
		}
	}
	pfh_add(s, limit - 3 * ps, limit, sp->ops->page_shift, true, &failed, err, errlen);
	points[n++] = limit;
	if (failed) {
		pfh_destroy(s);
		return -1;
	}
	return n;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

int pfh_boundary_ranges(const struct pfh_space *s, const uint64_t *points, int nr_points,
			struct pfh_range *out)
{
	const struct pf_space *sp = s->space;
	uint64_t limit = pf_space_user_limit(sp), ps = 1ULL << sp->ops->page_shift;
	uint64_t window = 1ULL << (sp->geo[sp->nr_geo - 2].shift + 1);
	int n = 0;

	for (int p = 0; p < nr_points; p++) {
		for (int k = -2; k <= 2; k++) {
			uint64_t start = points[p] + (uint64_t)(int64_t)k * ps;
			uint64_t high, cross[64], ends[4];
			int nc = 0, ne = 0;

			if (start >= limit || start < ps)
				continue;
			high = limit - start > window ? start + window : limit;
			/* every real level's entry boundaries in (start, high) */
			for (int i = 0; i < sp->nr_geo - 1 && nc < 60; i++) {
				uint64_t span = sp->geo[i].shift > 63 ? 0 : 1ULL << sp->geo[i].shift;
				uint64_t b;

				if (!span || start / span + 1 > UINT64_MAX / span)
					continue;
				for (b = (start / span + 1) * span; b < high && b > start && nc < 60; b += span) {
					cross[nc++] = b;
					if (b + span < b)
						break;
				}
			}
			qsort(cross, nc, sizeof(cross[0]), cmp_u64);
			ends[ne++] = nc && cross[0] < start + ps ? cross[0] : start + ps;
			for (int c = 0, seen = 0; c < nc && seen < 2; c++) {
				if (c && cross[c] == cross[c - 1])
					continue;
				if (cross[c] + ps > cross[c] && cross[c] + ps <= limit)
					ends[ne++] = cross[c] + ps;
				seen++;
			}
			if (high == limit)
				ends[ne++] = limit;
			for (int e = 0; e < ne; e++) {
				bool dup = false;

				for (int f = 0; f < e; f++)
					dup |= ends[f] == ends[e];
				if (!dup && ends[e] > start && n < PFH_MAX_RANGES)
					out[n++] = (struct pfh_range) { start, ends[e] };
			}
		}
	}
	return n;
}
