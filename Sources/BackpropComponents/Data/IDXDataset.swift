import BackpropCore

/// Images and labels in IDX files (MNIST's format), plain or gzipped, with an
/// optional test set that becomes `LoadedDataset.test`.
///
/// Each image is one row (its pixels flattened); labels are one class index
/// per image, and there are max label + 1 classes.
package struct IDXDataset: Dataset {
    package static let name = "idx"
    package static let summary = "images and labels in IDX files (MNIST's format), plain or gzipped"
    package let trainImages: String
    package let trainLabels: String
    package let testImages: String?
    package let testLabels: String?
    package let scaling: PixelScaling
    /// Names for the classes (index = label); "0", "1", ... when nil.
    package let classNames: [String]?

    package init(settings: Settings) throws {
        trainImages = try settings.string("train_images", default: nil)
        trainLabels = try settings.string("train_labels", default: nil)
        testImages = try settings.optionalString("test_images")
        testLabels = try settings.optionalString("test_labels")
        if (testImages == nil) != (testLabels == nil) {
            throw settings.problem(testImages == nil ? "test_labels" : "test_images", "test images and test labels go together: give both or neither")
        }
        scaling = try PixelScaling(settings)
        classNames = nil
    }

    /// Files of a known data set (Fashion-MNIST), with its class names.
    package init(trainImages: String, trainLabels: String, testImages: String?, testLabels: String?, scaling: PixelScaling,
         classNames: [String]?) {
        self.trainImages = trainImages
        self.trainLabels = trainLabels
        self.testImages = testImages
        self.testLabels = testLabels
        self.scaling = scaling
        self.classNames = classNames
    }

    package var description: String {
        "idx(train_images: \(trainImages), train_labels: \(trainLabels)"
            + (testImages.map { ", test_images: \($0)" } ?? "") + (testLabels.map { ", test_labels: \($0)" } ?? "")
            + ", scaling: \(scaling.rawValue))"
    }

    package func load<Scalar: BLASScalar>(as scalar: Scalar.Type, context: DatasetContext) throws -> LoadedDataset<Scalar> {
        try checkHeaders(images: trainImages, labels: trainLabels, context: context)
        if let testImages, let testLabels { try checkHeaders(images: testImages, labels: testLabels, context: context) }
        let trainLabelArray = try readLabels(context.resolve(trainLabels))
        let (trainInputs, transform) = try readImages(as: scalar, context.resolve(trainImages), transform: nil)
        try checkCounts(images: trainInputs, labels: trainLabelArray, imagesPath: trainImages, labelsPath: trainLabels)
        var labelArrays = [trainLabelArray]
        var test: DataSplit<Scalar>?
        if let testImages, let testLabels {
            let testLabelArray = try readLabels(context.resolve(testLabels))
            let (testInputs, _) = try readImages(as: scalar, context.resolve(testImages), transform: transform)
            try checkCounts(images: testInputs, labels: testLabelArray, imagesPath: testImages, labelsPath: testLabels)
            guard testInputs.columns == trainInputs.columns else {
                throw DataError(file: testImages, message: "test images have \(testInputs.columns) values each, training images \(trainInputs.columns)")
            }
            let trainTop = trainLabelArray.bytes.max() ?? 0, testTop = testLabelArray.bytes.max() ?? 0
            guard testTop <= trainTop else {
                throw DataError(file: testLabels, message: "test labels go up to \(testTop), training labels only to \(trainTop): class \(testTop) has no training images (mismatched files?)")
            }
            test = DataSplit(inputs: testInputs, targets: testLabelArray.matrix())
            labelArrays.append(testLabelArray)
        }
        let classes = Int(labelArrays.compactMap { $0.bytes.max() }.max() ?? 0) + 1
        let names = classNames ?? (0..<classes).map(String.init)
        guard names.count >= classes else {
            throw DataError(file: trainLabels, message: "labels go up to \(classes - 1) but only \(names.count) class names are given")
        }
        return LoadedDataset(train: DataSplit(inputs: trainInputs, targets: trainLabelArray.matrix()), test: test,
                             featureNames: (1...trainInputs.columns).map { "pixel\($0)" }, classNames: names)
    }

    /// The images at `path` as a matrix, one row per image, scaled by
    /// `transform`, or by this dataset's scaling computed from these images
    /// when nil (the training set). The bytes are dropped on return, so only
    /// the matrix stays in memory.
    private func readImages<Scalar: BLASScalar>(as scalar: Scalar.Type, _ path: String, transform: ((Double) -> Double)?)
        throws -> (Matrix<Scalar>, (Double) -> Double) {
        let images = try IDXReader.read(path: path)
        let transform = transform ?? scaling.transform(trainingImages: images)
        return (images.matrix(as: scalar, value: transform), transform)
    }

    /// A labels file, its single dimension already checked by `checkHeaders`.
    private func readLabels(_ path: String) throws -> IDXArray {
        try IDXReader.read(path: path)
    }

    /// Image and label counts compared from the headers alone, before a
    /// labels file that claims billions of entries is inflated.
    private func checkHeaders(images: String, labels: String, context: DatasetContext) throws {
        let imageDimensions = try IDXReader.dimensions(path: context.resolve(images))
        let labelDimensions = try IDXReader.dimensions(path: context.resolve(labels))
        guard labelDimensions.count == 1 else {
            throw DataError(file: context.resolve(labels), message: "a labels file has one dimension, this one has \(labelDimensions.map(String.init).joined(separator: " x "))")
        }
        guard labelDimensions[0] == imageDimensions[0] else {
            throw DataError(file: labels, message: "\(labelDimensions[0]) labels in \(labels) but \(imageDimensions[0]) images in \(images)")
        }
    }

    private func checkCounts<Scalar>(images: Matrix<Scalar>, labels: IDXArray, imagesPath: String, labelsPath: String) throws {
        guard images.rows == labels.rows else {
            throw DataError(file: labelsPath, message: "\(labels.rows) labels in \(labelsPath) but \(images.rows) images in \(imagesPath)")
        }
    }
}
