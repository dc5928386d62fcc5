/** size: the core entry bundled with esbuild, minified, gzip -9. */
import { bundleSize, CORE_ENTRY, OPENAPI_FETCH_ENTRY } from "./lib/bundle.js";
import type { BenchResult } from "./lib/result.js";
import { fmt } from "./lib/stats.js";

const kB = (bytes: number) => fmt(bytes / 1000, 2);

export async function size(): Promise<BenchResult> {
  const core = await bundleSize(CORE_ENTRY);
  const of = await bundleSize(OPENAPI_FETCH_ENTRY);
  const rows = [
    ["core (src/index.ts + openapi-fetch)", kB(core.minified), kB(core.gzip)],
    ["openapi-fetch alone", kB(of.minified), kB(of.gzip)],
    ["our share (difference)", kB(core.minified - of.minified), kB(core.gzip - of.gzip)],
  ];
  const messages = core.gzip - core.gzipWithoutMessages - (of.gzip - of.gzipWithoutMessages);
  const ownCode = core.gzipWithoutMessages - of.gzipWithoutMessages;
  return {
    name: "size",
    measures: "esbuild bundle of the core entry (ESM, minified, es2022, platform neutral), gzip level 9",
    tables: [
      {
        title: "kB (1000 bytes)",
        header: ["bundle", "minified", "gzip -9"],
        rows,
        reading:
          `The core entry weighs ${kB(core.gzip)} kB gzipped, of which openapi-fetch alone is ${kB(of.gzip)} kB; the ` +
          `SDK's own code adds about ${kB(core.gzip - of.gzip)} kB (a difference of two gzips, so approximate: ` +
          "compression shares a dictionary across the two). The facade's share is the error hierarchy with its " +
          "messages, the retry and rate-limit transport, the redaction, the option checks and the pagination. Blanking " +
          "every string that holds a space (the messages) takes " +
          `${kB(messages)} kB (${Math.round((100 * messages) / (core.gzip - of.gzip))} %) off our share and leaves ` +
          `${kB(ownCode)} kB of code, ${fmt(ownCode / 2100, 1)} times the 2.1 kB the budget leaves us: no wording ` +
          "meets it, only fewer features. Sizes are deterministic: the same sources and esbuild version give the same " +
          "bytes.",
      },
    ],
    verdicts: [{ target: "core gzip <= 5.0 kB", measured: `${kB(core.gzip)} kB`, pass: core.gzip <= 5000 }],
    notes: [
      "Everything src/index.ts exports is kept (`export *`), as for an app that imports all of it; tree-shaking a single import would be smaller.",
    ],
  };
}
