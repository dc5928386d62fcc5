// C0/C1 control characters, DEL and the ESC of ANSI sequences: text from the server (a token label, an error
// message) must not be able to move the cursor, clear the screen, recolour or retitle the terminal. Nor reorder what
// follows it on the line: the bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E-200F,
// U+202A-202E, U+2066-2069) would let a label show a row's status or email reversed (the "Trojan Source" trick).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same set, for a test without the global flag's state
const HAS_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same set but the newline, for text of several lines
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same set but the newline, without the global flag
const HAS_CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

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
