import { describe, expect, it } from "vitest";
import { startSandbox } from "../../src/testing/index.js";
import { seedData, seedDataPausing, seedSteps } from "../../src/testing/seed-data.js";
import { getJson } from "./sandbox-client.js";

const input = { seed: 5, tokens: 45_000, serviceAccounts: 3, orgId: "org-1", now: new Date("2026-11-01T00:00:00Z") };

describe("a sandbox start with a signal", () => {
  it("seeds in steps the same data as at once", async () => {
    const steps = seedSteps(input);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses += 1;
    // 27,000 users and 45,000 tokens, 20,000 a step: one pause among the users, two among the tokens.
    expect(pauses).toBe(3);
    expect(step.value).toEqual(seedData(input));
    expect(await seedDataPausing(input)).toEqual(seedData(input));
  });

  it("rejects with the signal's reason once it aborts between steps", async () => {
    const controller = new AbortController();
    const reason = new Error("stop");
    // Aborted on the first turn of the event loop: after the first step, long before the last.
    setImmediate(() => controller.abort(reason));
    await expect(seedDataPausing({ ...input, tokens: 1_000_000 }, controller.signal)).rejects.toBe(reason);
    await expect(startSandbox({ tokens: 5, signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });

  it("keeps serving after a start whose signal aborts later", async () => {
    const controller = new AbortController();
    const sb = await startSandbox({ tokens: 5, signal: controller.signal });
    controller.abort();
    try {
      expect(await getJson(sb, "/api-tokens/count")).toBe(5);
    } finally {
      await sb.close();
    }
  });

  it("refuses a signal that is not an AbortSignal", async () => {
    await expect(startSandbox({ signal: { aborted: false } as never })).rejects.toThrow(
      "Sandbox option signal must be an AbortSignal",
    );
  });
});
