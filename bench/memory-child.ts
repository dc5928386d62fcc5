/**
 * Run in a fresh process by the memory benchmark and test: `node --expose-gc --import tsx bench/memory-child.ts
 * '<json>'`. Streams `tokens` tokens through `for await` and prints one JSON line: heap after warm-up and gc
 * (baseline), the peak seen while streaming (and how much of it was in V8's young generation), the heap after the
 * walk and gc (retained), and how many major collections V8 ran on its own during the walk.
 *
 * argv[2]: `{ tokens, pageSize, baseUrl?, orgId?, startPage? }`: with a baseUrl it reads the fixture server; without, an
 * injected fetch generates the pages in this process.
 */
import { constants, PerformanceObserver, performance } from "node:perf_hooks";
import { getHeapSpaceStatistics, getHeapStatistics } from "node:v8";
import { createClient } from "../src/index.js";
import { cursorOf, generatingFetch } from "./lib/tokens.js";

const { tokens, pageSize, warmupMs, baseUrl, orgId, startPage } = JSON.parse(process.argv[2] ?? "{}") as {
  tokens: number;
  pageSize: number;
  /** Walk at this pageSize for this long before the baseline (at least one 10-token page either way). */
  warmupMs?: number;
  baseUrl?: string;
  orgId?: string;
  /** Start this many pages in (a server holding more tokens than this run should read). */
  startPage?: number;
};
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

const heap = () => getHeapStatistics().used_heap_size;
/** Bytes used in V8's young generation (new space, with its large objects) and in the rest of the heap. */
function generations(): { young: number; old: number } {
  let young = 0;
  let old = 0;
  for (const space of getHeapSpaceStatistics()) {
    if (space.space_name.startsWith("new_")) young += space.space_used_size;
    else old += space.space_used_size;
  }
  return { young, old };
}
async function settledHeap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    gc?.();
  }
  return heap();
}

const org = orgId ?? "org-1";
const client = createClient({
  apiKey: "bench-fake-key",
  baseUrl: baseUrl ?? "http://127.0.0.1:9/admin/api-access/v1",
  ...(baseUrl ? {} : { fetch: generatingFetch(tokens).fetch }),
});
// Warm-up: load and run every code path once, so the baseline already holds what the first walk loads lazily.
for await (const token of client.apiTokens.list(org, { pageSize: 10 })) if (token.id) break;
// Then the measured walk itself, whole, until warmupMs has passed: V8 has sized its heap for this workload before the
// baseline, as it would have in a long-running process. Never cut short, so no aborted request is left in flight.
const start = startPage ? { startCursor: cursorOf(startPage, pageSize) } : {};
const warmUntil = performance.now() + (warmupMs ?? 0);
while (performance.now() < warmUntil) {
  for await (const token of client.apiTokens.list(org, { pageSize }, start)) if (!token.id) break;
}
const baseline = await settledHeap();
// Major collections (mark-compact) that V8 started on its own while the walk ran; the forced ones come before and after.
const majors: number[] = [];
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
      majors.push(entry.startTime);
    }
  }
});
observer.observe({ entryTypes: ["gc"] });
const walkStarted = performance.now();
let peak = baseline;
let atPeak = generations();
let seen = 0;
for await (const token of client.apiTokens.list(org, { pageSize }, start)) {
  if (token.id) seen++;
  if (seen % 250 === 0) {
    const now = heap();
    if (now > peak) {
      peak = now;
      atPeak = generations();
    }
  }
}
const walkEnded = performance.now();
const retained = (await settledHeap()) - baseline;
observer.disconnect();
const majorGcs = majors.filter((at) => at >= walkStarted && at <= walkEnded).length;
process.stdout.write(
  `${JSON.stringify({ seen, baseline, peak, youngAtPeak: atPeak.young, oldAtPeak: atPeak.old, retained, majorGcs })}\n`,
);
