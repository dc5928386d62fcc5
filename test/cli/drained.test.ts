import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { drained } from "../../src/cli/drained.js";

/** A stream of one byte's buffer whose writes finish only when `finish` is called, like a pipe nobody reads. */
function stalledStream() {
  const pending: (() => void)[] = [];
  const stream = new Writable({
    highWaterMark: 1,
    write(_chunk, _encoding, callback) {
      pending.push(() => callback());
    },
  });
  const finish = () => {
    for (const callback of pending.splice(0)) callback();
  };
  return { stream, finish };
}

/** Whether `promise` has settled 10 ms from now. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 10));
  return done;
}

describe("drained", () => {
  it("resolves at once when the stream has room", async () => {
    expect(await settled(drained(stalledStream().stream))).toBe(true);
  });

  it("waits for 'drain' once a write has filled the buffer", async () => {
    const { stream, finish } = stalledStream();
    expect(stream.write("full")).toBe(false);
    const waiting = drained(stream);
    expect(await settled(waiting)).toBe(false);
    finish();
    expect(await settled(waiting)).toBe(true);
  });

  it("resolves, never hanging, when the stream closes while full", async () => {
    const { stream } = stalledStream();
    stream.write("full");
    const waiting = drained(stream);
    stream.destroy();
    expect(await settled(waiting)).toBe(true);
  });

  it("resolves, never rejecting, when the stream fails while full", async () => {
    const { stream } = stalledStream();
    stream.on("error", () => {});
    stream.write("full");
    const waiting = drained(stream);
    stream.destroy(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
    await expect(waiting).resolves.toBeUndefined();
  });

  it("leaves no listener behind", async () => {
    const { stream, finish } = stalledStream();
    stream.write("full");
    const waiting = drained(stream);
    finish();
    await waiting;
    expect(["drain", "close", "error"].map((event) => stream.listenerCount(event))).toEqual([0, 0, 0]);
  });
});
