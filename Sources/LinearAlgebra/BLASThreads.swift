import CBLAS

#if canImport(Glibc)
  import Glibc
#endif

/// The number of threads OpenBLAS uses inside one BLAS/LAPACK call.
///
/// Statistics here call BLAS on small matrices (p ≤ a few hundred) or split large designs across
/// cores themselves; OpenBLAS's own threads then only spin (`sched_yield`) and compete with the
/// caller's threads. Command-line tools therefore set one thread per call at start-up; a library
/// user multiplying large matrices may want more.
public enum BLASThreads {
  /// The current thread count.
  public static var count: Int { Int(openblas_get_num_threads()) }

  /// Sets the thread count (at least 1). With one thread, OpenBLAS's idle server threads are
  /// also shut down: the pthreads build starts them when the library loads and they spin on
  /// `sched_yield` for about 2²⁸ cycles waiting for work, which on a 2-core machine took a
  /// whole core from a command's own threads (a 2-million-row load: 0.23 s → 0.15 s, system
  /// time 0.15 s → 0.04 s). A later call with more threads starts them again.
  public static func set(_ threads: Int) {
    openblas_set_num_threads(Int32(clamping: Swift.max(1, threads)))
    if threads <= 1 { shutDownIdleServers() }
  }

  /// Calls OpenBLAS's `blas_thread_shutdown_` when the library has it (the pthreads build; the
  /// serial and OpenMP builds have no server threads and no such symbol).
  private static func shutDownIdleServers() {
    #if canImport(Glibc)
      typealias Shutdown = @convention(c) () -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "blas_thread_shutdown_")
      else { return }
      _ = unsafeBitCast(symbol, to: Shutdown.self)()
    #endif
  }
}
