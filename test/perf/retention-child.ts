/**
 * Run as `node --expose-gc --import tsx test/perf/retention-child.ts`: makes calls whose attempts share deadline
 * windows (three without a signal, three with one), then collects garbage and prints, as JSON, whether each Response
 * the fetch gave is still reachable. The client and its windows are still alive then; the answers must not be.
 */
import { createClient } from "../../src/index.js";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");
const refs: WeakRef<Response>[] = [];
const client = createClient({
  apiKey: "k",
  baseUrl: "http://127.0.0.1:9/v1",
  fetch: async () => {
    const response = new Response("1", { headers: { "content-type": "application/json" } });
    refs.push(new WeakRef(response));
    return response;
  },
});
for (let i = 0; i < 3; i++) await client.apiTokens.count("org-1");
const walk = new AbortController();
for (let i = 0; i < 3; i++) await client.apiTokens.count("org-1", {}, { signal: walk.signal });
await new Promise((resolve) => setTimeout(resolve, 10));
gc();
process.stdout.write(JSON.stringify({ reachable: refs.map((ref) => ref.deref() !== undefined), client: !!client }));
