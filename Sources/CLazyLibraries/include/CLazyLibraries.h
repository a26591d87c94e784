// The numerical and file-format C libraries (OpenBLAS, LAPACKE, GLPK, libxlsxwriter) are not
// linked into Strata's binaries: each is opened with dlopen the first time one of its functions
// is called. Mapping and relocating them (with libcrypto, libgfortran, libstdc++ ...) and
// OpenBLAS starting its server threads cost about 5 ms at every start-up of `strata`, also for
// the commands that never call them. The functions Strata uses are defined in this target as
// trampolines with the libraries' own prototypes (from their headers), so callers `import
// CBLAS` etc. as before.
#ifndef STRATA_CLAZYLIBRARIES_H
#define STRATA_CLAZYLIBRARIES_H

/// The number of threads OpenBLAS is to use inside one call. When OpenBLAS is already open the
/// count is set at once; otherwise it is set when OpenBLAS is opened. With one thread the idle
/// server threads of the pthreads build are also shut down (`blas_thread_shutdown_`).
void strata_blas_set_threads(int threads);

/// The number of threads OpenBLAS uses (opening OpenBLAS if it is not open yet).
int strata_blas_threads(void);

/// Whether OpenBLAS has been opened in this process.
int strata_blas_is_open(void);

#endif
