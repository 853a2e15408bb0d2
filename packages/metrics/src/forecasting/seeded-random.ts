/**
 * A seeded pseudo-random generator returning numbers in [0, 1): **sfc32**, Chris Doty-Humphrey's
 * "Small Fast Counting" generator from the PractRand suite (passes PractRand and TestU01
 * BigCrush; 128-bit state with a counter, so no short cycles). JavaScript form after bryc,
 * "Pseudorandom number generators" (https://github.com/bryc/code/blob/master/jshash/PRNGs.md).
 *
 * Seeding: the seed's low 32 bits go into the counter word `d`, its high bits are mixed into
 * `c`, `a` / `b` / `c` start from fixed constants (the fractional digits of φ, π and e) and the
 * first 15 outputs are discarded so that nearby seeds diverge. The same seed always gives the
 * same sequence, on every JavaScript engine (only 32-bit integer arithmetic is used).
 *
 * Throws `RangeError` naming `seed` unless it is a safe integer.
 *
 * @example
 * const random = seededRandom(42);
 * random(); // the same number in [0, 1) on every run
 */
export function seededRandom(seed: number): () => number {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`seed must be a safe integer, got ${String(seed)}`);
  }
  // The four 32-bit words live in an Int32Array: as plain `let` variables, values beyond V8's
  // 31-bit small integers would be boxed on every step, making each draw ~20× slower.
  const state = new Int32Array([
    0x9e3779b9,
    0x243f6a88,
    0xb7e15162 ^ Math.floor(seed / 0x1_0000_0000),
    seed | 0,
  ]);
  const next = (): number => {
    const a = state[0] as number;
    const b = state[1] as number;
    const c = state[2] as number;
    const d = state[3] as number;
    const t = (((a + b) | 0) + d) | 0;
    state[3] = d + 1;
    state[0] = b ^ (b >>> 9);
    state[1] = c + (c << 3);
    state[2] = ((c << 21) | (c >>> 11)) + t;
    return (t >>> 0) / 4_294_967_296;
  };
  for (let warmUp = 0; warmUp < 15; warmUp++) next();
  return next;
}
