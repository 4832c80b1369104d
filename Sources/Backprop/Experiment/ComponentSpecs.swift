/// What a registry entry returns: a precision-independent recipe that builds
/// the component for a run in Float or Double. (A run's dtype is chosen in
/// the file, so entries cannot build `Float` or `Double` components directly.)

/// Builds a layer for a given input width.
public protocol LayerSpec: Sendable {
    func outputSize(inputSize: Int) -> Int
    func makeLayer<Scalar: BLASScalar>(inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type) throws -> any Layer<Scalar>
}

/// Builds a loss.
public protocol LossSpec: Sendable {
    func makeLoss<Scalar: BLASScalar>(as scalar: Scalar.Type) -> any Loss<Scalar>
}

/// Builds a fresh optimizer (with empty state) for each run.
public protocol OptimizerSpec: Sendable, CustomStringConvertible {
    func makeOptimizer<Scalar: BLASScalar>(as scalar: Scalar.Type) throws -> any Optimizer<Scalar>
}

/// Builds a fresh schedule (schedules such as plateau keep state) for each run.
public protocol ScheduleSpec: Sendable, CustomStringConvertible {
    func makeSchedule() -> any LearningRateSchedule
}

/// The registries the experiment files read names from. Built-in entries are
/// registered on first use; a package can add its own with `register`.
public enum Registries {
    public static let layers: Registry<any LayerSpec> = {
        let registry = Registry<any LayerSpec>(kind: "layer")
        registerBuiltInLayers(in: registry)
        return registry
    }()

    public static let activations: Registry<any LayerSpec> = {
        let registry = Registry<any LayerSpec>(kind: "activation")
        registerBuiltInActivations(in: registry)
        return registry
    }()

    public static let losses: Registry<any LossSpec> = {
        let registry = Registry<any LossSpec>(kind: "loss")
        registerBuiltInLosses(in: registry)
        return registry
    }()

    public static let optimizers: Registry<any OptimizerSpec> = {
        let registry = Registry<any OptimizerSpec>(kind: "optimizer")
        registerBuiltInOptimizers(in: registry)
        return registry
    }()

    public static let initializers: Registry<any Initializer> = {
        let registry = Registry<any Initializer>(kind: "initializer")
        registerBuiltInInitializers(in: registry)
        return registry
    }()

    public static let schedules: Registry<any ScheduleSpec> = {
        let registry = Registry<any ScheduleSpec>(kind: "schedule")
        registerBuiltInSchedules(in: registry)
        return registry
    }()

    public static let datasets: Registry<any Dataset> = {
        let registry = Registry<any Dataset>(kind: "dataset")
        registerBuiltInDatasets(in: registry)
        return registry
    }()

    /// Every registry by the name `backprop list KIND` uses.
    public static func describeAll() -> [(kind: String, entries: [(name: String, summary: String, settings: [Settings.Description])])] {
        [("layers", layers.describe()), ("activations", activations.describe()), ("losses", losses.describe()),
         ("optimizers", optimizers.describe()), ("initializers", initializers.describe()),
         ("schedules", schedules.describe()), ("datasets", datasets.describe())]
    }
}
