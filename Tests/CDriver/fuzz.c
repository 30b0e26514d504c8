// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: arbitrary bytes become an address space and a range; every variant of the
 * space's arch runs gup_fast and the pagewalk over it. A fixed variant that differs from the C
 * Oracle, or raises a fault event, aborts; the sanitizers catch anything the harness does wrong.
 *
 *   clang -fsanitize=fuzzer,address,undefined -Iinclude … Tests/CDriver/fuzz.c -o fuzz
 *   ./fuzz Tests/CDriver/corpus            (fuzz)      ./fuzz Tests/CDriver/corpus/FILE… (replay)
 *
 * Input: byte 0 picks the arch and level count; then up to 8 mappings of 6 bytes each (an anchor
 * boundary, an offset and a length in pages, a page size, writability); the last 4 bytes pick the
 * range (anchor, offset, length) and the gup flags.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../CShim/space.h"
#include "harness.h"

static const struct { enum pf_arch arch; int levels; } spaces[] = {
	{ PF_ARCH_GENERIC, 2 }, { PF_ARCH_GENERIC, 3 }, { PF_ARCH_GENERIC, 4 }, { PF_ARCH_GENERIC, 5 },
	{ PF_ARCH_S390, 2 }, { PF_ARCH_S390, 3 }, { PF_ARCH_S390, 4 }, { PF_ARCH_S390, 5 },
	{ PF_ARCH_X86, 4 }, { PF_ARCH_X86, 5 }, { PF_ARCH_ARM64, 3 }, { PF_ARCH_ARM64, 4 },
};

/* An anchor: a boundary of one of the real tables (k << shift, k from 1 to 4), or the top. */
static uint64_t anchor(const struct pf_space *sp, uint8_t b)
{
	int level = b % (sp->nr_geo + 1);
	uint64_t limit = pf_space_user_limit(sp);

	if (level >= sp->nr_geo - 1 || sp->geo[level].shift > 61)
		return limit;
	uint64_t a = (uint64_t)(1 + (b >> 4) % 4) << sp->geo[level].shift;
	return a < limit ? a : limit;
}

static void fail(const char *what, const struct pf_variant *v, uint64_t start, uint64_t end, const char *why)
{
	fprintf(stderr, "%s: %s 0x%llx-0x%llx: %s\n", what, v->name, (unsigned long long)start,
		(unsigned long long)end, why);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pfh_space s;
	char err[256];
	uint64_t ps, limit, start, end, nr_pages;
	const uint8_t *range;
	int nr_maps;

	if (size < 5)
		return 0;
	if (pfh_create(&s, spaces[data[0] % 12].arch, spaces[data[0] % 12].levels, err, sizeof(err)))
		abort();	/* every listed space exists */
	ps = 1ULL << s.space->ops->page_shift;
	limit = pf_space_user_limit(s.space);
	nr_maps = (int)((size - 5) / 6);
	if (nr_maps > 8)
		nr_maps = 8;
	for (int i = 0; i < nr_maps; i++) {
		const uint8_t *m = data + 1 + 6 * i;
		uint64_t a = anchor(s.space, m[0]);
		int64_t off = (int8_t)m[1];
		uint64_t len = 1 + m[2] % 64, page = ps;
		int shift = s.space->ops->page_shift;

		/* a leaf of a table that has them, when asked for */
		if (m[3] & 1) {
			const struct pf_geo_level *g = &s.space->geo[(m[3] >> 1) % s.space->nr_geo];

			if (g->leaf_ok) {
				shift = g->shift;
				page = 1ULL << shift;
				len = 1 + m[2] % 2;
			}
		}
		uint64_t base = (a & ~(page - 1)) + (uint64_t)(off * (int64_t)page);
		/* out-of-range or overlapping mappings are refused with a message; skip them */
		if (base + len * page > base)
			pfh_map(&s, base, base + len * page, shift, m[4] & 1, err, sizeof(err));
	}
	range = data + size - 4;
	start = (anchor(s.space, range[0]) & ~(ps - 1)) + (uint64_t)((int64_t)(int8_t)range[1] * (int64_t)ps);
	nr_pages = 1 + range[2] % 80;
	end = start + nr_pages * ps;
	if (start < limit && end <= limit && end > start) {
		for (int i = 0; i < pf_nr_variants(); i++) {
			const struct pf_variant *v = pf_variant_at(i);
			unsigned int flags = (range[3] & 1 ? PF_FOLL_WRITE : 0) | (range[3] & 2 ? PF_FOLL_PIN : PF_FOLL_GET);
			uint64_t want[80];
			struct pf_run run;
			char why[256];
			long nr;

			if (v->arch != s.arch || s.levels < v->min_levels || s.levels > v->max_levels)
				continue;
			pf_run_init(&run);
			run.record = PF_RUN_INVARIANTS;
			pf_space_write_leaves(s.space, v->leaf_entry);
			nr = v->gup_fast(s.space, start, nr_pages, flags, &run);
			if (pfh_runs_fixed(v, s.levels)) {
				long n = pfh_oracle_gup(&s, start, nr_pages, flags & PF_FOLL_WRITE, v->quirks, want);

				if (n != nr || (n && memcmp(want, run.pfns, n * sizeof(*want))))
					fail("gup differs from the oracle", v, start, end, "");
				if (pfh_faulted(&run))
					fail("gup raised a fault event", v, start, end, "");
			}
			pf_space_release(s.space, run.pfns, run.nr, flags);
			if (pfh_runs_fixed(v, s.levels) && pf_space_changed_pages(s.space, NULL))
				fail("gup left page references changed", v, start, end, "");
			v->walk_page_range(s.space, start, end, &run);
			if (pfh_runs_fixed(v, s.levels)) {
				if (!pfh_walk_ok(&s, &run, start, end, why, sizeof(why)))
					fail("walk differs from the oracle", v, start, end, why);
				if (pfh_faulted(&run))
					fail("walk raised a fault event", v, start, end, "");
			}
			pf_run_free(&run);
		}
	}
	pfh_destroy(&s);
	return 0;
}
