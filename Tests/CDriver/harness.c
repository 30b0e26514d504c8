// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <string.h>
#include "harness.h"

int pfh_create(struct pfh_space *s, enum pf_arch arch, int levels, char *err, size_t errlen)
{
	memset(s, 0, sizeof(*s));
	s->arch = arch;
	s->levels = levels;
	s->next_phys = PF_DATA_PHYS_BASE;
	s->space = pf_space_create(arch, levels, 0, err, errlen);
	return s->space ? 0 : -1;
}

int pfh_map(struct pfh_space *s, uint64_t start, uint64_t end, int page_shift, bool write,
	    char *err, size_t errlen)
{
	uint64_t size = 1ULL << page_shift, phys = (s->next_phys + size - 1) & ~(size - 1);

	if (s->nr == PFH_MAX_MAPPINGS) {
		snprintf(err, errlen, "more than %d mappings", PFH_MAX_MAPPINGS);
		return -1;
	}
	if (pf_space_map(s->space, start, end, page_shift, write, phys, err, errlen))
		return -1;
	s->map[s->nr++] = (struct pfh_mapping) { start, end, phys, page_shift, write };
	s->next_phys = phys + (end - start);
	return 0;
}

void pfh_destroy(struct pfh_space *s)
{
	pf_space_destroy(s->space);
	s->space = NULL;
}

static const struct pfh_mapping *pfh_find(const struct pfh_space *s, uint64_t va)
{
	for (int i = 0; i < s->nr; i++)
		if (va >= s->map[i].start && va < s->map[i].end)
			return &s->map[i];
	return NULL;
}

static uint64_t pfh_frame(const struct pfh_space *s, const struct pfh_mapping *m, uint64_t va)
{
	return (m->phys + (va - m->start)) >> pf_arch_page_shift(s->arch);
}

long pfh_oracle_gup(const struct pfh_space *s, uint64_t start, uint64_t nr_pages, bool write,
		    unsigned int quirks, uint64_t *frames)
{
	uint64_t ps = 1ULL << pf_arch_page_shift(s->arch);
	long nr = 0;

	for (uint64_t i = 0; i < nr_pages; i++) {
		const struct pfh_mapping *m = pfh_find(s, start + i * ps);

		if (!m || (write && !m->write &&
			   !((quirks & PF_QUIRK_RO_HUGE_PUD_WRITABLE) && m->page_shift == 31)))
			break;
		frames[nr++] = pfh_frame(s, m, start + i * ps);
	}
	return nr;
}

bool pfh_walk_ok(const struct pfh_space *s, const struct pf_run *run, uint64_t start, uint64_t end,
		 char *why, size_t whylen)
{
	uint64_t ps = 1ULL << pf_arch_page_shift(s->arch), at = start;

	for (int i = 0; i < run->nr_visits; i++) {
		const struct pf_visit *v = &run->visits[i];

		if ((v->kind == PF_VISIT_PUD || v->kind == PF_VISIT_PMD) && !v->leaf)
			continue;	/* a table entry: the lower callbacks cover its range */
		if (v->start != at || v->end <= v->start || v->end > end) {
			snprintf(why, whylen, "callback %d covers 0x%llx-0x%llx, expected to start at 0x%llx",
				 i, (unsigned long long)v->start, (unsigned long long)v->end, (unsigned long long)at);
			return false;
		}
		if (v->kind == PF_VISIT_HOLE) {
			for (int j = 0; j < s->nr; j++)
				if (s->map[j].start < v->end && v->start < s->map[j].end) {
					snprintf(why, whylen, "hole 0x%llx-0x%llx covers a mapping",
						 (unsigned long long)v->start, (unsigned long long)v->end);
					return false;
				}
		}
		for (uint64_t va = v->start; v->kind != PF_VISIT_HOLE && va < v->end; va += ps) {
			const struct pfh_mapping *m = pfh_find(s, va);

			if (!!m != v->leaf || (m && v->pfn + (va - v->start) / ps != pfh_frame(s, m, va))) {
				snprintf(why, whylen, "callback %d (kind %d) at 0x%llx disagrees with the mapping list",
					 i, v->kind, (unsigned long long)va);
				return false;
			}
		}
		at = v->end;
	}
	if (at != end) {
		snprintf(why, whylen, "callbacks stop at 0x%llx, not 0x%llx", (unsigned long long)at,
			 (unsigned long long)end);
		return false;
	}
	return true;
}

bool pfh_faulted(const struct pf_run *run)
{
	for (int i = 0; i < run->nr_events; i++)
		if (run->events[i].kind != PF_EV_INVARIANT_B)
			return true;
	return run->aborted;
}

bool pfh_is_fixed(const struct pf_variant *v)
{
	static const char *const fixed[] = {
		"generic-2l", "generic-3l", "generic-4l", "generic-5l", "middle-level", "s390-rfc-v1", "s390-rfc-v2",
		"s390-fix", "s390-fix-v6.10", "x86-la57", "arm64-lpa2-fix",
	};

	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (!strcmp(v->name, fixed[i]))
			return true;
	return false;
}

bool pfh_runs_fixed(const struct pf_variant *v, int levels)
{
	return pfh_is_fixed(v) && levels >= v->min_levels && levels <= v->max_levels;
}
