// SPDX-License-Identifier: GPL-2.0
/*
 * Instructions per walk, counted by callgrind: the variants' gup_fast and walk_page_range_novma()
 * built bare (no hooks, plain loads: -DPF_BARE), over the seed and over ranges that cross 0 to 4
 * top-table boundaries of a 3-level task. Each measurement is dumped under its name; run.sh reads
 * the dumps and prints the table docs/performance.md shows.
 *
 *   valgrind --tool=callgrind --collect-atstart=no ./icount
 */
#include <stdio.h>
#include <stdlib.h>
#include <valgrind/callgrind.h>
#include "../../CShim/space.h"

#define BARE(id) \
	long pf_bare_gup_##id(struct mm_struct *, unsigned long, unsigned long, unsigned int, struct page **); \
	int pf_bare_walk_##id(struct mm_struct *, unsigned long, unsigned long);
BARE(s390_prefix) BARE(s390_rfc_v1) BARE(s390_rfc_v2) BARE(s390_fix) BARE(generic_3l) BARE(middle_level)

static struct page *pages[1 << 22];

static struct pf_space *make(enum pf_arch arch, const unsigned long (*maps)[3], int n)
{
	char err[256];
	struct pf_space *space = pf_space_create(arch, 3, 1UL << 31, err, sizeof(err));
	uint64_t phys = PF_DATA_PHYS_BASE;

	for (int i = 0; space && i < n; i++) {
		unsigned long size = 1UL << maps[i][2];

		phys = (phys + size - 1) & ~(size - 1);
		if (pf_space_map(space, maps[i][0], maps[i][1], (int)maps[i][2], true, phys, err, sizeof(err))) {
			fprintf(stderr, "icount: %s\n", err);
			exit(2);
		}
		phys += maps[i][1] - maps[i][0];
	}
	if (!space) {
		fprintf(stderr, "icount: %s\n", err);
		exit(2);
	}
	pf_seam = pf_space_seam(space);	/* as pf_call_enter() sets it for a walk */
	return space;
}

#define COUNT(name, call)					\
	do {							\
		CALLGRIND_TOGGLE_COLLECT;			\
		long r = (call);				\
		CALLGRIND_TOGGLE_COLLECT;			\
		CALLGRIND_DUMP_STATS_AT(name);			\
		printf("%-40s %ld\n", name, r);		\
	} while (0)

int main(void)
{
	char name[96];

	/* The seed: an s390 3-level task, 2 pages across 0x10080000000, pages 2 GB below mapped. */
	static const unsigned long seed[][3] = {
		{ 0x1007ffff000UL, 0x10080001000UL, 12 }, { 0xfffffff000UL, 0x10000001000UL, 12 },
	};
	struct pf_space *s = make(PF_ARCH_S390, seed, 2);

	COUNT("seed walk s390-prefix", pf_bare_walk_s390_prefix(s->mm, 0x1007ffff000UL, 0x10080001000UL));
	COUNT("seed walk s390-rfc-v2", pf_bare_walk_s390_rfc_v2(s->mm, 0x1007ffff000UL, 0x10080001000UL));
	COUNT("seed walk s390-fix", pf_bare_walk_s390_fix(s->mm, 0x1007ffff000UL, 0x10080001000UL));
	COUNT("seed gup s390-rfc-v1", pf_bare_gup_s390_rfc_v1(s->mm, 0x1007ffff000UL, 2, PF_FOLL_GET, pages));
	COUNT("seed gup s390-rfc-v2", pf_bare_gup_s390_rfc_v2(s->mm, 0x1007ffff000UL, 2, PF_FOLL_GET, pages));
	COUNT("seed gup s390-fix", pf_bare_gup_s390_fix(s->mm, 0x1007ffff000UL, 2, PF_FOLL_GET, pages));

	/*
	 * The sweep: 2 GB leaves from 4 GB to 24 GB on s390 (1 GB leaves from 2 GB to 8 GB on the generic
	 * 3-level arch, whose top table's entries span 1 GB), so that a top-table entry costs one leaf
	 * and the lower levels cost nothing: what differs is the iteration. Ranges start one page below
	 * 12 GB (4 GB) and cross k top-table boundaries, ending one page past the last (k = 0: one page).
	 */
	static const unsigned long s390_leaves[][3] = { { 4UL << 30, 24UL << 30, 31 } };
	static const unsigned long generic_leaves[][3] = { { 2UL << 30, 8UL << 30, 30 } };
	struct pf_space *s2 = make(PF_ARCH_S390, s390_leaves, 1);

	for (int k = 0; k <= 4; k++) {
		unsigned long span = 1UL << 31, start = 6 * span - 4096, end = k ? 6 * span + (k - 1) * span + 4096 : 6 * span;

		snprintf(name, sizeof(name), "sweep %d walk s390-prefix", k);
		COUNT(name, pf_bare_walk_s390_prefix(s2->mm, start, end));
		snprintf(name, sizeof(name), "sweep %d walk s390-rfc-v2", k);
		COUNT(name, pf_bare_walk_s390_rfc_v2(s2->mm, start, end));
		snprintf(name, sizeof(name), "sweep %d walk s390-fix", k);
		COUNT(name, pf_bare_walk_s390_fix(s2->mm, start, end));
		snprintf(name, sizeof(name), "sweep %d gup s390-rfc-v1", k);
		COUNT(name, pf_bare_gup_s390_rfc_v1(s2->mm, start, (end - start) >> 12, PF_FOLL_GET, pages));
		snprintf(name, sizeof(name), "sweep %d gup s390-rfc-v2", k);
		COUNT(name, pf_bare_gup_s390_rfc_v2(s2->mm, start, (end - start) >> 12, PF_FOLL_GET, pages));
		snprintf(name, sizeof(name), "sweep %d gup s390-fix", k);
		COUNT(name, pf_bare_gup_s390_fix(s2->mm, start, (end - start) >> 12, PF_FOLL_GET, pages));
	}
	struct pf_space *g = make(PF_ARCH_GENERIC, generic_leaves, 1);

	for (int k = 0; k <= 4; k++) {
		unsigned long span = 1UL << 30, start = 4 * span - 4096, end = k ? 4 * span + (k - 1) * span + 4096 : 4 * span;

		snprintf(name, sizeof(name), "sweep %d walk generic-3l", k);
		COUNT(name, pf_bare_walk_generic_3l(g->mm, start, end));
		snprintf(name, sizeof(name), "sweep %d walk middle-level", k);
		COUNT(name, pf_bare_walk_middle_level(g->mm, start, end));
		snprintf(name, sizeof(name), "sweep %d gup generic-3l", k);
		COUNT(name, pf_bare_gup_generic_3l(g->mm, start, (end - start) >> 12, PF_FOLL_GET, pages));
		snprintf(name, sizeof(name), "sweep %d gup middle-level", k);
		COUNT(name, pf_bare_gup_middle_level(g->mm, start, (end - start) >> 12, PF_FOLL_GET, pages));
	}
	return 0;
}
