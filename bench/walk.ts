/** walk: every token of a 100k-token org, item by item and page by page, against a raw-fetch cursor loop. */
import { bareWalk, facade, rawWalk } from "./lib/clients.js";
import { startFixture } from "./lib/fixture.js";
import { CLOSE_ROUNDS, interleave, timed } from "./lib/method.js";
import type { BenchResult, Verdict } from "./lib/result.js";
import { fmt, median, pick, spread } from "./lib/stats.js";

const TOKENS = 100_000;

/** Walks of many small pages with an injected fetch, counting Node's MaxListenersExceededWarning. */
async function listenerBuildUp(baseUrl: string, orgId: string): Promise<{ how: string; warnings: number }[]> {
  let warnings = 0;
  const onWarning = (warning: Error) => {
    if (warning.name === "MaxListenersExceededWarning") warnings++;
  };
  // Counted here instead of printed: Node's own printer is a "warning" listener too, set aside for these walks.
  const printers = process.listeners("warning");
  process.removeAllListeners("warning");
  process.on("warning", onWarning);
  const sdk = facade(baseUrl);
  const out = [];
  try {
    warnings = 0;
    for await (const page of sdk.apiTokens.list(orgId, { pageSize: 10 }).pages({ limit: LONG_PAGES * 10 })) {
      if (!page.data) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    out.push({ how: `pages() walk of ${LONG_PAGES} pages`, warnings });
    warnings = 0;
    let cursor: string | undefined;
    for (let i = 0; i < LONG_PAGES; i++) {
      cursor = (await sdk.apiTokens.list(orgId, { pageSize: 10, ...(cursor ? { cursor } : {}) })).nextCursor;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    out.push({ how: `${LONG_PAGES} single-page calls, one after another`, warnings });
  } finally {
    process.off("warning", onWarning);
    for (const printer of printers) process.on("warning", printer);
  }
  return out;
}

/** Requests in each long run: past 1,500 listeners on one signal Node would warn. */
const LONG_PAGES = 3_000;

interface Sample {
  ms: number;
  requests: number;
  items: number;
}

export async function walk(): Promise<BenchResult> {
  const fixture = await startFixture({ tokens: TOKENS });
  try {
    await fixture.prepare([1000, 100, 10]);
    const { baseUrl, orgId } = fixture;
    const sdk = facade(baseUrl);
    const rows: string[][] = [];
    const verdicts: Verdict[] = [];
    const summary: string[] = [];
    const reference: string[] = [];
    for (const pageSize of [1000, 100]) {
      const expected = Math.ceil(TOKENS / pageSize);
      const sample = (run: () => Promise<number>) => async (): Promise<Sample> => {
        await fixture.reset();
        let items = 0;
        const ms = await timed(async () => {
          items = await run();
        });
        return { ms, items, requests: (await fixture.stats()).lists };
      };
      const s = await interleave(
        {
          "facade, items (for await of list)": sample(async () => {
            let n = 0;
            for await (const token of sdk.apiTokens.list(orgId, { pageSize })) if (token.id) n++;
            return n;
          }),
          "facade, pages()": sample(async () => {
            let n = 0;
            for await (const page of sdk.apiTokens.list(orgId, { pageSize }).pages()) {
              for (const token of page.data) if (token.id) n++;
            }
            return n;
          }),
          "openapi-fetch cursor loop (reference)": sample(() => bareWalk(baseUrl, orgId, pageSize)),
          "raw fetch cursor loop": sample(() => rawWalk(baseUrl, orgId, pageSize)),
        },
        { rounds: CLOSE_ROUNDS },
      );
      const baseline = median(pick(s["raw fetch cursor loop"], "ms"));
      for (const [name, samples] of Object.entries(s)) {
        const ms = pick(samples, "ms");
        const requests = [...new Set(pick(samples, "requests"))];
        const items = [...new Set(pick(samples, "items"))];
        const relative = baseline / median(ms);
        rows.push([
          String(pageSize),
          name,
          spread(ms, 0),
          fmt((TOKENS * 1000) / median(ms), 0),
          requests.join(", "),
          items.join(", "),
          name.startsWith("raw") ? "1" : fmt(relative),
        ]);
        const exact = requests.length === 1 && requests[0] === expected && items[0] === TOKENS;
        if (name.startsWith("openapi-fetch")) reference.push(`${fmt(relative)}x at pageSize ${pageSize}`);
        if (name.startsWith("facade"))
          verdicts.push({
            target: `pageSize ${pageSize}, ${name}: requests = ceil(N / pageSize) = ${expected}`,
            measured: requests.join(", "),
            pass: exact,
          });
        if (name.includes("pages()")) {
          verdicts.push({
            target: `pageSize ${pageSize}: pages() >= 0.95 of raw`,
            measured: fmt(relative),
            pass: relative >= 0.95,
          });
          summary.push(`pages() ${fmt(relative)}x`);
        } else if (name.includes("items")) {
          verdicts.push({
            target: `pageSize ${pageSize}: items >= 0.85 of raw`,
            measured: fmt(relative),
            pass: relative >= 0.85,
          });
          summary.push(`items ${fmt(relative)}x`);
        }
      }
    }
    const allExact = verdicts.filter((v) => v.target.includes("requests =")).every((v) => v.pass);
    const listeners = await listenerBuildUp(baseUrl, orgId);
    return {
      name: "walk",
      measures: `a full walk of ${TOKENS.toLocaleString("en-US")} tokens from the fixture server (no latency), ${CLOSE_ROUNDS} rounds`,
      tables: [
        {
          title: "walk time in ms, median (min..max); throughput relative to the raw loop (higher is better)",
          header: ["pageSize", "variant", "ms", "items/s", "requests", "items", "speed vs raw"],
          rows,
          reading:
            (allExact
              ? `Every facade walk sent exactly ceil(N / pageSize) requests (${Math.ceil(TOKENS / 1000)} and ${Math.ceil(TOKENS / 100)}): no duplicate page and no wasted prefetch after the last one. `
              : "Some facade walks did not send exactly ceil(N / pageSize) requests: see the requests column. ") +
            `Relative to the hand-written loop (pageSize 1000 first, then 100): ${summary.join(", ")}. ` +
            "The prefetch overlaps the next request with the caller's handling of this page, which a sequential raw loop " +
            "cannot; what the facade pays on top is the per-request cost of the overhead table (the per-attempt timeout, " +
            "the rate-limit headers, the shape check) and, for item iteration, one iterator step per token. The same " +
            `loop over bare openapi-fetch, which the facade is built on, reaches ${reference.join(" and ")} of the raw ` +
            "loop; the facade pays that client's per-request cost too.",
        },
        {
          title: `long runs: MaxListenersExceededWarning printed (pageSize 10, the fixture server, the global fetch)`,
          header: ["run", "warnings"],
          rows: listeners.map(({ how, warnings }) => [how, String(warnings)]),
          reading:
            "undici adds an abort listener to the signal of every request it is given and keeps it until the request " +
            "is garbage-collected, and Node warns when one signal gathers too many. Requests the facade builds carry no " +
            "signal; fetch gets the attempt's, shared by at most 10 attempts of one caller (a walk, or the calls " +
            `without a signal) that start within a sixteenth of the timeout. ${listeners.every((l) => l.warnings === 0) ? "Neither run printed a warning." : "Some runs printed warnings: see the counts."}`,
        },
      ],
      verdicts,
      notes: ["requests are counted by the server (list requests since a reset before each walk)."],
    };
  } finally {
    await fixture.close();
  }
}
