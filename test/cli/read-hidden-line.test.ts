import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { readHiddenLine, type Terminal } from "../../src/cli/read-hidden-line.js";

/** A terminal that records its raw mode, fed by `type`. */
function fakeTerminal() {
  const modes: boolean[] = [];
  const stream = new PassThrough();
  const terminal = Object.assign(stream, { setRawMode: (raw: boolean) => modes.push(raw) }) as Terminal;
  return { terminal, modes, type: (text: string) => stream.write(text), close: () => stream.end() };
}

function hiddenIo() {
  const said: string[] = [];
  let interrupts = 0;
  return {
    said,
    interrupts: () => interrupts,
    io: { say: (text: string) => void said.push(text), interrupt: () => void interrupts++ },
  };
}

describe("readHiddenLine", () => {
  it("reads one line in raw mode, prompting first, and restores the mode and closes the terminal", async () => {
    const { terminal, modes, type } = fakeTerminal();
    const { said, io } = hiddenIo();
    const reading = readHiddenLine(terminal, new AbortController().signal, io);
    type("secret-");
    type("key\r");
    await expect(reading).resolves.toBe("secret-key");
    expect(modes).toEqual([true, false]);
    expect(terminal.destroyed).toBe(true);
    expect(said).toEqual(["API key (hidden as you type; Enter to end): ", "\n"]);
  });

  it("turns Ctrl-C into an interrupt, then ends when the run's signal aborts", async () => {
    const { terminal, modes, type } = fakeTerminal();
    const { said, interrupts, io } = hiddenIo();
    const controller = new AbortController();
    const reading = readHiddenLine(terminal, controller.signal, io);
    type("sec\u0003");
    while (interrupts() === 0) await new Promise((r) => setTimeout(r, 1));
    controller.abort();
    await expect(reading).rejects.toMatchObject({ name: "AbortError" });
    expect(modes).toEqual([true, false]);
    expect(said).toEqual(["API key (hidden as you type; Enter to end): "]);
  });

  it("gives what was typed when the terminal ends without a line end", async () => {
    const { terminal, type, close } = fakeTerminal();
    const reading = readHiddenLine(terminal, new AbortController().signal, hiddenIo().io);
    type("partial");
    close();
    await expect(reading).resolves.toBe("partial");
  });
});
