// Each layer re-exports the one below, so a file imports only its neighbour.
@_exported import BackpropComponents
