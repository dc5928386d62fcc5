import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it, vi } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { NOW, useE2e } from "./e2e-fixture.js";
import { ctrlC, jsonLines, testIo } from "./run-cli.js";

const cwd = new URL("../..", import.meta.url).pathname;

// Ten pages of 1000, or a hundred of 100: enough for a writer that does not wait to run far ahead of one that does.
const e2e = useE2e("backpressure", { tokens: 10_000, seed: 7 });
const listRequests = () =>
  e2e.sb.requests.filter((r) => r.method === "GET" && r.path === `/orgs/${e2e.sb.orgId}/api-tokens`).length;

/** A stdout that takes one write and then stays full until `drain()`, as a pipe does whose reader paused. */
function pausedStdout() {
  const writes: string[] = [];
  let drain = () => {};
  const drained = new Promise<void>((resolve) => {
    drain = resolve;
  });
  const write = (text: string) => {
    writes.push(text);
    return drained;
  };
  return { writes, drain, sink: { write } };
}

/**
 * Runs `main` in-process against the file's sandbox, writing stdout to `stdout`; `interrupted` gets the function that
 * presses Ctrl-C.
 */
function run(
  stdout: CliIo["stdout"],
  args: readonly string[],
  interrupted: (press: () => void) => void = () => {},
): Promise<number> {
  const { onInterrupt, press } = ctrlC();
  interrupted(press);
  const io = testIo({ stdout, env: e2e.env, onInterrupt });
  return main(["node", "admin-api-access", "--base-url", e2e.sb.baseUrl, ...args], io);
}

describe("a stdout that stays full", () => {
  it.each(["jsonl", "csv", "json"])(
    "holds tokens list --all --format %s at its first page, fetching no more, until it drains",
    async (format) => {
      const stdout = pausedStdout();
      const before = listRequests();
      const running = run(stdout.sink, ["tokens", "list", "--all", "--page-size", "1000", "--format", format]);
      await vi.waitFor(() => expect(stdout.writes).toHaveLength(1));
      await sleep(200);
      expect(stdout.writes).toHaveLength(1);
      // The page written, and at most the one the SDK fetches ahead.
      expect(listRequests() - before).toBeLessThanOrEqual(2);
      stdout.drain();
      expect(await running).toBe(0);
      expect(listRequests() - before).toBe(10);
      if (format === "jsonl") expect(jsonLines(stdout.writes.join(""))).toEqual(e2e.all);
    },
  );

  it("ends on Ctrl-C while it waits for the drain, exiting 130", async () => {
    const stdout = pausedStdout();
    let press = () => {};
    const running = run(stdout.sink, ["tokens", "list", "--all", "--format", "jsonl"], (handler) => {
      press = handler;
    });
    await vi.waitFor(() => expect(stdout.writes).toHaveLength(1));
    press();
    // Never drained: the run ends all the same.
    expect(await running).toBe(130);
  });

  it.each(["jsonl", "csv", "table", "md"])(
    "holds the audit's --format %s report at its first chunk until it drains",
    async (format) => {
      const stdout = pausedStdout();
      const running = run(stdout.sink, ["audit", "--as-of", NOW, "--format", format]);
      await vi.waitFor(() => expect(stdout.writes).toHaveLength(1));
      await sleep(200);
      expect(stdout.writes).toHaveLength(1);
      stdout.drain();
      // Findings: exit 1.
      expect(await running).toBe(1);
      expect(stdout.writes.length).toBeGreaterThan(1);
    },
  );
});

it("fetches pages no faster than a pipe's reader reads them", async () => {
  const args = ["--base-url", e2e.sb.baseUrl, "tokens", "list", "--all", "--page-size", "100", "--format", "jsonl"];
  const before = listRequests();
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/bin.ts", ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? "", ...e2e.env },
    stdio: ["ignore", "pipe", "ignore"],
  });
  // Nobody reads the pipe yet: once it is full, the walk must stop and stay stopped.
  let fetched = 0;
  await vi.waitFor(
    async () => {
      fetched = listRequests() - before;
      await sleep(300);
      expect(fetched).toBeGreaterThan(0);
      expect(listRequests() - before).toBe(fetched);
    },
    { timeout: 15_000, interval: 0 },
  );
  // What the pipe's buffers hold, some hundreds of kB: far from the 100 pages a walk that does not wait fetches.
  expect(fetched).toBeLessThan(50);
  let stdout = "";
  child.stdout.on("data", (chunk) => {
    stdout += String(chunk);
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(code).toBe(0);
  expect(listRequests() - before).toBe(100);
  expect(jsonLines(stdout)).toEqual(e2e.all);
});
