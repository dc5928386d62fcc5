import { spawn } from "node:child_process";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";
import { defaultSandboxOptions } from "../../src/testing/sandbox-options.js";
import { ctrlC, testIo } from "./run-cli.js";

let sb: Sandbox;

beforeAll(async () => {
  // Slow answers, so the run is still waiting when Ctrl-C arrives.
  sb = await startSandbox({ latencyMs: 10_000 });
});

afterAll(async () => {
  await sb.close();
});

it("aborts a run on SIGINT and exits 130 without a stack trace", async () => {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/bin.ts", "--base-url", sb.baseUrl, "audit"], {
    cwd: new URL("../..", import.meta.url).pathname,
    env: { PATH: process.env.PATH ?? "", ATLASSIAN_ADMIN_API_KEY: sb.apiKey, ATLASSIAN_ORG_ID: sb.orgId },
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += String(chunk);
  });
  // Wait until the request is in flight, then press Ctrl-C.
  while (!sb.requests.some((r) => r.method === "GET")) await new Promise((r) => setTimeout(r, 20));
  const started = Date.now();
  child.kill("SIGINT");
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(code).toBe(130);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(stderr).toBe("\nInterrupted.\n");
});

it("serves a sandbox until Ctrl-C, printing how to point the CLI at it (its key too, once exported)", async () => {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/bin.ts", "sandbox", "--port", "0", "--tokens", "5"],
    {
      cwd: new URL("../..", import.meta.url).pathname,
      // As after following the banner of an earlier run: the fake key is no secret to redact.
      env: { PATH: process.env.PATH ?? "", ATLASSIAN_ADMIN_API_KEY: defaultSandboxOptions.apiKey },
    },
  );
  let stdout = "";
  child.stdout.on("data", (chunk) => {
    stdout += String(chunk);
  });
  while (!stdout.includes("Ctrl-C")) await new Promise((r) => setTimeout(r, 20));
  const baseUrl = /running at (\S+)/.exec(stdout)?.[1] ?? "";
  const key = /ATLASSIAN_ADMIN_API_KEY='([^']+)'/.exec(stdout)?.[1] ?? "";
  const org = /ATLASSIAN_ORG_ID='([^']+)'/.exec(stdout)?.[1] ?? "";
  expect(stdout).toContain("fake key");
  expect(key).toBe(defaultSandboxOptions.apiKey);
  const count = await fetch(`${baseUrl}/orgs/${org}/api-tokens/count`, { headers: { Authorization: `Bearer ${key}` } });
  expect(await count.json()).toBe(5);
  child.kill("SIGINT");
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(code).toBe(0);
});

it("stops waiting for ids on stdin (--file -) at Ctrl-C, with 130 and nothing sent", async () => {
  const before = sb.requests.length;
  const { onInterrupt, press } = ctrlC();
  const stdin = new PassThrough();
  const err: string[] = [];
  const io = testIo({
    stderr: { write: (text: string) => void err.push(text) },
    stdin,
    env: { ATLASSIAN_ADMIN_API_KEY: sb.apiKey, ATLASSIAN_ORG_ID: sb.orgId },
    onInterrupt,
  });
  const running = main(
    ["node", "admin-api-access", "--base-url", sb.baseUrl, "service-accounts", "count", "--file", "-"],
    io,
  );
  // Stdin stays open: one id typed, no end. Ctrl-C once the CLI is reading it.
  stdin.write("0f1e2d3c-0000-4000-8000-000000000001\n");
  while (stdin.listenerCount("readable") === 0) await new Promise((r) => setTimeout(r, 10));
  press();
  expect(await running).toBe(130);
  expect(err.join("")).toBe("\nInterrupted.\n");
  expect(sb.requests.length).toBe(before);
});
