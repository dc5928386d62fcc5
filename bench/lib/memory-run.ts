/** Runs bench/memory-child.ts in a fresh `node --expose-gc --import tsx` process and returns what it measured. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const CHILD = fileURLToPath(new URL("../memory-child.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface MemorySample {
  seen: number;
  baseline: number;
  peak: number;
  /** At the peak: bytes in V8's young generation (new space and its large objects), and in the rest of the heap. */
  youngAtPeak: number;
  oldAtPeak: number;
  retained: number;
  /** Major collections V8 ran on its own during the walk. */
  majorGcs: number;
}

export async function memoryRun(options: {
  tokens: number;
  pageSize: number;
  warmupMs?: number;
  baseUrl?: string;
  orgId?: string;
  startPage?: number;
}): Promise<MemorySample> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--expose-gc", "--import", "tsx", CHILD, JSON.stringify(options)],
    { cwd: ROOT, maxBuffer: 64 << 20 },
  );
  return JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as MemorySample;
}
