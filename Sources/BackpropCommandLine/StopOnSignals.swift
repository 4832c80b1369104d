import BackpropCommands
import Foundation

/// Ctrl-C and SIGTERM for the commands that train: the first stops the runs
/// at their next step and the finished ones are written; a second quits at once.
func stopOnSignals() -> Interruption {
    Interruption.onSignals { signal in
        let text = "\nstopping (\(Interruption.describe(signal))): unfinished runs are abandoned, finished ones will be written; again to quit at once\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
