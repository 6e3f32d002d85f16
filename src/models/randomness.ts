/**
 * Seedable pseudo-random generator libraries. A call into one of these
 * modules that receives a seed makes a generator; calling the generator, a
 * method of it, or another call of the same module that receives it yields
 * numbers as predictable as the seed. Data only; `core/randomness.ts` reads it.
 */

/** Modules whose calls make or drive a seeded generator (`prand.xoroshiro128plus(seed)`, `seedrandom(seed)`, `new Chance(seed)`). */
export const SEEDED_PRNG_MODULES: readonly string[] = [
  'pure-rand',
  'seedrandom',
  'seed-random',
  'random-seed',
  'rand-seed',
  'random-js',
  'mersenne-twister',
  'prando',
  'alea',
  'chance',
  'fast-mersenne-twister',
  'seededrandom',
];
