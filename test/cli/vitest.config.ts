import { defineConfig } from "vitest/config";

// The CLI's tests need no Prism: the e2e tests start the in-process sandbox. `npx vitest run --config
// test/cli/vitest.config.ts` runs them without the repository's global setup.
export default defineConfig({
  test: { root: new URL("../..", import.meta.url).pathname, include: ["test/cli/**/*.test.ts"], testTimeout: 30_000 },
});
