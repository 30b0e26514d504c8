/*
 * A helper that calls exit(0) in the middle of a walk: a run that did not finish never passes.
 *
 * check: --base s390-fix-v6.10
 * expect: FAIL worker stopped
 * expect-detail: called exit(0) at
 */
#include <stdlib.h>

static inline pud_t *leaving_pud_offset_lockless(p4d_t *p4dp, p4d_t p4d, unsigned long address)
{
	exit(0);
}
#undef pud_offset_lockless
#define pud_offset_lockless leaving_pud_offset_lockless
