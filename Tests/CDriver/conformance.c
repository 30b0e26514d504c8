// SPDX-License-Identifier: GPL-2.0
/*
 * The conformance scenarios without Swift: the seed scenario, the boundary set on every arch and
 * level count, and the arm64 bug. It prints a plain text record (the same on every compiler,
 * optimisation level and byte order, or something is wrong) and exits 1 when a fixed variant
 * differs from the Oracle or raises a fault.
 *
 *   conformance            the record on stdout, a summary line on stderr
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "boundary_set.h"

static const char *const level_names[] = { "pgd", "p4d", "pud", "pmd", "pte" };
static const char *const event_names[] = {
	"stack-read", "outside-table", "outside-arena", "bug", "invariant-a", "invariant-b", "runaway",
};
static int failures, checked;

/* FNV-1a over what a run did: the record stays short and still changes if anything does. */
static uint64_t fnv(uint64_t h, uint64_t v)
{
	for (int i = 0; i < 8; i++) {
		h ^= (v >> (8 * i)) & 0xff;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static uint64_t run_digest(const struct pf_run *run)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	h = fnv(h, (uint64_t)run->nr);
	for (long i = 0; i < run->nr && run->pfns; i++)
		h = fnv(h, run->pfns[i]);
	for (int i = 0; i < run->nr_steps; i++) {
		const struct pf_step *s = &run->steps[i];

		h = fnv(fnv(fnv(fnv(h, s->level), s->addr), s->next), s->value);
		h = fnv(fnv(h, s->place.kind), (uint64_t)s->place.index);
	}
	for (int i = 0; i < run->nr_visits; i++)
		h = fnv(fnv(fnv(h, run->visits[i].kind), run->visits[i].start), run->visits[i].pfn);
	return h;
}

static void print_events(const struct pf_run *run)
{
	for (int i = 0; i < run->nr_events; i++) {
		const struct pf_event *e = &run->events[i];

		printf(" %s@%s#%d", event_names[e->kind], e->level >= 0 ? level_names[e->level] : "-",
		       e->iteration);
		if (e->kind == PF_EV_STACK_READ)
			printf("[slot %d]", e->place.index);
	}
}

static void print_iterations(const struct pf_run *run)
{
	int it[PF_NR_LEVELS] = { 0 };

	for (int i = 0; i < run->nr_steps; i++)
		it[run->steps[i].level]++;
	printf(" iterations %d/%d/%d/%d/%d", it[0], it[1], it[2], it[3], it[4]);
}

static void check_gup(const struct pf_variant *v, const struct pfh_space *s, const struct pf_run *run,
		      uint64_t start, uint64_t nr_pages, bool write)
{
	uint64_t *want = calloc(nr_pages, sizeof(*want));
	long n = pfh_oracle_gup(s, start, nr_pages, write, v->quirks, want);

	checked++;
	if (n != run->nr || (n && memcmp(want, run->pfns, n * sizeof(*want))) || pfh_faulted(run)) {
		failures++;
		fprintf(stderr, "FAIL %s gup %d-level 0x%llx+%llu%s: %ld pages, the oracle %ld\n", v->name,
			s->levels, (unsigned long long)start, (unsigned long long)nr_pages, write ? " write" : "",
			run->nr, n);
	}
	free(want);
}

static void check_walk(const struct pf_variant *v, const struct pfh_space *s, const struct pf_run *run,
		       uint64_t start, uint64_t end)
{
	char why[256];

	checked++;
	if (!pfh_walk_ok(s, run, start, end, why, sizeof(why)) || pfh_faulted(run)) {
		failures++;
		fprintf(stderr, "FAIL %s walk %d-level 0x%llx-0x%llx: %s\n", v->name, s->levels,
			(unsigned long long)start, (unsigned long long)end,
			pfh_faulted(run) ? "fault event" : why);
	}
}

/* One variant over one range: a line of the record, and the Oracle check for fixed variants. */
static void run_range(const struct pf_variant *v, struct pfh_space *s, uint64_t start, uint64_t end,
		      bool detail)
{
	uint64_t nr_pages = (end - start) >> pf_arch_page_shift(s->arch);
	struct pf_run run;

	pf_run_init(&run);
	run.record = PF_RUN_STEPS | PF_RUN_INVARIANTS;	/* the digest covers every loop body */
	pf_space_write_leaves(s->space, v->leaf_entry);
	for (int write = 0; write < 2; write++) {
		long nr;

		pf_space_reset_pages(s->space);
		nr = v->gup_fast(s->space, start, nr_pages, PF_FOLL_GET | (write ? PF_FOLL_WRITE : 0), &run);

		printf("%s %d gup 0x%llx+%llu%s nr %ld digest %016llx", v->name, s->levels,
		       (unsigned long long)start, (unsigned long long)nr_pages, write ? " w" : "", nr,
		       (unsigned long long)run_digest(&run));
		if (detail) {
			printf(" frames");
			for (long i = 0; i < nr; i++)
				printf(" %llx", (unsigned long long)run.pfns[i]);
			print_iterations(&run);
		}
		print_events(&run);
		printf("\n");
		if (pfh_runs_fixed(v, s->levels))
			check_gup(v, s, &run, start, nr_pages, write);
		pf_space_release(s->space, run.pfns, run.nr, PF_FOLL_GET);
		if (pfh_runs_fixed(v, s->levels) && pf_space_changed_pages(s->space, NULL)) {
			failures++;
			fprintf(stderr, "FAIL %s gup %d-level 0x%llx: page references changed\n", v->name,
				s->levels, (unsigned long long)start);
		}
	}
	v->walk_page_range(s->space, start, end, &run);
	printf("%s %d walk 0x%llx-0x%llx visits %d digest %016llx", v->name, s->levels, (unsigned long long)start,
	       (unsigned long long)end, run.nr_visits, (unsigned long long)run_digest(&run));
	if (detail)
		print_iterations(&run);
	print_events(&run);
	printf("\n");
	if (pfh_runs_fixed(v, s->levels))
		check_walk(v, s, &run, start, end);
	pf_run_free(&run);
}

static void seed(void)
{
	const uint64_t b = 0x10080000000ULL;
	struct pfh_space s;
	char err[256];

	if (pfh_create(&s, PF_ARCH_S390, 3, err, sizeof(err)) ||
	    pfh_map(&s, b - 0x1000, b + 0x1000, 12, true, err, sizeof(err)) ||
	    pfh_map(&s, b - 0x80000000ULL - 0x1000, b - 0x80000000ULL + 0x1000, 12, true, err, sizeof(err))) {
		fprintf(stderr, "seed: %s\n", err);
		exit(2);
	}
	printf("== seed: s390 3-level, 0x1007ffff000-0x10080001000\n");
	for (int i = 0; i < pf_nr_variants(); i++)
		if (pf_variant_at(i)->arch == PF_ARCH_S390)
			run_range(pf_variant_at(i), &s, b - 0x1000, b + 0x1000, true);
	pfh_destroy(&s);
}

static void arm64_bug(void)
{
	const uint64_t start = 0x10080000000ULL - 0x4000;
	struct pfh_space s;
	char err[256];

	printf("== arm64: 16K pages, pud folded at run time (3 levels) and LPA2 (4)\n");
	for (int levels = 3; levels <= 4; levels++) {
		if (pfh_create(&s, PF_ARCH_ARM64, levels, err, sizeof(err)) ||
		    pfh_map(&s, start, start + 0x8000, 14, true, err, sizeof(err))) {
			fprintf(stderr, "arm64: %s\n", err);
			exit(2);
		}
		for (int i = 0; i < pf_nr_variants(); i++)
			if (pf_variant_at(i)->arch == PF_ARCH_ARM64)
				run_range(pf_variant_at(i), &s, start, start + 0x8000, true);
		pfh_destroy(&s);
	}
}

static void boundary_set(enum pf_arch arch, int levels)
{
	uint64_t points[PFH_MAX_POINTS];
	struct pfh_range ranges[PFH_MAX_RANGES];
	struct pfh_space s;
	char err[256];
	int np, nr;

	np = pfh_boundary_space(&s, arch, levels, points, err, sizeof(err));
	if (np < 0) {
		fprintf(stderr, "boundary set arch %d levels %d: %s\n", arch, levels, err);
		exit(2);
	}
	nr = pfh_boundary_ranges(&s, points, np, ranges);
	printf("== boundary set: arch %d, %d levels, %d points, %d ranges\n", arch, levels, np, nr);
	for (int i = 0; i < pf_nr_variants(); i++) {
		const struct pf_variant *v = pf_variant_at(i);

		if (v->arch != arch || levels < v->min_levels || levels > v->max_levels)
			continue;
		for (int r = 0; r < nr; r++)
			run_range(v, &s, ranges[r].start, ranges[r].end, false);
	}
	pfh_destroy(&s);
}

int main(void)
{
	static const struct { enum pf_arch arch; int min, max; } arches[] = {
		{ PF_ARCH_GENERIC, 2, 5 }, { PF_ARCH_S390, 2, 5 }, { PF_ARCH_X86, 4, 5 }, { PF_ARCH_ARM64, 3, 4 },
	};

	seed();
	arm64_bug();
	for (size_t a = 0; a < sizeof(arches) / sizeof(arches[0]); a++)
		for (int l = arches[a].min; l <= arches[a].max; l++)
			boundary_set(arches[a].arch, l);
	fprintf(stderr, "%d passed, %d failed\n", checked - failures, failures);
	return failures ? 1 : 0;
}
