/** prefetch: a walk with 20 ms of server latency and per-page work, with prefetch (the default) and without. */
import { setTimeout as sleep } from "node:timers/promises";
import { facade } from "./lib/clients.js";
import { startFixture } from "./lib/fixture.js";
import { interleave, method, timed } from "./lib/method.js";
import type { BenchResult, Verdict } from "./lib/result.js";
import { fmt, max, median, spread } from "./lib/stats.js";

const LATENCY_MS = 20;
const PAGE_SIZE = 100;
const PAGES = 20;

/** Per-page work: waiting on I/O (the event loop is free) or computing (it is not). */
type Kind = "I/O" | "CPU";

function work(kind: Kind, ms: number): Promise<unknown> | undefined {
  if (ms === 0) return undefined;
  if (kind === "I/O") return sleep(ms);
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy: the handling of a page that computes
  }
  return undefined;
}

export async function prefetch(): Promise<BenchResult> {
  const fixture = await startFixture({ tokens: PAGE_SIZE * PAGES });
  try {
    await fixture.configure({ latencyMs: LATENCY_MS, bucket: null });
    await fixture.prepare([PAGE_SIZE]);
    const { baseUrl, orgId } = fixture;
    const sdk = facade(baseUrl);
    const rows: string[][] = [];
    const verdicts: Verdict[] = [];
    const gains: Record<string, number> = {};
    const cells: [Kind, number][] = [
      ["I/O", 0],
      ["I/O", 5],
      ["I/O", 20],
      ["CPU", 5],
      ["CPU", 20],
    ];
    for (const [kind, ms] of cells) {
      const s = await interleave({
        prefetch: () =>
          timed(async () => {
            for await (const page of sdk.apiTokens.list(orgId, { pageSize: PAGE_SIZE }).pages()) {
              await work(kind, ms);
              if (page.data.length === 0) break;
            }
          }),
        sequential: () =>
          timed(async () => {
            let cursor: string | undefined;
            do {
              const page = await sdk.apiTokens.list(orgId, { pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
              await work(kind, ms);
              cursor = page.nextCursor;
            } while (cursor);
          }),
      });
      const gain = 1 - median(s.prefetch) / median(s.sequential);
      gains[`${kind} ${ms}`] = gain;
      const ideal = PAGES * LATENCY_MS + ms + (PAGES - 1) * Math.max(0, ms - LATENCY_MS);
      rows.push([
        ms === 0 ? "none" : `${ms} ms ${kind}`,
        spread(s.prefetch, 0),
        spread(s.sequential, 0),
        `${fmt(gain * 100, 1)} %`,
        String(ideal),
        String(PAGES * (LATENCY_MS + ms)),
      ]);
      if (kind === "I/O" && ms === LATENCY_MS) {
        verdicts.push({
          target: "work ~ latency (20 ms I/O): >= 40 % faster than sequential",
          measured: `${fmt(gain * 100, 1)} %`,
          pass: gain >= 0.4,
        });
      }
    }

    // Early exit: stop after k pages; the server counts what it received, including an aborted prefetch.
    const extras: number[] = [];
    const exitRows: string[][] = [];
    for (const [label, stopAfter] of [
      ["break after page 1", 1],
      ["break after page 3", 3],
      ["break after 1 item", 0],
    ] as const) {
      const seen: number[] = [];
      for (let r = 0; r < method.rounds; r++) {
        await fixture.reset();
        let pages = 0;
        if (stopAfter === 0) {
          for await (const token of sdk.apiTokens.list(orgId, { pageSize: PAGE_SIZE })) if (token.id) break;
          pages = 1;
        } else {
          for await (const page of sdk.apiTokens.list(orgId, { pageSize: PAGE_SIZE }).pages()) {
            if (page.data.length >= 0 && ++pages >= stopAfter) break;
          }
        }
        await sleep(LATENCY_MS * 3);
        const extra = (await fixture.stats()).lists - pages;
        seen.push(extra);
        extras.push(extra);
      }
      exitRows.push([label, String(stopAfter || 1), [...new Set(seen)].join(", ")]);
    }
    verdicts.push({ target: "early exit: <= 1 extra request", measured: `max ${max(extras)}`, pass: max(extras) <= 1 });

    return {
      name: "prefetch",
      measures: `a walk of ${PAGES} pages (pageSize ${PAGE_SIZE}) with ${LATENCY_MS} ms server latency (each answer leaves that long after its request arrived) and per-page work`,
      tables: [
        {
          title:
            "walk time in ms, median (min..max); prefetch = the default `pages()` walk, sequential = `await list(org, { cursor })` page after page",
          header: [
            "per-page work",
            "prefetch",
            "sequential",
            "prefetch faster by",
            "ideal prefetch",
            "ideal sequential",
          ],
          rows,
          reading:
            `With I/O-like work equal to the latency the default walk is ${fmt((gains["I/O 20"] ?? 0) * 100, 1)} % faster ` +
            `than awaiting the pages one after another (the ideal is about 47 %: ${PAGES} × max(latency, work) against ` +
            `${PAGES} × (latency + work)). With no work there is nothing to overlap and the two are alike ` +
            `(${fmt((gains["I/O 0"] ?? 0) * 100, 1)} %). With CPU-bound work the gain is ` +
            `${fmt((gains["CPU 20"] ?? 0) * 100, 1)} % at 20 ms: the prefetch request is started before the page is handed over, ` +
            "so it is in flight while the caller computes, as long as it was written to the socket before the loop blocked.",
        },
        {
          title: `early exit: requests the server received beyond the pages consumed (${method.rounds} runs each)`,
          header: ["walk", "pages consumed", "extra requests seen"],
          rows: exitRows,
          reading:
            `Stopping a walk early costs at most ${max(extras)} request beyond the pages used: the one prefetch already ` +
            "sent, which the break aborts (it can reach the server before the abort lands, and did in the runs counted " +
            `here: ${[...new Set(extras)].join(", ")}).`,
        },
      ],
      verdicts,
      notes: [
        "Ideal times ignore the round trip and the client's own costs; the latency is a timer in the fixture server that counts from the request's arrival.",
      ],
    };
  } finally {
    await fixture.close();
  }
}
