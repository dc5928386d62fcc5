/** loopback: requests per second against the fixture server on 127.0.0.1, no added latency. */
import { bare, facade, globalFetch, rawGet } from "./lib/clients.js";
import { startFixture } from "./lib/fixture.js";
import { CLOSE_ROUNDS, interleave, QUICK, timed } from "./lib/method.js";
import type { BenchResult, Verdict } from "./lib/result.js";
import { fmt, median, spread } from "./lib/stats.js";

const TOKENS = 10_000;

export async function loopback(): Promise<BenchResult> {
  const fixture = await startFixture({ tokens: TOKENS });
  try {
    await fixture.prepare([10, 1000]);
    const { baseUrl, orgId } = fixture;
    const sdk = facade(baseUrl);
    const of = bare(baseUrl);
    const rows: string[][] = [];
    const verdicts: Verdict[] = [];
    const worst = { ratio: Number.POSITIVE_INFINITY, cell: "" };
    for (const pageSize of [10, 1000]) {
      for (const concurrency of [1, 8]) {
        const requests = (pageSize === 10 ? 800 : 80) / (QUICK ? 4 : 1);
        const url = `${baseUrl}/orgs/${orgId}/api-tokens?pageSize=${pageSize}`;
        const rate = (call: () => Promise<unknown>) => async () => {
          let left = requests;
          const worker = async () => {
            while (left-- > 0) await call();
          };
          const ms = await timed(() => Promise.all(Array.from({ length: concurrency }, worker)));
          return (requests * 1000) / ms;
        };
        const s = await interleave(
          {
            facade: rate(async () => (await sdk.apiTokens.list(orgId, { pageSize })).data),
            "openapi-fetch": rate(async () => {
              const { data } = await of.GET("/orgs/{orgId}/api-tokens", {
                params: { path: { orgId }, query: { pageSize } },
              });
              if (!data) throw new Error("no data");
            }),
            // The same call given what the facade's default timeout needs: an AbortSignal that fetch follows.
            "openapi-fetch + timeout": rate(async () => {
              const { data } = await of.GET("/orgs/{orgId}/api-tokens", {
                params: { path: { orgId }, query: { pageSize } },
                signal: AbortSignal.timeout(30_000),
              });
              if (!data) throw new Error("no data");
            }),
            raw: rate(() => rawGet(url, globalFetch)),
          },
          { rounds: CLOSE_ROUNDS },
        );
        const ratio = median(s.facade) / median(s["openapi-fetch"]);
        const cell = `pageSize ${pageSize}, concurrency ${concurrency}`;
        if (ratio < worst.ratio) Object.assign(worst, { ratio, cell });
        rows.push([
          String(pageSize),
          String(concurrency),
          spread(s.facade, 0),
          spread(s["openapi-fetch"], 0),
          spread(s["openapi-fetch + timeout"], 0),
          spread(s.raw, 0),
          fmt(ratio),
          fmt(median(s.facade) / median(s["openapi-fetch + timeout"])),
          fmt(median(s.facade) / median(s.raw)),
        ]);
        verdicts.push({ target: `${cell}: facade / openapi-fetch >= 0.95`, measured: fmt(ratio), pass: ratio >= 0.95 });
      }
    }
    return {
      name: "loopback",
      measures: `requests/s of one first-page GET against the fixture server (its own process, 127.0.0.1, no latency), ${CLOSE_ROUNDS} rounds`,
      tables: [
        {
          title: "requests/s, median (min..max); ratios of medians (higher is better)",
          header: [
            "pageSize",
            "concurrency",
            "facade",
            "openapi-fetch",
            "openapi-fetch + timeout",
            "raw fetch",
            "facade / openapi-fetch",
            "facade / openapi-fetch + timeout",
            "facade / raw",
          ],
          rows,
          reading:
            `On loopback, with a server that answers from memory, the facade keeps ${fmt(worst.ratio)}x of bare ` +
            `openapi-fetch's rate at worst (${worst.cell}). Small pages show the per-call cost of the overhead table; ` +
            "with 1000-token pages the time goes into moving and parsing ~380 kB of JSON, which every variant pays, so the " +
            "ratios close up. Bare openapi-fetch sets no signal, but it hands fetch a Request, and undici follows that " +
            "Request's own signal (a listener, a WeakRef and a finalizer per request) as it follows the facade's " +
            "per-attempt one: both pay one follow per request, so the gap is the facade's own steps. `openapi-fetch + " +
            "timeout`, the same call with `signal: AbortSignal.timeout(30000)`, adds a timer and a second signal to " +
            "follow; raw fetch, given a URL string and no signal, follows none. Concurrency 8 on a 2-core machine shares the cores between the client and the server process, " +
            "so those rates say more about the box than the client.",
        },
      ],
      verdicts,
      notes: [
        `Fixture: ${TOKENS.toLocaleString("en-US")} synthetic tokens, pages precomputed; each sample sends ${QUICK ? "200 / 20" : "800 / 80"} requests (pageSize 10 / 1000) over keep-alive connections (undici's global fetch).`,
      ],
    };
  } finally {
    await fixture.close();
  }
}
