import BackpropCore

/// Draws starting values for a weight or bias of `count` entries.
///
/// `fanIn` and `fanOut` are the layer's input and output widths (for a Dense
/// layer of weight (out, in): fanIn = in, fanOut = out), as in torch.nn.init.
/// Values are drawn in Double and converted, so float32 and float64 runs with
/// the same seed start from the same numbers (up to rounding).
public protocol Initializer: Component {
    func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double]
}
