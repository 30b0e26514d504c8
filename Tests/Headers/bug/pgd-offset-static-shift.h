/*
 * s390's pgd_offset() without the shift from the top table's type: on a 3-level task every address
 * below 2^53 indexes entry 0 of the region-3 table.
 *
 * check: --base s390-fix-v6.10 --levels 3
 * expect: FAIL wrong pages | missing pages | invariant (a) | pagewalk callbacks differ
 */
#undef pgd_offset
#define pgd_offset(mm, address) pgd_offset_pgd((mm)->pgd, (address))
