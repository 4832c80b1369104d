import BackpropCore

/// The base learning rate throughout.
package struct ConstantSchedule: LearningRateSchedule {
    package static let name = "constant"
    package static let summary = "the optimizer's lr throughout"
    package init() {}
    package init(settings: Settings) {}
    package func learningRate(epoch: Int, base: Double, totalEpochs: Int) -> Double { base }
}
