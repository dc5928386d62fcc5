import { describe, expect, it } from "vitest";
import { typeInto } from "../../src/cli/hidden-line.js";

const typed = (...inputs: string[]) => inputs.reduce(typeInto, { text: "" });

describe("typeInto, a line typed at a terminal in raw mode", () => {
  it("keeps printable keys and ends the line at Enter, CR or LF", () => {
    expect(typed("key-ü-", "12\r")).toEqual({ text: "key-ü-12", end: "line" });
    expect(typed("key\n")).toEqual({ text: "key", end: "line" });
  });

  it("ends the line at Ctrl-D", () => {
    expect(typed("key\u0004")).toEqual({ text: "key", end: "line" });
  });

  it("ignores what comes after the line's end", () => {
    expect(typed("key\rmore", "and more\r")).toEqual({ text: "key", end: "line" });
  });

  it("is interrupted by Ctrl-C or Ctrl-\\, and stays so", () => {
    expect(typed("ke\u0003y\r")).toEqual({ text: "ke", end: "interrupt" });
    expect(typed("ke\u0003", "y\r")).toEqual({ text: "ke", end: "interrupt" });
    expect(typed("ke\u001cy\r")).toEqual({ text: "ke", end: "interrupt" });
  });

  it("removes the last character on Backspace (DEL or BS), a surrogate pair as one", () => {
    expect(typed("keyX\u007f\r")).toEqual({ text: "key", end: "line" });
    expect(typed("keyX\b\r")).toEqual({ text: "key", end: "line" });
    expect(typed("key😀", "\u007f\r")).toEqual({ text: "key", end: "line" });
    expect(typed("\u007f\u007fk\r")).toEqual({ text: "k", end: "line" });
  });

  it("clears the line on Ctrl-U", () => {
    expect(typed("wrong\u0015right\r")).toEqual({ text: "right", end: "line" });
  });

  it("drops arrow keys and other escape sequences, and other control characters", () => {
    expect(typed("k\u001b[De\u001b[1;5Cy\u001bOA\t\u0007\u001a\u0000\r")).toEqual({ text: "key", end: "line" });
    expect(typed("\u001b[200~key\u001b[201~\r")).toEqual({ text: "key", end: "line" });
  });

  it("drops an escape sequence split between inputs", () => {
    expect(typed("key\u001b", "[D\r")).toEqual({ text: "key", end: "line" });
    expect(typed("\u001b[200~key\u001b[20", "1~\r")).toEqual({ text: "key", end: "line" });
    expect(typed("key\u001bO", "A\r")).toEqual({ text: "key", end: "line" });
    expect(typed("key\u001b")).toEqual({ text: "key", pending: "\u001b" });
  });

  it("still ends or interrupts the line when a control key comes inside an unfinished escape sequence", () => {
    expect(typed("key\u001b[", "\u0003")).toEqual({ text: "key", end: "interrupt" });
    expect(typed("key\u001b[1;", "\r")).toEqual({ text: "key", end: "line" });
    expect(typed("key\u001bO\u0003")).toEqual({ text: "key", end: "interrupt" });
    // DEL ends the sequence and removes the "y", typed again after it.
    expect(typed("key\u001b[\u007fy\r")).toEqual({ text: "key", end: "line" });
  });

  it("drops a lone Escape without the key after it", () => {
    expect(typed("k\u001b", "ey\r")).toEqual({ text: "key", end: "line" });
  });

  it("has no end until one is typed", () => {
    expect(typed("ke", "y")).toEqual({ text: "key" });
  });
});
