import ArgumentParser
import BackpropCommands
import Foundation

/// `--shard K/N|auto` and `--shards N`, shared by `sweep` and `suite`.
struct ShardOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Run only shard K of N, e.g. --shard 2/4 (into the shard's own folder, shards/K-of-N), or 'auto': from Slurm array, Kubernetes Indexed Job or GNU parallel variables.", valueName: "K/N|auto"))
    var shard: String?

    @Option(parsing: .unconditional, help: "With --shard auto: the number of shards, for schedulers that give only the task's index (Kubernetes, GNU parallel); or set BACKPROP_SHARDS.")
    var shards: Int?

    func validate() throws {
        if let shards, shards < 1 { throw ValidationError("--shards must be at least 1, found \(shards)") }
        if shards != nil && shard != "auto" { throw ValidationError("--shards goes with --shard auto") }
    }

    func sweepOptions(force: Bool) throws -> Commands.SweepOptions {
        Commands.SweepOptions(shard: try shard.map(ShardRequest.init(parsing:)), shardCount: shards,
                              environment: ProcessInfo.processInfo.environment, force: force)
    }
}
