import CBLAS

/// How many threads OpenBLAS may use. Runs that train side by side each hold
/// BLAS to one thread so they do not fight over the cores; a single run uses all.
public enum BLASThreads {
    public static func set(_ count: Int) {
        openblas_set_num_threads(Int32(max(1, count)))
    }

    public static var current: Int { Int(openblas_get_num_threads()) }
}
