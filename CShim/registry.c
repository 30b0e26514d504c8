// SPDX-License-Identifier: GPL-2.0
/* The variant registry: Swift lists the variants from here, never from a list of its own. */
#include <pagefold/pagefold.h>

#define PF_VARIANT(id) extern const struct pf_variant pf_variant_##id;
#include "variants/list.h"
#undef PF_VARIANT

static const struct pf_variant *const pf_variants[] = {
#define PF_VARIANT(id) &pf_variant_##id,
#include "variants/list.h"
#undef PF_VARIANT
};

int pf_nr_variants(void)
{
	return (int)(sizeof(pf_variants) / sizeof(pf_variants[0]));
}

const struct pf_variant *pf_variant_at(int i)
{
	if (i < 0 || i >= pf_nr_variants())
		return NULL;
	return pf_variants[i];
}
