/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The C core driven without Swift: address spaces from a mapping list, a C re-statement of the
 * Oracle, and the checks the conformance driver and the fuzz target share.
 */
#ifndef PAGEFOLD_HARNESS_H
#define PAGEFOLD_HARNESS_H

#include <pagefold/pagefold.h>

#define PFH_MAX_MAPPINGS 64

struct pfh_mapping {
	uint64_t start, end, phys;
	int page_shift;
	bool write;
};

struct pfh_space {
	struct pf_space *space;
	enum pf_arch arch;
	int levels;
	struct pfh_mapping map[PFH_MAX_MAPPINGS];
	int nr;
	uint64_t next_phys;
};

/* As the Swift library lays frames out: one mapping after another, each aligned to its size. */
int pfh_create(struct pfh_space *s, enum pf_arch arch, int levels, char *err, size_t errlen);
int pfh_map(struct pfh_space *s, uint64_t start, uint64_t end, int page_shift, bool write,
	    char *err, size_t errlen);
void pfh_destroy(struct pfh_space *s);

/*
 * The Oracle: frames of the mapped (and, for a write, writable) prefix of the range, as the
 * variant's kernels see it (PF_QUIRK_*: a read-only 2 GB page is writable before v6.10).
 */
long pfh_oracle_gup(const struct pfh_space *s, uint64_t start, uint64_t nr_pages, bool write,
		    unsigned int quirks, uint64_t *frames);
/*
 * A walk is right when its leaf, pte and hole callbacks tile [start, end) in order, every present
 * pte and leaf maps the frame the mapping list says, and no hole or empty pte covers a mapping.
 */
bool pfh_walk_ok(const struct pfh_space *s, const struct pf_run *run, uint64_t start, uint64_t end,
		 char *why, size_t whylen);
/* The events no correct walk may raise (invariant (b) is allowed: s390-fix breaks it by design). */
bool pfh_faulted(const struct pf_run *run);
/* The variants that must equal the Oracle everywhere. */
bool pfh_is_fixed(const struct pf_variant *v);
/* A fixed variant at a level count it runs on. */
bool pfh_runs_fixed(const struct pf_variant *v, int levels);

#endif
