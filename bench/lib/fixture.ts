/** Starts the fixture server in its own process and talks to it over IPC. */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { FixtureConfig, FixtureRequest, FixtureStats } from "../fixture/protocol.js";

const SERVER = fileURLToPath(new URL("../fixture/server.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** A running fixture server. */
export interface Fixture {
  baseUrl: string;
  orgId: string;
  /** Replaces the configuration; a fresh fixture answers at once, with no rate limit. */
  configure(config: FixtureConfig): Promise<void>;
  /** Precomputes the pages of these sizes, so the first measured request does not pay for it. */
  prepare(pageSizes: number[]): Promise<void>;
  stats(): Promise<FixtureStats>;
  /** Zeroes the counters and refills the bucket. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

type Distribute<T> = T extends unknown ? Omit<T, "id"> : never;

export async function startFixture(options: { tokens: number; source?: "synthetic" | "sandbox" }): Promise<Fixture> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", SERVER, JSON.stringify({ source: "synthetic", ...options })],
    { cwd: ROOT, stdio: ["ignore", "inherit", "inherit", "ipc"] },
  );
  const waiting = new Map<number, (data: unknown) => void>();
  child.on("message", (message: { id: number; data: unknown }) => {
    waiting.get(message.id)?.(message.data);
    waiting.delete(message.id);
  });
  const exited = new Promise<never>((_, reject) => {
    child.once("exit", (code) => reject(new Error(`fixture server exited with ${code}`)));
  });
  exited.catch(() => {});
  let next = 1;
  const ask = <T>(request: Distribute<FixtureRequest>): Promise<T> => {
    const id = next++;
    const answer = new Promise<T>((resolve) => waiting.set(id, resolve as (data: unknown) => void));
    child.send({ ...request, id });
    return Promise.race([answer, exited]);
  };
  const ready = await Promise.race([
    new Promise<{ port: number; orgId: string }>((resolve) => waiting.set(0, resolve as (data: unknown) => void)),
    exited,
  ]);
  return {
    baseUrl: `http://127.0.0.1:${ready.port}/admin/api-access/v1`,
    orgId: ready.orgId,
    configure: (config) => ask({ cmd: "configure", config }),
    prepare: (pageSizes) => ask({ cmd: "prepare", pageSizes }),
    stats: () => ask({ cmd: "stats" }),
    reset: () => ask({ cmd: "reset" }),
    async close() {
      if (child.exitCode !== null) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.send({ cmd: "close", id: -1 });
      await gone;
    },
  };
}
