import BackpropOutput

/// What `--shard` asks for: `K/N`, or `auto`, read from the variables the
/// scheduler that started the process sets for each of its tasks.
package enum ShardRequest: Sendable, Equatable {
    case fixed(Shard)
    case auto

    /// `auto` or `K/N`; the error says what is wrong.
    package init(parsing text: String) throws {
        self = text == "auto" ? .auto : .fixed(try Shard(parsing: text))
    }

    /// The shard to run. `count` is `--shards N`, for schedulers that give a
    /// task its index but not the number of tasks.
    package func resolve(environment: [String: String], count: Int? = nil) throws -> Shard {
        switch self {
        case .fixed(let shard): return shard
        case .auto: return try Self.fromScheduler(environment, count: count)
        }
    }

    /// The variables looked for, in this order:
    /// - Slurm job arrays: SLURM_ARRAY_TASK_ID, _MIN, _STEP and _COUNT;
    /// - Kubernetes Indexed Jobs: JOB_COMPLETION_INDEX (from 0), the count by --shards or BACKPROP_SHARDS;
    /// - GNU parallel: PARALLEL_SEQ (from 1), the count by --shards or BACKPROP_SHARDS;
    /// - anything else (GitHub Actions' matrix): BACKPROP_SHARD_INDEX (from 0) and BACKPROP_SHARDS.
    static func fromScheduler(_ environment: [String: String], count: Int?) throws -> Shard {
        func number(_ name: String) throws -> Int? {
            guard let text = environment[name] else { return nil }
            // Bounded, so the arithmetic below cannot overflow.
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value.magnitude <= 1 << 40 else {
                throw ComponentError("--shard auto: \(name) is '\(text.prefix(40))', not a whole number of a reasonable size")
            }
            return value
        }
        func total(for variable: String) throws -> Int {
            if let count { return count }
            if let count = try number("BACKPROP_SHARDS") { return count }
            throw ComponentError("--shard auto: \(variable) gives this task's index but not the number of shards: pass --shards N or set BACKPROP_SHARDS")
        }
        func shard(_ index: Int, _ count: Int, from source: String) throws -> Shard {
            do {
                return try Shard(index: index, count: count)
            } catch let error as ComponentError {
                throw ComponentError("--shard auto (\(source)): \(error.description)")
            }
        }
        if let task = try number("SLURM_ARRAY_TASK_ID") {
            guard let tasks = try count ?? number("SLURM_ARRAY_TASK_COUNT") else {
                throw ComponentError("--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not")
            }
            let first = try number("SLURM_ARRAY_TASK_MIN") ?? 0, step = try number("SLURM_ARRAY_TASK_STEP") ?? 1
            guard step >= 1 else { throw ComponentError("--shard auto: SLURM_ARRAY_TASK_STEP is \(step); a job array's step is at least 1") }
            guard (task - first) % step == 0 else {
                throw ComponentError("--shard auto: Slurm array task \(task) is not SLURM_ARRAY_TASK_MIN (\(first)) plus a multiple of SLURM_ARRAY_TASK_STEP (\(step))")
            }
            return try shard((task - first) / step + 1, tasks, from: "Slurm array task \(task)")
        }
        if let index = try number("JOB_COMPLETION_INDEX") {
            return try shard(index + 1, try total(for: "JOB_COMPLETION_INDEX"), from: "Kubernetes completion index \(index)")
        }
        if let sequence = try number("PARALLEL_SEQ") {
            return try shard(sequence, try total(for: "PARALLEL_SEQ"), from: "GNU parallel job \(sequence)")
        }
        if let index = try number("BACKPROP_SHARD_INDEX") {
            return try shard(index + 1, try total(for: "BACKPROP_SHARD_INDEX"), from: "BACKPROP_SHARD_INDEX \(index)")
        }
        throw ComponentError("--shard auto found no scheduler's variables (looked for SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, PARALLEL_SEQ, BACKPROP_SHARD_INDEX); give --shard K/N")
    }
}
