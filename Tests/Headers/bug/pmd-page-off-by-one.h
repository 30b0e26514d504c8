/*
 * pmd_page() one frame off: every subpage of a 1 MB leaf is the next page's.
 *
 * check: --base s390-fix-v6.10
 * expect: FAIL wrong pages
 */
#undef pmd_page
#define pmd_page(pmd) pfn_to_page(pmd_pfn(pmd) + 1)
