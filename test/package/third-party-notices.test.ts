import { describe, expect, it } from "vitest";
import { type BundledPackage, packageDirs, renderNotices, uniqueByRelease } from "../../scripts/third-party-notices.js";

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
