import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type BundledPackage,
  describePackage,
  isRedistributable,
  packageDirs,
  renderNotices,
  uniqueByRelease,
} from "../../scripts/third-party-notices.js";

describe("third-party notices", () => {
  it("finds the package of every bundled input: scoped, nested, and not our own sources", () => {
    const dirs = packageDirs([
      "src/cli/bin.ts",
      "node_modules/commander/lib/command.js",
      "node_modules/commander/index.js",
      "node_modules/@jsdevtools/ono/cjs/index.js",
      "node_modules/@apidevtools/json-schema-ref-parser/node_modules/js-yaml/dist/js-yaml.js",
      "node_modules/lodash/lodash.js",
    ]);
    expect(dirs).toEqual([
      "node_modules/@apidevtools/json-schema-ref-parser/node_modules/js-yaml",
      "node_modules/@jsdevtools/ono",
      "node_modules/commander",
      "node_modules/lodash",
    ]);
  });

  it("lists each release once, by name, with its licence text", () => {
    const pkg = (name: string, version: string): BundledPackage => ({
      name,
      version,
      license: "MIT",
      text: `Copyright (c) the ${name} authors`,
    });
    const packages = uniqueByRelease([pkg("lodash", "4.18.1"), pkg("ajv", "8.20.0"), pkg("lodash", "4.18.1")]);
    expect(packages.map((p) => p.name)).toEqual(["ajv", "lodash"]);
    const notices = renderNotices(packages);
    expect(notices).toContain("| ajv | 8.20.0 | MIT |");
    expect(notices).toContain("## lodash 4.18.1\n\n```text\nCopyright (c) the lodash authors\n```");
    expect(notices.match(/^## /gm)).toHaveLength(2);
  });
});

describe("licences the build may bundle", () => {
  it.each([
    ["MIT", true],
    ["BSD-3-Clause", true],
    ["(MIT OR Apache-2.0)", true],
    ["(GPL-3.0-only OR MIT)", true],
    ["MIT AND ISC", true],
    ["MIT AND GPL-3.0-only", false],
    ["GPL-3.0-only", false],
    ["Apache-2.0 WITH LLVM-exception", false],
    ["SEE LICENSE IN LICENSE.txt", false],
    ["", false],
    ["(MIT", false],
  ])("%j: %s", (expression, allowed) => {
    expect(isRedistributable(expression)).toBe(allowed);
  });
});

describe("a bundled package's notice", () => {
  const dir = async (files: Record<string, string>) => {
    const root = await mkdtemp(join(tmpdir(), "notices-"));
    await mkdir(join(root, "node_modules/pkg"), { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(join(root, "node_modules/pkg", name), text);
    return root;
  };
  const manifest = (license: string) => JSON.stringify({ name: "pkg", version: "1.0.0", license });

  it("keeps the licence file and a NOTICE file after it", async () => {
    const root = await dir({
      "package.json": manifest("Apache-2.0"),
      LICENSE: "Apache text\n",
      NOTICE: "Notice text\n",
    });
    const pkg = await describePackage(root, "node_modules/pkg");
    expect(pkg).toEqual({ name: "pkg", version: "1.0.0", license: "Apache-2.0", text: "Apache text\n\nNotice text" });
  });

  it("refuses a licence off the list, and a package without a licence file", async () => {
    const gpl = await dir({ "package.json": manifest("GPL-3.0-only"), LICENSE: "GPL text" });
    await expect(describePackage(gpl, "node_modules/pkg")).rejects.toThrow(/licence "GPL-3.0-only" is not allowed/);
    const bare = await dir({ "package.json": manifest("MIT") });
    await expect(describePackage(bare, "node_modules/pkg")).rejects.toThrow(/ships no licence file/);
  });
});
