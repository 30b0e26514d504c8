/*
 * A helper that hands a null pointer to the base's pmd_offset(), which reads through it: the
 * worker dies of SIGSEGV in linux/pgtable.h, inlined into the header's function, and the failure
 * names the header's line, the one that made the call.
 *
 * check: --base x86-la57
 * expect: FAIL worker stopped
 * expect-detail: null-through-base-helper.h:13
 */
static inline pmd_t *null_pmd_offset_lockless(pud_t *pudp, pud_t pud, unsigned long address)
{
	pud_t *none = (pud_t *)0;
	return pmd_offset(none, address);
}
#undef pmd_offset_lockless
#define pmd_offset_lockless null_pmd_offset_lockless
