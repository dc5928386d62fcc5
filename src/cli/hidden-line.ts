/**
 * A line typed at a terminal in raw mode, where the terminal neither echoes nor edits: the keys that end or edit the
 * line are applied here. A pure function of what was typed so far and what comes next, so the editing is tested
 * without a terminal.
 */

/** A line as typed so far, and how it ended, if it has. */
export interface TypedLine {
  text: string;
  /** `line`: Enter (or Ctrl-D); `interrupt`: Ctrl-C, which raw mode delivers as a key instead of a signal. */
  end?: "line" | "interrupt";
}

const ESC = "\u001b";

/**
 * `line` after the keys in `input`. Enter (CR or LF) and Ctrl-D end the line; Ctrl-C interrupts; Backspace (DEL or
 * BS) removes the last character and Ctrl-U the whole line; an escape sequence (an arrow key: `ESC [ A`) and any
 * other control character are dropped. Whatever follows the end is ignored.
 */
export function typeInto(line: TypedLine, input: string): TypedLine {
  if (line.end) return line;
  let text = line.text;
  for (let i = 0; i < input.length; i++) {
    const key = input[i] as string;
    if (key === "\r" || key === "\n" || key === "\u0004") return { text, end: "line" };
    if (key === "\u0003") return { text, end: "interrupt" };
    if (key === "\u007f" || key === "\b") text = withoutLast(text);
    else if (key === "\u0015") text = "";
    else if (key === ESC) i = escapeEnd(input, i);
    else if (key >= " ") text += key;
  }
  return { text };
}

/** `text` without its last character, a surrogate pair (an emoji) counting as one. */
function withoutLast(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return text.slice(0, last >= 0xdc00 && last <= 0xdfff && text.length > 1 ? -2 : -1);
}

/**
 * Where the escape sequence starting at `at` ends: a CSI (`ESC [`, parameters, then a final byte from `@` to `~`), an
 * SS3 (`ESC O` and one key), or the ESC alone.
 */
function escapeEnd(input: string, at: number): number {
  const kind = input[at + 1];
  if (kind === "O") return Math.min(at + 2, input.length - 1);
  if (kind !== "[") return at;
  let i = at + 2;
  while (i < input.length && !((input[i] as string) >= "@" && (input[i] as string) <= "~")) i++;
  return Math.min(i, input.length - 1);
}
