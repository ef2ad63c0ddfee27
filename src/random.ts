/**
 * mulberry32: a small, fast, seedable PRNG, the one random source of the seed builders, the
 * world generator, the randomised tests and community detection's node order. The same seed
 * gives the same sequence, so their output is reproducible byte for byte.
 */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
