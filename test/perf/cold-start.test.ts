import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildCoreForNode } from "../../bench/lib/bundle.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Inside node_modules, so the bundle finds openapi-fetch the way an installed package does. */
const OUT = `${ROOT}node_modules/.cache/admin-api-access-test-cold-start/`;

// Node loads its fetch implementation (undici) the first time Request, Response or Headers is touched, which costs a
// fresh process most of its start-up time: importing the client and creating one must not be that first touch.
describe("cold start", () => {
  it("imports the core and creates a client without loading Node's fetch implementation; the first request does", async () => {
    mkdirSync(OUT, { recursive: true });
    await buildCoreForNode(`${OUT}core.mjs`);
    writeFileSync(
      `${OUT}probe.mjs`,
      `const undici = () => process.moduleLoadList.some((name) => name.includes("undici"));
const { createClient } = await import("./core.mjs");
const afterImport = undici();
const client = createClient({ apiKey: "k", baseUrl: "http://127.0.0.1:9", maxRetries: 0, timeout: 1000 });
const afterCreate = undici();
await client.apiTokens.count("org").catch(() => {});
console.log(JSON.stringify({ afterImport, afterCreate, afterRequest: undici() }));
`,
    );
    const run = spawnSync(process.execPath, [`${OUT}probe.mjs`], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ afterImport: false, afterCreate: false, afterRequest: true });
  });
});
