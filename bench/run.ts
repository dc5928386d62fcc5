/**
 * Runs every benchmark of the Performance issue and writes BENCHMARKS.md. `BENCH_QUICK=1` for a smoke run;
 * `--only a,b` to run some of them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, type as osType, release, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { audit } from "./audit.js";
import { coldStart } from "./cold-start.js";
import { fanOut } from "./fan-out.js";
import { method, QUICK } from "./lib/method.js";
import { renderReport } from "./lib/report.js";
import type { BenchResult } from "./lib/result.js";
import { loopback } from "./loopback.js";
import { memory } from "./memory.js";
import { overhead } from "./overhead.js";
import { prefetch } from "./prefetch.js";
import { rateLimit } from "./rate-limit.js";
import { size } from "./size.js";
import { walk } from "./walk.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const benchmarks: Record<string, () => Promise<BenchResult>> = {
  overhead,
  loopback,
  walk,
  memory,
  prefetch,
  "rate-limit": rateLimit,
  "fan-out": fanOut,
  size,
  "cold-start": coldStart,
  audit,
};

const onlyArg = process.argv.indexOf("--only");
const only = onlyArg > 0 ? (process.argv[onlyArg + 1] ?? "").split(",") : Object.keys(benchmarks);
const unknown = only.filter((name) => !(name in benchmarks));
if (unknown.length > 0)
  throw new Error(`Unknown benchmark(s): ${unknown.join(", ")}; known: ${Object.keys(benchmarks).join(", ")}`);

const version = (pkg: string) =>
  (
    JSON.parse(readFileSync(`${ROOT}${pkg === "." ? "" : `node_modules/${pkg}/`}package.json`, "utf8")) as {
      version: string;
    }
  ).version;

const started = performance.now();
const loadAtStart = loadavg()[0] ?? 0;
const results: BenchResult[] = [];
const failures: { name: string; error: string }[] = [];
for (const name of only) {
  const t = performance.now();
  process.stderr.write(`bench: ${name}...`);
  try {
    results.push(await (benchmarks[name] as () => Promise<BenchResult>)());
    process.stderr.write(` ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  } catch (error) {
    failures.push({ name, error: error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error) });
    process.stderr.write(` FAILED: ${String(error)}\n`);
  }
}

const cpu = cpus();
const npmCommand = process.env.npm_lifecycle_event === "bench" ? "npm run bench" : "npx tsx bench/run.ts";
// (`npm run bench` runs exactly `tsx bench/run.ts`.)
const report = renderReport(
  {
    command: `${QUICK ? "BENCH_QUICK=1 " : ""}${npmCommand}${onlyArg > 0 ? ` --only ${only.join(",")}` : ""}`,
    mode: QUICK ? "quick (BENCH_QUICK=1)" : "full",
    date: new Date().toISOString(),
    durationS: (performance.now() - started) / 1000,
    node: process.version,
    cpu: `${cpu[0]?.model ?? "unknown"} × ${cpu.length}`,
    machine: `${osType()} ${release()}, ${Math.round(totalmem() / 2 ** 30)} GB RAM`,
    versions: {
      "atlassian-admin-api-access": version("."),
      "openapi-fetch": version("openapi-fetch"),
      esbuild: version("esbuild"),
      tsx: version("tsx"),
    },
    rounds: method.rounds,
    warmupMs: method.warmupMs,
    load: [loadAtStart, loadavg()[0] ?? 0],
  },
  results,
  failures,
);
writeFileSync(`${ROOT}BENCHMARKS.md`, report);
const verdicts = results.flatMap((r) => r.verdicts);
process.stderr.write(
  `bench: ${verdicts.filter((v) => v.pass).length}/${verdicts.length} targets met; wrote BENCHMARKS.md in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
);
