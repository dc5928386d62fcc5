import { close, constants, fstat, open, readFile, writeSync } from "node:fs";
import { Socket } from "node:net";
import type { Readable } from "node:stream";
import { isatty, ReadStream } from "node:tty";
import { promisify } from "node:util";
import { keepRawAcrossSignals } from "./raw-mode-signals.js";
import { type HiddenLineIo, readHiddenLine } from "./read-hidden-line.js";
import { readText } from "./read-text.js";

const openFd = promisify(open);
const statFd = promisify(fstat);
const readFd = (fd: number, signal: AbortSignal) =>
  new Promise<string>((resolve, reject) =>
    readFile(fd, { encoding: "utf8", signal }, (error, text) => (error ? reject(error) : resolve(text))),
  );
const closeFd = promisify(close);

/**
 * A terminal or pipe open at `fd` as a stream Node reads without blocking a thread, as Node makes stdin of one: a
 * blocking read of it waits in a thread that nothing interrupts, and keeps the process alive after the run has ended.
 * Undefined for anything else (a file, /dev/null), whose read ends by itself.
 */
function pollableStream(fd: number, kind: { isFIFO(): boolean; isSocket(): boolean }): Readable | undefined {
  if (isatty(fd)) return new ReadStream(fd);
  if (kind.isFIFO() || kind.isSocket()) return new Socket({ fd, readable: true, writable: false });
  return undefined;
}

/** How a file that turns out to be a terminal is read: the key hidden, ids after a hint of what to type. */
export interface TerminalReading {
  /** Where to show text when the terminal cannot be written to: stderr. */
  say(text: string): void;
  /** The key: one line typed without echo (`readHiddenLine`); Ctrl-C, a key then, calls `interrupt`. */
  hidden?: { interrupt(): void };
  /** Shown on the terminal before it is read, as plain text is: what to type, and how to end it. */
  hint?: string;
}

/**
 * The file at `path` as UTF-8 text (the key file, an id file); Ctrl-C (`signal`) ends the wait, even for a terminal
 * or a pipe (`/dev/stdin`, a FIFO, `<(cmd)`) that never ends. The file is opened without blocking: a FIFO with no
 * writer yet is then waited for as its data is, stoppably, instead of inside `open`. A terminal is read as
 * `terminal` says: the key as one line typed without echo, after a prompt on that terminal (`readHiddenAt`), other
 * text after its hint.
 */
export async function readFileText(path: string, signal: AbortSignal, terminal?: TerminalReading): Promise<string> {
  signal.throwIfAborted();
  const fd = await openFd(path, constants.O_RDONLY | constants.O_NONBLOCK);
  let stream: Readable | undefined;
  try {
    const kind = await statFd(fd);
    // Read through its descriptor, a directory reads as empty on some platforms: refused as a read by path would be.
    if (kind.isDirectory())
      throw Object.assign(new Error(`EISDIR: a directory, not a file: ${path}`), { code: "EISDIR" });
    stream = pollableStream(fd, kind);
    if (!stream) return await readFd(fd, signal);
  } finally {
    if (!stream) await closeFd(fd);
  }
  // The stream owns the descriptor now: it closes it at the end, or when Ctrl-C destroys it.
  if (terminal && stream instanceof ReadStream) {
    if (terminal.hidden) return readHiddenAt(path, stream, signal, { say: terminal.say, ...terminal.hidden });
    if (terminal.hint) await showOn(path, terminal.hint, terminal.say);
  }
  return readText(stream, signal);
}

/**
 * The terminal at `path` opened again for writing, as getpass does, so what is shown there is seen even when stderr is
 * redirected: `say` writes on it, or to `fallback` when it cannot be opened or written. `fd` is undefined then.
 */
async function openScreen(path: string, fallback: (text: string) => void) {
  const fd = await openFd(path, constants.O_WRONLY | constants.O_NOCTTY).catch(() => undefined);
  const say = (text: string) => {
    if (fd === undefined) return fallback(text);
    try {
      writeSync(fd, text);
    } catch {
      fallback(text);
    }
  };
  const close = async () => {
    if (fd !== undefined) await closeFd(fd).catch(() => undefined);
  };
  return { fd, say, close };
}

/** Writes `text` on the terminal at `path` (`openScreen`). */
async function showOn(path: string, text: string, fallback: (text: string) => void): Promise<void> {
  const screen = await openScreen(path, fallback);
  screen.say(text);
  await screen.close();
}

/**
 * A hidden read (`readHiddenLine`) whose prompt goes to the terminal read from (`openScreen`): a redirected stderr
 * would leave the user at a blank terminal. Raw mode is kept across job control and given back on a signal Node does
 * not restore it for (`keepRawAcrossSignals`).
 */
async function readHiddenAt(
  path: string,
  terminal: ReadStream,
  signal: AbortSignal,
  hidden: HiddenLineIo,
): Promise<string> {
  const screen = await openScreen(path, hidden.say);
  // The run's "Interrupted." starts on a line of its own on stderr; when stderr is another file, the prompt's line on
  // the terminal is ended here.
  const endLineOnInterrupt = screen.fd !== undefined && !(await sameTerminal(screen.fd, 2));
  // Windows has neither job control nor these signals (and refuses to listen for SIGQUIT).
  const stop = process.platform === "win32" ? () => {} : keepRawAcrossSignals(terminal, process);
  try {
    return await readHiddenLine(terminal, signal, { say: screen.say, interrupt: hidden.interrupt, endLineOnInterrupt });
  } finally {
    stop();
    // A read that failed before taking the terminal over (an abort while the prompt's terminal was opened).
    if (!terminal.destroyed) terminal.destroy();
    await screen.close();
  }
}

/** Whether two descriptors are the same terminal device. */
async function sameTerminal(a: number, b: number): Promise<boolean> {
  if (!isatty(b)) return false;
  try {
    const [one, two] = await Promise.all([statFd(a), statFd(b)]);
    return one.rdev === two.rdev;
  } catch {
    return false;
  }
}
