/* SPDX-License-Identifier: GPL-2.0 */
/* The registry's one list: add a variant here and in its own file. (X-macro, no include guard.) */
PF_VARIANT(generic_2l)
PF_VARIANT(generic_3l)
PF_VARIANT(generic_4l)
PF_VARIANT(generic_5l)
PF_VARIANT(s390_prefix)
PF_VARIANT(s390_rfc_v1)
PF_VARIANT(s390_rfc_v2)
PF_VARIANT(s390_fix)
PF_VARIANT(s390_fix_v6_10)
PF_VARIANT(x86_la57)
PF_VARIANT(arm64_lpa2_prefix)
PF_VARIANT(arm64_lpa2_fix)
