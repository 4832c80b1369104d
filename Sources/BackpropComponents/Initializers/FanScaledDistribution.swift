import BackpropCore

/// A distribution the Glorot (Xavier) and He (Kaiming) initializers draw from,
/// scaled to a layer's fan as torch.nn.init scales it: a normal of std
/// gain·√(2/fan), or a uniform on ±gain·√(6/fan), which has the same variance
/// (a uniform on ±b has variance b²/3).
package protocol FanScaledDistribution: Initializer {
    /// The distribution for `gain` and `fan` (a fan of 0 counts as 1).
    static func scaled(gain: Double, fan: Int) -> Self
    /// Its spread as a summary writes it: `std gain·√(2/fan_in)`.
    static func spread(gain: String, fan: String) -> String
}
