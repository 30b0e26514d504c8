/*
 * An #include of a device that never ends: the compile ends at its time or memory limit.
 *
 * check: --base s390-fix-v6.10 --timeout 2
 * expect: ERROR compile:
 */
#include "/dev/zero"
