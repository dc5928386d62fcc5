/** cold start: a fresh node process that imports the core and creates a client, minus an empty `node -e ""`. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildCoreForNode } from "./lib/bundle.js";
import { interleave, QUICK } from "./lib/method.js";
import type { BenchResult } from "./lib/result.js";
import { fmt, median, spread } from "./lib/stats.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** Inside node_modules, so the bundle finds openapi-fetch the way an installed package does. */
const OUT = `${ROOT}node_modules/.cache/admin-api-access-bench/`;
const RUNS_PER_ROUND = QUICK ? 3 : 5;
/** The built CLI, measured when present (`npm run build`). */
const CLI = `${ROOT}dist/cli/bin.js`;

export async function coldStart(): Promise<BenchResult> {
  mkdirSync(OUT, { recursive: true });
  await buildCoreForNode(`${OUT}core.mjs`);
  writeFileSync(`${OUT}start.mjs`, 'import { createClient } from "./core.mjs";\ncreateClient({ apiKey: "x" });\n');
  writeFileSync(`${OUT}import-only.mjs`, 'import "./core.mjs";\n');
  const spawnMs = (args: string[]) => async () => {
    const times: number[] = [];
    for (let i = 0; i < RUNS_PER_ROUND; i++) {
      const started = performance.now();
      const result = spawnSync(process.execPath, args, { stdio: "ignore" });
      times.push(performance.now() - started);
      if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${result.status}`);
    }
    return times;
  };
  const core = {
    'node -e ""': spawnMs(["-e", ""]),
    'node -e "new Request(...)"': spawnMs(["-e", 'new Request("http://127.0.0.1/")']),
    "import the core": spawnMs([`${OUT}import-only.mjs`]),
    "import the core + createClient": spawnMs([`${OUT}start.mjs`]),
  };
  const cliRow = "CLI: admin-api-access --version";
  const variants: Record<string, () => Promise<number[]>> = existsSync(CLI)
    ? { ...core, [cliRow]: spawnMs([CLI, "--version"]) }
    : core;
  const s = await interleave(variants);
  const flat = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.flat()])) as Record<
    keyof typeof core,
    number[]
  > &
    Partial<Record<typeof cliRow, number[]>>;
  const empty = median(flat['node -e ""']);
  const added = median(flat["import the core + createClient"]) - empty;
  const importOnly = median(flat["import the core"]) - empty;
  const undici = median(flat['node -e "new Request(...)"']) - empty;
  const cliTimes = flat[cliRow];
  const cli = cliTimes ? median(cliTimes) - empty : undefined;
  const rows = Object.entries(flat).map(([name, times]) => [
    name,
    String(times.length),
    spread(times, 1),
    name === 'node -e ""' ? "" : fmt(median(times) - empty, 1),
  ]);
  return {
    name: "cold start",
    measures: 'wall time of a fresh `node` process, spawned and waited for, minus an empty `node -e ""`',
    tables: [
      {
        title: "ms per process, median (min..max)",
        header: ["process", "runs", "ms", 'added over node -e ""'],
        rows,
        reading:
          `Importing the core and creating a client adds ${fmt(added, 1)} ms to a bare node start (medians of ` +
          `${flat['node -e ""'].length} interleaved runs each). The import alone adds ${fmt(importOnly, 1)} ms` +
          (importOnly < 5 ? ", within the run-to-run noise of a process start (see the min..max)." : ".") +
          " Neither the import nor createClient touches the global Request, Response or Headers, the first touch of " +
          "which is when Node 20 loads its fetch implementation (undici): a bare `new Request()` adds " +
          `${fmt(undici, 1)} ms on its own. That load moves to the client's first request, where any fetch-based ` +
          "client pays it once per process (test/perf/cold-start.test.ts checks that it does not happen earlier)." +
          (cli === undefined
            ? " The CLI was not built, so its row is missing (run `npm run build` first)."
            : ` The CLI's \`--version\` adds ${fmt(cli, 1)} ms: commander and the CLI's commands; the embedded ` +
              "sandbox and openapi-backend load only with `--sandbox` or `sandbox`, from a chunk of their own."),
      },
    ],
    verdicts: [
      { target: 'import + createClient - node -e "" <= 35 ms', measured: `${fmt(added, 1)} ms`, pass: added <= 35 },
    ],
    notes: [
      "The core is bundled by esbuild into one ESM file with openapi-fetch left external, as the published dist/index.js is; it is loaded by plain node, no tsx.",
    ],
  };
}
