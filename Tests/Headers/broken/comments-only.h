/*
 * Nothing but comments.
 *
 * check: --base s390-fix-v6.10
 * expect: ERROR defines nothing
 */
// pud_offset_lockless would go here
