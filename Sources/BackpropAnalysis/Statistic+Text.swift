import BackpropExperiment
import BackpropStatistics

extension Statistic {
    /// `0.0213 ± 0.0041`: the mean to three significant digits, the std to
    /// the same decimal place (left out for one value).
    package var text: String {
        count > 1 ? formatMeanAndSpread(mean, std) : formatSignificant(mean, digits: 3)
    }
}
