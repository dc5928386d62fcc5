/**
 * A response body read as text, as `response.text()` reads it (UTF-8, a leading BOM dropped, malformed bytes
 * replaced), chunk by chunk up to a limit: a body past it is not read further. In Node 20 a reader and one TextDecoder
 * also cost about a third less than undici's `text()`, which shows on every call.
 */

/** Made on first use (creating a client, or importing it, builds none); drops a leading BOM, as text() does. */
let decoder: TextDecoder | undefined;
/** Decodes the text after the first piece: a U+FEFF there is a character of the text, kept. */
let decoderKeepingBom: TextDecoder | undefined;

/** How a body's chunks are pulled: a web stream's reader, or the same two calls over a Node stream. */
interface ChunkReader {
  read(): Promise<IteratorResult<unknown>>;
  cancel(): Promise<unknown>;
}

/**
 * A reader of a body: a web stream's own, or one over a Node stream's async iterator (node-fetch's bodies), whose
 * `return()` destroys the stream. Undefined for anything else, which `text()` must read.
 */
function readerOf(body: unknown): ChunkReader | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  if (typeof (body as ReadableStream).getReader === "function") return (body as ReadableStream).getReader();
  const iterate = (body as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator];
  if (typeof iterate !== "function") return undefined;
  const iterator = iterate.call(body);
  return { read: () => iterator.next(), cancel: async () => iterator.return?.() };
}

/** The body as text, or undefined when it runs over `maxBytes` (the rest is cancelled, never read). */
export async function readText(response: Response, maxBytes: number): Promise<string | undefined> {
  // No body (a 204, say), a body already read (text() says so, as it would), or a body of a kind neither stream
  // is: `text()` knows what it holds.
  const reader = response.bodyUsed ? undefined : readerOf(response.body);
  if (!reader) {
    // Read whole, so the limit can only be applied after the fact (by code units, never more than the bytes).
    const text = await response.text();
    return text.length > maxBytes ? undefined : text;
  }
  // Bytes are decoded whenever a chunk ends in an ASCII byte, which ends any character before it: a character split
  // between chunks waits for the rest. Decoding each piece as it comes spares copying the whole body into one array
  // first (new Uint8Array zero-fills it); JSON.parse flattens the pieces at one copy.
  let text = "";
  let decoded = false;
  let pending: Uint8Array[] = [];
  let pendingSize = 0;
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunk = bytesOf(value);
    size += chunk.byteLength;
    if (size > maxBytes) {
      // Not awaited: a stream that does not settle its cancel cannot hold the attempt.
      reader.cancel().catch(() => {});
      return undefined;
    }
    if (chunk.byteLength === 0) continue;
    pending.push(chunk);
    pendingSize += chunk.byteLength;
    if ((chunk[chunk.byteLength - 1] as number) < 0x80) {
      text += decode(pending.length === 1 ? chunk : concat(pending, pendingSize), decoded);
      decoded = true;
      pending = [];
      pendingSize = 0;
    }
  }
  return pending.length > 0 ? text + decode(concat(pending, pendingSize), decoded) : text;
}

/** Bytes that hold whole characters, as text: a leading BOM dropped from the body's first bytes only. */
function decode(bytes: Uint8Array, after: boolean): string {
  if (after) {
    decoderKeepingBom ??= new TextDecoder("utf-8", { ignoreBOM: true });
    return decoderKeepingBom.decode(bytes);
  }
  decoder ??= new TextDecoder();
  return decoder.decode(bytes);
}

/** A chunk as bytes: a stream of another fetch may hand ArrayBuffers or other views; anything else is a TypeError. */
function bytesOf(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  throw new TypeError("the response body stream gave a chunk that is not bytes");
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
