import type { Sandbox, SandboxOptions } from "../testing/index.js";
import type { RunContext } from "./context.js";

/** From this many tokens on, the seeding takes long enough (about a second per 100,000) to be said. */
const SAID_FROM = 100_000;

/**
 * Starts the embedded sandbox for the CLI (`--sandbox`, `sandbox`): its code loaded only now, so a normal run never
 * pulls in the server; a Ctrl-C stops a long seeding, and a terminal shows a line while it lasts.
 */
export async function startSeeded(ctx: RunContext, options: Omit<SandboxOptions, "signal">): Promise<Sandbox> {
  const { startSandbox } = await import("../testing/index.js");
  const tokens = options.tokens ?? 0;
  if (ctx.io.stderrIsTTY && tokens >= SAID_FROM)
    ctx.statusLine.show(`sandbox: seeding ${tokens} tokens (Ctrl-C stops)`);
  try {
    return await startSandbox({ ...options, signal: ctx.signal });
  } finally {
    ctx.statusLine.clear();
  }
}
