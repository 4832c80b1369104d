import BackpropAnalysis

extension Catalog {
    /// The library's components and charts: the catalog the command line
    /// starts from, and a plugin's is added to.
    public static let builtIn: Catalog = {
        var catalog = Catalog.builtInComponents
        // In the order reports show them.
        for type: any Chart.Type in [
            LossChart.self, BatchLossChart.self, LossVsTimeChart.self, AccuracyChart.self, LearningRateChart.self, GradientNormChart.self,
            DecisionBoundaryChart.self, ConfusionChart.self, PredictedVsActualChart.self, SensitivityChart.self, SensitivityMapChart.self,
        ] {
            catalog.registerBuiltIn { try $0.register(chart: type) }
        }
        return catalog
    }()

    /// Charts by the names `plots:` uses, in the order reports show them.
    public var charts: Registry<any Chart> {
        plots.map { component in
            // Only `register(chart:)` adds plots, so every one is a Chart.
            guard let chart = component as? any Chart else { throw ComponentError("\(type(of: component)) is not a chart") }
            return chart
        }
    }

    public mutating func register<T: Chart>(chart type: T.Type, as name: String? = nil, summary: String? = nil, presets: ConfigValue? = nil,
                                            fileID: String = #fileID, line: Int = #line) throws {
        try register(type, in: \.plots, as: name, summary: summary, presets: presets, place: "\(fileID):\(line)") { $0 }
    }
}
