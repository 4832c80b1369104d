/// Initializers by name (torch.nn.init's schemes), e.g. `init: he_normal` or
/// `init: {normal: {std: 0.01}}`.
func registerBuiltInInitializers(in registry: Registry<any Initializer>) {
    registry.register("zeros", summary: "all zeros (the symmetry pitfall for hidden layers)") { _ in Zeros() }
    registry.register("constant", summary: "every entry equal to value") { settings in
        Constant(value: try settings.double("value", default: nil))
    }
    registry.register("uniform", summary: "uniform on [low, high)") { settings in
        let low = try settings.double("low", default: -0.05)
        let high = try settings.double("high", default: 0.05)
        guard high > low || settings.isDescribing else { throw settings.problem("high", "uniform needs high > low") }
        return Uniform(low: low, high: high)
    }
    registry.register("normal", summary: "normal with mean and std") { settings in
        Normal(mean: try settings.double("mean", default: 0), standardDeviation: try settings.double("std", default: 0.05, .positive))
    }
    registry.register("xavier_uniform", summary: "Glorot uniform, ±gain·√(6/(fan_in+fan_out))") { settings in
        XavierUniform(gain: try settings.double("gain", default: 1, .positive))
    }
    registry.register("xavier_normal", summary: "Glorot normal, std gain·√(2/(fan_in+fan_out))") { settings in
        XavierNormal(gain: try settings.double("gain", default: 1, .positive))
    }
    registry.register("he_uniform", summary: "He/Kaiming uniform for ReLU, ±√(6/fan_in)") { _ in HeUniform() }
    registry.register("he_normal", summary: "He/Kaiming normal for ReLU, std √(2/fan_in)") { _ in HeNormal() }
}
