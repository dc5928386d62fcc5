import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { readText } from "../../src/cli/read-text.js";

describe("readText", () => {
  it("reads a stream whole, a character split across two chunks kept one character", async () => {
    const stream = new PassThrough();
    const bytes = Buffer.from("id-1\nüñï-2\n");
    const reading = readText(stream, new AbortController().signal);
    stream.write(bytes.subarray(0, 6)); // ends inside "ü"
    stream.end(bytes.subarray(6));
    await expect(reading).resolves.toBe("id-1\nüñï-2\n");
  });

  it("stops waiting when the signal aborts (Ctrl-C), though the stream never ends", async () => {
    const controller = new AbortController();
    const stream = new PassThrough();
    const reading = readText(stream, controller.signal);
    stream.write("id-1\n");
    controller.abort();
    await expect(reading).rejects.toMatchObject({ name: "AbortError" });
  });
});
