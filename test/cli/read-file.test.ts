import { execFileSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readFileText } from "../../src/cli/read-file.js";

const fifo = async () => {
  const path = join(await mkdtemp(join(tmpdir(), "cli-read-")), "fifo");
  execFileSync("mkfifo", [path]);
  return path;
};

describe("readFileText", () => {
  it("reads a file as UTF-8", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "cli-read-")), "key.txt");
    await writeFile(path, "key-ü\n");
    await expect(readFileText(path, new AbortController().signal)).resolves.toBe("key-ü\n");
  });

  it("rejects a missing file with its error code", async () => {
    await expect(readFileText("/nonexistent/key.txt", new AbortController().signal)).rejects.toMatchObject({
      code: "ENOENT",
    });
  });

  it("rejects a directory with EISDIR, as a read by path does", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cli-read-"));
    await expect(readFileText(dir, new AbortController().signal)).rejects.toMatchObject({ code: "EISDIR" });
  });

  it("waits for a FIFO's writer, then reads it to its end", async () => {
    const path = await fifo();
    const reading = readFileText(path, new AbortController().signal);
    await new Promise((r) => setTimeout(r, 50));
    await writeFile(path, "key-from-a-pipe\n");
    await expect(reading).resolves.toBe("key-from-a-pipe\n");
  });

  it("stops waiting for a FIFO that nobody writes to when the signal aborts", async () => {
    const controller = new AbortController();
    const reading = readFileText(await fifo(), controller.signal);
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await expect(reading).rejects.toMatchObject({ name: "AbortError" });
  });
});
