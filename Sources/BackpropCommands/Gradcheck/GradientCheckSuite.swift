import BackpropOutput

/// The built-in gradient checks run by `backprop gradcheck`: every layer,
/// activation and loss the registries hold, alone and in chains, on seeded
/// random data. Components come from the registries with their default
/// settings, so a new (or plugged-in) activation or loss is checked without
/// touching this file. One that cannot be made from its defaults (it needs a
/// setting) is not checked, and the outcome says so: a silent gap would read
/// as a pass.
public enum GradientCheckSuite {
    /// A registered component the suite did not check, and why.
    package struct NotChecked: Sendable, Equatable, CustomStringConvertible {
        package var component: String
        package var reason: String
        package var description: String { "not checked: \(component) \(reason)" }
    }

    /// The checks run, and the components left out.
    package struct Outcome: Sendable {
        package var results: [GradientCheck.Result]
        package var notChecked: [NotChecked]
    }

    /// The checks of every component that can be made from its defaults;
    /// `backprop gradcheck` also lists the ones that cannot.
    public static func run(catalog: Catalog = .builtIn) -> [GradientCheck.Result] {
        check(catalog: catalog).results
    }

    /// The suite over the layers, activations and losses of `catalog`.
    package static func check(catalog: Catalog) -> Outcome {
        var results: [GradientCheck.Result] = []
        var notChecked: [NotChecked] = []
        let regression = MeanSquaredError()

        // Each activation between two dense layers; each layer that builds from
        // its defaults after a tanh (a batch norm right after a dense layer would
        // cancel that layer's bias, whose gradient is then zero up to rounding).
        var candidates: [(name: String, spec: any LayerSpec, before: [any Layer<Double>])] = []
        for name in catalog.activations.namesInRegistrationOrder {
            if let activation = makeFromDefaults(name, in: \.activations, of: catalog, notChecked: &notChecked) { candidates.append((name, activation, [])) }
        }
        for name in catalog.layers.namesInRegistrationOrder {
            if let layer = makeFromDefaults(name, in: \.layers, of: catalog, notChecked: &notChecked) {
                candidates.append((name, layer, [ActivationLayer<Tanh, Double>(Tanh())]))
            }
        }
        for (name, spec, before) in candidates {
            var probe = RandomGenerator(seed: 0)
            // A layer may change the width (a plugin's may): the last dense layer takes what it gives.
            let width = spec.outputSize(inputSize: 5)
            guard (1...maximumWidth).contains(width) else {
                notChecked.append(NotChecked(component: name, reason: "gives \(width) outputs on 5 inputs; the suite checks 1 to \(maximumWidth)"))
                continue
            }
            do {
                let _: any Layer<Double> = try spec.makeLayer(inputSize: 5, random: &probe, as: Double.self)
            } catch {
                notChecked.append(NotChecked(component: name, reason: "cannot be built on 5 inputs from its defaults (\(error))"))
                continue
            }
            results.append(checkChain(name, layers: { random in
                let first = dense(4, 5, std: 1, biasStd: 0.5, &random)
                let layer: (any Layer<Double>)? = try? spec.makeLayer(inputSize: 5, random: &random, as: Double.self)
                return [first] + before + (layer.map { [$0] } ?? []) + [dense(width, 3, std: 1, &random)]
            }, loss: regression, targets: .values))
        }

        // Each loss on a dense layer (after a sigmoid when it takes probabilities), with targets of its kind.
        for name in catalog.losses.namesInRegistrationOrder {
            guard let loss = makeFromDefaults(name, in: \.losses, of: catalog, notChecked: &notChecked) else { continue }
            results.append(checkChain(name, layers: { random in
                [dense(4, 3, std: 1, biasStd: 0.5, &random)] + (loss.takesProbabilities ? [ActivationLayer(Sigmoid())] : [])
            }, loss: loss, targets: loss.targets))
        }

        results.append(checkChain("dense", layers: { random in
            [dense(4, 3, std: 1, biasStd: 1, &random)]
        }, loss: regression, targets: .values))
        results.append(checkChain("batch_norm (evaluation)", layers: { random in
            let norm = BatchNorm<Double>(features: 5, momentum: 0.1, epsilon: 1e-5)
            norm.runningMean.value.storage = (0..<5).map { _ in random.normal() }
            norm.runningVariance.value.storage = (0..<5).map { _ in random.uniform(0.5, 2) }
            return [dense(4, 5, std: 1, &random), norm, dense(5, 3, std: 1, &random)]
        }, loss: regression, targets: .values, training: false))
        results.append(checkChain("chain: dense-tanh-dense-sigmoid-dense + bce_with_logits", layers: { random in
            [Dense(inputSize: 4, units: 6, weightInitializer: XavierNormal(gain: 1), biasInitializer: Zeros(), random: &random), ActivationLayer(Tanh()),
             Dense(inputSize: 6, units: 5, weightInitializer: XavierNormal(gain: 1), biasInitializer: Zeros(), random: &random), ActivationLayer(Sigmoid()),
             Dense(inputSize: 5, units: 2, weightInitializer: XavierNormal(gain: 1), biasInitializer: Zeros(), random: &random)]
        }, loss: BinaryCrossEntropyWithLogits(), targets: .binary, columns: 2))
        results.append(checkChain("chain: dense-batch_norm-relu-dropout-dense-gelu-dense + softmax_cross_entropy", layers: { random in
            [Dense(inputSize: 4, units: 8, weightInitializer: HeNormal(), biasInitializer: Zeros(), random: &random),
             BatchNorm(features: 8, momentum: 0.1, epsilon: 1e-5), ActivationLayer(ReLU()), Dropout(probability: 0.25),
             Dense(inputSize: 8, units: 6, weightInitializer: HeNormal(), biasInitializer: Zeros(), random: &random), ActivationLayer(GELU()),
             Dense(inputSize: 6, units: 4, weightInitializer: XavierUniform(gain: 1), biasInitializer: Zeros(), random: &random)]
        }, loss: SoftmaxCrossEntropy(), targets: .classIndices, columns: 4))
        results.append(checkChain("chain: dense-elu-dense-softmax + mse", layers: { random in
            [dense(4, 6, std: 1, &random), ActivationLayer(ELU(alpha: 1)), dense(6, 3, std: 1, &random), Softmax()]
        }, loss: regression, targets: .values))
        // dense needs its units, so the registry cannot make it; it is checked by hand above.
        notChecked.removeAll { skipped in results.contains { $0.component == skipped.component } }
        return Outcome(results: results, notChecked: notChecked)
    }

