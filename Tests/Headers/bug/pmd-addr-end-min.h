/*
 * pmd_addr_end() as a plain min(): at the top of a 5-level task the next boundary wraps to 0, which
 * is below end, and the loop's next goes backwards (the -1 in the kernel's form is for this).
 *
 * check: --base s390-fix-v6.10 --levels 5
 * expect: FAIL runaway loop
 */
#undef pmd_addr_end
#define pmd_addr_end(addr, end)						\
({	unsigned long __boundary = ((addr) + PMD_SIZE) & PMD_MASK;	\
	__boundary < (end) ? __boundary : (end);			\
})
