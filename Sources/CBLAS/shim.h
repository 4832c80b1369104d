#include <cblas.h>
#include <stddef.h>

/* LAPACK's symmetric eigensolver (divide and conquer), for ridge regression's
   alpha path. Debian's libopenblas exports LAPACK with Fortran linkage but
   ships no lapacke.h, so the Fortran prototype is declared here: every
   argument by pointer, matrices column-major, and the two trailing lengths
   are gfortran's hidden CHARACTER lengths (1 for JOBZ and UPLO). */
void dsyevd_(const char *jobz, const char *uplo, const blasint *n, double *a, const blasint *lda,
             double *w, double *work, const blasint *lwork, blasint *iwork, const blasint *liwork,
             blasint *info, size_t jobz_length, size_t uplo_length);
