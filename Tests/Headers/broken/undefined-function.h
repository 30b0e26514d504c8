/*
 * A helper that calls a function nobody declared.
 *
 * check: --base s390-fix-v6.10
 * expect: ERROR undefined-function.h:8:
 */
#undef pud_offset_lockless
#define pud_offset_lockless(p4dp, p4d, address) lockless_pud_from(p4dp, p4d, address)
