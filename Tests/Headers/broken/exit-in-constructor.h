/*
 * A constructor that calls exit(): the library never finishes loading.
 *
 * check: --base s390-fix-v6.10
 * expect: FAIL worker stopped
 * expect-detail: called exit(3) at
 */
#include <stdlib.h>

__attribute__((constructor)) static void leave_early(void)
{
	exit(3);
}
