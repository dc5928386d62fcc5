import { describe, expect, it } from "vitest";
import { bundleSize, CORE_ENTRY } from "../../bench/lib/bundle.js";

/**
 * A REGRESSION GUARD, not the size budget (5.0 kB, which the core does not meet: see BENCHMARKS.md).
 * Measured 11,133 bytes gzip -9 (esbuild 0.28.2, minified, with openapi-fetch 0.17.0); the guard is that + 2 %.
 * Raise it deliberately, with the reason in the commit, when a feature needs the bytes. Last raised for checking every
 * input before it is sent (createClient's apiKey, baseUrl, headers and logging options, each method's query parameter
 * names and per-call options): about 1 kB, so a typo or a key file's second line is a typed error, not a request.
 */
const GZIP_REGRESSION_GUARD_BYTES = 11_356;

describe("bundle size", () => {
  it("keeps the core bundle (esbuild, minified, gzip -9) under the regression guard", async () => {
    const { gzip } = await bundleSize(CORE_ENTRY);
    expect(gzip).toBeLessThanOrEqual(GZIP_REGRESSION_GUARD_BYTES);
  });
});
