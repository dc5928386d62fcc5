/** rate limit: a walk and a fan-out against a token bucket that sends real X-RateLimit-* and Retry-After headers. */
import { facade } from "./lib/clients.js";
import { startFixture } from "./lib/fixture.js";
import { interleave, QUICK, timed } from "./lib/method.js";
import type { BenchResult, Verdict } from "./lib/result.js";
import { fmt, max, median, pick, spread } from "./lib/stats.js";

const CAPACITY = 10;
const REFILL_PER_SECOND = 20;
/** Requests per run: the walk's pages, and the fan-out's POSTs. */
const REQUESTS = QUICK ? 30 : 70;
const PAGE_SIZE = 100;

interface Sample {
  ms: number;
  requests: number;
  tooMany: number;
  early: number;
  earlyAny: number;
  maxEarlyMs: number;
}

export async function rateLimit(): Promise<BenchResult> {
  const fixture = await startFixture({ tokens: REQUESTS * PAGE_SIZE });
  try {
    await fixture.configure({ latencyMs: 0, bucket: { capacity: CAPACITY, refillPerSecond: REFILL_PER_SECOND } });
    await fixture.prepare([PAGE_SIZE]);
    const { baseUrl, orgId } = fixture;
    const ids = Array.from({ length: REQUESTS * 100 }, (_, i) => `sa-${i}`);
    const sample = (run: () => Promise<unknown>) => async (): Promise<Sample> => {
      await fixture.reset();
      // A fresh client per run: no rate-limit state carried over from the previous run.
      const ms = await timed(run);
      const stats = await fixture.stats();
      const { requests, tooMany, early, earlyAny, maxEarlyMs } = stats;
      return { ms, requests, tooMany, early, earlyAny, maxEarlyMs };
    };
    const s = await interleave({
      [`walk of ${REQUESTS} pages`]: sample(async () => {
        for await (const page of facade(baseUrl).apiTokens.list(orgId, { pageSize: PAGE_SIZE }).pages()) {
          if (page.data.length === 0) break;
        }
      }),
      [`countTokens of ${REQUESTS * 100} ids (${REQUESTS} POSTs, concurrency 4)`]: sample(() =>
        facade(baseUrl).serviceAccounts.countTokens(orgId, ids),
      ),
    });
    const minimumMs = ((REQUESTS - CAPACITY) / REFILL_PER_SECOND) * 1000;
    const rows: string[][] = [];
    const verdicts: Verdict[] = [];
    let worstEarly = 0;
    let worstTooMany = 0;
    let worstRatio = 0;
    for (const [name, samples] of Object.entries(s)) {
      const ms = pick(samples, "ms");
      const ratio = median(ms) / minimumMs;
      worstEarly = Math.max(worstEarly, max(pick(samples, "early")));
      worstTooMany = Math.max(worstTooMany, max(pick(samples, "tooMany")));
      worstRatio = Math.max(worstRatio, ratio);
      rows.push([
        name,
        spread(ms, 0),
        String(minimumMs),
        fmt(ratio),
        [...new Set(pick(samples, "requests"))].join(", "),
        String(max(pick(samples, "tooMany"))),
        String(max(pick(samples, "early"))),
        String(max(pick(samples, "earlyAny"))),
        fmt(max(pick(samples, "maxEarlyMs")), 0),
      ]);
      verdicts.push({
        target: `${name}: total <= 1.10x the theoretical minimum`,
        measured: `${fmt(ratio)}x`,
        pass: ratio <= 1.1,
      });
    }
    verdicts.unshift(
      {
        target: "zero requests sent before Retry-After or reset",
        measured: `${worstEarly} (worst run)`,
        pass: worstEarly === 0,
      },
      { target: "zero 429s", measured: `${worstTooMany} (worst run)`, pass: worstTooMany === 0 },
    );
    return {
      name: "rate limit",
      measures: `a token bucket of ${CAPACITY} refilled at ${REFILL_PER_SECOND}/s in the fixture server, ${REQUESTS} requests per run`,
      tables: [
        {
          title: "ms, median (min..max); 429s and early requests: worst run",
          header: [
            "run",
            "ms",
            "theoretical minimum",
            "ratio",
            "requests",
            "429s",
            "early",
            "early, no allowance",
            "earliest by (ms)",
          ],
          rows,
          reading:
            `The theoretical minimum is (requests - capacity) / refill = ${minimumMs} ms: the bucket's first ${CAPACITY} ` +
            `requests go at once, every later one waits for a token. The client took ${fmt(worstRatio)}x that at worst, ` +
            `with ${worstTooMany} answer(s) 429 and ${worstEarly} request(s) arriving before an instant the server had ` +
            "already announced (a Retry-After, or the reset of a bucket at remaining 0). The client paces itself on " +
            "X-RateLimit-Remaining minus its own requests in flight and waits for X-RateLimit-Reset at 0." +
            (worstTooMany > 0
              ? " The 429s come from the fan-out: every request waiting for the reset is released at that instant, " +
                "which a fixed window (the sandbox's) allows but a token bucket, whose reset brings back one token, " +
                "answers with a 429 for all but one; each 429 then costs a whole second of Retry-After."
              : ""),
        },
      ],
      verdicts,
      notes: [
        "X-RateLimit-Reset (ISO 8601, ms precision) is the instant the bucket gains its next token; Retry-After is whole seconds, rounded up.",
        "Early: a request that arrived before an instant the server had already sent in an answer, 5 ms or more after that answer was written (sooner, it may have been sent before the client could read the answer); the next column counts without that allowance.",
      ],
    };
  } finally {
    await fixture.close();
  }
}
