import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useE2e } from "./e2e-fixture.js";

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
