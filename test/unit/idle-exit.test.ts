import { execFile } from "node:child_process";
import { expect, it } from "vitest";

// A client whose calls are over, with or without a caller's signal, must let Node exit: the deadline windows keep
// their timers between attempts, unreferenced. Were one referenced, the process would live on until it fired, some
// 30 s (the default timeout plus its slack) after the last call.
const script = `
import { createClient } from "./src/index.ts";
const client = createClient({
  apiKey: "k",
  baseUrl: "http://127.0.0.1:9/v1",
  fetch: async () => new Response("1", { headers: { "content-type": "application/json" } }),
});
await client.apiTokens.count("org-1");
await client.apiTokens.count("org-1", {}, { signal: new AbortController().signal });
console.log("done");
`;

it("lets the process exit once its calls are over", async () => {
  const started = performance.now();
  const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      { cwd: new URL("../..", import.meta.url).pathname, timeout: 25_000 },
      (error, out) => resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout: out }),
    );
    child.stdin?.end();
  });
  expect(stdout).toBe("done\n");
  expect(code).toBe(0);
  expect(performance.now() - started).toBeLessThan(15_000);
});
