/**
 * The runtime matrix: one ESM scenario (test/runtimes/scenario.mjs: a paginated walk that recovers from a 429, a
 * count, and a count through a redirect that must not be followed) against the dist/ ESM build, on Node (the host's, then 22 and 24 from .tools/), Bun, Deno and headless
 * Chromium. Each row gets its own sandbox, started here in Node from src/testing. Needs `npm run build` and
 * `scripts/install-runtimes.sh` first. Exits non-zero if any row fails.
 */
import { access, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { type Sandbox, startSandbox } from "../src/testing/index.js";
import { type Row, runRows } from "./check-rows.js";
import { run } from "./run.js";
import { serveStatic } from "./static-server.js";

const root = resolve(import.meta.dirname, "..");
const tools = join(root, ".tools");
const main = join(root, "test/runtimes/main.mjs");
const seededTokens = 25;

/** What the scenario reports. */
interface Outcome {
  pages: number;
  tokens: number;
  count: number;
  /** The status of the UnexpectedStatusError the redirected count threw, or what happened instead. */
  redirected: number | string;
  /** The status of the InvalidResponseError a page over maxResponseBytes threw, or what happened instead. */
  tooLarge: number | string;
}

/**
 * A server that redirects every request (302) to the sandbox's count, answering CORS as the sandbox does, so a
 * browser hands the redirect to the page. A client that followed it would count there.
 */
async function startRedirector(sandbox: Sandbox): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const cors = { "access-control-allow-origin": "*", "access-control-expose-headers": "location" };
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        ...cors,
        "access-control-allow-methods": "GET, POST, DELETE",
        "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "authorization",
      });
    } else {
      res.writeHead(302, { ...cors, location: `${sandbox.baseUrl}/orgs/${sandbox.orgId}/api-tokens/count` });
    }
    res.end();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/admin/api-access/v1`,
    seen,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** A sandbox with 25 tokens and one 429 queued for the first list request. */
async function sandboxWith429(): Promise<Sandbox> {
  const sandbox = await startSandbox({ tokens: seededTokens });
  const path = `/orgs/${sandbox.orgId}/api-tokens`;
  sandbox.fault({ kind: "429", retryAfter: 1, match: { method: "GET", path } });
  return sandbox;
}

/**
 * Throws unless the scenario walked 3 pages, counted 25, the sandbox answered a 429 that was then retried, and the
 * redirected count failed with the redirect's status (302, or 0 for a browser's opaque redirect) without the
 * sandbox seeing a second count, and a page over maxResponseBytes failed with InvalidResponseError.
 */
function verify(outcome: Outcome, sandbox: Sandbox, redirectStatus: 302 | 0): void {
  const expected = {
    pages: Math.ceil(seededTokens / 10),
    tokens: seededTokens,
    count: seededTokens,
    redirected: redirectStatus,
    tooLarge: 200,
  };
  if (JSON.stringify(outcome) !== JSON.stringify(expected)) {
    throw new Error(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(outcome)}`);
  }
  const sent = sandbox.requests.filter((r) => r.method !== "OPTIONS");
  const statuses = sent.map((r) => r.status);
  if (statuses[0] !== 429 || statuses[1] !== 200) throw new Error(`no 429 recovered: statuses ${statuses.join(",")}`);
  const counts = sent.filter((r) => r.path.endsWith("/api-tokens/count")).length;
  if (counts !== 1) throw new Error(`the sandbox saw ${counts} counts: the redirect was followed`);
}

async function binary(path: string): Promise<string> {
  await access(path).catch(() => {
    throw new Error(`${path} is missing: run scripts/install-runtimes.sh`);
  });
  return path;
}

/** A row that runs test/runtimes/main.mjs with a runtime's command line. */
function cliRow(name: string, command: () => Promise<[string, ...string[]]>): Row {
  return {
    name,
    run: async () => {
      const [bin, ...args] = await command();
      const sandbox = await sandboxWith429();
      const redirector = await startRedirector(sandbox);
      try {
        const argv = [...args, main, sandbox.baseUrl, sandbox.apiKey, sandbox.orgId, redirector.url];
        const { stdout } = await run(bin, argv, { cwd: root, timeoutMs: 60_000 });
        verify(JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as Outcome, sandbox, 302);
      } finally {
        await redirector.close();
        await sandbox.close();
      }
    },
  };
}

const chromiumRow: Row = {
  name: "chromium (headless, page on another localhost origin)",
  run: async () => {
    const executablePath = await binary("/usr/bin/chromium");
    const sandbox = await sandboxWith429();
    const redirector = await startRedirector(sandbox);
    const { server, origin } = await serveStatic(root, ["/dist/", "/test/runtimes/", "/node_modules/openapi-fetch/"]);
    const userDataDir = await mkdtemp(join(tmpdir(), "admin-api-access-chromium-"));
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      // Without the background-networking flags Chromium keeps dialling out, which this machine refuses.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    try {
      const page = await browser.newPage();
      const blocked: string[] = [];
      page.on("console", (message) => {
        if (message.text().includes("CORS")) blocked.push(message.text());
      });
      const { baseUrl, apiKey, orgId } = sandbox;
      const query = new URLSearchParams({ baseUrl, apiKey, orgId, redirectUrl: redirector.url });
      await page.goto(`${origin}/test/runtimes/browser.html?${query}`);
      await page.waitForFunction(() => document.body.dataset.result ?? document.body.dataset.error, undefined, {
        timeout: 30_000,
      });
      const { result, error } = await page.evaluate(() => ({ ...document.body.dataset }));
      if (blocked[0]) throw new Error(`the sandbox does not answer CORS: ${blocked[0]}\n${error ?? ""}`);
      if (error !== undefined) throw new Error(`the page failed: ${error}`);
      verify(JSON.parse(result ?? "") as Outcome, sandbox, 0);
    } finally {
      await browser.close();
      await redirector.close();
      await new Promise((done) => server.close(done));
      await sandbox.close();
      await rm(userDataDir, { recursive: true, force: true });
    }
  },
};

await access(join(root, "dist/index.js")).catch(() => {
  console.error("dist/index.js is missing: run `npm run build` first");
  process.exit(1);
});
const failed = await runRows(
  "runtime matrix (scenario: paginated walk with a 429 recovered, count, redirect refused, body over maxResponseBytes)",
  [
    cliRow(`node ${process.versions.node} (host)`, async () => [process.execPath]),
    cliRow("node 22", async () => [await binary(join(tools, "node22/node_modules/node/bin/node"))]),
    cliRow("node 24", async () => [await binary(join(tools, "node24/node_modules/node/bin/node"))]),
    cliRow("bun", async () => [await binary(join(tools, "bun/node_modules/.bin/bun")), "run"]),
    cliRow("deno", async () => [
      await binary(join(tools, "deno/node_modules/.bin/deno")),
      "run",
      "--allow-net=127.0.0.1",
      "--allow-read",
      "--allow-env",
      "--no-prompt",
    ]),
    chromiumRow,
  ],
);
process.exitCode = failed > 0 ? 1 : 0;
