/* C reference for workload (d) of bench/compare: Gillespie's direct method on a flat mass-action network exported by
 * il2sim (FlatExport.massAction: species with initial counts, reactions as rate constant, reactant and product
 * indices). Propensities are k times the product of the reactant counts (il2sim's rate law read as a propensity);
 * after each event only the reactions that read a changed species are re-evaluated and a0 is adjusted, with a full
 * re-summation every 1024 events, as il2sim's DirectMethod does. Linear search, xoshiro256+ random numbers.
 * Usage: ssa_ref NETWORK.txt TEND SECONDS
 * Prints: result ssa events E cpu_s C wall_s W events_per_s R wall_events_per_s R' runs N (per CPU second of the
 * thread, and per wall second) */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAXR 4096
#define MAXS 4096
#define MAXK 8

static int ns, nr;
static double x0[MAXS], x[MAXS], k[MAXR], a[MAXR];
static int nreact[MAXR], react[MAXR][MAXK], nprod[MAXR], prod[MAXR][MAXK];
static int nchange[MAXR], change_sp[MAXR][2 * MAXK], change_by[MAXR][2 * MAXK];
static int ndep[MAXR], *dep[MAXR];

static uint64_t s[4];
static inline uint64_t rotl(uint64_t v, int r) { return (v << r) | (v >> (64 - r)); }
static inline double uniform(void) { /* xoshiro256+, 53 random bits in (0, 1] */
  uint64_t result = s[0] + s[3], t = s[1] << 17;
  s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45);
  return ((result >> 11) + 1) * 0x1.0p-53;
}
static void seed(uint64_t v) {
  for (int i = 0; i < 4; i++) { v += 0x9e3779b97f4a7c15ULL; uint64_t z = v;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL; z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL; s[i] = z ^ (z >> 31); }
}

static inline double propensity(int j) {
  double p = k[j];
  for (int m = 0; m < nreact[j]; m++) p *= x[react[j][m]];
  return p > 0 ? p : 0;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static long run(double tend) {
  memcpy(x, x0, sizeof(double) * ns);
  double a0 = 0, t = 0;
  for (int j = 0; j < nr; j++) { a[j] = propensity(j); a0 += a[j]; }
  long events = 0;
  int since = 0;
  for (;;) {
    if (a0 <= 0) break;
    t += -log(uniform()) / a0;
    if (t > tend) break;
    double target = uniform() * a0, sum = 0;
    int j = 0;
    for (; j < nr - 1; j++) { sum += a[j]; if (target < sum) break; }
    for (int c = 0; c < nchange[j]; c++) x[change_sp[j][c]] += change_by[j][c];
    for (int d = 0; d < ndep[j]; d++) { int r = dep[j][d]; double v = propensity(r); a0 += v - a[r]; a[r] = v; }
    events++;
    if (++since >= 1024) { since = 0; a0 = 0; for (int r = 0; r < nr; r++) a0 += a[r]; }
  }
  return events;
}

int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: %s NETWORK.txt TEND SECONDS\n", argv[0]); return 2; }
  FILE *f = fopen(argv[1], "r");
  if (!f) { perror(argv[1]); return 2; }
  char name[256];
  if (fscanf(f, " species %d", &ns) != 1 || ns > MAXS) return 2;
  for (int i = 0; i < ns; i++) if (fscanf(f, " %255s %lf", name, &x0[i]) != 2) return 2;
  if (fscanf(f, " reactions %d", &nr) != 1 || nr > MAXR) return 2;
  for (int j = 0; j < nr; j++) {
    if (fscanf(f, " %lf %d", &k[j], &nreact[j]) != 2) return 2;
    for (int m = 0; m < nreact[j]; m++) if (fscanf(f, " %d", &react[j][m]) != 1) return 2;
    if (fscanf(f, " %d", &nprod[j]) != 1) return 2;
    for (int m = 0; m < nprod[j]; m++) if (fscanf(f, " %d", &prod[j][m]) != 1) return 2;
  }
  fclose(f);
  static int delta[MAXS];
  for (int j = 0; j < nr; j++) { /* net change */
    memset(delta, 0, sizeof(int) * ns);
    for (int m = 0; m < nreact[j]; m++) delta[react[j][m]]--;
    for (int m = 0; m < nprod[j]; m++) delta[prod[j][m]]++;
    nchange[j] = 0;
    for (int i = 0; i < ns; i++) if (delta[i]) { change_sp[j][nchange[j]] = i; change_by[j][nchange[j]++] = delta[i]; }
  }
  for (int j = 0; j < nr; j++) { /* dependents: reactions reading a species that j changes */
    dep[j] = malloc(sizeof(int) * nr);
    ndep[j] = 0;
    for (int r = 0; r < nr; r++) {
      int reads = 0;
      for (int c = 0; c < nchange[j] && !reads; c++)
        for (int m = 0; m < nreact[r]; m++) if (react[r][m] == change_sp[j][c]) { reads = 1; break; }
      if (reads) dep[j][ndep[j]++] = r;
    }
  }
  double tend = atof(argv[2]), seconds = atof(argv[3]);
  uint64_t sd = 1;
  double warm_end = now() + seconds / 3;
  while (now() < warm_end) { seed(sd++); run(tend); }
  long events = 0;
  int runs = 0;
  double t0 = now(), c0 = cpu_now(), end = t0 + seconds * 2 / 3;
  while (now() < end) { seed(sd++); events += run(tend); runs++; }
  double wall = now() - t0, cpu = cpu_now() - c0;
  printf("result ssa events %ld cpu_s %.4g wall_s %.4g events_per_s %.6g wall_events_per_s %.6g runs %d\n", events,
         cpu, wall, events / cpu, events / wall, runs);
  return 0;
}
