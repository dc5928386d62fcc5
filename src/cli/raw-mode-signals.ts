/**
 * Keeps a terminal in raw mode right across job control, and gives it back on the signals that end the process
 * without Node restoring it. While a hidden key is typed:
 * - after SIGCONT (the process stopped by `kill -TSTP` and brought back with `fg`), the shell has set the terminal
 *   to cooked mode again, so the key would be echoed: raw mode is set again;
 * - SIGQUIT ends the process with the terminal left raw (Node restores it for SIGINT and SIGTERM only): the mode is
 *   restored, then the signal is sent again, for its default action, once nothing here listens.
 * SIGHUP is left to its default action: it mostly means the terminal is gone, and listening for it would keep the
 * process alive past a hangup.
 */

/** The terminal, as `tty.ReadStream` has it. */
export interface RawTerminal {
  readonly isRaw: boolean;
  setRawMode(raw: boolean): unknown;
}

/** The process, as far as this needs it. */
export interface SignalSource {
  readonly pid: number;
  on(signal: NodeJS.Signals, listener: () => void): unknown;
  off(signal: NodeJS.Signals, listener: () => void): unknown;
  kill(pid: number, signal: NodeJS.Signals): unknown;
}

/** Starts following `source`'s signals for `terminal`; returns the function that stops it. */
export function keepRawAcrossSignals(terminal: RawTerminal, source: SignalSource): () => void {
  const resume = () => {
    if (!terminal.isRaw) return;
    // The handle skips a change to the mode it believes it has: cooked first, so raw is applied again.
    terminal.setRawMode(false);
    terminal.setRawMode(true);
  };
  const quit = () => {
    stop();
    try {
      terminal.setRawMode(false);
    } finally {
      source.kill(source.pid, "SIGQUIT");
    }
  };
  const stop = () => {
    source.off("SIGCONT", resume);
    source.off("SIGQUIT", quit);
  };
  source.on("SIGCONT", resume);
  source.on("SIGQUIT", quit);
  return stop;
}
