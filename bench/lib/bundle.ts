/** Bundles an entry with esbuild the way an app's bundler would, and measures it minified and gzip -9. */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { blankMessages } from "./blank-messages.js";

export interface BundleSize {
  minified: number;
  gzip: number;
  /** gzip -9 of the same bundle with its messages blanked (see blankMessages). */
  gzipWithoutMessages: number;
}

const ROOT = new URL("../..", import.meta.url).pathname;

/** `source` is the entry's code (resolved from the repository root); every import is bundled in. */
export async function bundleSize(source: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    minified: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    gzipWithoutMessages: gzipSync(blankMessages(new TextDecoder().decode(code)), { level: 9 }).length,
  };
}

/** The core entry: everything src/index.ts exports, with openapi-fetch. */
export const CORE_ENTRY = 'export * from "./src/index.ts";';
/** openapi-fetch alone: everything it exports. */
export const OPENAPI_FETCH_ENTRY = 'export * from "openapi-fetch"; export { default } from "openapi-fetch";';

/**
 * The core as published for Node: our code in one ESM file (as tsup builds dist/index.js), openapi-fetch left
 * external. Write it inside node_modules, so it finds openapi-fetch the way an installed package does.
 */
export async function buildCoreForNode(outfile: string): Promise<void> {
  await build({
    entryPoints: [`${ROOT}src/index.ts`],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: ["openapi-fetch"],
    outfile,
    logLevel: "silent",
  });
}
