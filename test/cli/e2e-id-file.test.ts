import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useE2e } from "./e2e-fixture.js";
import { runCaptured } from "./run-cli.js";

const e2e = useE2e("id-file", { tokens: 30, seed: 5 });

describe("service-accounts count --file", () => {
  it("drops a # comment after an id, so the id alone is counted", async () => {
    const [first, second] = e2e.sb.serviceAccountIds as [string, string];
    const dir = await mkdtemp(join(tmpdir(), "cli-ids-"));
    const file = join(dir, "ids.txt");
    await writeFile(file, `# accounts\n${first} # prod\n  ${second}\t# staging  \n\n`);
    const { code, stdout, stderr } = await e2e.cli("service-accounts", "count", "--file", file, "--format", "json");
    expect(stderr).not.toContain("Not service accounts of this org");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(await e2e.sdk.serviceAccounts.countTokens(e2e.sb.orgId, [first, second]));
  });
});

describe("service-accounts count --file -", () => {
  it("reads the ids from stdin, comments and all, together with the ids given as arguments", async () => {
    const [first, second, third] = e2e.sb.serviceAccountIds as [string, string, string];
    const { code, stdout, stderr } = await runCaptured(
      ["--base-url", e2e.sb.baseUrl, "service-accounts", "count", third, "--file", "-", "--format", "json"],
      { env: e2e.env, stdin: `# piped\n${first} # prod\n${second}\n${third}\nnot-an-account\n` },
    );
    expect(code).toBe(0);
    expect(stderr).toBe("Not service accounts of this org: not-an-account\n");
    const ids = [third, first, second, "not-an-account"];
    expect(JSON.parse(stdout)).toEqual(await e2e.sdk.serviceAccounts.countTokens(e2e.sb.orgId, ids));
  });

  it("is a usage error when stdin holds no id", async () => {
    const { code, stderr } = await runCaptured(
      ["--base-url", e2e.sb.baseUrl, "service-accounts", "count", "--file", "-"],
      { env: e2e.env, stdin: "# nothing here\n\n" },
    );
    expect(code).toBe(2);
    expect(stderr).toContain("No service account ids: pass them as arguments or with --file <path> (- for stdin).");
  });
});

describe("service-accounts count with --file given more than once", () => {
  it("reads every file, with the ids given as arguments, each id once", async () => {
    const [first, second, third] = e2e.sb.serviceAccountIds as [string, string, string];
    const dir = await mkdtemp(join(tmpdir(), "cli-ids-"));
    const [one, two] = [join(dir, "one.txt"), join(dir, "two.txt")];
    await writeFile(one, `${first}\n${second}\n`);
    await writeFile(two, `${second}\n${third}\n`);
    const { code, stdout } = await e2e.cli(
      "service-accounts",
      "count",
      third,
      "--file",
      one,
      "--file",
      two,
      "--format",
      "json",
    );
    expect(code).toBe(0);
    const ids = [third, first, second];
    expect(JSON.parse(stdout)).toEqual(await e2e.sdk.serviceAccounts.countTokens(e2e.sb.orgId, ids));
  });

  it("is a usage error to read stdin twice, and sends nothing", async () => {
    const before = e2e.sb.requests.length;
    const { code, stderr } = await runCaptured(
      ["--base-url", e2e.sb.baseUrl, "service-accounts", "count", "--file", "-", "--file", "-"],
      { env: e2e.env, stdin: "a1\n" },
    );
    expect(code).toBe(2);
    expect(stderr).toContain("--file - can be given once");
    expect(e2e.sb.requests.length).toBe(before);
  });
});
