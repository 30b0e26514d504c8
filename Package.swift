// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "PageFold",
    products: [
        .library(name: "PageFold", targets: ["PageFold"]),
        .executable(name: "pagefold", targets: ["pagefold"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The kernel-shaped C core. Rooted at "." so that the top-level include/ holds the kernel
        // header tree (linux/, asm-generic/, asm-<arch>/); include/module.modulemap exposes only
        // pagefold/pagefold.h to Swift.
        .target(
            name: "CShim",
            path: ".",
            // CShim/qemu/ is built for an s390 guest (`pagefold qemu`), never for this host.
            exclude: ["CShim/qemu"],
            sources: ["CShim"],
            publicHeadersPath: "include",
            // -fno-strict-aliasing as the kernel's Makefile has it: kernel code reads one entry
            // type through a pointer to another (a folded level's `(pud_t *)p4dp`). -O2 in debug
            // builds too, as for PageFold below.
            cSettings: [.unsafeFlags(["-std=gnu11", "-fno-strict-aliasing", "-O2", "-Wall", "-Wno-unused-function"])]
        ),
        // Optimized in debug builds too: `swift test` runs the conformance checks and the Oracle over
        // tens of thousands of cases, and the worker is this code.
        .target(name: "PageFold", dependencies: ["CShim"], swiftSettings: [.unsafeFlags(["-O"])]),
        .executableTarget(
            name: "pagefold",
            dependencies: ["PageFold", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "PageFoldTests",
            dependencies: ["PageFold", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
    ]
)
