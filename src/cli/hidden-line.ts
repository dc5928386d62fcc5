/**
 * A line typed at a terminal in raw mode, where the terminal neither echoes nor edits: the keys that end or edit the
 * line are applied here. A pure function of what was typed so far and what comes next, so the editing is tested
 * without a terminal.
 */

/** A line as typed so far, and how it ended, if it has. */
export interface TypedLine {
  text: string;
  /**
   * `line`: Enter (or Ctrl-D); `interrupt`: Ctrl-C or Ctrl-\, which raw mode delivers as keys instead of signals.
   */
  end?: "line" | "interrupt";
  /** The start of an escape sequence (an arrow key) that the next input finishes: dropped with it. */
  pending?: string;
}

const ESC = "\u001b";

/**
 * `line` after the keys in `input`. Enter (CR or LF) and Ctrl-D end the line; Ctrl-C and Ctrl-\ interrupt;
 * Backspace (DEL or BS) removes the last character and Ctrl-U the whole line; an escape sequence (an arrow key:
 * `ESC [ A`, a paste's `ESC [ 200 ~`), even one split between inputs, and any other control character (Ctrl-Z
 * included: raw mode cannot suspend) are dropped. Whatever follows the end is ignored.
 */
export function typeInto(line: TypedLine, input: string): TypedLine {
  if (line.end) return line;
  const keys = (line.pending ?? "") + input;
  let text = line.text;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key === "\r" || key === "\n" || key === "\u0004") return { text, end: "line" };
    if (key === "\u0003" || key === "\u001c") return { text, end: "interrupt" };
    if (key === "\u007f" || key === "\b") text = withoutLast(text);
    else if (key === "\u0015") text = "";
    else if (key === ESC) {
      const end = escapeEnd(keys, i);
      if (end === undefined) return { text, pending: keys.slice(i) };
      i = end;
    } else if (key >= " ") text += key;
  }
  return { text };
}

/** `text` without its last character, a surrogate pair (an emoji) counting as one. */
function withoutLast(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return text.slice(0, last >= 0xdc00 && last <= 0xdfff && text.length > 1 ? -2 : -1);
}

/**
 * Where the escape sequence starting at `at` ends: a CSI (`ESC [`, parameter and intermediate bytes from space to `?`,
 * then a final byte from `@` to `~`), an SS3 (`ESC O` and one printable key), or the ESC alone. A control character
 * ends the sequence before it and stays a key of its own: Ctrl-C or Enter after a stray `ESC [` still works.
 * Undefined when `keys` ends before the sequence does.
 */
function escapeEnd(keys: string, at: number): number | undefined {
  const kind = keys[at + 1];
  if (kind === undefined) return undefined;
  if (kind === "O") {
    const key = keys[at + 2];
    if (key === undefined) return undefined;
    return key >= " " && key <= "~" ? at + 2 : at + 1;
  }
  if (kind !== "[") return at;
  for (let i = at + 2; i < keys.length; i++) {
    const c = keys[i] as string;
    if (c >= "@" && c <= "~") return i;
    if (c < " " || c > "?") return i - 1;
  }
  return undefined;
}
