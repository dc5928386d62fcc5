import { addAbortSignal, type Readable } from "node:stream";

/**
 * All of `stream` (stdin, say) as UTF-8 text, once it ends. Ctrl-C (`signal`) ends the wait: a terminal's stdin ends
 * only on Ctrl-D, and an interrupted run must not wait for it.
 */
export async function readText(stream: Readable, signal: AbortSignal): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of addAbortSignal(signal, stream)) {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  }
  // Decoded once, whole: a character split across two chunks stays one character.
  return Buffer.concat(chunks).toString("utf8");
}
