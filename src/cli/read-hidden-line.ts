import { addAbortSignal, type Readable } from "node:stream";
import { type TypedLine, typeInto } from "./hidden-line.js";

/** A terminal to read from: a `tty.ReadStream`. */
export type Terminal = Readable & { setRawMode(raw: boolean): unknown };

/** What a hidden read shows and does around the terminal. */
export interface HiddenLineIo {
  /** Shows the prompt before the first key, and ends its line after the last. */
  say(text: string): void;
  /** Ctrl-C, which raw mode delivers as a key: made to end the run as Ctrl-C always does (a SIGINT to the process). */
  interrupt(): void;
}

/**
 * One line typed at `terminal`, not echoed: a key typed or pasted there must not stay on the screen (or in its
 * scrollback and recordings). Raw mode stops the echo, and with it the terminal's own line editing and Ctrl-C, which
 * `typeInto` and `interrupt` stand in for; a Ctrl-C then ends the read through `signal`, as it ends any other wait.
 * The terminal's mode is restored however the read ends, and the stream (owning its descriptor) is closed.
 */
export async function readHiddenLine(terminal: Terminal, signal: AbortSignal, io: HiddenLineIo): Promise<string> {
  terminal.setRawMode(true);
  terminal.setEncoding("utf8");
  io.say("API key (hidden as you type; Enter to end): ");
  let line: TypedLine = { text: "" };
  try {
    for await (const chunk of addAbortSignal(signal, terminal)) {
      line = typeInto(line, chunk as string);
      if (line.end === "line") break;
      if (line.end === "interrupt") io.interrupt();
    }
    return line.text;
  } finally {
    terminal.setRawMode(false);
    terminal.destroy();
    // After Ctrl-C the run's "Interrupted." starts a line of its own.
    if (line.end !== "interrupt") io.say("\n");
  }
}
