import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { token } from "./token-fixture.js";

const ORG = "org-csv";
// Labels holding what RFC 4180 quotes; each token is stale, so the audit lists it too.
const LABELS = ["cr\rinside", "lf\ninside", "comma,inside", 'quote"inside'];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((_req, res) => {
    const tokens = LABELS.map((label, i) => token({ id: `t${i}`, label, lastActiveAt: "2020-01-01T00:00:00Z" }));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ data: tokens, links: {} }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const env = { ATLASSIAN_ADMIN_API_KEY: "csv-test-key-0123456789", ATLASSIAN_ORG_ID: ORG };

/** The cells of a CSV read as a reader that ends a record at any line break (CR, LF or CRLF) reads them. */
const strictCells = (csv: string): string[][] => parse(csv, { record_delimiter: ["\r\n", "\n", "\r"] });

describe("CSV output of labels holding line breaks, delimiters and quotes", () => {
  it.each([
    ["tokens list", ["tokens", "list"]],
    ["tokens list --all", ["tokens", "list", "--all"]],
    ["audit", ["audit", "--as-of", "2026-11-01T00:00:00Z"]],
  ])("%s quotes each such label and reads back as it was", async (_, args) => {
    const { code, stdout } = await runCli(["--base-url", baseUrl, ...args, "--format", "csv"], env);
    expect(code).toBe(args[0] === "audit" ? 1 : 0);
    for (const label of LABELS) expect(stdout).toContain(`"${label.replaceAll('"', '""')}"`);
    const rows = strictCells(stdout);
    const column = (rows[0] ?? []).indexOf("label");
    const labels = new Set(rows.slice(1).map((row) => row[column]));
    expect([...labels].sort()).toEqual([...LABELS].sort());
  });
});
