// LAPACKE, opened at the first LAPACK call (see CLazyLibraries.h). OpenBLAS is opened first,
// so that the thread count set by `strata_blas_set_threads` applies to it.
#include <lapacke.h>
#include <pthread.h>

#include "LazyLibrary.h"

void strata_blas_open(void);

static const char *const soname = "liblapacke.so.3";
static pthread_once_t once = PTHREAD_ONCE_INIT;
static void *library;

static void openLAPACKE(void) {
  strata_blas_open();
  library = strata_open_library(soname, "matrix factorizations (LAPACK)");
}

static void *lapacke_function(const char *name) {
  pthread_once(&once, openLAPACKE);
  return strata_library_symbol(library, soname, name);
}

STRATA_TRAMPOLINE(
    lapacke, lapack_int, LAPACKE_dgeqp3_work,
    (int matrix_layout, lapack_int m, lapack_int n, double *a, lapack_int lda, lapack_int *jpvt,
     double *tau, double *work, lapack_int lwork),
    (matrix_layout, m, n, a, lda, jpvt, tau, work, lwork))

STRATA_TRAMPOLINE(
    lapacke, lapack_int, LAPACKE_dgeqrf_work,
    (int matrix_layout, lapack_int m, lapack_int n, double *a, lapack_int lda, double *tau,
     double *work, lapack_int lwork),
    (matrix_layout, m, n, a, lda, tau, work, lwork))

STRATA_TRAMPOLINE(
    lapacke, lapack_int, LAPACKE_dormqr_work,
    (int matrix_layout, char side, char trans, lapack_int m, lapack_int n, lapack_int k,
     const double *a, lapack_int lda, const double *tau, double *c, lapack_int ldc, double *work,
     lapack_int lwork),
    (matrix_layout, side, trans, m, n, k, a, lda, tau, c, ldc, work, lwork))

STRATA_TRAMPOLINE(
    lapacke, lapack_int, LAPACKE_dpotrf_work,
    (int matrix_layout, char uplo, lapack_int n, double *a, lapack_int lda),
    (matrix_layout, uplo, n, a, lda))

STRATA_TRAMPOLINE(
    lapacke, lapack_int, LAPACKE_dpotri_work,
    (int matrix_layout, char uplo, lapack_int n, double *a, lapack_int lda),
    (matrix_layout, uplo, n, a, lda))

STRATA_TRAMPOLINE(
    lapacke, lapack_int, LAPACKE_dpotrs_work,
    (int matrix_layout, char uplo, lapack_int n, lapack_int nrhs, const double *a,
     lapack_int lda, double *b, lapack_int ldb),
    (matrix_layout, uplo, n, nrhs, a, lda, b, ldb))

STRATA_TRAMPOLINE(
    lapacke, lapack_int, LAPACKE_dsyevr_work,
    (int matrix_layout, char jobz, char range, char uplo, lapack_int n, double *a,
     lapack_int lda, double vl, double vu, lapack_int il, lapack_int iu, double abstol,
     lapack_int *m, double *w, double *z, lapack_int ldz, lapack_int *isuppz, double *work,
     lapack_int lwork, lapack_int *iwork, lapack_int liwork),
    (matrix_layout, jobz, range, uplo, n, a, lda, vl, vu, il, iu, abstol, m, w, z, ldz, isuppz,
     work, lwork, iwork, liwork))

STRATA_TRAMPOLINE(
    lapacke, lapack_int, LAPACKE_dtrtrs_work,
    (int matrix_layout, char uplo, char trans, char diag, lapack_int n, lapack_int nrhs,
     const double *a, lapack_int lda, double *b, lapack_int ldb),
    (matrix_layout, uplo, trans, diag, n, nrhs, a, lda, b, ldb))
