import Foundation
import BackpropCore

/// Fashion-MNIST (Xiao, Rasul & Vollgraf, 2017): 60000 training and 10000
/// test images of clothes, 28 x 28 grey levels, in 10 classes, read from the
/// four gzipped IDX files of the Debian package dataset-fashion-mnist.
package struct FashionMNISTDataset: Dataset {
    package static let name = "fashion_mnist"
    package static let summary = "Zalando's Fashion-MNIST (Debian package dataset-fashion-mnist): 60k training and 10k test images"
    package let directory: String
    package let scaling: PixelScaling
    /// The first N training (and test) images only: a small problem that trains in seconds.
    package let samples: Int?
    package let testSamples: Int?

    package static let defaultDirectory = "/usr/share/datasets/fashion-mnist"
    package static let classNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
    static let fileNames = (trainImages: "train-images-idx3-ubyte.gz", trainLabels: "train-labels-idx1-ubyte.gz",
                            testImages: "t10k-images-idx3-ubyte.gz", testLabels: "t10k-labels-idx1-ubyte.gz")

    package init(settings: Settings) throws {
        directory = try settings.string("directory", default: Self.defaultDirectory)
        scaling = try PixelScaling(settings)
        samples = try settings.optionalInt("samples", .count)
        testSamples = try settings.optionalInt("test_samples", .count)
        if let samples, samples > 60_000 { throw settings.problem("samples", "Fashion-MNIST has 60000 training images, asked for \(samples)") }
        if let testSamples, testSamples > 10_000 { throw settings.problem("test_samples", "Fashion-MNIST has 10000 test images, asked for \(testSamples)") }
    }

    package var description: String {
        "fashion_mnist(directory: \(directory), scaling: \(scaling.rawValue)"
            + (samples.map { ", samples: \($0)" } ?? "") + (testSamples.map { ", test_samples: \($0)" } ?? "") + ")"
    }

    package func load<Scalar: BLASScalar>(as scalar: Scalar.Type, context: DatasetContext) throws -> LoadedDataset<Scalar> {
        let folder = context.resolve(directory)
        let names = Self.fileNames
        let paths = [names.trainImages, names.trainLabels, names.testImages, names.testLabels].map { folder + "/" + $0 }
        guard paths.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) else {
            throw DataError(file: directory, message: "Fashion-MNIST files not found; install them with `make deps` (Debian package dataset-fashion-mnist)")
        }
        let files = IDXDataset(trainImages: paths[0], trainLabels: paths[1], testImages: paths[2], testLabels: paths[3],
                               scaling: scaling, classNames: Self.classNames)
        // The paths are resolved already.
        var loaded = try files.load(as: scalar, context: DatasetContext(baseDirectory: ""))
        if let samples { loaded.train = loaded.train.subset(0..<min(samples, loaded.train.count)) }
        if let testSamples, let test = loaded.test { loaded.test = test.subset(0..<min(testSamples, test.count)) }
        return loaded
    }
}
