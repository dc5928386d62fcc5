/** `service-accounts count` against an answer that leaves out one of the ids sent. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const ORG = "org-unanswered";
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  // Counts a1, calls b1 invalid, and says nothing of any other id.
  server = createServer((_req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(
      JSON.stringify({
        validServiceAccountIds: [{ serviceAccountId: "a1", credentialsCount: 2 }],
        invalidServiceAccountIds: ["b1"],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const env = { ATLASSIAN_ADMIN_API_KEY: "unanswered-test-key-0123456789", ATLASSIAN_ORG_ID: ORG };
const count = (...args: string[]) =>
  runCli(["--base-url", baseUrl, "service-accounts", "count", "a1", "b1", "c1", ...args], env);

describe("service-accounts count, an id the answer leaves out", () => {
  it("gets a row of its own with an unknown count, is named on stderr, and fails the run", async () => {
    const { code, stdout, stderr } = await count("--format", "jsonl");
    expect(code).toBe(3);
    expect(
      stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual([
      { serviceAccountId: "a1", credentialsCount: 2, valid: true },
      { serviceAccountId: "b1", credentialsCount: null, valid: false },
      { serviceAccountId: "c1", credentialsCount: null, valid: null },
    ]);
    expect(stderr).toContain("does not mention 1 of the ids sent, so their counts are unknown: c1\n");
  });

  it("shows it as unknown in a table", async () => {
    const { code, stdout } = await count();
    expect(code).toBe(3);
    expect(stdout).toMatch(/^c1 +unknown$/m);
  });

  it("keeps the API's own shape in json, and still says so and fails", async () => {
    const { code, stdout, stderr } = await count("--format", "json");
    expect(code).toBe(3);
    expect(JSON.parse(stdout)).toEqual({
      validServiceAccountIds: [{ serviceAccountId: "a1", credentialsCount: 2 }],
      invalidServiceAccountIds: ["b1"],
    });
    expect(stderr).toContain("counts are unknown: c1");
  });
});