    /// The widest output a layer may give on 5 inputs: wider, its check would take too long.
    static let maximumWidth = 1000

    /// The component `name` made with its default settings; nil, with the
    /// reason added to `notChecked`, when it cannot be.
    static func makeFromDefaults<Product>(_ name: String, in kind: KeyPath<Catalog, Registry<Product>>, of catalog: Catalog,
                                          notChecked: inout [NotChecked]) -> Product? {
        do {
            return try catalog.make(kind, name)
        } catch {
            let required = catalog.requiredSettings(of: name, in: kind)
            let reason = required.isEmpty
                ? "cannot be made from its default settings (\(error))"
                : (required.count == 1 ? "needs setting " : "needs settings ") + required.map { "'\($0)'" }.joined(separator: ", ")
            notChecked.append(NotChecked(component: name, reason: reason))
            return nil
        }
    }

    /// A dense layer with normal weights (and biases, when `biasStd` is given).
    static func dense(_ inputs: Int, _ units: Int, std: Double, biasStd: Double? = nil, _ random: inout RandomGenerator) -> Dense<Double> {
        Dense(inputSize: inputs, units: units, weightInitializer: Normal(mean: 0, standardDeviation: std),
              biasInitializer: biasStd.map { Normal(mean: 0, standardDeviation: $0) } ?? Zeros(), random: &random)
    }

    /// The model from `makeLayers` on 4 random inputs per row, with random
    /// targets of the loss's kind (`columns` outputs or classes).
    static func checkChain(
        _ component: String, layers makeLayers: (inout RandomGenerator) -> [any Layer<Double>],
        loss: any Loss, targets: LossTargets, columns: Int = 3, training: Bool = true, rows: Int = 6
    ) -> GradientCheck.Result {
        var random = RandomGenerator(seed: 2024)
        let model = Sequential(inputSize: 4, layers: makeLayers(&random))
        let input = Matrix(rows: rows, columns: 4, storage: (0..<(rows * 4)).map { _ in random.normal() })
        let target: Matrix<Double>
        switch targets {
        case .values:
            target = Matrix(rows: rows, columns: columns, storage: (0..<(rows * columns)).map { _ in random.normal() })
        case .binary:
            target = Matrix(rows: rows, columns: columns, storage: (0..<(rows * columns)).map { _ in random.nextUnit() < 0.5 ? 0 : 1 })
        case .classIndices:
            target = Matrix(column: (0..<rows).map { _ in Double(random.integer(below: columns)) })
        }
        return GradientCheck.check(component, model: model, loss: loss, input: input, target: target, training: training)
    }
}
