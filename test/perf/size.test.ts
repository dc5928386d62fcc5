import { describe, expect, it } from "vitest";
import { bundleSize, CORE_ENTRY } from "../../bench/lib/bundle.js";

/**
 * A REGRESSION GUARD, not the size budget (5.0 kB, which the core does not meet: see BENCHMARKS.md).
 * Measured 10,084 bytes gzip -9 (esbuild 0.28.2, minified, with openapi-fetch 0.17.0); the guard is that + 2 %.
 * Raise it deliberately, with the reason in the commit, when a feature needs the bytes. Last raised for the shared
 * per-attempt deadlines (src/deadlines.ts): about 400 bytes for about 4 µs less per request in Node 20.
 */
const GZIP_REGRESSION_GUARD_BYTES = 10_285;

describe("bundle size", () => {
  it("keeps the core bundle (esbuild, minified, gzip -9) under the regression guard", async () => {
    const { gzip } = await bundleSize(CORE_ENTRY);
    expect(gzip).toBeLessThanOrEqual(GZIP_REGRESSION_GUARD_BYTES);
  });
});
