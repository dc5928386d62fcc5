/** The measuring method shared by every benchmark: warm-up, rounds, and variants interleaved in rotating order. */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// A full collection before every sample, so no variant pays for the garbage the one before it left.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** `BENCH_QUICK=1` makes a short smoke run; BENCHMARKS.md says which mode produced it. */
export const QUICK = process.env.BENCH_QUICK === "1";

/** Rounds per comparison and the warm-up before the first one. */
export const method = QUICK ? { rounds: 3, warmupMs: 300 } : { rounds: 7, warmupMs: 2_000 };

/**
 * Rounds for comparisons whose variants land within a few percent of each other: on a shared machine one sample
 * differs from the next by 10-30 %, and the median of 7 does not tell such variants apart from one run to the next.
 */
export const CLOSE_ROUNDS = QUICK ? 3 : 15;

/** One run of a variant, returning its sample (a time, a rate, a record of several numbers). */
export type Variant<T> = () => Promise<T>;

/**
 * Warms every variant up for at least `warmupMs` (whole rotations), then runs `rounds` rounds in which each variant
 * runs once, the order rotated by one each round, so drift (thermal, GC, the server) hits every variant alike. A
 * measured sample starts after a full garbage collection unless `collect` is false.
 */
export async function interleave<K extends string, T>(
  variants: Record<K, Variant<T>>,
  options: {
    rounds?: number;
    warmupMs?: number;
    /**
     * A full collection before each sample (the default). Samples of many short calls opt out: a collection leaves
     * V8's young generation at its smallest, and such a sample then measures the heap regrowing (per-call times read
     * about 2x their steady value), while what the variant before left is a fraction of what the sample allocates.
     */
    collect?: boolean;
  } = {},
): Promise<Record<K, T[]>> {
  const rounds = Math.max(options.rounds ?? method.rounds, method.rounds);
  const warmupMs = options.warmupMs ?? method.warmupMs;
  const names = Object.keys(variants) as K[];
  const started = performance.now();
  for (let r = 0; r === 0 || performance.now() - started < warmupMs; r++) {
    for (const name of rotate(names, r)) await variants[name]();
  }
  const samples = Object.fromEntries(names.map((name) => [name, [] as T[]])) as Record<K, T[]>;
  for (let r = 0; r < rounds; r++) {
    for (const name of rotate(names, r)) {
      if (options.collect !== false) collectGarbage();
      samples[name].push(await variants[name]());
    }
  }
  return samples;
}

/** `items` rotated left by `by`. */
export function rotate<T>(items: readonly T[], by: number): T[] {
  const k = by % Math.max(items.length, 1);
  return [...items.slice(k), ...items.slice(0, k)];
}

/** Wall time of `work` in milliseconds. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * CPU time (user + system, every thread of the process) spent while `work` runs, in milliseconds: what a client costs
 * its host, without the time the machine gave to other processes, which wall time on a shared box counts.
 */
export async function cpuTimed(work: () => Promise<unknown>): Promise<number> {
  const started = process.cpuUsage();
  await work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}
