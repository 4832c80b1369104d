import BackpropTraining

/// The model's predicted class on a regular grid over the input plane.
public struct DecisionGrid: Codable, Sendable {
    public package(set) var xRange: ClosedRange<Double>
    public package(set) var yRange: ClosedRange<Double>
    public package(set) var resolution: Int
    /// Row-major, `resolution` x `resolution`, y outer: class index at each point.
    public package(set) var classes: [Int]
}

extension DecisionGrid {
    static let resolution = 120

    /// The model's class (by the loss's rule) over a grid spanning the
    /// training points plus a margin; nil unless the data is 2-D classification.
    init?<Scalar: BLASScalar>(model: Sequential<Scalar>, loss: any Loss, data: PreparedData<Scalar>) {
        guard data.train.features == 2, data.isClassification, data.train.count > 0 else { return nil }
        let xs = (0..<data.train.count).map { Double(data.train.inputs[$0, 0]) }
        let ys = (0..<data.train.count).map { Double(data.train.inputs[$0, 1]) }
        guard let xMin = xs.min(), let xMax = xs.max(), let yMin = ys.min(), let yMax = ys.max() else { return nil }
        let xPad = max((xMax - xMin) * 0.1, 0.1), yPad = max((yMax - yMin) * 0.1, 0.1)
        let resolution = Self.resolution
        var grid = Matrix<Scalar>(rows: resolution * resolution, columns: 2)
        for row in 0..<resolution {
            for column in 0..<resolution {
                let index = row * resolution + column
                grid[index, 0] = Scalar(xMin - xPad + (xMax - xMin + 2 * xPad) * Double(column) / Double(resolution - 1))
                grid[index, 1] = Scalar(yMin - yPad + (yMax - yMin + 2 * yPad) * Double(row) / Double(resolution - 1))
            }
        }
        let outputs = Evaluator<Scalar>().predict(model: model, inputs: grid)
        self.init(xRange: (xMin - xPad)...(xMax + xPad), yRange: (yMin - yPad)...(yMax + yPad), resolution: resolution,
                  classes: loss.classes(of: outputs))
    }
}
