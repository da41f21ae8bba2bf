/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) so that one seed always yields the
 * same corpus on every machine and Node version: Math.random cannot be seeded.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  hex(length: number): string;
  /** A child generator whose stream does not depend on how much of this one was consumed later. */
  fork(label: number): Rng;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const HEX = '0123456789abcdef';

export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const nextU32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) nextU32(); // discard the first outputs: sfc32 needs a few rounds to mix

  const rng: Rng = {
    next: () => nextU32() / 4294967296,
    int: (min, max) => min + Math.floor(rng.next() * (max - min + 1)),
    chance: (p) => rng.next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(rng.next() * items.length)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
    hex(length) {
      let out = '';
      for (let i = 0; i < length; i++) out += HEX[nextU32() & 15];
      return out;
    },
    fork: (label) => createRng((Math.imul(seed ^ 0x5bd1e995, 31) + Math.imul(label, 0x27d4eb2f)) >>> 0),
  };
  return rng;
}

/**
 * Zipf-like weights over `n` ranks: real projects have a few loud issues and a long tail,
 * and that skew is what grouping and issue-upsert code sees in production.
 */
export function zipfSampler(rng: Rng, n: number, exponent = 1.1): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    total += 1 / (k + 1) ** exponent;
    cumulative[k] = total;
  }
  return () => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? total) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
