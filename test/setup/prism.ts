/**
 * Vitest globalSetup: a Prism mock of openapi/admin-api-access.yaml on a free port of 127.0.0.1, for the contract
 * tests. `--errors` turns every request-validation violation into an error answer; examples are static.
 *
 * Prism mounts the spec's paths at the root: it ignores the server URL's path (`/admin/api-access/v1`) and answers
 * 404 NO_PATH_MATCHED_ERROR there. The client's baseUrl is therefore `http://127.0.0.1:<port>`, with no path.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Prism's base URL, without the spec's server path: `http://127.0.0.1:<port>`. */
    prismUrl: string;
  }
}

const SPEC = fileURLToPath(new URL("../../openapi/admin-api-access.yaml", import.meta.url));
const PRISM = fileURLToPath(new URL("../../node_modules/@stoplight/prism-cli/dist/index.js", import.meta.url));
const START_DEADLINE_MS = 30_000;
const STOP_DEADLINE_MS = 5_000;
/** How much of Prism's output is kept for a failure message. */
const TAIL_CHARS = 4_000;

/** A port nobody listens on right now (the OS picks it). */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  await once(server, "close");
  if (address === null || typeof address === "string") throw new Error("listen(0) gave no port");
  return address.port;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // detached: Prism leads its own process group, so teardown can kill it and anything it forks in one signal.
  const child = spawn(
    process.execPath,
    [PRISM, "mock", SPEC, "--host", "127.0.0.1", "--port", String(port), "--errors", "--dynamic=false"],
    { detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  const output = { stdout: "", stderr: "" };
  // Always drained: a full pipe would block Prism, which logs every request.
  child.stdout?.on("data", (chunk: Buffer) => {
    output.stdout = (output.stdout + chunk.toString()).slice(-TAIL_CHARS);
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output.stderr = (output.stderr + chunk.toString()).slice(-TAIL_CHARS);
  });
  const killOnExit = () => killGroup(child, "SIGKILL");
  process.once("exit", killOnExit);

  try {
    await waitUntilUp(url, child, output);
  } catch (error) {
    await stop(child);
    process.off("exit", killOnExit);
    throw error;
  }
  project.provide("prismUrl", url);

  return async () => {
    await stop(child);
    process.off("exit", killOnExit);
  };
}

/** Polls until Prism answers any HTTP request; throws with Prism's output if it exits or misses the deadline. */
async function waitUntilUp(url: string, child: ChildProcess, output: { stdout: string; stderr: string }) {
  let exited: string | undefined;
  child.once("exit", (code, signal) => {
    exited = `exited with ${signal ?? `code ${code}`}`;
  });
  child.once("error", (error) => {
    exited = `could not start: ${error.message}`;
  });
  const deadline = Date.now() + START_DEADLINE_MS;
  while (exited === undefined && Date.now() < deadline) {
    try {
      // Any status means Prism is listening (without a key this route answers 401).
      await fetch(`${url}/orgs/probe/api-tokens/count`, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const why = exited ?? `did not answer within ${START_DEADLINE_MS / 1000} s`;
  throw new Error(
    `Prism (${url}, spec ${SPEC}) ${why}.\n--- Prism stderr ---\n${output.stderr || "(empty)"}\n--- Prism stdout ---\n${output.stdout || "(empty)"}`,
  );
}

/** SIGTERM to Prism's whole process group, SIGKILL if it is still there after STOP_DEADLINE_MS. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child, "SIGKILL"); // Prism is gone; anything it forked is not.
    return;
  }
  const exited = once(child, "exit");
  killGroup(child, "SIGTERM");
  const timer = setTimeout(() => killGroup(child, "SIGKILL"), STOP_DEADLINE_MS);
  await exited;
  clearTimeout(timer);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}
