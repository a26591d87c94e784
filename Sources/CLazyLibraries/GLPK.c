// GLPK, opened at the first linear-program call of disclosure control (see CLazyLibraries.h).
#include <glpk.h>
#include <pthread.h>

#include "LazyLibrary.h"

static const char *const soname = "libglpk.so.40";
static pthread_once_t once = PTHREAD_ONCE_INIT;
static void *library;

static void openGLPK(void) {
  library = strata_open_library(soname, "disclosure control (linear programs)");
}

static void *glpk_function(const char *name) {
  pthread_once(&once, openGLPK);
  return strata_library_symbol(library, soname, name);
}

STRATA_TRAMPOLINE(glpk, int, glp_add_cols, (glp_prob * P, int ncs), (P, ncs))
STRATA_TRAMPOLINE(glpk, int, glp_add_rows, (glp_prob * P, int nrs), (P, nrs))
STRATA_TRAMPOLINE(glpk, const char *, glp_config, (const char *option), (option))
STRATA_TRAMPOLINE(glpk, glp_prob *, glp_create_prob, (void), ())
STRATA_VOID_TRAMPOLINE(glpk, glp_delete_prob, (glp_prob * P), (P))
STRATA_TRAMPOLINE(glpk, double, glp_get_col_prim, (glp_prob * P, int j), (P, j))
STRATA_TRAMPOLINE(glpk, double, glp_get_obj_val, (glp_prob * P), (P))
STRATA_TRAMPOLINE(glpk, int, glp_get_status, (glp_prob * P), (P))
STRATA_VOID_TRAMPOLINE(glpk, glp_init_iocp, (glp_iocp * parm), (parm))
STRATA_VOID_TRAMPOLINE(glpk, glp_init_smcp, (glp_smcp * parm), (parm))
STRATA_TRAMPOLINE(glpk, int, glp_intopt, (glp_prob * P, const glp_iocp *parm), (P, parm))
STRATA_VOID_TRAMPOLINE(
    glpk, glp_load_matrix,
    (glp_prob * P, int ne, const int ia[], const int ja[], const double ar[]),
    (P, ne, ia, ja, ar))
STRATA_TRAMPOLINE(glpk, double, glp_mip_col_val, (glp_prob * P, int j), (P, j))
STRATA_TRAMPOLINE(glpk, double, glp_mip_obj_val, (glp_prob * P), (P))
STRATA_TRAMPOLINE(glpk, int, glp_mip_status, (glp_prob * P), (P))
STRATA_VOID_TRAMPOLINE(
    glpk, glp_set_col_bnds, (glp_prob * P, int j, int type, double lb, double ub),
    (P, j, type, lb, ub))
STRATA_VOID_TRAMPOLINE(glpk, glp_set_col_kind, (glp_prob * P, int j, int kind), (P, j, kind))
STRATA_VOID_TRAMPOLINE(
    glpk, glp_set_obj_coef, (glp_prob * P, int j, double coef), (P, j, coef))
STRATA_VOID_TRAMPOLINE(glpk, glp_set_obj_dir, (glp_prob * P, int dir), (P, dir))
STRATA_VOID_TRAMPOLINE(
    glpk, glp_set_row_bnds, (glp_prob * P, int i, int type, double lb, double ub),
    (P, i, type, lb, ub))
STRATA_TRAMPOLINE(glpk, int, glp_simplex, (glp_prob * P, const glp_smcp *parm), (P, parm))
STRATA_TRAMPOLINE(glpk, int, glp_term_out, (int flag), (flag))
STRATA_VOID_TRAMPOLINE(glpk, glp_adv_basis, (glp_prob * P, int flags), (P, flags))
