/**
 * Every TypeScript block of the README and docs/*.md compiles against the package's public entry points (each
 * subpath of package.json "exports", mapped to its source) with the repository's compiler options, in one in-memory
 * program. A block that is a fragment says so just before its fence, `<!-- fragment: client, orgId -->`, and is given
 * declarations of the names it lists; a fragment without imports of its own also runs against a fresh sandbox.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { createClient } from "../../src/index.js";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DOCS = [
  "README.md",
  ...readdirSync(`${ROOT}docs`, { recursive: true, encoding: "utf8" }).flatMap((f) =>
    f.endsWith(".md") ? [`docs/${f}`] : [],
  ),
];
/** The fence languages compiled as TypeScript modules. */
const TS_LANGUAGES = ["ts", "typescript", "mts", "cts"];
/** Fence languages of TypeScript the test cannot compile as modules: a block in one fails the test. */
const OTHER_TS_LANGUAGES = ["tsx"];

/** What a fragment may assume: its type when compiled, and its value when run against a sandbox. */
const ASSUMABLE: Record<string, { type: string; value: (sb: Sandbox) => unknown }> = {
  client: {
    type: 'import("atlassian-admin-api-access").AdminApiClient',
    value: (sb) => createClient({ apiKey: sb.apiKey, baseUrl: sb.baseUrl }),
  },
  orgId: { type: "string", value: (sb) => sb.orgId },
  ids: { type: "string[]", value: (sb) => sb.serviceAccountIds },
  accountId: { type: "string", value: (sb) => sb.serviceAccountIds[0] },
};

interface Block {
  /** The fence's language, lower-cased. */
  lang: string;
  /** `README.md:43`: the file and the line of the opening fence. */
  where: string;
  /** The line of the block's first line of code, 1-based. */
  firstLine: number;
  code: string;
  assumes: string[];
}

/** The TypeScript blocks (```ts, ```typescript, ...) of one markdown file, skipping fences nested in other fences. */
function tsBlocks(file: string): Block[] {
  const lines = readFileSync(`${ROOT}${file}`, "utf8").split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i] ?? "");
    if (!open) continue;
    const [, indent = "", fence = "", lang = ""] = open;
    const start = i;
    while (++i < lines.length && !new RegExp(`^\\s*${fence}${fence[0]}*\\s*$`).test(lines[i] ?? ""));
    if (![...TS_LANGUAGES, ...OTHER_TS_LANGUAGES].includes(lang.toLowerCase())) continue;
    let before = start - 1;
    while (before >= 0 && lines[before]?.trim() === "") before--;
    const marker = /^\s*<!--\s*fragment:\s*(.*?)\s*-->\s*$/.exec(lines[before] ?? "");
    blocks.push({
      lang: lang.toLowerCase(),
      where: `${file}:${start + 1}`,
      firstLine: start + 2,
      code: lines
        .slice(start + 1, i)
        .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
        .join("\n"),
      assumes: marker?.[1]?.split(/\s*,\s*/).filter(Boolean) ?? [],
    });
  }
  return blocks;
}

const blocks = DOCS.flatMap(tsBlocks);
const preamble = (block: Block) =>
  block.assumes.map((name) => `declare const ${name}: ${ASSUMABLE[name]?.type ?? "never"};\n`).join("");
const virtualName = (block: Block) => `${ROOT}${block.where.replace(/[/:.]/g, "-")}.mts`;

/** Each public subpath of package.json "exports" mapped to the source its types are built from. */
function publicEntryPoints(): Record<string, string[]> {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as {
    name: string;
    exports: Record<string, { import?: { types?: string } } | string>;
  };
  const paths: Record<string, string[]> = {};
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target === "string") continue;
    const types = target.import?.types;
    if (types === undefined) throw new Error(`package.json exports["${subpath}"] has no import.types`);
    paths[`${pkg.name}${subpath.slice(1)}`] = [
      `${ROOT}${types.replace(/^\.\/dist\//, "src/").replace(/\.d\.ts$/, ".ts")}`,
    ];
  }
  return paths;
}

