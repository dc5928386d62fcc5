import { readFileSync } from "node:fs";

/**
 * The package version, read from package.json next to src/ (or dist/ once built: both sit one level under the
 * package root, so the same relative URL works).
 */
export function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  const version = (manifest as { version?: unknown }).version;
  return typeof version === "string" ? version : "0.0.0";
}
