/*
 * The generic pud_offset() with the v6.12 accessor, pasted under its own name: it replaces
 * linux/pgtable.h's where it stands. gup's fallback pud_offset_lockless() hands it &(p4d).
 *
 * check: --base x86-la57
 * expect: PASS
 */
static inline pud_t *pud_offset(p4d_t *p4d, unsigned long address)
{
	return p4d_pgtable(p4dp_get(p4d)) + pud_index(address);
}
#define pud_offset pud_offset
