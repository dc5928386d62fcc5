import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

// A key kept only in a file: the environment holds none to redact by.
const KEY = "ATATT3xFfGF0-file-only-key-0123456789";
let keyFile: string;

beforeAll(async () => {
  keyFile = join(await mkdtemp(join(tmpdir(), "cli-key-")), "key.txt");
  await writeFile(keyFile, `${KEY}\n`);
});

const env = { ATLASSIAN_ORG_ID: "org-1" };

describe("a key kept only in --api-key-file, pasted where a value goes", () => {
  it.each([
    ["as the path of an id file", ["service-accounts", "count", "--file", KEY], /Cannot read the id file \[REDACTED\]/],
    [
      "as --timeout's value",
      ["tokens", "list", "--timeout", KEY],
      /'--timeout <ms>' argument '\[REDACTED\]' is invalid/,
    ],
  ])("is redacted %s, read before any option is", async (_, args, shown) => {
    const { code, stdout, stderr } = await runCli(
      ["--api-key-file", keyFile, "--base-url", "http://127.0.0.1:9", ...args],
      env,
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(shown);
    expect(stdout + stderr).not.toContain(KEY);
  });

  it("is redacted when --api-key-file=path comes after the command", async () => {
    const { code, stderr } = await runCli(["tokens", "list", "--timeout", KEY, `--api-key-file=${keyFile}`], env);
    expect(code).toBe(2);
    expect(stderr).not.toContain(KEY);
  });
});

describe("the path of an id file that cannot be read", () => {
  it("is shown with its control characters blanked", async () => {
    const { code, stderr } = await runCli(
      ["--api-key-file", keyFile, "service-accounts", "count", "--file", "no\u001b[2Jsuch\u0007file"],
      env,
    );
    expect(code).toBe(2);
    expect(stderr).toContain("Cannot read the id file no [2Jsuch file (ENOENT)");
  });
});
