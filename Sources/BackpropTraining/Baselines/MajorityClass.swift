import BackpropComponents

/// The trivial classification baseline: every prediction is the class with
/// the most training rows, ties going to the lowest class index, as
/// scikit-learn's `DummyClassifier(strategy="most_frequent")`. Its accuracy
/// is the share of that class: what a network must beat before its accuracy
/// means anything on unbalanced data.
///
/// No training rows: it predicts class 0 (scikit-learn refuses to fit).
package struct MajorityClass: Sendable, Equatable {
    /// The class every row is given.
    package let majorityClass: Int
    /// The share of training rows in each class 0..<classCount (all zero with no rows).
    package let classFrequencies: [Double]

    /// `classes` holds each training row's class index, in 0..<classCount.
    package init(classes: [Int], classCount: Int) {
        var counts = [Int](repeating: 0, count: classCount)
        for label in classes {
            requireShape(counts.indices.contains(label), "class index \(label) outside 0..<\(classCount)")
            counts[label] += 1
        }
        // The first of the largest counts: the lowest class index wins a tie.
        majorityClass = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) } ?? 0
        classFrequencies = counts.map { Double($0) / Double(max(classes.count, 1)) }
    }

    /// The majority class, once per input row; the features are not read.
    package func predictClasses<Scalar: BLASScalar>(_ inputs: Matrix<Scalar>) -> [Int] {
        Array(repeating: majorityClass, count: inputs.rows)
    }
}
