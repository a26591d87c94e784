// OpenBLAS, opened at the first BLAS call (see CLazyLibraries.h).
#include <cblas.h>
#include <dlfcn.h>
#include <pthread.h>

#include "CLazyLibraries.h"
#include "LazyLibrary.h"

static const char *const soname = "libopenblas.so.0";
static pthread_once_t once = PTHREAD_ONCE_INIT;
static void *library;
static _Atomic int opened = 0;
static _Atomic int requestedThreads = 0;

static void applyThreads(int threads) {
  void (*set)(int) = (void (*)(int))strata_library_symbol(library, soname,
                                                          "openblas_set_num_threads");
  set(threads);
  if (threads <= 1) {
    // The pthreads build starts idle server threads when it loads; they spin on sched_yield
    // waiting for work and take a core from the caller's own threads. The serial and OpenMP
    // builds have no such function.
    int (*shutdown)(void) = (int (*)(void))dlsym(library, "blas_thread_shutdown_");
    if (shutdown) shutdown();
  }
}

static void openBLAS(void) {
  library = strata_open_library(soname, "matrix computations (BLAS)");
  opened = 1;
  int threads = requestedThreads;
  if (threads > 0) applyThreads(threads);
}

/// Opens OpenBLAS once (also before LAPACKE, which loads it as a dependency).
void strata_blas_open(void) { pthread_once(&once, openBLAS); }

static void *blas_function(const char *name) {
  strata_blas_open();
  return strata_library_symbol(library, soname, name);
}

void strata_blas_set_threads(int threads) {
  if (threads < 1) threads = 1;
  requestedThreads = threads;
  if (opened) applyThreads(threads);
}

int strata_blas_threads(void) { return openblas_get_num_threads(); }

int strata_blas_is_open(void) { return opened; }

STRATA_TRAMPOLINE(blas, int, openblas_get_num_threads, (void), ())

STRATA_VOID_TRAMPOLINE(
    blas, openblas_set_num_threads, (int num_threads), (num_threads))

STRATA_VOID_TRAMPOLINE(
    blas, cblas_dgemm,
    (OPENBLAS_CONST enum CBLAS_ORDER Order, OPENBLAS_CONST enum CBLAS_TRANSPOSE TransA,
     OPENBLAS_CONST enum CBLAS_TRANSPOSE TransB, OPENBLAS_CONST blasint M,
     OPENBLAS_CONST blasint N, OPENBLAS_CONST blasint K, OPENBLAS_CONST double alpha,
     OPENBLAS_CONST double *A, OPENBLAS_CONST blasint lda, OPENBLAS_CONST double *B,
     OPENBLAS_CONST blasint ldb, OPENBLAS_CONST double beta, double *C,
     OPENBLAS_CONST blasint ldc),
    (Order, TransA, TransB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc))

STRATA_VOID_TRAMPOLINE(
    blas, cblas_dgemv,
    (OPENBLAS_CONST enum CBLAS_ORDER order, OPENBLAS_CONST enum CBLAS_TRANSPOSE trans,
     OPENBLAS_CONST blasint m, OPENBLAS_CONST blasint n, OPENBLAS_CONST double alpha,
     OPENBLAS_CONST double *a, OPENBLAS_CONST blasint lda, OPENBLAS_CONST double *x,
     OPENBLAS_CONST blasint incx, OPENBLAS_CONST double beta, double *y,
     OPENBLAS_CONST blasint incy),
    (order, trans, m, n, alpha, a, lda, x, incx, beta, y, incy))

STRATA_VOID_TRAMPOLINE(
    blas, cblas_dsyrk,
    (OPENBLAS_CONST enum CBLAS_ORDER Order, OPENBLAS_CONST enum CBLAS_UPLO Uplo,
     OPENBLAS_CONST enum CBLAS_TRANSPOSE Trans, OPENBLAS_CONST blasint N,
     OPENBLAS_CONST blasint K, OPENBLAS_CONST double alpha, OPENBLAS_CONST double *A,
     OPENBLAS_CONST blasint lda, OPENBLAS_CONST double beta, double *C,
     OPENBLAS_CONST blasint ldc),
    (Order, Uplo, Trans, N, K, alpha, A, lda, beta, C, ldc))
