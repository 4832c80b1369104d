import BackpropCore

/// How IDX image bytes (0...255) become inputs.
package enum PixelScaling: String, Sendable, CaseIterable {
    /// The `scaling` setting of image datasets (default `unit`).
    package init(_ settings: Settings) throws {
        let name = try settings.string("scaling", default: Self.unit.rawValue, oneOf: Self.allCases.map(\.rawValue))
        self = Self(rawValue: name) ?? .unit
    }

    /// The raw byte values, 0...255.
    case none
    /// byte / 255, in [0, 1].
    case unit
    /// (byte − mean) / std with the mean and standard deviation of all the
    /// training images' pixels, applied to training and test alike so the test
    /// set tells nothing to the preprocessing.
    case standardize

    /// The value of a pixel byte, with statistics from the training images.
    func transform(trainingImages: IDXArray) -> (Double) -> Double {
        switch self {
        case .none:
            return { $0 }
        case .unit:
            return { $0 / 255 }
        case .standardize:
            let (mean, deviation) = trainingImages.statistics()
            let divisor = deviation > 0 ? deviation : 1
            return { ($0 - mean) / divisor }
        }
    }
}
