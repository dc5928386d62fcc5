/**
 * After `tsup`: writes dist/THIRD-PARTY-NOTICES.md, the name, version, licence and licence text of every package
 * the build bundled (the CLI's and the sandbox's, read from esbuild's metafiles), then deletes the metafiles, which
 * are not for publishing. Fails when a bundled package's licence is not one the package may redistribute as it does.
 * Usage: `npm run build` runs it.
 */
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** Licences (SPDX) whose code may be bundled into this MIT package with its notice kept. */
export const REDISTRIBUTABLE = ["MIT", "ISC", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "0BSD"];

/** The metafiles `tsup.config.ts` asks for: the sandbox's two formats and the CLI. */
const METAFILES = ["dist/testing/metafile-esm.json", "dist/testing/metafile-cjs.json", "dist/cli/metafile-esm.json"];

export interface BundledPackage {
  name: string;
  version: string;
  license: string;
  text: string;
}

/** The package directories that `inputs` (metafile input paths) come from: the innermost node_modules entry. */
export function packageDirs(inputs: Iterable<string>): string[] {
  const dirs = new Set<string>();
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match?.[1]) dirs.add(match[1]);
  }
  return [...dirs].sort();
}

async function describe(root: string, dir: string): Promise<BundledPackage> {
  const manifest = JSON.parse(await readFile(join(root, dir, "package.json"), "utf8")) as {
    name: string;
    version: string;
    license?: unknown;
  };
  const license = typeof manifest.license === "string" ? manifest.license : "";
  if (!REDISTRIBUTABLE.includes(license))
    throw new Error(`${manifest.name}@${manifest.version} is bundled, but its licence "${license}" is not allowed`);
  const file = (await readdir(join(root, dir))).find((f) => /^licen[cs]e(\.md|\.txt)?$/i.test(f));
  if (!file) throw new Error(`${manifest.name}@${manifest.version} is bundled, but ships no licence file to keep`);
  const text = (await readFile(join(root, dir, file), "utf8")).trim();
  return { name: manifest.name, version: manifest.version, license, text };
}

/** One entry per name and version (the same release can sit in two node_modules folders), sorted by name. */
export function uniqueByRelease(packages: readonly BundledPackage[]): BundledPackage[] {
  const byRelease = new Map(packages.map((p) => [`${p.name}@${p.version}`, p]));
  return [...byRelease.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** The notices file for `packages`. */
export function renderNotices(packages: readonly BundledPackage[]): string {
  const lines = [
    "# Third-party notices",
    "",
    "The CLI (dist/cli/) and the sandbox (dist/testing/) include code from these packages, bundled at build time.",
    "The SDK itself (dist/index.*) includes none: it imports openapi-fetch, installed as a dependency.",
    "",
    "| package | version | licence |",
    "| --- | --- | --- |",
    ...packages.map((p) => `| ${p.name} | ${p.version} | ${p.license} |`),
  ];
  for (const p of packages) lines.push("", `## ${p.name} ${p.version}`, "", "```text", p.text, "```");
  return `${lines.join("\n")}\n`;
}

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, "..");
  const inputs: string[] = [];
  for (const file of METAFILES) {
    const meta = JSON.parse(await readFile(join(root, file), "utf8")) as { inputs: Record<string, unknown> };
    inputs.push(...Object.keys(meta.inputs));
  }
  const found = await Promise.all(packageDirs(inputs).map((dir) => describe(root, dir)));
  const packages = uniqueByRelease(found);
  await writeFile(join(root, "dist/THIRD-PARTY-NOTICES.md"), renderNotices(packages));
  await Promise.all(METAFILES.map((file) => rm(join(root, file))));
  console.log(`dist/THIRD-PARTY-NOTICES.md: ${packages.length} bundled packages`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
