/// Eight entries of one buffer, as `ParameterUpdate.updateLanes` hands them to a rule.
public typealias Lanes<Scalar: SIMDScalar> = SIMD8<Scalar>

extension ParameterUpdate {
    /// Runs `body` over the entries eight at a time: g (the gradient with
    /// coupled decay), the values w, and the first `states` state buffers
    /// (the others are zeros the rule may ignore); what `body` leaves in w and
    /// in those buffers is stored back.
    ///
    /// Each lane does for its entry exactly what an entry-by-entry loop would
    /// (the same IEEE operations in the same order), so results are
    /// bit-identical to the scalar formula, just eight at a time. A plain
    /// loop over the buffers stays scalar: the compiler cannot prove that
    /// values, gradient and state do not overlap. The last group is padded
    /// with zeros, and only its real entries are stored.
    @inlinable @inline(__always)
    public func updateLanes(
        states: Int,
        _ body: (_ g: Lanes<Scalar>, _ w: inout Lanes<Scalar>,
                 _ s0: inout Lanes<Scalar>, _ s1: inout Lanes<Scalar>, _ s2: inout Lanes<Scalar>) -> Void
    ) {
        precondition(states <= 3 && stateStorage.count >= states * values.count, "updateLanes: at most three state buffers")
        let count = values.count
        guard count > 0, let w = values.baseAddress, let gradient = rawGradient.baseAddress else { return }
        let state = stateStorage.baseAddress
        let decay = Lanes<Scalar>(repeating: coupledDecay)
        var start = 0
        while start < count {
            let width = Swift.min(Lanes<Scalar>.scalarCount, count - start)
            var weights = Self.load(w + start, width)
            let g = Self.load(gradient + start, width) + decay * weights
            var s0 = Lanes<Scalar>(), s1 = Lanes<Scalar>(), s2 = Lanes<Scalar>()
            if states > 0, let state { s0 = Self.load(state + start, width) }
            if states > 1, let state { s1 = Self.load(state + count + start, width) }
            if states > 2, let state { s2 = Self.load(state + 2 * count + start, width) }
            body(g, &weights, &s0, &s1, &s2)
            Self.store(weights, w + start, width)
            if states > 0, let state { Self.store(s0, state + start, width) }
            if states > 1, let state { Self.store(s1, state + count + start, width) }
            if states > 2, let state { Self.store(s2, state + 2 * count + start, width) }
            start += width
        }
    }

    @inlinable @inline(__always)
    static func load(_ pointer: UnsafePointer<Scalar>, _ width: Int) -> Lanes<Scalar> {
        if width == Lanes<Scalar>.scalarCount { return UnsafeRawPointer(pointer).loadUnaligned(as: Lanes<Scalar>.self) }
        var lanes = Lanes<Scalar>()
        for lane in 0..<width { lanes[lane] = pointer[lane] }
        return lanes
    }

    @inlinable @inline(__always)
    static func load(_ pointer: UnsafeMutablePointer<Scalar>, _ width: Int) -> Lanes<Scalar> {
        load(UnsafePointer(pointer), width)
    }

    @inlinable @inline(__always)
    static func store(_ lanes: Lanes<Scalar>, _ pointer: UnsafeMutablePointer<Scalar>, _ width: Int) {
        if width == Lanes<Scalar>.scalarCount {
            UnsafeMutableRawPointer(pointer).storeBytes(of: lanes, as: Lanes<Scalar>.self)
            return
        }
        for lane in 0..<width { pointer[lane] = lanes[lane] }
    }
}
