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
        .target(
            name: "Backprop",
            dependencies: [
                "CBLAS", "CZlib", "CLanes",
                .product(name: "Yams", package: "Yams"),
                .product(name: "RealModule", package: "swift-numerics"),
            ],
            plugins: ["SourceDigestPlugin"]
        ),
        // Build-time tool and plugin: the digest of a target's sources, which
        // names the code that made a sweep's trials (Version.sourceDigest).
        .executableTarget(name: "source-digest"),
        .plugin(name: "SourceDigestPlugin", capability: .buildTool(), dependencies: ["source-digest"]),
        // The command tree, as a library: the executable below is one call to it.
        .target(
            name: "BackpropCommandLine",
            dependencies: [
                "Backprop",
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
