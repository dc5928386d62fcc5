/**
 * The packed package as a user gets it: `npm pack` (which builds), a fresh project outside the repo, an
 * install of the tarball, then ESM import, CJS require, the CLI's bin, and a strict TypeScript consumer compiled under
 * moduleResolution node16 and bundler that calls every method against the package's own `./testing` sandbox. It also
 * checks that the install brings openapi-fetch alone (the CLI's and the sandbox's packages are bundled).
 * Usage: `npm run test:package` (add `--keep` to keep the temp project).
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runRows } from "./check-rows.js";
import { run } from "./run.js";

const root = resolve(import.meta.dirname, "..");
const fixtures = join(root, "test/package/fixtures");
const tsc = join(root, "node_modules/typescript/bin/tsc");
const keep = process.argv.includes("--keep");

const manifest = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as { name: string; version: string };
const typesNode = JSON.parse(await readFile(join(root, "node_modules/@types/node/package.json"), "utf8")) as {
  version: string;
};
const work = await mkdtemp(join(tmpdir(), "admin-api-access-package-"));
const project = join(work, "consumer");
const node = (file: string) => run(process.execPath, [file], { cwd: project });

const failed = await runRows(`package test in ${work}`, [
  {
    name: "npm pack builds and packs dist, openapi, README, LICENSE, CHANGELOG",
    run: async () => {
      const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", work], { cwd: root });
      // prepack's build logs come first on stdout (and may contain "["): the JSON starts on a line of its own.
      const [packed] = JSON.parse(stdout.slice(stdout.search(/^\[$/m))) as { files: { path: string }[] }[];
      const paths = new Set(packed?.files.map((f) => f.path));
      const expected = ["dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/index.d.cts", "dist/cli/bin.js"];
      const wanted = [
        ...expected,
        "dist/testing/index.js",
        "dist/testing/index.cjs",
        "dist/testing/index.d.ts",
        "dist/testing/index.d.cts",
        "openapi/admin-api-access.yaml",
        "dist/THIRD-PARTY-NOTICES.md",
      ];
      const missing = [...wanted, "README.md", "LICENSE", "CHANGELOG.md"].filter((p) => !paths.has(p));
      if (missing.length > 0) throw new Error(`the tarball lacks ${missing.join(", ")}`);
      const stray = [...paths].filter((p) => /^(src|test|scripts|node_modules)\/|metafile-[^/]*\.json$/.test(p));
      if (stray.length > 0) throw new Error(`the tarball has files it should not: ${stray.slice(0, 5).join(", ")}`);
    },
  },
  {
    name: "the tarball installs into a fresh project (from the npm cache where it can)",
    run: async () => {
      await mkdir(project);
      await writeFile(join(project, "package.json"), '{ "name": "consumer", "private": true, "type": "module" }\n');
      const tarball = join(work, `${manifest.name}-${manifest.version}.tgz`);
      const args = ["install", "--prefer-offline", "--no-audit", "--no-fund", "--no-package-lock", tarball];
      await run("npm", [...args, `@types/node@${typesNode.version}`], { cwd: project });
      for (const file of ["esm.mjs", "cjs.cjs", "tsconfig.node16.json", "tsconfig.bundler.json"]) {
        await copyFile(join(fixtures, file), join(project, file));
      }
      await copyFile(join(fixtures, "consumer.ts.txt"), join(project, "consumer.ts"));
    },
  },
  {
    name: "the install brings openapi-fetch and nothing else: the CLI's and sandbox's packages are bundled",
    run: async () => {
      const installed = await installedPackages(join(project, "node_modules"));
      // @types/node (and its undici-types) is the consumer's own, installed beside the tarball above.
      const ours = new Set([
        manifest.name,
        "openapi-fetch",
        "openapi-typescript-helpers",
        "@types/node",
        "undici-types",
      ]);
      const extra = installed.filter((name) => !ours.has(name));
      if (extra.length > 0) throw new Error(`the install also brought ${extra.join(", ")}`);
      if (!installed.includes("openapi-fetch")) throw new Error("openapi-fetch was not installed");
    },
  },
  { name: "import (ESM) loads both entries and counts against the sandbox", run: () => node("esm.mjs") },
  { name: "require (CJS) loads both entries and counts against the sandbox", run: () => node("cjs.cjs") },
  {
    name: "the core ESM and CJS builds import no Node built-in",
    run: async () => {
      for (const file of ["index.js", "index.cjs"]) {
        const code = await readFile(join(project, "node_modules", manifest.name, "dist", file), "utf8");
        const builtin = /(?:from\s*|require\()\s*["'](node:[\w/]+)["']/.exec(code);
        if (builtin) throw new Error(`dist/${file} imports ${builtin[1]}`);
      }
    },
  },
  {
    name: "the bin `admin-api-access --version` prints the package version",
    run: async () => {
      const { stdout } = await run(join(project, "node_modules/.bin/admin-api-access"), ["--version"], {
        cwd: project,
      });
      if (stdout.trim() !== manifest.version) throw new Error(`printed ${JSON.stringify(stdout.trim())}`);
    },
  },
  {
    name: "the bin loads the sandbox only when asked: `--sandbox tokens count` counts the seeded tokens",
    run: async () => {
      const bin = join(project, "node_modules/.bin/admin-api-access");
      const { stdout } = await run(bin, ["--sandbox", "--sandbox-tokens", "7", "tokens", "count"], { cwd: project });
      if (stdout.trim() !== "7") throw new Error(`printed ${JSON.stringify(stdout.trim())}`);
      const cli = await readFile(join(project, "node_modules", manifest.name, "dist/cli/bin.js"), "utf8");
      if (/OpenAPIBackend/.test(cli)) throw new Error("dist/cli/bin.js bundles the sandbox's openapi-backend");
      if (/from\s*["'][^"']*testing\/index\.js["']/.test(cli) || !cli.includes('import("../testing/index.js")'))
        throw new Error("dist/cli/bin.js does not import the published sandbox (dist/testing/) on demand");
    },
  },
  {
    name: "the bin's bundled CSV writer works: `--sandbox tokens list --format csv`",
    run: async () => {
      const bin = join(project, "node_modules/.bin/admin-api-access");
      const args = ["--sandbox", "--sandbox-tokens", "2", "tokens", "list", "--format", "csv"];
      const lines = (await run(bin, args, { cwd: project })).stdout.trim().split("\n");
      if (lines.length !== 3 || !lines[0]?.startsWith("id,")) throw new Error(`printed ${JSON.stringify(lines)}`);
    },
  },
  {
    name: "a strict TypeScript consumer compiles under moduleResolution node16",
    run: () => run(process.execPath, [tsc, "-p", "tsconfig.node16.json"], { cwd: project }),
  },
  {
    name: "a strict TypeScript consumer compiles under moduleResolution bundler (DOM lib, no @types/node)",
    run: () => run(process.execPath, [tsc, "-p", "tsconfig.bundler.json"], { cwd: project }),
  },
  { name: "the compiled consumer calls every method against the sandbox", run: () => node("out/consumer.js") },
]);

/** The names of the packages in `nodeModules`, scoped ones as `@scope/name`, nested ones included. */
async function installedPackages(nodeModules: string): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(nodeModules, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const scoped = entry.name.startsWith("@");
    const dirs = scoped
      ? (await readdir(join(nodeModules, entry.name))).map((n) => `${entry.name}/${n}`)
      : [entry.name];
    for (const dir of dirs) names.push(dir, ...(await installedPackages(join(nodeModules, dir, "node_modules"))));
  }
  return names;
}

if (!keep) await rm(work, { recursive: true, force: true });
process.exitCode = failed > 0 ? 1 : 0;
