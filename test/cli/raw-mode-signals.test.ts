import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { keepRawAcrossSignals } from "../../src/cli/raw-mode-signals.js";

/** A terminal recording its mode changes, and a process whose signals are emitted by hand and whose kills are kept. */
function setup() {
  const modes: boolean[] = [];
  const terminal = {
    isRaw: true,
    setRawMode(raw: boolean) {
      modes.push(raw);
      terminal.isRaw = raw;
    },
  };
  const kills: string[] = [];
  const source = Object.assign(new EventEmitter(), {
    pid: 4242,
    kill: (pid: number, signal: string) => void kills.push(`${pid} ${signal}`),
  });
  return { modes, terminal, kills, source };
}

describe("keepRawAcrossSignals", () => {
  it("sets raw mode again after SIGCONT, cooked first so the change is applied", () => {
    const { modes, terminal, source } = setup();
    keepRawAcrossSignals(terminal, source);
    source.emit("SIGCONT");
    expect(modes).toEqual([false, true]);
    expect(terminal.isRaw).toBe(true);
  });

  it("leaves a terminal that is no longer raw alone on SIGCONT", () => {
    const { modes, terminal, source } = setup();
    keepRawAcrossSignals(terminal, source);
    terminal.isRaw = false;
    source.emit("SIGCONT");
    expect(modes).toEqual([]);
  });

  it("leaves SIGHUP to its default action", () => {
    const { source, terminal } = setup();
    keepRawAcrossSignals(terminal, source);
    expect(source.listenerCount("SIGHUP")).toBe(0);
  });

  it("gives the terminal back on SIGQUIT, then sends it again with nothing here listening", () => {
    const { modes, terminal, kills, source } = setup();
    keepRawAcrossSignals(terminal, source);
    source.emit("SIGQUIT");
    expect(modes).toEqual([false]);
    expect(kills).toEqual(["4242 SIGQUIT"]);
    expect(source.listenerCount("SIGHUP") + source.listenerCount("SIGQUIT") + source.listenerCount("SIGCONT")).toBe(0);
  });

  it("stops listening when stopped", () => {
    const { modes, kills, terminal, source } = setup();
    const stop = keepRawAcrossSignals(terminal, source);
    expect(source.listenerCount("SIGCONT")).toBe(1);
    stop();
    source.emit("SIGCONT");
    source.emit("SIGQUIT");
    expect(modes).toEqual([]);
    expect(kills).toEqual([]);
    expect(source.eventNames()).toEqual([]);
  });
});
