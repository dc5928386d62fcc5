import { defineConfig, type Options } from "tsup";

/**
 * Third-party code the CLI and the sandbox use (commander, csv-stringify, openapi-backend with ajv and lodash) is
 * bundled into their files and sits in devDependencies, so installing the package for the SDK alone installs
 * openapi-fetch and nothing else. Bundled CommonJS calls `require` for Node built-ins, which an ES module lacks:
 * the ESM builds define it first. THIRD-PARTY-NOTICES.md (scripts/third-party-notices.ts, run after this build)
 * carries the licences of everything bundled.
 */
const esmRequire = {
  js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);',
};

/**
 * Bundled packages resolve as Node resolves them: "main" before "module". Some ship an ES build under "module" that
 * only works unbundled (@jsdevtools/ono's assigns to `module.exports`).
 */
const nodeMainFields = ["main", "module"];

/** The core: ESM and CJS, each with its own declarations (`.d.ts` / `.d.cts`). Imports no Node built-in. */
const core = {
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  target: "es2022",
  outDir: "dist",
  // `npm run build` empties dist/ first: tsup's clean would also delete the .d.ts files the sandbox build writes
  // into dist/testing/ at the same time (its declaration step cleans every .d.ts under the outDir).
  clean: false,
  sourcemap: false,
  treeshake: true,
  // Keep `node:` specifiers: Deno and bundlers resolve them; bare `http` is ambiguous.
  removeNodeProtocol: false,
} satisfies Options;

/** `./testing`, the sandbox: Node only, ESM and CJS. Built apart from the core, so no chunk of it reaches the core. */
const testing = {
  ...core,
  entry: { index: "src/testing/index.ts" },
  outDir: "dist/testing",
  platform: "node",
  metafile: true,
  esbuildOptions(options, { format }) {
    options.mainFields = nodeMainFields;
    if (format === "esm") options.banner = esmRequire;
  },
} satisfies Options;

/**
 * The CLI: ESM only. The embedded sandbox, which only `--sandbox` and `sandbox` need, is imported from the published
 * dist/testing/index.js rather than bundled a second time, so every other command starts without it. Chunks sit
 * beside bin.js in dist/cli/, so `src/cli/version.ts` still finds package.json two levels up. The shebang is kept and
 * the file made executable by tsup.
 */
const cli = {
  entry: { bin: "src/cli/bin.ts" },
  format: ["esm"],
  dts: false,
  target: "node20",
  platform: "node",
  outDir: "dist/cli",
  splitting: true,
  removeNodeProtocol: false,
  banner: esmRequire,
  esbuildOptions(options) {
    options.mainFields = nodeMainFields;
  },
  metafile: true,
  esbuildPlugins: [
    {
      name: "published-sandbox",
      setup(build) {
        build.onResolve({ filter: /\/testing\/index\.js$/ }, () => ({ path: "../testing/index.js", external: true }));
      },
    },
  ],
} satisfies Options;

export default defineConfig([core, testing, cli]);
