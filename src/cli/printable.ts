// C0/C1 control characters, DEL and the ESC of ANSI sequences: text from the server (a token label, an error
// message) must not be able to move the cursor, clear the screen, recolour or retitle the terminal. Nor reorder what
// follows it on the line: the bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E-200F,
// U+202A-202E, U+2066-2069) would let a label show a row's status or email reversed (the "Trojan Source" trick).
/** The set as a character class body, but the newline (U+000A), which text of several lines keeps. */
const BUT_NEWLINE = String.raw`\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069`;
const CONTROL = new RegExp(`[${BUT_NEWLINE}\\n]`, "g");
// The same sets without the global flag: `test` on them keeps no lastIndex between calls.
const HAS_CONTROL = new RegExp(CONTROL.source);
const CONTROL_BUT_NEWLINE = new RegExp(`[${BUT_NEWLINE}]`, "g");
const HAS_CONTROL_BUT_NEWLINE = new RegExp(CONTROL_BUT_NEWLINE.source);

/**
 * `text` as one printable line: every control character (bidirectional controls included), newlines too, blanked
 * to a space. One code unit for one, so the length (a table's column width) stays that of the raw text.
 */
export function printableLine(text: string): string {
  // Most text is clean: testing first skips building a copy of it.
  return HAS_CONTROL.test(text) ? text.replace(CONTROL, " ") : text;
}

/** `text` with every control character but the newline blanked to a space: its lines stay lines. */
export function printableLines(text: string): string {
  return HAS_CONTROL_BUT_NEWLINE.test(text) ? text.replace(CONTROL_BUT_NEWLINE, " ") : text;
}

/** Whether `text` holds a control character other than the newline (and so is not as `printableLines` prints it). */
export function hasControlButNewline(text: string): boolean {
  return HAS_CONTROL_BUT_NEWLINE.test(text);
}
