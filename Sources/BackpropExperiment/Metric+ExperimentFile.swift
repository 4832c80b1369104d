import BackpropTraining

/// The metrics each place of an experiment or suite file may name, and the
/// one way a name there is read.
extension Metric {
    /// What `metrics:` may name, in the order of its default (all of them):
    /// the report's table shows the optional columns of those named. Only
    /// accuracy, val_loss, val_accuracy and seconds have such columns; the
    /// others are accepted and change nothing.
    package static let reportable: [Metric] = [
        .loss, .accuracy, .batchLoss, .validationLoss, .validationAccuracy, .learningRate, .gradientNorm, .seconds,
    ]
    /// What `train: {restore_best: ...}` may name: a validation score, as the
    /// test set never chooses.
    package static let restorable: [Metric] = [.validationLoss, .validationAccuracy]
    /// What a suite problem's `target:` may name, in the order its error lists them.
    package static let suiteTargets: [Metric] = [.validationAccuracy, .validationLoss, .validationRMSE]

    /// The metric `name` written at `place`, one of `allowed`; any other name
    /// is an error there that lists them and says what it was `for`.
    package static func named(_ name: String, at place: ConfigValue, among allowed: [Metric], for what: String) throws -> Metric {
        guard let metric = Metric(rawValue: name), allowed.contains(metric) else {
            throw place.error(unknownNameMessage(what, name, known: allowed.map(\.rawValue)))
        }
        return metric
    }
}
