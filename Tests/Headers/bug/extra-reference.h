/*
 * gup takes one reference more than it records: each page's refcount stays up after put_page().
 *
 * check: --base s390-fix-v6.10
 * expect: FAIL page references
 * expect-only: page references
 */
#define try_grab_folio(page, refs, flags) try_grab_folio(page, (refs) + 1, flags)
