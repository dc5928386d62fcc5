import { describe, expect, it } from "vitest";
import { createStatusLine } from "../../src/cli/status-line.js";
import { terminalScreen } from "./terminal-screen.js";

/** A status line on a fake terminal, with stdout and stderr sinks guarded by it, all writing to one screen. */
function terminal() {
  const writes: string[] = [];
  const raw = { write: (text: string) => writes.push(text) };
  const line = createStatusLine(raw);
  return { line, stdout: line.guard(raw), stderr: line.guard(raw), screen: () => terminalScreen(writes.join("")) };
}

describe("createStatusLine", () => {
  it("erases the status before output, so the two never share a line, and draws it again below", () => {
    const t = terminal();
    t.line.show("tokens list: 1 page, 1000 tokens");
    t.stdout.write("id,label\na,b\n");
    expect(t.screen()).toEqual(["id,label", "a,b", "tokens list: 1 page, 1000 tokens"]);
    t.line.show("tokens list: 2 pages, 2000 tokens");
    t.stdout.write("c,d\n");
    t.line.clear();
    expect(t.screen()).toEqual(["id,label", "a,b", "c,d", ""]);
  });

  it("waits while output stops mid-line, as a JSON document written in pieces does", () => {
    const t = terminal();
    t.stdout.write('[\n  {"id": "a"}');
    t.line.show("tokens list: 1 page, 1 token");
    expect(t.screen()).toEqual(["[", '  {"id": "a"}']);
    t.stdout.write("\n]\n");
    expect(t.screen()).toEqual(["[", '  {"id": "a"}', "]", "tokens list: 1 page, 1 token"]);
  });

  it("keeps a message on stderr off the status line too", () => {
    const t = terminal();
    t.line.show("audit: 3 pages, 300 tokens");
    t.stderr.write("GET /orgs/1/api-tokens: retrying after HTTP 503 in 800 ms\n");
    expect(t.screen()).toEqual([
      "GET /orgs/1/api-tokens: retrying after HTTP 503 in 800 ms",
      "audit: 3 pages, 300 tokens",
    ]);
  });

  it("writes nothing to the terminal for a status that was never drawn", () => {
    const writes: string[] = [];
    const line = createStatusLine({ write: (text: string) => writes.push(text) });
    line.guard({ write: () => {} }).write("partial");
    line.clear();
    expect(writes).toEqual([]);
  });
});

describe("createStatusLine on a narrow terminal", () => {
  it("cuts the status short of the last column, so erasing it leaves nothing behind", () => {
    const writes: string[] = [];
    let columns = 20;
    const line = createStatusLine({ write: (text) => writes.push(text) }, () => columns);
    line.show("tokens list: 2 pages, 2 tokens");
    expect(writes.at(-1)).toBe("\r\u001b[2Ktokens list: 2 pag…");
    // A wider terminal (a resize) shows it whole.
    columns = 80;
    line.show("tokens list: 3 pages, 3 tokens");
    expect(writes.at(-1)).toBe("\r\u001b[2Ktokens list: 3 pages, 3 tokens");
  });
});
