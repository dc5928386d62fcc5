/**
 * After `tsup`: writes dist/THIRD-PARTY-NOTICES.md, the name, version, licence and licence text of every package
 * the build bundled (the CLI's and the sandbox's, read from esbuild's metafiles), then deletes the metafiles, which
 * are not for publishing. Fails when a bundled package's licence is not one the package may redistribute as it does.
 * Usage: `npm run build` runs it.
 */
import { realpathSync } from "node:fs";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Licences (SPDX) whose code may be bundled into this MIT package with its notices kept. */
export const REDISTRIBUTABLE = ["MIT", "ISC", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "0BSD"];

/**
 * Whether an SPDX expression allows bundling: a single licence on the list; `A OR B` when either side does;
 * `A AND B` when both do. Parentheses are read as grouping; anything else (WITH, a custom licence) does not.
 */
export function isRedistributable(expression: string): boolean {
  const text = expression.trim();
  const group = /^\((.*)\)$/.exec(text);
  if (group?.[1] !== undefined && balanced(group[1])) return isRedistributable(group[1]);
  for (const [operator, combine] of [
    [" OR ", (sides: boolean[]) => sides.some(Boolean)],
    [" AND ", (sides: boolean[]) => sides.every(Boolean)],
  ] as const) {
    const sides = splitTopLevel(text, operator);
    if (sides.length > 1) return combine(sides.map(isRedistributable));
  }
  return REDISTRIBUTABLE.includes(text);
}

/** `text` split on `operator` outside parentheses. */
function splitTopLevel(text: string, operator: string): string[] {
  const sides: string[] = [];
  let depth = 0;
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    if (text[at] === "(") depth++;
    else if (text[at] === ")") depth--;
    else if (depth === 0 && text.startsWith(operator, at)) {
      sides.push(text.slice(from, at));
      from = at + operator.length;
    }
  }
  return [...sides, text.slice(from)];
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    depth += char === "(" ? 1 : char === ")" ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** The metafiles `tsup.config.ts` asks for: the sandbox's two formats and the CLI. */
const METAFILES = ["dist/testing/metafile-esm.json", "dist/testing/metafile-cjs.json", "dist/cli/metafile-esm.json"];

export interface BundledPackage {
  name: string;
  version: string;
  license: string;
  /** The licence file, then any NOTICE file (Apache-2.0 asks for it to be passed on). */
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

/** A bundled package's licence and notice texts; throws when it may not be bundled or ships no licence file. */
export async function describePackage(root: string, dir: string): Promise<BundledPackage> {
  const manifest = JSON.parse(await readFile(join(root, dir, "package.json"), "utf8")) as {
    name: string;
    version: string;
    license?: unknown;
  };
  const license = typeof manifest.license === "string" ? manifest.license : "";
  if (!isRedistributable(license))
    throw new Error(`${manifest.name}@${manifest.version} is bundled, but its licence "${license}" is not allowed`);
  const files = await readdir(join(root, dir));
  const licence = files.find((f) => /^licen[cs]e(\.md|\.txt)?$/i.test(f));
  if (!licence) throw new Error(`${manifest.name}@${manifest.version} is bundled, but ships no licence file to keep`);
  const notice = files.find((f) => /^notice(\.md|\.txt)?$/i.test(f));
  const texts = await Promise.all([licence, notice].flatMap((f) => (f ? [readFile(join(root, dir, f), "utf8")] : [])));
  return { name: manifest.name, version: manifest.version, license, text: texts.map((t) => t.trim()).join("\n\n") };
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
  const found = await Promise.all(packageDirs(inputs).map((dir) => describePackage(root, dir)));
  const packages = uniqueByRelease(found);
  await writeFile(join(root, "dist/THIRD-PARTY-NOTICES.md"), renderNotices(packages));
  await Promise.all(METAFILES.map((file) => rm(join(root, file))));
  console.log(`dist/THIRD-PARTY-NOTICES.md: ${packages.length} bundled packages`);
}

// Run as a script (also through a symlinked path), not when a test imports the functions above.
if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) await main();
