import type { CliIo } from "./io.js";

/**
 * `readFile` reading each path once per run, a later read of it given the first one's result: the key file read
 * before the arguments are parsed (to know the key) is not read again when the command connects (to use it), and a
 * path given twice (a FIFO, `/dev/stdin`) gives its text once (once as a secret, once as text).
 */
export function readOnce(readFile: CliIo["readFile"]): CliIo["readFile"] {
  const reads = new Map<string, Promise<string>>();
  return (path, signal, options) => {
    // A secret's read is its own: a terminal given as both the key file and an id file is asked for each, the key
    // without echo, and the ids' text is never taken for the key.
    const key = `${options?.secret ? "secret" : "text"}:${path}`;
    let read = reads.get(key);
    if (!read) {
      read = readFile(path, signal, options);
      reads.set(key, read);
    }
    return read;
  };
}
