import BackpropAnalysis

extension Registries {
    /// Charts by the names `plots:` uses, in the order reports show them.
    public static let charts = Registry<any Chart>(kind: "plot", [
        LossChart.self, BatchLossChart.self, LossVsTimeChart.self, AccuracyChart.self, LearningRateChart.self, GradientNormChart.self,
        DecisionBoundaryChart.self, ConfusionChart.self, PredictedVsActualChart.self, SensitivityChart.self, SensitivityMapChart.self,
    ])
}
