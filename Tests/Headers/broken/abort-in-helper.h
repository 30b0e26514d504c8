/*
 * A helper that calls abort().
 *
 * check: --base s390-fix-v6.10
 * expect: FAIL worker stopped
 * expect-detail: SIGABRT
 */
#include <stdlib.h>

static inline pmd_t *aborting_pmd_offset_lockless(pud_t *pudp, pud_t pud, unsigned long address)
{
	abort();
}
#undef pmd_offset_lockless
#define pmd_offset_lockless aborting_pmd_offset_lockless
