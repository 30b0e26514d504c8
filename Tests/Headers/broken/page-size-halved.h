/*
 * A header that halves PAGE_SIZE behind PAGE_SHIFT's back: gup's pte loop then takes two pages per
 * pte and writes past the end of the caller's pages[]. The write faults at the template's line
 * (pages[] ends at a page nothing may touch); it never corrupts the worker's heap.
 *
 * check: --base s390-fix-v6.10 --levels 3
 * expect: FAIL worker stopped
 * expect-detail: SIGSEGV
 */
#undef PAGE_SIZE
#define PAGE_SIZE (1UL << 11)
