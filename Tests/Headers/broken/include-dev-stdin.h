/*
 * An #include of standard input, which the compiler gets from /dev/null: it is empty, and the
 * header changes nothing.
 *
 * check: --base s390-fix-v6.10 --timeout 5
 * expect: ERROR changed nothing the walkers run
 */
#include "/dev/stdin"
