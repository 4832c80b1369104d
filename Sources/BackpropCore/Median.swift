import BackpropPlatform

/// The middle value (the mean of the middle two for an even count; NaN when
/// empty). Infinities are values like any other: a run that never reached
/// its target counts as the slowest. Halves are added, so two huge values
/// do not overflow.
package func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count.isMultiple(of: 2) ? sorted[middle - 1] / 2 + sorted[middle] / 2 : sorted[middle]
}

/// The median of epochs to a target over seeds or reruns, one that never
/// reached it (nil) counting as the slowest: ∞ when most never did.
package func medianEpochs(_ epochs: [Int?]) -> Double {
    median(epochs.map { $0.map(Double.init) ?? .infinity })
}
