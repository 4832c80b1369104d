import BackpropTraining

/// The rows (of the dataset's file, from 0) of each part.
package struct SplitRows: Codable, Sendable, Equatable {
    package var train: [Int]
    package var validation: [Int]
    package var test: [Int]

    package init(train: [Int], validation: [Int], test: [Int]) {
        self.train = train
        self.validation = validation
        self.test = test
    }

    func map(_ transform: (Int) -> Int) -> SplitRows {
        SplitRows(train: train.map(transform), validation: validation.map(transform), test: test.map(transform))
    }
}
