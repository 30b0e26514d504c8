/*
 * A macro that expands to itself where no function of that name exists.
 *
 * check: --base s390-fix-v6.10
 * expect: ERROR self-referencing-macro.h:8:
 */
#undef pud_addr_end
#define pud_addr_end(addr, end) pud_addr_end(addr, end)
