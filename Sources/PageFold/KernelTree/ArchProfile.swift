/// What kernel-tree mode takes from a tree for one arch, and the configuration it reads it in
/// (docs/kernel-tree.md lists the same, with the reasons).
struct ArchProfile: Sendable {
    let arch: Arch
    /// Files read as the tree's own code, tree-relative; absent ones are skipped (kernels differ).
    let files: [String]
    /// Of those, what every tree of this arch has.
    let requiredFiles: [String]
    /// The include path, tree-relative, as Kbuild sets it for the arch.
    let includeDirs: [String]
    /// The CONFIG_ options that are on (each `#define CONFIG_X 1`, or the value given).
    let config: [(String, String)]
    /// The stand-in header (include/pagefold/standins/) and the glue's arch part (CShim/tree/).
    let standIns: String
    let glue: String
    /// Names the glue uses: the leaf writer's constructors and the recorders' accessors.
    let glueRoots: [String]
    /// Names the glue uses when the tree has them (it tests PF_TREE_HAS_<name>).
    let optionalRoots: [String]

    static func forArch(_ arch: Arch) -> ArchProfile? {
        switch arch {
        case .s390: return s390
        case .x86: return x86
        case .arm64: return arm64
        default: return nil
        }
    }

    /// The generic part every arch reads: the walks, the generic helpers and the nop headers.
    static let common = [
        "include/linux/kconfig.h", "include/linux/const.h", "include/vdso/const.h", "include/uapi/linux/const.h",
        "include/linux/pgtable.h", "include/linux/pagewalk.h", "include/linux/mm.h",
        "include/asm-generic/pgtable-nop4d.h", "include/asm-generic/pgtable-nopud.h",
        "include/asm-generic/pgtable-nopmd.h",
        "mm/pgtable-generic.c", "mm/gup.c", "mm/pagewalk.c",
    ]
    static let commonRequired = ["Makefile", "include/linux/pgtable.h", "mm/gup.c", "mm/pagewalk.c"]

    /// What the recorders (CShim/tree/glue.h) and the invariant checks (CShim/tree/hooks.h) call.
    static let recorderRoots = [
        "pud_leaf", "pmd_leaf", "pud_pfn", "pmd_pfn", "pte_present", "pte_pfn", "pte_val", "pmd_val", "pud_val",
        "PUD_MASK", "PMD_MASK", "PAGE_SHIFT", "PAGE_MASK", "pgd_offset", "p4d_offset", "pud_offset", "pmd_offset",
        "pte_offset_kernel", "pte_offset_map", "pte_unmap", "mm_walk", "mm_walk_ops",
    ]

    /// s390, 64-bit, 4 KB pages, THP and hugetlbfs on (1 MB and 2 GB leaves), as Debian's s390x
    /// kernels; no KVM page-table extensions (PGSTE), no NUMA balancing.
    static let s390 = ArchProfile(
        arch: .s390,
        files: common + ["arch/s390/include/asm/pgtable.h", "arch/s390/include/asm/page.h", "arch/s390/mm/hugetlbpage.c"],
        requiredFiles: commonRequired + ["arch/s390/include/asm/pgtable.h", "arch/s390/include/asm/page.h"],
        includeDirs: ["arch/s390/include", "arch/s390/include/uapi", "include", "include/uapi"],
        config: [("CONFIG_64BIT", "1"), ("CONFIG_MMU", "1"), ("CONFIG_HAVE_FAST_GUP", "1"), ("CONFIG_HAVE_GUP_FAST", "1"),
                 ("CONFIG_ARCH_HAS_PTE_SPECIAL", "1"), ("CONFIG_TRANSPARENT_HUGEPAGE", "1"), ("CONFIG_HUGETLB_PAGE", "1"),
                 ("CONFIG_PGTABLE_LEVELS", "5"), ("CONFIG_PAGE_SHIFT", "12"), ("CONFIG_PHYS_ADDR_T_64BIT", "1"), ("CONFIG_SPARSEMEM", "1"),
                 ("CONFIG_SPARSEMEM_VMEMMAP", "1")],
        standIns: "s390.h", glue: "s390.h",
        glueRoots: recorderRoots + ["mk_pte_phys", "PAGE_RO", "PAGE_RW", "pte_mkdirty", "pte_wrprotect", "pte_mkyoung",
                                    "__pte", "_REGION3_ENTRY_EMPTY", "_SEGMENT_ENTRY_EMPTY"],
        optionalRoots: ["pte_mkwrite_novma", "pte_mkwrite", "__set_huge_pte_at", "set_huge_pte_at"])

