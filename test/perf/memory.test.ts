import { describe, expect, it } from "vitest";
import { memoryRun } from "../../bench/lib/memory-run.js";

describe("streaming 100k tokens through for await", () => {
  it("retains less than 2 MB above the baseline after gc (fresh node --expose-gc process)", async () => {
    const sample = await memoryRun({ tokens: 100_000, pageSize: 1000 });
    expect(sample.seen).toBe(100_000);
    expect(sample.retained).toBeLessThan(2 * 1024 * 1024);
  }, 30_000);
});
