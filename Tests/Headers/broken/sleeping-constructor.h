/*
 * A constructor that sleeps: the library load outruns the time limit.
 *
 * check: --base s390-fix-v6.10 --timeout 2
 * expect: FAIL worker stopped
 * expect-detail: did not return within the time limit of 2 s
 */
#include <unistd.h>

__attribute__((constructor)) static void nap(void)
{
	sleep(600);
}
