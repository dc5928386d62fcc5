/**
 * The lines a terminal shows after `text`: enough of one to check that output and the progress line do not run
 * into each other. A carriage return goes to the line's start, `ESC [2K` erases the line, a newline starts the next.
 */
export function terminalScreen(text: string): string[] {
  const lines = [""];
  let column = 0;
  for (let i = 0; i < text.length; i++) {
    const at = lines.length - 1;
    if (text.startsWith("\u001b[2K", i)) {
      lines[at] = "";
      i += 3;
    } else if (text[i] === "\r") {
      column = 0;
    } else if (text[i] === "\n") {
      lines.push("");
      column = 0;
    } else {
      const line = lines[at] ?? "";
      lines[at] = line.slice(0, column) + text[i] + line.slice(column + 1);
      column += 1;
    }
  }
  return lines;
}
