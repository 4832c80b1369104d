/// Element-wise activations by name; in `model:` they are written like layers.
func registerBuiltInActivations(in registry: Registry<any LayerSpec>) {
    registry.register("identity", summary: "f(x) = x") { _ in ActivationSpec.identity }
    registry.register("relu", summary: "max(0, x)") { _ in ActivationSpec.relu }
    registry.register("leaky_relu", summary: "x if x > 0 else negative_slope·x") { settings in
        ActivationSpec.leakyReLU(negativeSlope: try settings.double("negative_slope", default: 0.01, .nonNegative))
    }
    registry.register("elu", summary: "x if x > 0 else alpha·(eˣ − 1)") { settings in
        ActivationSpec.elu(alpha: try settings.double("alpha", default: 1, .positive))
    }
    registry.register("sigmoid", summary: "1/(1 + e⁻ˣ); slope at most 1/4 (vanishing gradients when stacked)") { _ in ActivationSpec.sigmoid }
    registry.register("tanh", summary: "tanh x") { _ in ActivationSpec.tanh }
    registry.register("softplus", summary: "log(1 + eˣ), x itself above threshold") { settings in
        ActivationSpec.softplus(threshold: try settings.double("threshold", default: 20, .positive))
    }
    registry.register("gelu", summary: "x·Φ(x), exact (erf)") { _ in ActivationSpec.gelu }
    registry.register("step", summary: "1 if x ≥ 0 else 0; zero gradient: the pitfall that cannot train") { _ in ActivationSpec.step }
}

enum ActivationSpec: LayerSpec {
    case identity, relu, sigmoid, tanh, gelu, step
    case leakyReLU(negativeSlope: Double)
    case elu(alpha: Double)
    case softplus(threshold: Double)

    func outputSize(inputSize: Int) -> Int { inputSize }

    func makeLayer<Scalar: BLASScalar>(inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type) throws -> any Layer<Scalar> {
        switch self {
        case .identity: Identity<Scalar>()
        case .relu: ReLU<Scalar>()
        case .sigmoid: Sigmoid<Scalar>()
        case .tanh: Tanh<Scalar>()
        case .gelu: GELU<Scalar>()
        case .step: Step<Scalar>()
        case .leakyReLU(let slope): LeakyReLU<Scalar>(negativeSlope: Scalar(slope))
        case .elu(let alpha): ELU<Scalar>(alpha: Scalar(alpha))
        case .softplus(let threshold): Softplus<Scalar>(threshold: Scalar(threshold))
        }
    }
}
