import { describe, expect, it } from "vitest";
import { bundleSize, CORE_ENTRY } from "../../bench/lib/bundle.js";

/**
 * A REGRESSION GUARD, not the size budget (5.0 kB, which the core does not meet: see BENCHMARKS.md).
 * Measured 11,988 bytes gzip -9 (esbuild 0.28.2, minified, with openapi-fetch 0.17.0); the guard is that + 2 %.
 * Raise it deliberately, with the reason in the commit, when a feature needs the bytes. Last raised (from 11,356) by
 * about 840 bytes for fixes: a transport error's cause copied when anything in it could show the key (from any
 * realm), the cool-down kept after a 429 that is not retried (within bounds), UnexpectedStatusError, the walk naming
 * the response that repeated a cursor, and plain-object headers and a function fetch checked in createClient.
 */
const GZIP_REGRESSION_GUARD_BYTES = 12_228;

describe("bundle size", () => {
  it("keeps the core bundle (esbuild, minified, gzip -9) under the regression guard", async () => {
    const { gzip } = await bundleSize(CORE_ENTRY);
    expect(gzip).toBeLessThanOrEqual(GZIP_REGRESSION_GUARD_BYTES);
  });
});
