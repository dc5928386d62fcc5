import { describe, expect, it } from "vitest";
import { bundleSize, CORE_ENTRY } from "../../bench/lib/bundle.js";

/**
 * A REGRESSION GUARD, not the size budget (5.0 kB, which the core does not meet: see BENCHMARKS.md).
 * Measured 9,388 bytes gzip -9 (esbuild 0.28.2, minified, with openapi-fetch 0.17.0); the guard is that + 5 %.
 * Raise it deliberately, with the reason in the commit, when a feature needs the bytes.
 */
const GZIP_REGRESSION_GUARD_BYTES = 9_857;

describe("bundle size", () => {
  it("keeps the core bundle (esbuild, minified, gzip -9) under the regression guard", async () => {
    const { gzip } = await bundleSize(CORE_ENTRY);
    expect(gzip).toBeLessThanOrEqual(GZIP_REGRESSION_GUARD_BYTES);
  });
});
