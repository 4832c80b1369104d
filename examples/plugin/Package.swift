// swift-tools-version: 6.1
import PackageDescription

// A plugin package: components of its own (Lion, Swish, a dataset) and a
// binary with the whole backprop command line. It depends on backprop by path
// because it lives in backprop's repository; elsewhere the line is
// .package(url: "https://github.com/OWNER/backprop.git", from: "0.2.0").
let package = Package(
    name: "backprop-plugin-example",
    products: [
        .library(name: "ExamplePlugin", targets: ["ExamplePlugin"]),
        .executable(name: "backprop-plugin", targets: ["backprop-plugin"]),
    ],
    dependencies: [
        .package(name: "backprop", path: "../.."),
    ],
    targets: [
        // The components, one file each, and their registration (Registration.swift).
        .target(
            name: "ExamplePlugin",
            dependencies: [.product(name: "Backprop", package: "backprop")],
            // Its sourceDigest: results of another version of this code are never reused.
            plugins: [.plugin(name: "SourceDigestPlugin", package: "backprop")]
        ),
        // main.swift: install the plugin, hand over to the command line.
        .executableTarget(
            name: "backprop-plugin",
            dependencies: ["ExamplePlugin", .product(name: "BackpropCommandLine", package: "backprop")]
        ),
        .testTarget(
            name: "ExamplePluginTests",
            dependencies: ["ExamplePlugin", .product(name: "Backprop", package: "backprop")],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
