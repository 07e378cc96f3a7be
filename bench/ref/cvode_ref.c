/* CVODE reference for bench/compare: integrates a model exported by il2sim (FlatExport; compiled together with this
 * file, which provides NEQ, NAMES, Y0 and model_rhs) with BDF, Newton and dense LU (difference-quotient Jacobian,
 * CVODE's default), scalar rtol/atol, output at evenly spaced times in CV_NORMAL mode.
 * Usage: cvode_ref RTOL ATOL TEND INTERVALS SECONDS
 * Prints: result median_s M min_s M wall_s W solves N steps S rhs F jac J lsetups L (median and smallest CPU time of
 * the thread per solve, median wall time), then "final NAME VALUE" per state. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <cvode/cvode.h>
#include <nvector/nvector_serial.h>
#include <sunmatrix/sunmatrix_dense.h>
#include <sunlinsol/sunlinsol_dense.h>

extern const int NEQ;
extern const char *NAMES[];
extern const double Y0[];
void model_rhs(double t, const double *y, double *dy);

static int rhs(sunrealtype t, N_Vector y, N_Vector ydot, void *data) {
  (void) data;
  model_rhs(t, N_VGetArrayPointer(y), N_VGetArrayPointer(ydot));
  return 0;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* CPU time of this thread: the machine is shared, so wall time also measures the scheduler's share */
static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static long nst, nfe, nje, nls;
static double final_state[100000];

static void solve(SUNContext ctx, double rtol, double atol, double tend, int intervals) {
  N_Vector y = N_VNew_Serial(NEQ, ctx);
  for (int i = 0; i < NEQ; i++) NV_Ith_S(y, i) = Y0[i];
  void *mem = CVodeCreate(CV_BDF, ctx);
  if (CVodeInit(mem, rhs, 0.0, y) != CV_SUCCESS) { fprintf(stderr, "CVodeInit failed\n"); exit(1); }
  CVodeSStolerances(mem, rtol, atol);
  CVodeSetMaxNumSteps(mem, 1000000);
  SUNMatrix A = SUNDenseMatrix(NEQ, NEQ, ctx);
  SUNLinearSolver LS = SUNLinSol_Dense(y, A, ctx);
  CVodeSetLinearSolver(mem, LS, A);
  double t = 0;
  for (int k = 1; k <= intervals; k++) {
    double tout = tend * k / intervals;
    int flag = CVode(mem, tout, y, &t, CV_NORMAL);
    if (flag < 0) { fprintf(stderr, "CVode failed with flag %d at t = %g\n", flag, t); exit(3); }
  }
  CVodeGetNumSteps(mem, &nst);
  CVodeGetNumRhsEvals(mem, &nfe);
  CVodeGetNumJacEvals(mem, &nje);
  CVodeGetNumLinSolvSetups(mem, &nls);
  long nfeLS;
  CVodeGetNumLinRhsEvals(mem, &nfeLS);
  nfe += nfeLS; /* right-hand side evaluations for the difference-quotient Jacobian included */
  for (int i = 0; i < NEQ && i < 100000; i++) final_state[i] = NV_Ith_S(y, i);
  SUNLinSolFree(LS);
  SUNMatDestroy(A);
  N_VDestroy(y);
  CVodeFree(&mem);
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  if (argc < 6) { fprintf(stderr, "usage: %s RTOL ATOL TEND INTERVALS SECONDS\n", argv[0]); return 2; }
  double rtol = atof(argv[1]), atol = atof(argv[2]), tend = atof(argv[3]), seconds = atof(argv[5]);
  int intervals = atoi(argv[4]);
  SUNContext ctx;
  SUNContext_Create(NULL, &ctx);
  double warm_end = now() + seconds / 3;
  int rounds = 0;
  while (rounds < 3 || now() < warm_end) { solve(ctx, rtol, atol, tend, intervals); rounds++; }
  int cap = 1000000, n = 0;
  double *times = malloc(sizeof(double) * cap), *walls = malloc(sizeof(double) * cap);
  double end = now() + seconds * 2 / 3;
  while ((n < 5 || now() < end) && n < cap) {
    double t0 = now(), c0 = cpu_now();
    solve(ctx, rtol, atol, tend, intervals);
    times[n] = cpu_now() - c0;
    walls[n++] = now() - t0;
  }
  qsort(times, n, sizeof(double), cmp);
  qsort(walls, n, sizeof(double), cmp);
  double median = n % 2 ? times[n / 2] : 0.5 * (times[n / 2 - 1] + times[n / 2]);
  double wall = n % 2 ? walls[n / 2] : 0.5 * (walls[n / 2 - 1] + walls[n / 2]);
  printf("result median_s %.6g min_s %.6g wall_s %.6g solves %d steps %ld rhs %ld jac %ld lsetups %ld\n", median,
         times[0], wall, n, nst, nfe, nje, nls);
  for (int i = 0; i < NEQ; i++) printf("final %s %.17g\n", NAMES[i], final_state[i]);
  SUNContext_Free(&ctx);
  return 0;
}
