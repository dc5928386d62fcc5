import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveCredentials } from "../../src/cli/credentials.js";
import { UsageError } from "../../src/cli/usage-error.js";
import { runCaptured, runCli } from "./run-cli.js";

const files: Record<string, string> = { "/keys/admin": "file-key-0123456789\n", "/keys/empty": "  \n" };
const readFile = async (path: string) => {
  const text = files[path];
  if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
  return text;
};
const io = (env: Record<string, string>) => ({ env, readFile });
const signal = new AbortController().signal;

describe("resolveCredentials", () => {
  it("takes the key and org from the environment", async () => {
    const env = { ATLASSIAN_ADMIN_API_KEY: "env-key-0123456789", ATLASSIAN_ORG_ID: "org-1" };
    await expect(resolveCredentials({}, io(env), signal)).resolves.toEqual({
      apiKey: "env-key-0123456789",
      keySource: "ATLASSIAN_ADMIN_API_KEY",
      orgId: "org-1",
    });
  });

  it("prefers --api-key-file and --org over the environment, trimming the file's newline", async () => {
    const env = { ATLASSIAN_ADMIN_API_KEY: "env-key-0123456789", ATLASSIAN_ORG_ID: "org-1" };
    const resolved = await resolveCredentials({ apiKeyFile: "/keys/admin", org: "org-2" }, io(env), signal);
    expect(resolved).toEqual({
      apiKey: "file-key-0123456789",
      keySource: "the file given to --api-key-file",
      orgId: "org-2",
    });
  });

  it("is a usage error when the key file is missing, naming the option and the error code", async () => {
    const result = resolveCredentials({ apiKeyFile: "/keys/nope", org: "o" }, io({}), signal);
    await expect(result).rejects.toThrow(UsageError);
    await expect(result).rejects.toThrow(/--api-key-file \(ENOENT\): check the path/);
  });

  it("is a usage error when the key file is empty", async () => {
    await expect(resolveCredentials({ apiKeyFile: "/keys/empty", org: "o" }, io({}), signal)).rejects.toThrow(
      /is empty/,
    );
  });

  it.each([
    ["missing", readFile, /\(ENOENT\): check the path/],
    ["empty", async () => "\n", /is empty: put the organization API key in it/],
  ])(
    "never prints the value of --api-key-file, a key pasted in place of a path, when the file is %s",
    async (_, read, why) => {
      const pasted = "ATATT3xFfGF0-pasted-key-0123456789";
      const error = await resolveCredentials(
        { apiKeyFile: pasted, org: "o" },
        { env: {}, readFile: read },
        signal,
      ).catch((e) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).not.toContain(pasted);
      expect((error as UsageError).message).toMatch(why);
      expect((error as UsageError).message).toContain("--api-key-file");
    },
  );

  it("is a usage error without any key, saying where to put one", async () => {
    const error = await resolveCredentials({ org: "o" }, io({}), signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as UsageError).message).toMatch(/ATLASSIAN_ADMIN_API_KEY or pass --api-key-file/);
  });

  it.each(["", "   "])("is a usage error naming --org when --org is %j, never the environment's org", async (org) => {
    const env = { ATLASSIAN_ADMIN_API_KEY: "env-key-0123456789", ATLASSIAN_ORG_ID: "org-from-env" };
    const error = await resolveCredentials({ org }, io(env), signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(/^--org was given an empty value/);
  });

  it.each(["", " \t"])("is a usage error naming --api-key-file when it is %j", async (apiKeyFile) => {
    const env = { ATLASSIAN_ADMIN_API_KEY: "env-key-0123456789", ATLASSIAN_ORG_ID: "org-1" };
    const error = await resolveCredentials({ apiKeyFile, org: "org-1" }, io(env), signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(/^--api-key-file was given an empty value/);
  });

  it("reads a key file whose path starts with '-', a path like any other", async () => {
    const dashed = { env: {}, readFile: async (path: string) => (path === "-key.txt" ? "dash-key-0123456789\n" : "") };
    const resolved = await resolveCredentials({ apiKeyFile: "-key.txt", org: "org-1" }, dashed, signal);
    expect(resolved.apiKey).toBe("dash-key-0123456789");
  });

  it("is a usage error without an org id", async () => {
    const env = { ATLASSIAN_ADMIN_API_KEY: "env-key-0123456789" };
    await expect(resolveCredentials({}, io(env), signal)).rejects.toThrow(/--org <id> or set ATLASSIAN_ORG_ID/);
  });
});

describe("a key the SDK refuses (not one line of printable ASCII)", () => {
  const why = "is not one line of printable ASCII without spaces: look for a quote, a second line or a character";

  it("names the variable it came from, exits 2 and never prints the key", async () => {
    const key = "secret-key-0123456789 pasted";
    const { code, stdout, stderr } = await runCaptured(["tokens", "count"], {
      env: { ATLASSIAN_ADMIN_API_KEY: key, ATLASSIAN_ORG_ID: "org-1" },
    });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(`error: The API key in ATLASSIAN_ADMIN_API_KEY ${why}`);
    expect(stderr).toContain("Nothing was sent.");
    expect(stderr).not.toContain("secret-key-0123456789");
  });

  it("names the file option when the key came from a file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "key-"));
    const file = join(dir, "key.txt");
    await writeFile(file, "first-line-key-0123456789\nsecond line\n");
    try {
      const { code, stderr } = await runCli(["--api-key-file", file, "--org", "org-1", "tokens", "count"]);
      expect(code).toBe(2);
      expect(stderr).toContain(`error: The API key in the file given to --api-key-file ${why}`);
      expect(stderr).not.toContain("first-line-key-0123456789");
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
