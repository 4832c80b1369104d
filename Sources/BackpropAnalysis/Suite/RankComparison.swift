import BackpropExperiment
import BackpropStatistics

/// The contenders of a suite ranked on every problem by one measure, and
/// whether the ranks differ by more than chance (Demšar 2006): the Friedman
/// test over all of them, then the Nemenyi critical difference — two
/// contenders whose mean ranks differ by less are not told apart at α = 0.05.
package struct RankComparison: Codable, Sendable, Equatable {
    /// "time to target", "final test quality".
    package var measure: String
    package var problems: [String]
    package var contenders: [String]
    /// Per contender (in `contenders` order), the mean rank over problems; 1 is best, ties share the mean rank.
    package var meanRanks: [Double]
    package var chiSquare: Double
    package var chiSquareP: Double
    /// Iman and Davenport's F form of the Friedman statistic, less
    /// conservative than χ² (Demšar recommends it): its p decides.
    package var imanDavenport: Double
    package var p: Double
    /// The Nemenyi critical difference of mean ranks at α = 0.05.
    package var criticalDifference: Double
    /// Groups of contenders (by index) whose mean ranks lie within the
    /// critical difference: the bars of a critical-difference diagram.
    package var groups: [[Int]]

    package static let significance = 0.05

    /// `value(problem, contender)`, higher is better, ranks the contenders per
    /// problem. Nil with fewer than two problems or contenders: there is
    /// nothing to compare across.
    package init?(measure: String, problems: [String], contenders: [String], value: (Int, String) -> Double) {
        guard problems.count >= 2, contenders.count >= 2 else { return nil }
        let table = problems.indices.map { problem in contenders.map { value(problem, $0) } }
        guard let friedman = Friedman(scores: table, higherIsBetter: true),
              let criticalDifference = Nemenyi.criticalDifference(treatments: contenders.count, blocks: problems.count, alpha: Self.significance) else {
            return nil
        }
        self.measure = measure
        self.problems = problems
        self.contenders = contenders
        meanRanks = friedman.meanRanks
        chiSquare = friedman.statistic
        chiSquareP = friedman.p
        imanDavenport = friedman.imanDavenport
        p = friedman.imanDavenportP
        self.criticalDifference = criticalDifference
        groups = Nemenyi.groups(meanRanks: meanRanks, criticalDifference: criticalDifference)
    }
}
