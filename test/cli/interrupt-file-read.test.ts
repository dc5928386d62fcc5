import { execFileSync, spawn } from "node:child_process";
import { closeSync, constants, openSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { ctrlC, testIo } from "./run-cli.js";

/** A read that ends only when its signal aborts: a terminal or FIFO nobody writes to. */
const endless = (_path: string, signal?: AbortSignal) =>
  new Promise<string>((_, reject) => {
    signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
  });

const env = { ATLASSIAN_ADMIN_API_KEY: "interrupt-read-key-0123456789", ATLASSIAN_ORG_ID: "org-1" };

describe.each([
  ["the key file (--api-key-file)", ["--api-key-file", "/dev/stdin", "tokens", "count"], { ATLASSIAN_ORG_ID: "org-1" }],
  ["an id file (service-accounts count --file)", ["service-accounts", "count", "--file", "/dev/stdin"], env],
])("Ctrl-C while %s is read", (_, args, runEnv) => {
  it("ends the run with 130 and Interrupted.", async () => {
    const { onInterrupt, press } = ctrlC();
    const err: string[] = [];
    let reading = false;
    const io = testIo({
      stderr: { write: (text: string) => void err.push(text) },
      env: runEnv,
      onInterrupt,
      readFile: (path, signal) => {
        reading = true;
        return endless(path, signal);
      },
    });
    const running = main(["node", "admin-api-access", "--base-url", "http://127.0.0.1:9", ...args], io);
    while (!reading) await new Promise((r) => setTimeout(r, 5));
    press();
    expect(await running).toBe(130);
    expect(err.join("")).toBe("\nInterrupted.\n");
  }, 2_000);
});

describe.each([
  ["--api-key-file", (fifo: string) => ["--api-key-file", fifo, "--org", "org-1", "tokens", "count"]],
  ["service-accounts count --file", (fifo: string) => ["service-accounts", "count", "--file", fifo]],
])("the real CLI reading a FIFO nobody writes to, for %s", (_, args) => {
  it("exits 130 at once on SIGINT", async () => {
    const fifo = join(await mkdtemp(join(tmpdir(), "cli-fifo-")), "fifo");
    execFileSync("mkfifo", [fifo]);
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/bin.ts", ...args(fifo)], {
      cwd: new URL("../..", import.meta.url).pathname,
      env: { PATH: process.env.PATH ?? "", ...env },
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += String(chunk);
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    // A writer that never writes, once the CLI has the FIFO open for reading (before that, opening it fails).
    let writer: number | undefined;
    while (writer === undefined) {
      try {
        writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
      } catch {
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    try {
      // The read is under way (the open returns at once); Ctrl-C.
      await new Promise((r) => setTimeout(r, 200));
      child.kill("SIGINT");
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r("still running"), 3_000))]);
      expect(code).toBe(130);
      expect(stderr).toBe("\nInterrupted.\n");
    } finally {
      child.kill("SIGKILL");
      closeSync(writer);
    }
  }, 15_000);
});
