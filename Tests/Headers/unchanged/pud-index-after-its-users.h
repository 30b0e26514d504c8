/*
 * A new pud_index(): only the base's inline pud_offset_lockless() and pud_offset() use it, and they
 * were compiled before the header, so the walkers run the code they ran before.
 *
 * check: --base s390-fix-v6.10
 * expect: ERROR changed nothing the walkers run
 * expect-error: pud_offset_lockless (include/asm-s390/pgtable-offset-lockless.h:
 */
#undef pud_index
#define pud_index(address) (((address) >> PUD_SHIFT) & (PTRS_PER_PUD - 2))
