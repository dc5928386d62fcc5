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

/**
 * Each measured script prints how long its own work took, from just before it to just after it (`performance.now()`
 * inside the fresh process): the same cost without the 80-150 ms of a process start around it, whose run-to-run
 * noise is larger than the difference the wall times are read for.
 */
const timedScript = (work: string) =>
  `const started = performance.now();\n${work}\nprocess.stdout.write(String(performance.now() - started));\n`;

/** A process's wall time, and the time its script measured itself (undefined for a script not timed inside). */
interface Start {
  wall: number;
  inside: number | undefined;
}

export async function coldStart(): Promise<BenchResult> {
  mkdirSync(OUT, { recursive: true });
  await buildCoreForNode(`${OUT}core.mjs`);
  writeFileSync(
    `${OUT}start.mjs`,
    timedScript('const { createClient } = await import("./core.mjs");\ncreateClient({ apiKey: "x" });'),
  );
  writeFileSync(`${OUT}import-only.mjs`, timedScript('await import("./core.mjs");'));
  const spawnMs =
    (args: string[], timedInside = false) =>
    async () => {
      const starts: Start[] = [];
      for (let i = 0; i < RUNS_PER_ROUND; i++) {
        const started = performance.now();
        const result = spawnSync(process.execPath, args, { stdio: ["ignore", "pipe", "ignore"], encoding: "utf8" });
        const wall = performance.now() - started;
        if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${result.status}`);
        starts.push({ wall, inside: timedInside ? Number(result.stdout) : undefined });
      }
      return starts;
    };
  const core = {
    'node -e ""': spawnMs(["-e", ""]),
    'node -e "new Request(...)"': spawnMs(["-e", timedScript('new Request("http://127.0.0.1/");')], true),
    "import the core": spawnMs([`${OUT}import-only.mjs`], true),
    "import the core + createClient": spawnMs([`${OUT}start.mjs`], true),
  };
  const cliRow = "CLI: admin-api-access --version";
  const variants: Record<string, () => Promise<Start[]>> = existsSync(CLI)
    ? { ...core, [cliRow]: spawnMs([CLI, "--version"]) }
    : core;
  const s = await interleave(variants);
  const starts = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.flat()])) as Record<string, Start[]>;
  /** The times the processes of `name` measured themselves: none for a process not timed inside. */
  const insides = (name: string) => (starts[name] ?? []).flatMap((x) => (x.inside === undefined ? [] : [x.inside]));
  const flat = Object.fromEntries(Object.entries(starts).map(([k, v]) => [k, v.map((x) => x.wall)])) as Record<
    keyof typeof core,
    number[]
  > &
    Partial<Record<typeof cliRow, number[]>>;
  const empty = median(flat['node -e ""']);
  const added = median(flat["import the core + createClient"]) - empty;
  const undici = median(flat['node -e "new Request(...)"']) - empty;
  const cliTimes = flat[cliRow];
  const cli = cliTimes ? median(cliTimes) - empty : undefined;
  const inside = (name: keyof typeof core) => median(insides(name));
  const rows = Object.entries(flat).map(([name, times]) => {
    const own = insides(name);
    return [
      name,
      String(times.length),
      spread(times, 1),
      name === 'node -e ""' ? "" : fmt(median(times) - empty, 1),
      own.length > 0 ? spread(own, 1) : "",
    ];
  });
  return {
    name: "cold start",
    measures: 'wall time of a fresh `node` process, spawned and waited for, minus an empty `node -e ""`',
    tables: [
      {
        title: "ms per process, median (min..max)",
        header: ["process", "runs", "ms", 'added over node -e ""', "measured inside the process"],
        rows,
        reading:
          `Importing the core and creating a client adds ${fmt(added, 1)} ms to a bare node start (medians of ` +
          `${flat['node -e ""'].length} interleaved runs each); timed inside the process, the import and createClient ` +
          `take ${fmt(inside("import the core + createClient"), 1)} ms, the import alone ` +
          `${fmt(inside("import the core"), 1)} ms. The wall times carry a process start's noise (see the min..max), ` +
          "the times measured inside do not. Neither the import nor createClient touches the global Request, Response " +
          "or Headers, the first touch of which is when Node 20 loads its fetch implementation (undici): a bare " +
          `\`new Request()\` takes ${fmt(inside('node -e "new Request(...)"'), 1)} ms inside the process ` +
          `(${fmt(undici, 1)} ms added to the wall time). That load moves to the client's first request, where any ` +
          "fetch-based client pays it once per process (test/perf/cold-start.test.ts checks that it does not happen " +
          "earlier)." +
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
      "Measured inside the process: `performance.now()` just before the dynamic import (or `new Request`) and just after createClient, printed by the process itself.",
      "The core is bundled by esbuild into one ESM file with openapi-fetch left external, as the published dist/index.js is; it is loaded by plain node, no tsx.",
    ],
  };
}
