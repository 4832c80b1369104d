import BackpropExperiment
import BackpropStatistics

/// How much a score moves with the choice of the samples it is measured on:
/// the sampling error of the set itself, which no number of seeds removes.
/// A difference between runs smaller than this would not survive another
/// set of the same size, so the verdict never calls it a win.
///
/// - Accuracy p on N samples: the binomial standard error √(p(1−p)/N), and
///   never less than one sample's worth, 1/N (at p = 1 the formula gives 0,
///   yet a single sample would change it).
/// - RMSE: the standard error measured with it (the delta method over the
///   squared errors, `RegressionScores.rmseStandardError`), else the
///   Gaussian-residual approximation RMSE/√(2N).
/// - Any other metric: unknown (nil), as the verdict ranks by accuracy or RMSE only.
enum HeldOutError {
    static func of(_ score: Double?, metric: Metric, samples: Int, rmseStandardError: Double?) -> Double? {
        guard let score, score.isFinite, samples > 0 else { return nil }
        let n = Double(samples)
        switch metric {
        case .accuracy:
            return max((max(score * (1 - score), 0) / n).squareRoot(), 1 / n)
        case .rmse:
            return rmseStandardError ?? score / (2 * n).squareRoot()
        default:
            return nil
        }
    }
}
