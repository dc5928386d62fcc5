import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { readHiddenLine, type Terminal } from "../../src/cli/read-hidden-line.js";

/**
 * A terminal fed by `type`, whose mode changes as a `tty.ReadStream`'s does: only while it is not destroyed (a
 * destroyed one has no handle left to change the mode with).
 */
function fakeTerminal() {
  const stream = new PassThrough();
  const state = { raw: false };
  const terminal = Object.assign(stream, {
    setRawMode: (raw: boolean) => {
      if (!stream.destroyed) state.raw = raw;
    },
  }) as Terminal;
  return { terminal, state, type: (text: string) => stream.write(text), close: () => stream.end() };
}

const PROMPT = "API key (hidden as you type; Enter to end): ";

describe("readHiddenLine", () => {
  it("reads one line in raw mode, prompting first, then restores the mode and closes the terminal", async () => {
    const { terminal, state, type } = fakeTerminal();
    const said: string[] = [];
    const reading = readHiddenLine(terminal, new AbortController().signal, {
      say: (text) => void said.push(`${text}|raw:${state.raw}`),
      interrupt: () => {},
    });
    type("secret-");
    type("key\r");
    await expect(reading).resolves.toBe("secret-key");
    expect(state.raw).toBe(false);
    expect(terminal.destroyed).toBe(true);
    expect(said).toEqual([`${PROMPT}|raw:true`, "\n|raw:false"]);
  });

  it("restores the mode before it interrupts on Ctrl-C, then ends when the run's signal aborts", async () => {
    const { terminal, state, type } = fakeTerminal();
    const controller = new AbortController();
    const rawAtInterrupt: boolean[] = [];
    const said: string[] = [];
    const reading = readHiddenLine(terminal, controller.signal, {
      say: (text) => void said.push(text),
      interrupt: () => {
        rawAtInterrupt.push(state.raw);
        controller.abort();
      },
    });
    type("sec\u0003");
    await expect(reading).rejects.toMatchObject({ name: "AbortError" });
    expect(rawAtInterrupt).toEqual([false]);
    expect(state.raw).toBe(false);
    expect(terminal.destroyed).toBe(true);
    expect(said).toEqual([PROMPT]);
  });

  it("ends the prompt's line after Ctrl-C when told the run's message goes elsewhere", async () => {
    const { terminal, type } = fakeTerminal();
    const controller = new AbortController();
    const said: string[] = [];
    const reading = readHiddenLine(terminal, controller.signal, {
      say: (text) => void said.push(text),
      interrupt: () => controller.abort(),
      endLineOnInterrupt: true,
    });
    type("sec\u0003");
    await expect(reading).rejects.toMatchObject({ name: "AbortError" });
    expect(said).toEqual([PROMPT, "\n"]);
  });

  it("restores the mode when the run's signal aborts the wait", async () => {
    const { terminal, state } = fakeTerminal();
    const controller = new AbortController();
    const reading = readHiddenLine(terminal, controller.signal, { say: () => {}, interrupt: () => {} });
    expect(state.raw).toBe(true);
    controller.abort();
    await expect(reading).rejects.toMatchObject({ name: "AbortError" });
    expect(state.raw).toBe(false);
  });

  it("restores the mode when the terminal fails", async () => {
    const { terminal, state } = fakeTerminal();
    const reading = readHiddenLine(terminal, new AbortController().signal, { say: () => {}, interrupt: () => {} });
    terminal.emit("error", Object.assign(new Error("read EIO"), { code: "EIO" }));
    await expect(reading).rejects.toMatchObject({ code: "EIO" });
    expect(state.raw).toBe(false);
  });

  it("fails with EIO, never giving half a key, when the terminal ends (hangs up) before the line does", async () => {
    const { terminal, state, type, close } = fakeTerminal();
    const reading = readHiddenLine(terminal, new AbortController().signal, { say: () => {}, interrupt: () => {} });
    type("partial");
    close();
    await expect(reading).rejects.toMatchObject({ code: "EIO" });
    expect(state.raw).toBe(false);
  });

  it("finishes once when restoring the mode of a hung-up terminal fails with an error event", async () => {
    const stream = new PassThrough();
    let calls = 0;
    const terminal = Object.assign(stream, {
      setRawMode: (raw: boolean) => {
        calls += 1;
        // As tty.ReadStream does when the terminal is gone: the failure is emitted, not thrown.
        if (!raw) stream.emit("error", Object.assign(new Error("setRawMode EIO"), { code: "EIO" }));
      },
    }) as Terminal;
    const reading = readHiddenLine(terminal, new AbortController().signal, { say: () => {}, interrupt: () => {} });
    stream.emit("error", Object.assign(new Error("read EIO"), { code: "EIO" }));
    await expect(reading).rejects.toMatchObject({ message: "read EIO" });
    expect(calls).toBe(2);
  });

  it("does not touch the terminal when the signal has already aborted", async () => {
    const { terminal, state } = fakeTerminal();
    const controller = new AbortController();
    controller.abort();
    await expect(
      (async () => readHiddenLine(terminal, controller.signal, { say: () => {}, interrupt: () => {} }))(),
    ).rejects.toMatchObject({ name: "AbortError" });
    expect(state.raw).toBe(false);
  });
});
