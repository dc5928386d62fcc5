import type { Readable } from "node:stream";
import { type TypedLine, typeInto } from "./hidden-line.js";

/** A terminal to read from: a `tty.ReadStream`. */
export type Terminal = Readable & { setRawMode(raw: boolean): unknown };

/** What a hidden read shows and does around the terminal. */
export interface HiddenLineIo {
  /** Shows the prompt before the first key, and ends its line after the last: on the terminal read from. */
  say(text: string): void;
  /**
   * Ctrl-C (or Ctrl-\), which raw mode delivers as a key: made to end the run as Ctrl-C always does. Called once the
   * terminal's mode is restored.
   */
  interrupt(): void;
  /**
   * Whether the prompt's line is ended after Ctrl-C too: when the run's "Interrupted." goes elsewhere (stderr is not
   * this terminal). Else that message starts a line of its own, and a newline here would leave a blank one.
   */
  endLineOnInterrupt?: boolean;
}

const PROMPT = "API key (hidden as you type; Enter to end): ";

/**
 * One line typed at `terminal`, not echoed: a key typed or pasted there must not stay on the screen (or in its
 * scrollback and recordings). Raw mode stops the echo, and with it the terminal's own line editing and Ctrl-C, which
 * `typeInto` and `interrupt` stand in for; a Ctrl-C then ends the read through `signal`, as it ends any other wait.
 * The terminal's mode is restored however the read ends, before the stream (owning its descriptor) is destroyed: a
 * destroyed `tty.ReadStream` has no handle left to restore it with.
 */
export function readHiddenLine(terminal: Terminal, signal: AbortSignal, io: HiddenLineIo): Promise<string> {
  signal.throwIfAborted();
  terminal.setRawMode(true);
  terminal.setEncoding("utf8");
  io.say(PROMPT);
  let line: TypedLine = { text: "" };
  let raw = true;
  // Once only: on a terminal that hung up, setRawMode fails with an 'error' event, which must not finish again.
  const cooked = () => {
    if (!raw) return;
    raw = false;
    terminal.setRawMode(false);
  };
  let finished = false;
  return new Promise((resolve, reject) => {
    const finish = (settle: () => void) => {
      if (finished) return;
      finished = true;
      cooked();
      terminal.off("data", onData).off("end", onEnd).off("error", onError);
      signal.removeEventListener("abort", onAbort);
      terminal.destroy();
      if (line.end !== "interrupt" || io.endLineOnInterrupt) io.say("\n");
      settle();
    };
    const onData = (chunk: string) => {
      if (line.end) return;
      line = typeInto(line, chunk);
      if (line.end === "line") finish(() => resolve(line.text));
      else if (line.end === "interrupt") {
        cooked();
        io.interrupt();
      }
    };
    // In raw mode Ctrl-D is a key: a terminal ends only when it hangs up, and half a key is no key to send.
    const onEnd = () =>
      finish(() =>
        reject(Object.assign(new Error("EIO: the terminal hung up before the line ended"), { code: "EIO" })),
      );
    const onError = (error: Error) => finish(() => reject(error));
    const onAbort = () => finish(() => reject(signal.reason));
    terminal.on("data", onData).on("end", onEnd).on("error", onError);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
