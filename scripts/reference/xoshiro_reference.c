/* Reference values for SyntheticCounty's random number generators.
 *
 * splitmix64 and xoshiro256** (with jump) transcribed from Sebastiano Vigna's public-domain
 * reference implementations (prng.di.unimi.it: splitmix64.c, xoshiro256starstar.c), seeded as
 * the authors advise: the four state words are four successive splitmix64 outputs.
 *
 * Regenerate (not run by CI):
 *   cc -O2 -o /tmp/xoshiro_reference scripts/reference/xoshiro_reference.c &&
 *     /tmp/xoshiro_reference > Tests/SyntheticCountyTests/Reference/xoshiro_reference.json
 */
#include <stdint.h>
#include <stdio.h>

static uint64_t sm_x;
static uint64_t splitmix64(void) {
  uint64_t z = (sm_x += 0x9e3779b97f4a7c15);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
  z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
  return z ^ (z >> 31);
}

static inline uint64_t rotl(const uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t s[4];
static uint64_t next(void) {
  const uint64_t result = rotl(s[1] * 5, 7) * 9;
  const uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}

static void jump(void) {
  static const uint64_t JUMP[] = {0x180ec6d33cfd0aba, 0xd5a61266f0c9392c, 0xa9582618e03fc9aa,
                                  0x39abdc4529b1661c};
  uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (int i = 0; i < (int)(sizeof JUMP / sizeof *JUMP); i++)
    for (int b = 0; b < 64; b++) {
      if (JUMP[i] & UINT64_C(1) << b) {
        s0 ^= s[0];
        s1 ^= s[1];
        s2 ^= s[2];
        s3 ^= s[3];
      }
      next();
    }
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
}

static void seed(uint64_t value) {
  sm_x = value;
  for (int i = 0; i < 4; i++) s[i] = splitmix64();
}

static void print_list(const char *name, uint64_t *values, int n, int last) {
  printf("  \"%s\": [", name);
  for (int i = 0; i < n; i++) printf("\"%016llx\"%s", (unsigned long long)values[i], i + 1 < n ? ", " : "");
  printf("]%s\n", last ? "" : ",");
}

int main(void) {
  uint64_t v[8];
  printf("{\n  \"generator\": \"xoshiro_reference.c compiled with cc (%s)\",\n", __VERSION__);
  sm_x = 0;
  for (int i = 0; i < 5; i++) v[i] = splitmix64();
  print_list("splitmix64_seed0", v, 5, 0);
  seed(1);
  for (int i = 0; i < 8; i++) v[i] = next();
  print_list("xoshiro_seed1", v, 8, 0);
  seed(2016);
  for (int i = 0; i < 8; i++) v[i] = next();
  print_list("xoshiro_seed2016", v, 8, 0);
  seed(1);
  jump();
  for (int i = 0; i < 8; i++) v[i] = next();
  print_list("xoshiro_seed1_jump1", v, 8, 0);
  seed(1);
  jump();
  jump();
  for (int i = 0; i < 8; i++) v[i] = next();
  print_list("xoshiro_seed1_jump2", v, 8, 1);
  printf("}\n");
  return 0;
}
