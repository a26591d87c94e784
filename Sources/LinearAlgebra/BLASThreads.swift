import CBLAS

/// The number of threads OpenBLAS uses inside one BLAS/LAPACK call.
///
/// Statistics here call BLAS on small matrices (p ≤ a few hundred) or split large designs across
/// cores themselves; OpenBLAS's own threads then only spin (`sched_yield`) and compete with the
/// caller's threads. Command-line tools therefore set one thread per call at start-up; a library
/// user multiplying large matrices may want more.
public enum BLASThreads {
  /// The current thread count.
  public static var count: Int { Int(openblas_get_num_threads()) }

  /// Sets the thread count (at least 1).
  public static func set(_ threads: Int) {
    openblas_set_num_threads(Int32(clamping: Swift.max(1, threads)))
  }
}
