import CLazyLibraries

/// The number of threads OpenBLAS uses inside one BLAS/LAPACK call.
///
/// Statistics here call BLAS on small matrices (p ≤ a few hundred) or split large designs across
/// cores themselves; OpenBLAS's own threads then only spin (`sched_yield`) and compete with the
/// caller's threads. Command-line tools therefore set one thread per call at start-up; a library
/// user multiplying large matrices may want more.
///
/// OpenBLAS is opened at the first BLAS or LAPACK call (see `CLazyLibraries`), so that commands
/// that do no linear algebra do not pay for loading it; a count set before then is applied when
/// it opens.
public enum BLASThreads {
  /// The current thread count (opens OpenBLAS if no BLAS call has yet).
  public static var count: Int { Int(strata_blas_threads()) }

  /// Sets the thread count (at least 1). With one thread, OpenBLAS's idle server threads are
  /// also shut down: the pthreads build starts them when the library loads and they spin on
  /// `sched_yield` for about 2²⁸ cycles waiting for work, which on a 2-core machine took a
  /// whole core from a command's own threads (a 2-million-row load: 0.23 s → 0.15 s, system
  /// time 0.15 s → 0.04 s). A later call with more threads starts them again. Before OpenBLAS
  /// is open the count is remembered and set when it opens.
  public static func set(_ threads: Int) {
    strata_blas_set_threads(Int32(clamping: Swift.max(1, threads)))
  }

  /// Whether OpenBLAS has been loaded into this process (by a BLAS or LAPACK call, or `count`).
  public static var isLoaded: Bool { strata_blas_is_open() != 0 }
}
