import { execFileSync } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { keyFileArgument } from "../../src/cli/key-file-ahead.js";
import { main } from "../../src/cli/main.js";
import { startSandbox } from "../../src/testing/index.js";
import { runCli, testIo } from "./run-cli.js";

describe("keyFileArgument", () => {
  it.each([
    [["--api-key-file", "k.txt", "tokens", "list"], "k.txt"],
    [["tokens", "list", "--api-key-file=k.txt"], "k.txt"],
    [["--api-key-file", " k.txt\n", "audit"], "k.txt"],
    [["--api-key-file", "a", "audit", "--api-key-file", "b"], "b"],
  ])("finds the path in %j, as commander reads it", (args, path) => {
    expect(keyFileArgument(args)).toBe(path);
  });

  it.each([
    [["tokens", "list"]],
    [["--api-key-file", " ", "tokens", "list"]],
    [["--api-key-file"]],
    [["service-accounts", "count", "--", "--api-key-file", "k.txt"]],
    [["--api-key-file", "k.txt", "tokens", "list", "--help"]],
    [["--api-key-file", "k.txt", "-V"]],
  ])("finds none to read ahead in %j", (args) => {
    expect(keyFileArgument(args)).toBeUndefined();
  });
});

describe("a key file read ahead of parsing", () => {
  it("is read once: a FIFO or /dev/stdin gives its text once", async () => {
    const sb = await startSandbox({ tokens: 3 });
    try {
      const reads: string[] = [];
      const out: string[] = [];
      const io = testIo({
        stdout: { write: (text: string) => void out.push(text) },
        env: { ATLASSIAN_ORG_ID: sb.orgId },
        readFile: async (path) => {
          reads.push(path);
          return reads.length === 1 ? `${sb.apiKey}\n` : "";
        },
      });
      const args = ["--api-key-file", "/dev/stdin", "--base-url", sb.baseUrl, "tokens", "count"];
      expect(await main(["node", "admin-api-access", ...args], io)).toBe(0);
      expect(out.join("")).toBe("3\n");
      expect(reads).toEqual(["/dev/stdin"]);
    } finally {
      await sb.close();
    }
  });
});

describe("a key file that is not a regular file", () => {
  it("is not read ahead: help and usage errors do not wait on a FIFO nobody writes to", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cli-ahead-"));
    const fifo = join(dir, "key");
    execFileSync("mkfifo", [fifo]);
    const help = await runCli(["--api-key-file", fifo, "help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage:");
    const usage = await runCli(["--api-key-file", fifo, "tokens", "list", "--limit", "0"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--limit");
  });

  it("is read when the command connects, not before", async () => {
    const reads: string[] = [];
    const io = testIo({
      isPlainFile: async () => false,
      readFile: async (path) => {
        reads.push(path);
        return "";
      },
    });
    expect(await main(["node", "admin-api-access", "--api-key-file", "/dev/stdin", "help"], io)).toBe(0);
    expect(reads).toEqual([]);
  });
});
