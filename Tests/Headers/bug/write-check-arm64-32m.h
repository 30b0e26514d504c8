/*
 * arm64's pmd_access_permitted() without the write test: FOLL_WRITE pins a read-only 32 MB block.
 *
 * check: --base arm64-lpa2-fix
 * expect: FAIL wrong pages
 */
#undef pmd_access_permitted
#define pmd_access_permitted(pmd, write) pte_access_permitted(((pte_t) { pmd_val(pmd) }), false)
