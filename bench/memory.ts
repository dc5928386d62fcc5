/**
 * memory: heap while streaming 100k and 400k tokens through `for await`, each run in a fresh process. The verdicts
 * come from runs that first walk the same list for the method's warm-up time; runs without that warm-up are shown
 * beside them, since a one-shot process (a CLI run) sees those.
 */
import { startFixture } from "./lib/fixture.js";
import { type MemorySample, memoryRun } from "./lib/memory-run.js";
import { interleave, method } from "./lib/method.js";
import type { BenchResult } from "./lib/result.js";
import { fmt, max, median, pick, spread } from "./lib/stats.js";

const SIZES = [100_000, 400_000] as const;
const PAGE_SIZE = 1000;
const MB = 1024 * 1024;

export async function memory(): Promise<BenchResult> {
  const fixture = await startFixture({ tokens: SIZES[1] });
  try {
    await fixture.prepare([PAGE_SIZE, 10]);
    const { baseUrl, orgId } = fixture;
    // The fixture serves 400k tokens; the 100k walk starts 300k tokens in, so both end on the last page.
    const run = (tokens: number, warmupMs: number) => () =>
      memoryRun({ tokens, pageSize: PAGE_SIZE, warmupMs, baseUrl, orgId, startPage: (SIZES[1] - tokens) / PAGE_SIZE });
    const s = await interleave({
      "100k": run(SIZES[0], method.warmupMs),
      "400k": run(SIZES[1], method.warmupMs),
      "100k cold": run(SIZES[0], 0),
      "400k cold": run(SIZES[1], 0),
    });
    return report({ small: s["100k"], large: s["400k"] }, { small: s["100k cold"], large: s["400k cold"] });
  } finally {
    await fixture.close();
  }
}

interface Pair {
  small: MemorySample[];
  large: MemorySample[];
}

const peakRatio = ({ small, large }: Pair) => median(pick(large, "peak")) / median(pick(small, "peak"));
const aboveRatio = ({ small, large }: Pair) =>
  median(large.map((x) => x.peak - x.baseline)) / median(small.map((x) => x.peak - x.baseline));

function report(warm: Pair, cold: Pair): BenchResult {
  const mb = (xs: number[]) => xs.map((x) => x / MB);
  const rowsOf = (pair: Pair, warmUp: string) =>
    [pair.small, pair.large].map((s, i) => [
      i === 0 ? "100,000" : "400,000",
      warmUp,
      [...new Set(pick(s, "seen"))].join(", "),
      spread(mb(pick(s, "baseline")), 1),
      spread(mb(pick(s, "peak")), 1),
      spread(mb(s.map((x) => x.peak - x.baseline)), 1),
      spread(mb(pick(s, "youngAtPeak")), 1),
      spread(mb(pick(s, "oldAtPeak")), 1),
      spread(mb(pick(s, "retained")), 2),
      spread(pick(s, "majorGcs"), 0),
    ]);
  const all = [...warm.small, ...warm.large, ...cold.small, ...cold.large];
  const worstRetained = max(pick(all, "retained")) / MB;
  const youngAtPeak = (s: MemorySample[]) => fmt(median(mb(pick(s, "youngAtPeak"))), 1);
  return {
    name: "memory",
    measures:
      `heap (V8 used_heap_size) while streaming tokens through \`for await\` (pageSize ${PAGE_SIZE}), a fresh ` +
      `\`node --expose-gc\` process per run; "${fmt(method.warmupMs / 1000, 0)} s" runs first walk the same list whole ` +
      'until that much time has passed (the method\'s warm-up), then take the baseline; "none" runs do not',
    tables: [
      {
        title: "MB, median (min..max)",
        header: [
          "tokens",
          "warm-up",
          "seen",
          "baseline",
          "peak",
          "peak above baseline",
          "young generation at peak",
          "rest of the heap at peak",
          "retained after gc",
          "major GCs in the walk",
        ],
        rows: [...rowsOf(warm, `${fmt(method.warmupMs / 1000, 0)} s`), ...rowsOf(cold, "none")],
        reading:
          `After the walk and a forced gc the heap is at most ${fmt(worstRetained, 2)} MB above its baseline in every ` +
          "run, with or without warm-up, so nothing grows with the number of tokens walked. After the warm-up the " +
          `peak of the 400k walk is ${fmt(peakRatio(warm))}x that of the 100k walk (${fmt(aboveRatio(warm))}x ` +
          "counting only what is above the baseline): the walk keeps one page and the prefetched next one alive, and " +
          `the young generation is already sized for the workload (${youngAtPeak(warm.small)} and ` +
          `${youngAtPeak(warm.large)} MB at the peaks). Without the warm-up the ratio is ` +
          `${fmt(peakRatio(cold))}x: V8 starts a fresh process with a small young generation and grows it as pages ` +
          `survive its collections (${youngAtPeak(cold.small)} MB at the 100k peak, ${youngAtPeak(cold.large)} MB ` +
          "at the 400k one), and lets promoted garbage build up until a major collection (a median of " +
          `${fmt(median(pick(cold.small, "majorGcs")), 0)} of its own in the cold 100k walk, ` +
          `${fmt(median(pick(cold.large, "majorGcs")), 0)} in the cold 400k walk). That growth levels ` +
          "off (CONTRIBUTING gives the peaks measured up to 800k tokens): a one-shot process walking more tokens " +
          "peaks a little higher, then no higher.",
      },
    ],
    verdicts: [
      {
        target: "retained after gc within baseline + 2 MB (worst run)",
        measured: `${fmt(worstRetained, 2)} MB`,
        pass: worstRetained <= 2,
      },
      {
        target: "peak heap 400k / 100k <= 1.25 (after the warm-up)",
        measured: fmt(peakRatio(warm)),
        pass: peakRatio(warm) <= 1.25,
      },
    ],
    notes: [
      "Baseline: after importing the SDK, creating the client, a walk of one 10-token page, the warm-up walks if any, and three gc() calls.",
      "Peak: the largest used_heap_size sampled every 250 tokens; a sample can miss a short spike between samples.",
      "The server is the fixture in its own process, so its heap is not counted.",
    ],
  };
}
