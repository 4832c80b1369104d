import RealModule
import BackpropComponents

/// The function scikit-learn's lbfgs solver minimizes for
/// `LogisticRegression(C, penalty="l2", fit_intercept=True)`: its objective
/// C Σᵢ ℓᵢ + ½‖W‖² divided by C n, so values and gradients do not grow with
/// the row count and a gradient tolerance means what scikit-learn's `tol` means:
///
///     f(W, b) = (1/n) Σᵢ ℓᵢ + ‖W‖² / (2 C n)        (b is not penalized)
///
/// With scores z = x W + b, one per logit:
/// - binary (one logit, target t ∈ {0, 1}): ℓ = log(1 + eᶻ) − t z
/// - multinomial (a logit per class, target class y): ℓ = log Σⱼ e^zⱼ − z_y
///
/// and, with R = (P − T) / n (probabilities minus one-hot targets),
/// ∇W = Xᵀ R + W / (C n) and ∇b = Σᵢ Rᵢ: two matrix products per evaluation,
/// a block of rows at a time.
///
/// The parameters are one vector for the minimizer: W row-major
/// (features × logits), then b.
struct LogisticObjective {
    let inputs: Matrix<Double>
    /// Each row's target: 0 or 1 with one logit, else its logit's index.
    let targets: [Int]
    let logits: Int
    /// 1 / (C n).
    let penalty: Double
    /// A block's scores, then its R.
    private var residuals = Matrix<Double>(rows: 0, columns: 0)
    private var weightGradient = Matrix<Double>(rows: 0, columns: 0)

    /// `inputs` has at least one row; `targets` holds one per row.
    init(inputs: Matrix<Double>, targets: [Int], logits: Int, C: Double) {
        requireShape(inputs.rows > 0 && targets.count == inputs.rows,
                     "logistic objective of \(targets.count) targets for inputs \(inputs.shapeDescription)")
        self.inputs = inputs
        self.targets = targets
        self.logits = logits
        penalty = 1 / (C * Double(inputs.rows))
    }

    /// W and b out of the minimizer's vector.
    func split(_ parameters: [Double]) -> (weights: Matrix<Double>, intercepts: [Double]) {
        let weightCount = inputs.columns * logits
        return (Matrix(rows: inputs.columns, columns: logits, storage: Array(parameters[..<weightCount])),
                Array(parameters[weightCount...]))
    }

    /// Rows evaluated at a time (6 MB at 784 features, inside a typical L3
    /// cache): each block's two products read it from cache, so the data
    /// leaves memory once per evaluation, not twice. With ten logits both
    /// products are bound by memory, not arithmetic: at 60,000 × 784 this
    /// about halved an evaluation.
    static let blockRows = 1024

    /// f at `parameters`, writing ∇f into `gradient`.
    mutating func evaluate(_ parameters: [Double], gradient: inout [Double]) -> Double {
        let (weights, intercepts) = split(parameters)
        let features = inputs.columns, rows = inputs.rows, scale = 1 / Double(rows)
        weightGradient = Matrix(rows: features, columns: logits)
        var interceptGradient = [Double](repeating: 0, count: logits)
        var loss = 0.0
        for start in stride(from: 0, to: rows, by: Self.blockRows) {
            let blockRows = min(Self.blockRows, rows - start)
            residuals.reshape(rows: blockRows, columns: logits)
            Self.multiplyBlock(of: inputs, at: start, rows: blockRows, transposed: false, by: weights.storage,
                               into: &residuals.storage, beta: 0)
            for row in 0..<blockRows {
                let offset = row * logits
                for logit in 0..<logits { residuals.storage[offset + logit] += intercepts[logit] }
                loss += replaceScoresByResiduals(row: row, target: targets[start + row], scale: scale)
                for logit in 0..<logits { interceptGradient[logit] += residuals.storage[offset + logit] }
            }
            Self.multiplyBlock(of: inputs, at: start, rows: blockRows, transposed: true, by: residuals.storage,
                               into: &weightGradient.storage, beta: 1)
        }
        var squaredNorm = 0.0
        for (index, weight) in weights.storage.enumerated() {
            gradient[index] = weightGradient.storage[index] + penalty * weight
            squaredNorm += weight * weight
        }
        for logit in 0..<logits { gradient[weights.count + logit] = interceptGradient[logit] }
        return loss * scale + penalty / 2 * squaredNorm
    }

    /// ℓ of one row of the block, whose scores become (p − t) / n.
    private mutating func replaceScoresByResiduals(row: Int, target: Int, scale: Double) -> Double {
        let offset = row * logits
        if logits == 1 {
            let score = residuals.storage[offset], label = Double(target)
            residuals.storage[offset] = (Self.sigmoid(score) - label) * scale
            return Self.softplus(score) - label * score
        }
        let targetScore = residuals.storage[offset + target]
        let logSumExp = Self.softmax(&residuals.storage, row: row, width: logits)
        for index in offset..<(offset + logits) { residuals.storage[index] *= scale }
        residuals.storage[offset + target] -= scale
        return logSumExp - targetScore
    }

    /// `c = X[block] b + β c`, or `Xᵀ[block] b + β c` when `transposed`,
    /// through BLAS on the block where it lies in `inputs`: the block's
    /// scores (b = W) and its share of ∇W (b = R, β = 1).
    private static func multiplyBlock(of inputs: Matrix<Double>, at start: Int, rows: Int, transposed: Bool,
                                      by b: [Double], into c: inout [Double], beta: Double) {
        let features = inputs.columns, outputs = b.count / max(transposed ? rows : features, 1)
        let (m, k) = transposed ? (features, rows) : (rows, features)
        guard m > 0, outputs > 0 else { return }
        guard k > 0 else {
            for index in c.indices { c[index] *= beta }
            return
        }
        inputs.storage.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    guard let x = x.baseAddress, let b = b.baseAddress, let c = c.baseAddress else { return }
                    Double.gemm(transposeA: transposed, transposeB: false, m: m, n: outputs, k: k,
                                alpha: 1, a: x + start * features, lda: features, b: b, ldb: outputs,
                                beta: beta, c: c, ldc: outputs)
                }
            }
        }
    }

    /// log(1 + eᶻ) without overflow.
    static func softplus(_ z: Double) -> Double {
        max(z, 0) + .log(onePlus: .exp(-abs(z)))
    }

    /// 1 / (1 + e⁻ᶻ) without overflow.
    static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + .exp(-z)) : .exp(z) / (1 + .exp(z))
    }

    /// Replaces the scores of `row` (of `width` in row-major `storage`) by
    /// their softmax probabilities and returns log Σⱼ e^zⱼ, the largest
    /// score subtracted first so nothing overflows.
    static func softmax(_ storage: inout [Double], row: Int, width: Int) -> Double {
        let scores = (row * width)..<((row + 1) * width)
        let largest = storage[scores].max() ?? 0
        var sum = 0.0
        for index in scores {
            storage[index] = .exp(storage[index] - largest)
            sum += storage[index]
        }
        for index in scores { storage[index] /= sum }
        return largest + .log(sum)
    }
}
