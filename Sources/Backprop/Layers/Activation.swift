/// An element-wise activation: `output = f(input)` applied to every entry.
///
/// A conforming type gives the function and its slope; forward and backward
/// follow from them. The slope may use the output as well as the input, which
/// is how sigmoid and tanh are usually differentiated (σ' = σ(1 − σ)).
public protocol Activation: Layer {
    func value(_ input: Scalar) -> Scalar
    func slope(input: Scalar, output: Scalar) -> Scalar
}

extension Activation {
    public func forward(_ input: Matrix<Scalar>, into output: inout Matrix<Scalar>, training: Bool) {
        output.assign(input) { value($0) }
    }

    public func backward(
        input: Matrix<Scalar>, output: Matrix<Scalar>, outputGradient: Matrix<Scalar>,
        inputGradient: inout Matrix<Scalar>, needsInputGradient: Bool
    ) {
        guard needsInputGradient else { return }
        outputGradient.requireSameShape(as: output, "\(kind) backward")
        inputGradient.reshape(rows: input.rows, columns: input.columns)
        input.storage.withUnsafeBufferPointer { x in
            output.storage.withUnsafeBufferPointer { y in
                outputGradient.storage.withUnsafeBufferPointer { dy in
                    inputGradient.storage.withUnsafeMutableBufferPointer { dx in
                        for index in x.indices {
                            dx[index] = dy[index] * slope(input: x[index], output: y[index])
                        }
                    }
                }
            }
        }
    }
}
