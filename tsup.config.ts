import { defineConfig, type Options } from "tsup";

/** The library entries: ESM and CJS, each with its own declarations (`.d.ts` / `.d.cts`). */
const library = {
  entry: { index: "src/index.ts", "testing/index": "src/testing/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  target: "es2022",
  outDir: "dist",
  // The CLI build writes dist/cli/ at the same time; leave it alone.
  clean: ["!cli/**"],
  sourcemap: false,
  treeshake: true,
  // Keep `node:` specifiers: Deno and bundlers resolve them; bare `http` is ambiguous.
  removeNodeProtocol: false,
} satisfies Options;

/**
 * The CLI: ESM only. The embedded sandbox and openapi-backend, which only it needs, go in a chunk of their own, loaded
 * by `--sandbox` and `sandbox` alone, so every other command starts without them. Chunks sit beside bin.js in
 * dist/cli/, so `src/cli/version.ts` still finds package.json two levels up. The shebang is kept and the file made
 * executable by tsup.
 */
const cli = {
  entry: { bin: "src/cli/bin.ts" },
  format: ["esm"],
  dts: false,
  target: "node20",
  platform: "node",
  outDir: "dist/cli",
  clean: true,
  splitting: true,
  removeNodeProtocol: false,
} satisfies Options;

export default defineConfig([library, cli]);
