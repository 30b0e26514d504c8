// swift-tools-version: 6.1
// The benchmarks, a package of their own so that building and testing PageFold does not build the
// benchmark harness: `cd Benchmarks && swift package benchmark` (docs/performance.md).
import PackageDescription

let package = Package(
    name: "PageFoldBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "PageFold", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "PageFoldBenchmarks",
            dependencies: [
                .product(name: "PageFold", package: "PageFold"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "PageFoldBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
