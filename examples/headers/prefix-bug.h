/*
 * Re-creates the 2020 bug on the merged fix: gup's pud level offsets from the address of its local
 * p4d copy again (the generic fallback's &(p4d)), so on an s390 3-level task the folded pud loop
 * increments a pointer to the stack and walks on 2 GB lower.
 *
 * check: --base s390-fix-v6.10
 * expect: FAIL stray read
 */
#undef pud_offset_lockless
#define pud_offset_lockless(p4dp, p4d, address) pud_offset(&(p4d), address)
