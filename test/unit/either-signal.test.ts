import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { eitherSignal } from "../../src/either-signal.js";
import { json, ORG, testClient, token } from "../helpers/recording-fetch.js";

/** Runs the test as on a runtime without AbortSignal.any (Node before 20.3, browsers before 2024). */
const any = Object.getOwnPropertyDescriptor(AbortSignal, "any");
function withoutAny() {
  Object.defineProperty(AbortSignal, "any", { value: undefined, configurable: true, writable: true });
}
afterEach(() => {
  if (any) Object.defineProperty(AbortSignal, "any", any);
});

describe("eitherSignal without AbortSignal.any", () => {
  it("aborts with the reason of whichever aborts first, and stops listening to both", () => {
    withoutAny();
    for (const first of [0, 1]) {
      const [a, b] = [new AbortController(), new AbortController()];
      const either = eitherSignal(a.signal, b.signal);
      const reason = new Error(`reason ${first}`);
      (first === 0 ? a : b).abort(reason);
      expect(either.aborted).toBe(true);
      expect(either.reason).toBe(reason);
      expect(getEventListeners(a.signal, "abort")).toHaveLength(0);
      expect(getEventListeners(b.signal, "abort")).toHaveLength(0);
    }
  });

  it("is the aborted one when one already is", () => {
    withoutAny();
    const done = AbortSignal.abort(new Error("early"));
    expect(eitherSignal(new AbortController().signal, done)).toBe(done);
  });

  it("lets a walk with the caller's signal run, be aborted, and leave no listener on the caller's signal", async () => {
    withoutAny();
    const { client } = testClient((request) =>
      json({
        data: [token(request.query.get("cursor") ?? "p1")],
        links: request.query.has("cursor") ? {} : { next: "p2" },
      }),
    );
    const caller = new AbortController();
    const ids: string[] = [];
    for await (const t of client.apiTokens.list(ORG, {}, { signal: caller.signal })) ids.push(t.id);
    expect(ids).toEqual(["p1", "p2"]);
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(0);

    const reason = new Error("stop");
    const walk = client.apiTokens.list(ORG, {}, { signal: caller.signal });
    const seen: string[] = [];
    const ended = (async () => {
      for await (const t of walk) {
        seen.push(t.id);
        caller.abort(reason);
      }
    })();
    await expect(ended).rejects.toBe(reason);
    expect(seen).toEqual(["p1"]);
  });
});
