/**
 * `npm run spec:diff [-- <ref>] [-- --strict]`: what changed in openapi/admin-api-access.yaml since a git ref (default:
 * the last release tag, else HEAD), breaking changes first. `--strict` exits 1 when any change is breaking.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";
import { compareSpecs } from "./compare-specs.js";

const specPath = "openapi/admin-api-access.yaml";
const root = resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const strict = args.includes("--strict");
const given = args.find((arg) => !arg.startsWith("--"));

const git = (...gitArgs: string[]) =>
  execFileSync("git", gitArgs, { cwd: root, encoding: "utf8", stdio: "pipe" }).trim();

function baseRef(): { ref: string; why: string } {
  if (given) return { ref: given, why: "given" };
  try {
    return { ref: git("describe", "--tags", "--abbrev=0"), why: "the last release tag" };
  } catch {
    return { ref: "HEAD", why: "no release tag yet, so HEAD" };
  }
}

const { ref, why } = baseRef();
let before: unknown;
try {
  before = parse(git("show", `${ref}:${specPath}`));
} catch {
  console.error(`spec:diff: cannot read ${specPath} at ${ref}; pass a ref that has it: npm run spec:diff -- <ref>`);
  process.exit(2);
}
const after: unknown = parse(readFileSync(resolve(root, specPath), "utf8"));
const changes = compareSpecs(before, after).sort((x, y) => Number(y.breaking) - Number(x.breaking));

console.log(`spec:diff: ${specPath} at ${ref} (${why}) -> working tree`);
for (const change of changes)
  console.log(`${change.breaking ? "BREAKING " : "         "} ${change.where}: ${change.what}`);
const breaking = changes.filter((change) => change.breaking).length;
console.log(
  `${changes.length === 0 ? "no changes" : `${breaking} breaking, ${changes.length - breaking} non-breaking`}`,
);
if (strict && breaking > 0) process.exitCode = 1;
