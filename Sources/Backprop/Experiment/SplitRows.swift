/// The rows (of the dataset's file, from 0) of each part.
public struct SplitRows: Codable, Sendable, Equatable {
    public var train: [Int]
    public var validation: [Int]
    public var test: [Int]

    public init(train: [Int], validation: [Int], test: [Int]) {
        self.train = train
        self.validation = validation
        self.test = test
    }

    func map(_ transform: (Int) -> Int) -> SplitRows {
        SplitRows(train: train.map(transform), validation: validation.map(transform), test: test.map(transform))
    }
}
