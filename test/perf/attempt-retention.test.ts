import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;

it("keeps no answer reachable once its call is over, though the attempt's deadline window lives on", async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--expose-gc", "--import", "tsx", "test/perf/retention-child.ts"],
    { cwd: root },
  );
  const { reachable } = JSON.parse(stdout) as { reachable: boolean[] };
  expect(reachable).toEqual(Array(6).fill(false));
}, 30_000);
