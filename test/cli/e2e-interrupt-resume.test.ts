/** Ctrl-C during `tokens list --all`: what was written stays, and stderr says where to go on from. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";
import { ctrlC, runCaptured, testIo } from "./run-cli.js";

let sb: Sandbox;

beforeAll(async () => {
  // Slow enough answers that Ctrl-C lands while the second page is on its way.
  sb = await startSandbox({ tokens: 12, latencyMs: 200 });
});

afterAll(async () => {
  await sb.close();
});

it("names the cursor that fetches the rest, which gets every token not written, once", async () => {
  const { onInterrupt, press } = ctrlC();
  const out: string[] = [];
  const err: string[] = [];
  const env = { ATLASSIAN_ADMIN_API_KEY: sb.apiKey, ATLASSIAN_ORG_ID: sb.orgId };
  const io = testIo({
    stdout: { write: (text: string) => void out.push(text) },
    stderr: { write: (text: string) => void err.push(text) },
    env,
    onInterrupt,
  });
  const args = ["--base-url", sb.baseUrl, "tokens", "list", "--all", "--page-size", "5", "--format", "jsonl"];
  const running = main(["node", "admin-api-access", ...args], io);
  // Ctrl-C once the first page is out.
  while (out.length === 0) await new Promise((r) => setTimeout(r, 5));
  press();
  expect(await running).toBe(130);
  const first = out.join("").trim().split("\n");
  expect(first).toHaveLength(5);
  const stderr = err.join("");
  expect(stderr).toMatch(
    /^The output is incomplete: 5 tokens were written before Ctrl-C\. To fetch the rest, run the same command \(same filters, sort and page size\) with --cursor \S+\.\n/,
  );
  expect(stderr).toMatch(/\nInterrupted\.\n$/);
  const cursor = /--cursor (\S+)\./.exec(stderr)?.[1] ?? "";
  const rest = await runCaptured([...args, "--cursor", cursor], { env });
  expect(rest.code).toBe(0);
  const ids = [...first, ...rest.stdout.trim().split("\n")].map((line) => (JSON.parse(line) as { id: string }).id);
  expect(ids).toHaveLength(12);
  expect(new Set(ids)).toEqual(new Set(sb.tokens().map((t) => t.id)));
});
