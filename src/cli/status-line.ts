import type { TextSink } from "./io.js";

/** Moves to the start of the line and erases it. */
const ERASE = "\r\u001b[2K";

/**
 * The one transient line at the bottom of a terminal (the progress line), kept apart from everything else written
 * to that terminal.
 */
export interface StatusLine {
  /** Shows `text` in place of the previous status; drawn once the cursor is at the start of a line. */
  show(text: string): void;
  /** Erases the status and forgets it. */
  clear(): void;
  /**
   * A sink writing to the same terminal: each write first erases the status, so the two never run into one line,
   * and the status comes back below once the output has ended a line.
   */
  guard(sink: TextSink): TextSink;
}

/**
 * A status line drawn on `terminal`. It is drawn only at the start of a line: erasing it erases the whole line,
 * which must hold nothing else (a JSON document written in pieces often stops mid-line). It is cut to the terminal's
 * width as `columns` gives it when drawn: a status that wrapped would leave its first row behind when erased.
 */
export function createStatusLine(terminal: TextSink, columns: () => number | undefined = () => undefined): StatusLine {
  let status: string | undefined;
  let drawn = false;
  let atLineStart = true;
  const draw = () => {
    if (status === undefined || !atLineStart) return;
    terminal.write(`${ERASE}${fitted(status, columns())}`);
    drawn = true;
  };
  const erase = () => {
    if (drawn) terminal.write(ERASE);
    drawn = false;
  };
  return {
    show(text) {
      status = text;
      draw();
    },
    clear() {
      status = undefined;
      erase();
    },
    guard(sink) {
      return {
        write(text) {
          erase();
          const written = sink.write(text);
          if (text.length > 0) atLineStart = text.endsWith("\n");
          draw();
          return written;
        },
      };
    },
  };
}

/** `text` cut to fit a line of `columns` without reaching its last column (where a terminal may wrap), marked "…". */
function fitted(text: string, columns: number | undefined): string {
  if (columns === undefined || !(columns >= 2) || text.length < columns) return text;
  return `${text.slice(0, columns - 2)}…`;
}
