import { describe, expect, it } from "vitest";
import { readOnce } from "../../src/cli/read-once.js";

/** A readFile that answers each call with the next text, recording what was asked. */
function counted(...texts: string[]) {
  const calls: { path: string; secret: boolean }[] = [];
  const readFile = async (path: string, _signal: AbortSignal, options?: { secret?: boolean }) => {
    calls.push({ path, secret: options?.secret === true });
    return texts[calls.length - 1] ?? "";
  };
  return { calls, readFile };
}

const signal = new AbortController().signal;

describe("readOnce", () => {
  it("reads a path once, however often it is asked for", async () => {
    const { calls, readFile } = counted("key-1", "key-2");
    const read = readOnce(readFile);
    expect(await read("/keys/admin", signal, { secret: true })).toBe("key-1");
    expect(await read("/keys/admin", signal, { secret: true })).toBe("key-1");
    expect(calls).toEqual([{ path: "/keys/admin", secret: true }]);
  });

  it("reads a path asked for as a secret and as text twice, so ids are never taken for the key", async () => {
    const { calls, readFile } = counted("sa-1\nsa-2\n", "typed-key");
    const read = readOnce(readFile);
    expect(await read("/dev/stdin", signal)).toBe("sa-1\nsa-2\n");
    expect(await read("/dev/stdin", signal, { secret: true })).toBe("typed-key");
    expect(await read("/dev/stdin", signal)).toBe("sa-1\nsa-2\n");
    expect(calls).toEqual([
      { path: "/dev/stdin", secret: false },
      { path: "/dev/stdin", secret: true },
    ]);
  });
});
