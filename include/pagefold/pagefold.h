/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one header Swift imports: address spaces in an arena, the variant registry, and the records a
 * run leaves behind. Every symbol here starts with pf_ / PF_; the kernel-named code lives behind it.
 */
#ifndef PAGEFOLD_PAGEFOLD_H
#define PAGEFOLD_PAGEFOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Page-table levels, numbered as mm/pagewalk.c numbers hole depths (pgd 0 … pmd 3), then pte. */
enum pf_level { PF_PGD, PF_P4D, PF_PUD, PF_PMD, PF_PTE, PF_NR_LEVELS };

enum pf_arch {
	PF_ARCH_GENERIC, /* x86-64 entry format, 9-bit levels, folded at compile time (asm-generic) */
	PF_ARCH_S390,    /* region/segment tables, folded per entry type at run time */
	PF_ARCH_X86,     /* x86-64, p4d folded at run time unless LA57 */
	PF_ARCH_ARM64,   /* arm64 16K pages, 4-level build, pud folded at run time without LPA2 */
};

/* Data frames start here, so no data page can alias a page-table page (which sit below 4 GB). */
#define PF_DATA_PHYS_BASE (1ULL << 32)

/* Flags of get_user_pages_fast(), include/linux/mm.h (v6.1). */
#define PF_FOLL_WRITE 0x01u
#define PF_FOLL_GET   0x04u
#define PF_FOLL_PIN   0x40000u

enum pf_event_kind {
	PF_EV_STACK_READ,    /* a loop read a stack slot other than the copy it was handed; when the
				slot holds no copy (unused, or the caller's saved registers) its content
				depends on what ran before, so the walk stops there */
	PF_EV_OUTSIDE_TABLE, /* a read inside the arena that hits no table, stack slot or mm */
	PF_EV_OUTSIDE_ARENA, /* a read or __va() outside the arena: nothing was read */
	PF_EV_BUG,           /* BUG()/VM_BUG_ON(): the walk stopped there, as an oops would */
	PF_EV_INVARIANT_A,   /* after pXd++: pointer != a fresh walk from pgd_offset(mm, next) */
	PF_EV_INVARIANT_B,   /* after pXd++: pointer != pXd_offset(upper, next) (Jason's form) */
	PF_EV_RUNAWAY,       /* a loop left its range or outran its step budget: walk stopped */
};

/* Where a read or a pointer landed. */
enum pf_place_kind {
	PF_PLACE_TABLE,
	PF_PLACE_STACK,     /* the walk's own frame: a pXd copy, or a slot no copy is in */
	PF_PLACE_CALLER,    /* the caller's saved registers, right above the walk's copies */
	PF_PLACE_MM,
	PF_PLACE_FREE,
	PF_PLACE_OUTSIDE,
};

struct pf_place {
	enum pf_place_kind kind;
	int table_level;    /* PF_PLACE_TABLE: the real level of the table (enum pf_level) */
	uint64_t table_pa;  /* PF_PLACE_TABLE: physical origin of the table */
	int index;          /* PF_PLACE_TABLE: entry index; PF_PLACE_STACK/CALLER: slot number */
	int slot_copy;      /* PF_PLACE_STACK: level whose copy the slot holds, or -1 if unused */
};

/* A place that is none of the tables and none of the stack: where a read starts out classified. */
#define PF_PLACE_NONE ((struct pf_place){ .kind = PF_PLACE_OUTSIDE, .table_level = -1, .slot_copy = -1 })

struct pf_event {
	enum pf_event_kind kind;
	int level;          /* loop level that was running (enum pf_level), or -1 */
	int iteration;      /* 1-based iteration of that loop, or 0 */
	uint64_t addr;      /* the virtual address the loop was at */
	struct pf_place place; /* what was read, or where the pointer pointed */
	uint64_t value;     /* the value read (stack/outside-table), or the address (outside-arena) */
	struct pf_place expected; /* invariant events: where the pointer should have pointed */
	const char *file;   /* PF_EV_BUG: source position of the BUG */
	int line;           /* PF_EV_BUG: its line; PF_EV_RUNAWAY: PF_RUNAWAY_* */
};

#define PF_RUNAWAY_NEXT 1   /* the body's next is not in (addr, end]: value is next */
#define PF_RUNAWAY_STEP 2   /* a body began outside its range or past the step budget: value is addr */
#define PF_RUNAWAY_UNALIGNED 3 /* the body's next is not page aligned: value is next */

/* One run of a loop body: the kernel's `do { … } while (pXdp++, addr = next, addr != end)`. */
struct pf_step {
	int level;
	int iteration;
	uint64_t addr;
	uint64_t next;      /* the loop's next, as the body computed it (end if the body gave up first) */
	struct pf_place place; /* the entry the loop pointer designated */
	uint64_t value;     /* the entry value the body read through it */
	bool value_read;
};

enum pf_visit_kind { PF_VISIT_PUD, PF_VISIT_PMD, PF_VISIT_PTE, PF_VISIT_HOLE };

/* One mm_walk_ops callback of walk_page_range_novma(). */
/* 40 bytes: a walk of 1 GiB of base pages writes 262,144 of them, so the size is its speed. */
struct pf_visit {
	uint64_t start, end;
	uint64_t value;     /* entry value (pud/pmd/pte visits) */
	uint64_t pfn;       /* the first frame of a leaf or present pte */
	enum pf_visit_kind kind;
	int16_t depth;      /* holes: the pte_hole() depth */
	bool leaf;          /* pud/pmd visits: pXd_leaf(); pte visits: pte_present() */
};