/** One program holding every block as its own module, compiled with tsconfig.json's options. */
function compileAll() {
  const config = ts.getParsedCommandLineOfConfigFile(
    `${ROOT}tsconfig.json`,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error("tsconfig.json could not be read");
  const options = { ...config.options, paths: publicEntryPoints(), noEmit: true };
  const sources = new Map(blocks.map((b) => [virtualName(b), `${preamble(b)}${b.code}\n`]));
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => sources.has(name) || fileExists.call(host, name);
  host.readFile = (name) => sources.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, version, ...rest) => {
    const text = sources.get(name);
    return text === undefined
      ? getSourceFile.call(host, name, version, ...rest)
      : ts.createSourceFile(name, text, version, true);
  };
  const program = ts.createProgram([...sources.keys()], options, host);
  return { program, optionsDiagnostics: [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()] };
}

const compiled = compileAll();

/** Each error in a block, as `file:line:column: TS1234 message`, placed in the markdown file. */
function errorsIn(block: Block): string[] {
  const source = compiled.program.getSourceFile(virtualName(block));
  if (!source) return [`${block.where}: not compiled`];
  const skipped = preamble(block).split("\n").length - 1;
  const file = block.where.slice(0, block.where.lastIndexOf(":"));
  return ts.getPreEmitDiagnostics(compiled.program, source).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (d.start === undefined) return `${block.where}: TS${d.code} ${text}`;
    const { line, character } = source.getLineAndCharacterOfPosition(d.start);
    const where = line < skipped ? block.where : `${file}:${block.firstLine + line - skipped}:${character + 1}`;
    return `${where}: TS${d.code} ${text} (in the block at ${block.where})`;
  });
}

const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => unknown;
const runnable = blocks.filter(
  (b) =>
    b.assumes.length > 0 &&
    !ts.createSourceFile("block.ts", b.code, ts.ScriptTarget.ES2022).statements.some(ts.isImportDeclaration),
);

const named = (list: Block[]) => list.map((block) => [block.where, block] as const);

describe("the TypeScript blocks in the docs", () => {
  it("are found in the README and the sandbox docs, and the compiler options are valid", () => {
    expect(blocks.filter((b) => b.where.startsWith("README.md:")).length).toBeGreaterThan(0);
    expect(blocks.filter((b) => b.where.startsWith("docs/sandbox.md:")).length).toBeGreaterThan(0);
    // The README's method reference is a fragment run against a sandbox: an import added to it would stop that.
    expect(runnable.filter((b) => b.where.startsWith("README.md:")).length).toBeGreaterThan(0);
    expect(blocks.filter((b) => !TS_LANGUAGES.includes(b.lang)).map((b) => `${b.where} (${b.lang})`)).toEqual([]);
    expect(compiled.optionsDiagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  });

  it.each(named(blocks))("%s assumes only names the test declares", (_, block) => {
    expect(block.assumes.filter((name) => !(name in ASSUMABLE))).toEqual([]);
  });

  it.each(named(blocks))("%s compiles against the public API", (_, block) => {
    expect(errorsIn(block)).toEqual([]);
  });

  it.each(named(runnable))("%s, a fragment without imports, runs to the end against a sandbox", async (_, block) => {
    const sb = await startSandbox();
    try {
      const js = ts.transpileModule(block.code, {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      }).outputText;
      const run = new AsyncFunction(...block.assumes, js)(...block.assumes.map((name) => ASSUMABLE[name]?.value(sb)));
      // A fragment that never ends fails here, before the test's own timeout, so the sandbox is still closed.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${block.where} did not end within 10 s`)), 10_000);
      });
      await Promise.race([run, late]).finally(() => clearTimeout(timer));
      expect(sb.requests.length).toBeGreaterThan(0);
    } finally {
      await sb.close();
    }
  });
});
