/// An error caused by what a user gave the tool (an experiment file, a data
/// file, a checkpoint, a command-line value), as opposed to a failure of the
/// tool itself. Its description is one line that names the file and place;
/// the command line prints it and exits with status 2.
public protocol BadInputError: Error, CustomStringConvertible {}

