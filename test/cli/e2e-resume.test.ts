import { execFileSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { jsonLines, runCli } from "./run-cli.js";
import { token } from "./token-fixture.js";

const ORG = "org-resume";
/** A cursor a shell would split, unquote and expand if printed as it is. */
const ODD_CURSOR = `c u'r"sor $HOME`;
const pages: Record<string, { data: unknown[]; links: { next?: string } }> = {
  first: { data: [token({ id: "t1" }), token({ id: "t2" })], links: { next: "cursor/2+=" } },
  "cursor/2+=": { data: [token({ id: "t3" })], links: {} },
  odd: { data: [token({ id: "t4" })], links: { next: ODD_CURSOR } },
  [ODD_CURSOR]: { data: [token({ id: "t5" })], links: {} },
};
/** Answers the second page fails with before it answers: one run's first try and its three retries. */
let failuresLeft = 0;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  // A stand-in for the API whose second page answers 500 while `failuresLeft` lasts.
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const cursor = url.searchParams.get("cursor") ?? "first";
    const failing = cursor !== "first" && failuresLeft > 0;
    if (failing) failuresLeft -= 1;
    const page = url.pathname === `/orgs/${ORG}/api-tokens` ? pages[cursor] : undefined;
    res.writeHead(failing ? 500 : page ? 200 : 404, { "content-type": "application/json" });
    res.end(JSON.stringify(failing ? { message: "boom" } : (page ?? { message: "not found" })));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const env = { ATLASSIAN_ADMIN_API_KEY: "resume-test-key-0123456789", ATLASSIAN_ORG_ID: ORG };

it("says the output is incomplete and which --cursor resumes it when a page fails part-way, and exits 3", async () => {
  failuresLeft = 4;
  const failed = await runCli(["--base-url", baseUrl, "tokens", "list", "--all", "--format", "jsonl"], env);
  expect(failed.code).toBe(3);
  expect(jsonLines(failed.stdout)).toEqual([token({ id: "t1" }), token({ id: "t2" })]);
  expect(failed.stderr).toContain("The output is incomplete: 2 tokens were written before the failure.");
  const cursor = /--cursor ('[^']*'|\S+?)\.?\n/.exec(failed.stderr)?.[1] ?? "";
  // The SDK's resumeCursor: the cursor of the page that failed, one shell word as printed.
  expect(cursor).toBe("cursor/2+=");
  expect(failed.stderr).toMatch(/^error: .*500/m);

  const resumed = await runCli(
    ["--base-url", baseUrl, "tokens", "list", "--all", "--format", "jsonl", "--cursor", cursor],
    env,
  );
  expect(resumed.code).toBe(0);
  expect(jsonLines(resumed.stdout)).toEqual([token({ id: "t3" })]);
});

it("says how far to lower --limit too", async () => {
  failuresLeft = 4;
  const failed = await runCli(["--base-url", baseUrl, "tokens", "list", "--limit", "10", "--format", "csv"], env);
  expect(failed.code).toBe(3);
  expect(failed.stderr).toContain("--cursor cursor/2+= and --limit 8.");
});

it("says nothing of resuming when nothing was written yet (a table waits for every page)", async () => {
  failuresLeft = 4;
  const failed = await runCli(["--base-url", baseUrl, "tokens", "list", "--all"], env);
  expect(failed.code).toBe(3);
  expect(failed.stdout).toBe("");
  expect(failed.stderr).not.toContain("incomplete");
});

it("quotes the --cursor of the next page as one shell word", async () => {
  const first = await runCli(["--base-url", baseUrl, "tokens", "list", "--cursor", "odd", "--format", "jsonl"], env);
  expect(first.code).toBe(0);
  const word = /^More tokens: add --cursor (.+), or use --all\.$/m.exec(first.stderr)?.[1] ?? "";
  expect(word).toBe(`'c u'\\''r"sor $HOME'`);
  // What a shell makes of the hint as printed: the cursor, whole, which fetches the next page.
  const cursor = execFileSync("sh", ["-c", `printf %s ${word}`], { encoding: "utf8" });
  expect(cursor).toBe(ODD_CURSOR);
  const next = await runCli(["--base-url", baseUrl, "tokens", "list", "--cursor", cursor, "--format", "jsonl"], env);
  expect(jsonLines(next.stdout)).toEqual([token({ id: "t5" })]);
});