/*
 * What a run keeps of its loop bodies: nothing but the counts (the default), every step in
 * `steps`, or every step handed to `step_sink` as it completes (memory independent of the range);
 * and whether it checks the invariants.
 */
#define PF_RUN_STEPS 0x1u
/* Check invariants (a) and (b) after every pXdp++ (a fresh walk each time: most of a walk's cost). */
#define PF_RUN_INVARIANTS 0x2u

struct pf_run {
	unsigned int record;   /* PF_RUN_* */
	void (*step_sink)(void *ctx, const struct pf_step *step);
	void *sink_ctx;
	long iterations[PF_NR_LEVELS]; /* loop bodies run per level */
	struct pf_event *events;
	int nr_events, cap_events;
	struct pf_step *steps;
	int nr_steps, cap_steps;
	struct pf_visit *visits;
	int nr_visits, cap_visits;
	uint64_t *pfns;     /* gup: the recorded pages, as frame numbers, in order */
	void *pfns_map;     /* the mapping pfns lies in, at its end, before a guard page */
	size_t pfns_map_bytes;
	long nr;            /* gup: the count returned; walk: the walk's return value */
	int checks_a, checks_b;  /* pointer increments checked against (a) and (b) */
	bool aborted;       /* a BUG, a runaway or a read of unknown content stopped the walk */
	bool truncated;     /* more steps or visits than the record holds */
	int events_cut;     /* events beyond the record's cap; stray stack reads are never cut */
};

struct pf_space;

/* Space life cycle. Errors write a sentence into err and return NULL / non-zero. */
struct pf_space *pf_space_create(enum pf_arch arch, int levels, uint64_t cap_bytes,
				 char *err, size_t errlen);
void pf_space_destroy(struct pf_space *space);
int pf_space_map(struct pf_space *space, uint64_t start, uint64_t end, int page_shift,
		 bool write, uint64_t phys, char *err, size_t errlen);
int pf_space_upgrade(struct pf_space *space, int levels, char *err, size_t errlen);
int pf_space_levels(const struct pf_space *space);
uint64_t pf_space_user_limit(const struct pf_space *space);
bool pf_space_page_counts(const struct pf_space *space, uint64_t pfn, int *refcount, int *pincount);
/* unpin_user_pages() / put_page() for pages a gup run recorded. */
void pf_space_release(struct pf_space *space, const uint64_t *pfns, long nr, unsigned int gup_flags);
/* Every mapped page back to one reference and no pin, as after the mapping was made. */
void pf_space_reset_pages(struct pf_space *space);
/* Pages whose folio counts differ from that state: their number, and the first one's frame. */
long pf_space_changed_pages(const struct pf_space *space, uint64_t *first_pfn);

/* How a kernel writes a leaf entry (a pte, or a huge pmd/pud) for a page at pa, in a space (whose
 * CPU features a kernel tree's constructors may ask). */
typedef unsigned long (*pf_leaf_writer)(const struct pf_space *space, enum pf_level level, unsigned long pa,
					bool write);
/* Rewrite every leaf of the space with this writer (NULL: the arch's default), if another wrote them. */
void pf_space_write_leaves(struct pf_space *space, pf_leaf_writer writer);

/*
 * The benchmarks' lower bound (CShim/bench.c): a plain loop over the leaf entries of the range
 * that records the pages; with gup, it stops where gup_fast must and takes a reference on each
 * page (release them as gup's); else it reads every leaf entry, as a pagewalk, and records each
 * present one's frame once. Returns nr.
 */
long pf_lower_bound(struct pf_space *space, uint64_t start, uint64_t nr_pages, bool gup, uint64_t *pfns);

/* Geometry of an arch at a level count, for callers that lay out data frames. */
int pf_arch_page_shift(enum pf_arch arch);

/* The registry record of a variant built as a shared library (pagefold check) must be visible. */
#define PF_EXPORT __attribute__((visibility("default")))

/*
 * What a variant's kernels really do that a correct walk would not, modelled so that PageFold never
 * asserts the opposite of that kernel. The Oracle takes them into account and reports them.
 */
#define PF_QUIRK_RO_HUGE_PUD_WRITABLE 0x1u /* s390 before 3e93d49175a7 (v6.10): hugetlb writes the
					      segment read bit where pud_write() tests the
					      region-3 write bit, so a read-only 2 GB page reads
					      as writable to gup_fast */

struct pf_variant {
	const char *name;
	const char *arch_name;
	const char *reference;  /* commit id or lkml subject and date */
	const char *summary;
	const char *era;        /* the kernels that ran this code */
	const char *era_at[6];  /* per level count where it differs (NULL: era) */
	enum pf_arch arch;
	int min_levels, max_levels;
	unsigned int quirks;    /* PF_QUIRK_* */
	pf_leaf_writer leaf_entry; /* the variant's own entry constructors, or NULL: the arch's */
	long (*gup_fast)(struct pf_space *space, uint64_t start, uint64_t nr_pages,
			 unsigned int gup_flags, struct pf_run *run);
	int (*walk_page_range)(struct pf_space *space, uint64_t start, uint64_t end,
			       struct pf_run *run);
};

int pf_nr_variants(void);
const struct pf_variant *pf_variant_at(int i);

void pf_run_init(struct pf_run *run);
void pf_run_free(struct pf_run *run);

/*
 * In a worker process: report a crash (and SIGUSR1, the parent's time limit) on descriptor 3 as a JSON line
 * naming the signal and the faulting instruction's offset into the library at that path,
 * before the process dies (CShim/worker.c).
 */
void pf_worker_report_faults(const char *library);

#endif
