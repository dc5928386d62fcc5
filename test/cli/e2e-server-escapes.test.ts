import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const ORG = "org-escapes";
// Clears the screen, homes the cursor, then retitles the window: what a hostile or broken server may answer.
const HOSTILE = "\u001b[2J\u001b[1;1HAll tokens OK\u001b]0;pwned\u0007\u202e";
// biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters are what must not get through
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  // A stand-in for the API that puts escape sequences in an error message and in the ids it calls invalid.
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    res.setHeader("content-type", "application/json");
    if (url.pathname === `/orgs/${ORG}/service-accounts/count`) {
      res.end(JSON.stringify({ validServiceAccountIds: [], invalidServiceAccountIds: [`bad${HOSTILE}`] }));
      return;
    }
    res.statusCode = 500;
    res.end(JSON.stringify({ message: HOSTILE }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const env = { ATLASSIAN_ADMIN_API_KEY: "escapes-test-key-0123456789", ATLASSIAN_ORG_ID: ORG };

describe("server text on stderr", () => {
  it.each([{ flags: [] }, { flags: ["--verbose"] }])(
    "shows an error message's escape sequences as text, $flags",
    async ({ flags }) => {
      const { code, stderr } = await runCli(["--base-url", baseUrl, ...flags, "tokens", "count"], env);
      expect(code).toBe(3);
      expect(stderr).toMatch(/^error: .*500/m);
      // The message is still there to read, its control characters blanked.
      expect(stderr).toContain(" [2J [1;1HAll tokens OK ]0;pwned  ");
      expect(stderr).not.toMatch(RAW_CONTROL);
    },
  );

  it("shows the ids the server calls invalid without their escape sequences", async () => {
    const args = ["--base-url", baseUrl, "service-accounts", "count", `bad${HOSTILE}`, "--format", "json"];
    const { code, stderr } = await runCli(args, env);
    expect(code).toBe(0);
    expect(stderr).toContain("Not service accounts of this org: bad [2J [1;1HAll tokens OK ]0;pwned  \n");
    expect(stderr).not.toMatch(RAW_CONTROL);
  });
});
