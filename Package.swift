// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "backprop",
    products: [
        .library(name: "Backprop", targets: ["Backprop"]),
        .library(name: "BackpropCommandLine", targets: ["BackpropCommandLine"]),
        .executable(name: "backprop", targets: ["backprop"]),
        // For plugin packages: a digest of their own sources, which joins the library's in Version.
        .plugin(name: "SourceDigestPlugin", targets: ["SourceDigestPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics.git", from: "1.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Vector square roots for the optimizers' SIMD loops (header only).
        .target(name: "CLanes"),
        // The library in layers, each its own target so the compiler keeps the
        // direction: a lower layer naming a higher one does not compile.
        // Platform: what talks to the OS (CPU flags, re-exec, subprocesses, files, locks).
        .target(name: "BackpropPlatform"),
        // Statistics: paired tests, intervals, rank tests; numbers in, numbers out.
        .target(name: "BackpropStatistics", dependencies: [.product(name: "RealModule", package: "swift-numerics")]),
        // Core: matrices over BLAS, random numbers, parameters, number formatting.
        .target(
            name: "BackpropCore",
            dependencies: ["BackpropPlatform", "CBLAS", "CLanes", .product(name: "RealModule", package: "swift-numerics")]
        ),
        // Components: the registries and everything they hold (layers, losses,
        // optimizers, initializers, schedules, datasets) and their settings.
        .target(name: "BackpropComponents", dependencies: ["BackpropCore", "CZlib"]),
        // Training: the trainer, stopping, evaluation, and the closed-form baselines.
        .target(name: "BackpropTraining", dependencies: ["BackpropComponents"]),
        // Experiment: the file, its plan, the runner and its results, sweeps and suite plans.
        .target(
            name: "BackpropExperiment",
            dependencies: ["BackpropTraining", .product(name: "Yams", package: "Yams")],
            plugins: ["SourceDigestPlugin"]
        ),
        // Analysis: what the results conclude (verdict, sweep and suite scores).
        .target(name: "BackpropAnalysis", dependencies: ["BackpropExperiment", "BackpropStatistics"]),
        // Output: reports, charts, result files, checkpoints on disk.
        .target(name: "BackpropOutput", dependencies: ["BackpropAnalysis"]),
        // Commands: run, sweep, merge, plot, suite, check, ... as library calls.
        .target(name: "BackpropCommands", dependencies: ["BackpropOutput"]),
        // The umbrella plugins import: every layer above, re-exported.
        .target(name: "Backprop", dependencies: ["BackpropCommands"]),
        // Build-time tool and plugin: the digest of a target's sources, which
        // names the code that made a sweep's trials (Version.sourceDigest).
        .executableTarget(name: "source-digest"),
        .plugin(name: "SourceDigestPlugin", capability: .buildTool(), dependencies: ["source-digest"]),
        // The command tree, as a library: the executable below is one call to it.
        .target(
            name: "BackpropCommandLine",
            dependencies: [
                "BackpropCommands",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "backprop",
            dependencies: ["BackpropCommandLine"]
        ),
        // Test-only: interposes malloc to count allocations of a warm training step.
        .target(name: "AllocationCounter"),
        .testTarget(
            name: "BackpropTests",
            dependencies: ["Backprop", "AllocationCounter"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
