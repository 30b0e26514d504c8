/*
 * A function declared, called, and defined nowhere: the library could not load.
 *
 * check: --base s390-fix-v6.10
 * expect: ERROR declared-never-defined.h:7: pud_from_region_entry is declared but never defined
 */
pud_t *pud_from_region_entry(p4d_t *p4dp, p4d_t p4d, unsigned long address);

#undef pud_offset_lockless
#define pud_offset_lockless pud_from_region_entry
