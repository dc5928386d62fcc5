/** A seeded pseudo-random source: `next()` in [0, 1) plus the few draws the sandbox needs. */
export interface Prng {
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** `count` lowercase hex digits, as one flat string. */
  hex(count: number): string;
}

const HEX_DIGITS = "0123456789abcdef";

/** mulberry32: tiny, fast and good enough for test data; the same seed always gives the same sequence. */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error("pick() needs a non-empty list");
      return item;
    },
    hex: (count) => {
      const digits: string[] = new Array(count);
      for (let i = 0; i < count; i++) digits[i] = HEX_DIGITS[int(0, 15)] as string;
      return digits.join("");
    },
  };
}

/** A version-4-shaped UUID drawn from the PRNG (deterministic, unlike crypto.randomUUID). */
export function prngUuid(prng: Prng): string {
  const h = prng.hex(32);
  const variant = "89ab"[prng.int(0, 3)] ?? "8";
  // Joined, not concatenated: a concatenation is a tree of pieces until first read, and a sandbox holds a million ids.
  return [h.slice(0, 8), h.slice(8, 12), `4${h.slice(13, 16)}`, variant + h.slice(17, 20), h.slice(20, 32)].join("-");
}
