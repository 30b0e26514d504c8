/*
 * A helper the walkers never call.
 *
 * check: --base s390-fix-v6.10
 * expect: ERROR changed nothing the walkers run
 * expect-error: pud_clear_bad (
 */
static inline void pud_clear_bad(pud_t *pud)
{
	BUG();
}