    /// x86-64 with five-level paging built in (CONFIG_X86_5LEVEL: the p4d folds at run time
    /// without LA57), 4 KB pages, THP with 1 GB pages, hugetlbfs; no paravirt (PARAVIRT_XXL would
    /// route every entry through a call), no memory protection keys, no memory encryption.
    static let x86 = ArchProfile(
        arch: .x86,
        files: common + ["arch/x86/include/asm/pgtable.h", "arch/x86/include/asm/pgtable_64.h",
                         "arch/x86/include/asm/pgtable_types.h", "arch/x86/include/asm/pgtable_64_types.h",
                         "arch/x86/include/asm/page_types.h", "arch/x86/include/asm/page_64_types.h",
                         "arch/x86/include/asm/page_64.h", "arch/x86/include/asm/page.h",
                         "arch/x86/include/asm/pgtable-invert.h", "arch/x86/mm/hugetlbpage.c"],
        requiredFiles: commonRequired + ["arch/x86/include/asm/pgtable.h", "arch/x86/include/asm/pgtable_types.h"],
        includeDirs: ["arch/x86/include", "arch/x86/include/uapi", "include", "include/uapi"],
        config: [("CONFIG_X86_64", "1"), ("CONFIG_64BIT", "1"), ("CONFIG_X86_5LEVEL", "1"), ("CONFIG_PGTABLE_LEVELS", "5"),
                 ("CONFIG_MMU", "1"), ("CONFIG_HAVE_FAST_GUP", "1"), ("CONFIG_HAVE_GUP_FAST", "1"),
                 ("CONFIG_ARCH_HAS_PTE_SPECIAL", "1"), ("CONFIG_ARCH_HAS_PTE_DEVMAP", "1"), ("CONFIG_TRANSPARENT_HUGEPAGE", "1"),
                 ("CONFIG_HAVE_ARCH_TRANSPARENT_HUGEPAGE", "1"), ("CONFIG_HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD", "1"),
                 ("CONFIG_ARCH_SUPPORTS_PMD_PFNMAP", "1"), ("CONFIG_ARCH_SUPPORTS_PUD_PFNMAP", "1"),
                 ("CONFIG_HUGETLB_PAGE", "1"), ("CONFIG_PHYS_ADDR_T_64BIT", "1"), ("CONFIG_SPARSEMEM", "1"),
                 ("CONFIG_SPARSEMEM_VMEMMAP", "1"), ("CONFIG_PAGE_SHIFT", "12")],
        standIns: "x86.h", glue: "x86.h",
        glueRoots: recorderRoots + ["pfn_pte", "PAGE_COPY", "PAGE_SHARED", "PAGE_READONLY", "pte_mkdirty",
                                    "pte_wrprotect", "pte_mkyoung", "pte_mkhuge"],
        optionalRoots: ["pte_mkwrite_novma", "pte_mkwrite"])

    /// arm64 with 16 KB pages and 52-bit virtual addresses through LPA2: a four-level build whose
    /// pud folds at run time when the CPU lacks LPA2 (then 47-bit, three levels); THP and
    /// hugetlbfs (32 MB and 64 GB leaves); no contiguous-pte folding (CONTPTE), no permission
    /// overlays (POE), no memory tagging.
    static let arm64 = ArchProfile(
        arch: .arm64,
        files: common + ["arch/arm64/include/asm/pgtable.h", "arch/arm64/include/asm/pgtable-hwdef.h",
                         "arch/arm64/include/asm/pgtable-prot.h", "arch/arm64/include/asm/pgtable-types.h",
                         "arch/arm64/include/asm/page-def.h", "arch/arm64/include/asm/page.h", "arch/arm64/include/asm/memory.h",
                         "arch/arm64/mm/hugetlbpage.c"],
        requiredFiles: commonRequired + ["arch/arm64/include/asm/pgtable.h", "arch/arm64/include/asm/pgtable-hwdef.h"],
        includeDirs: ["arch/arm64/include", "arch/arm64/include/uapi", "include", "include/uapi"],
        config: [("CONFIG_ARM64", "1"), ("CONFIG_64BIT", "1"), ("CONFIG_ARM64_16K_PAGES", "1"), ("CONFIG_ARM64_PAGE_SHIFT", "14"),
                 ("CONFIG_PAGE_SHIFT", "14"), ("CONFIG_ARM64_VA_BITS_52", "1"), ("CONFIG_ARM64_VA_BITS", "52"),
                 ("CONFIG_ARM64_LPA2", "1"), ("CONFIG_ARM64_PA_BITS_52", "1"), ("CONFIG_ARM64_PA_BITS", "52"),
                 ("CONFIG_PGTABLE_LEVELS", "4"), ("CONFIG_ARM64_CONT_PTE_SHIFT", "7"), ("CONFIG_ARM64_CONT_PMD_SHIFT", "5"),
                 ("CONFIG_MMU", "1"), ("CONFIG_HAVE_FAST_GUP", "1"), ("CONFIG_HAVE_GUP_FAST", "1"),
                 ("CONFIG_ARCH_HAS_PTE_SPECIAL", "1"), ("CONFIG_ARCH_HAS_PTE_DEVMAP", "1"), ("CONFIG_TRANSPARENT_HUGEPAGE", "1"),
                 ("CONFIG_HAVE_ARCH_TRANSPARENT_HUGEPAGE", "1"), ("CONFIG_ARCH_SUPPORTS_PMD_PFNMAP", "1"),
                 ("CONFIG_HUGETLB_PAGE", "1"), ("CONFIG_PHYS_ADDR_T_64BIT", "1"), ("CONFIG_SPARSEMEM", "1"),
                 ("CONFIG_SPARSEMEM_VMEMMAP", "1")],
        standIns: "arm64.h", glue: "arm64.h",
        glueRoots: recorderRoots + ["pfn_pte", "PAGE_READONLY", "PAGE_SHARED", "pte_mkdirty", "pte_wrprotect",
                                    "pte_mkyoung", "pte_mkhuge", "pgprot_val", "PTE_SHARED"],
        optionalRoots: ["pte_mkwrite_novma", "pte_mkwrite"])

    /// The PageFold variant of the same era: its level counts, quirks and scenario set frame the
    /// tree's run, and `matrix` sets the tree beside it.
    func nearestVariant(_ version: KernelVersion) -> String {
        switch arch {
        case .s390:
            if version < KernelVersion(5, 9) { return "s390-prefix" }
            return version < KernelVersion(6, 10) ? "s390-fix" : "s390-fix-v6.10"
        case .x86: return "x86-la57"
        case .arm64: return version < KernelVersion(6, 11) ? "arm64-lpa2-prefix" : "arm64-lpa2-fix"
        case .generic: return "generic-4l"
        }
    }
}
