import BackpropCore

/// Eight entries of one buffer, as a `LaneCursor` hands them to a rule.
public typealias Lanes<Scalar: SIMDScalar> = SIMD8<Scalar>

/// Walks a parameter eight entries at a time, for a rule's update loop:
///
///     var lanes = parameter.lanes(states: 2)
///     while lanes.next() {
///         lanes.state.0 = b1 * lanes.state.0 + (1 - b1) * lanes.g
///         ...
///         lanes.w -= ...
///     }
///
/// Each `next()` stores what the rule left in `w` and in the first `states`
/// state buffers, then loads the next eight entries: g (the gradient with
/// coupled decay), w, and the state (buffers past `states` read as zeros).
/// Each lane does for its entry exactly what an entry-by-entry loop would
/// (the same IEEE operations in the same order), so results are bit-identical
/// to the scalar formula. A plain loop over the buffers stays scalar: the
/// compiler cannot prove that values, gradient and state do not overlap. The
/// last group is padded with zeros, and only its real entries are stored.
/// A cursor rather than a closure, so the rule's arithmetic is inlined into
/// the loop and the lanes stay in registers.
public struct LaneCursor<Scalar: BLASScalar> {
    public var g = Lanes<Scalar>()
    public var w = Lanes<Scalar>()
    public var state = (Lanes<Scalar>(), Lanes<Scalar>(), Lanes<Scalar>())

    @usableFromInline let values: UnsafeMutablePointer<Scalar>?
    @usableFromInline let gradient: UnsafePointer<Scalar>?
    @usableFromInline let stateStorage: UnsafeMutablePointer<Scalar>?
    @usableFromInline let count: Int
    @usableFromInline let states: Int
    @usableFromInline let decay: Lanes<Scalar>
    @usableFromInline var start = 0
    @usableFromInline var width = 0

    @inlinable
    package init(_ update: ParameterUpdate<Scalar>, states: Int) {
        precondition(states <= 3 && update.stateStorage.count >= states * update.values.count,
                     "LaneCursor: at most three state buffers")
        values = update.values.baseAddress
        gradient = update.rawGradient.baseAddress
        stateStorage = update.stateStorage.baseAddress
        count = update.values.count
        self.states = states
        decay = Lanes(repeating: update.coupledDecay)
    }

    /// Stores the current group (if any) and loads the next; false when done.
    @inlinable @inline(__always)
    public mutating func next() -> Bool {
        guard let values, let gradient else { return false }
        if width > 0 {
            Self.store(w, values + start, width)
            if let stateStorage {
                if states > 0 { Self.store(state.0, stateStorage + start, width) }
                if states > 1 { Self.store(state.1, stateStorage + count + start, width) }
                if states > 2 { Self.store(state.2, stateStorage + 2 * count + start, width) }
            }
            start += width
        }
        guard start < count else { return false }
        width = Swift.min(Lanes<Scalar>.scalarCount, count - start)
        w = Self.load(values + start, width)
        g = Self.load(gradient + start, width) + decay * w
        if let stateStorage {
            if states > 0 { state.0 = Self.load(stateStorage + start, width) }
            if states > 1 { state.1 = Self.load(stateStorage + count + start, width) }
            if states > 2 { state.2 = Self.load(stateStorage + 2 * count + start, width) }
        }
        return true
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

extension ParameterUpdate {
    /// A cursor over this parameter's entries, eight at a time, with the first
    /// `states` state buffers (see `LaneCursor`).
    @inlinable
    public func lanes(states: Int) -> LaneCursor<Scalar> { LaneCursor(self, states: states) }
}
