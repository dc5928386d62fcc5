import type { CliIo } from "./io.js";

/**
 * `readFile` reading each path once per run, a later read of it given the first one's result: the key file read
 * before the arguments are parsed (to know the key) is not read again when the command connects (to use it), and a
 * path given twice (a FIFO, `/dev/stdin`) gives its text once.
 */
export function readOnce(readFile: CliIo["readFile"]): CliIo["readFile"] {
  const reads = new Map<string, Promise<string>>();
  return (path, signal, options) => {
    let read = reads.get(path);
    if (!read) {
      read = readFile(path, signal, options);
      reads.set(path, read);
    }
    return read;
  };
}
