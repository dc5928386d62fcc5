import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createClient, InvalidInputError, InvalidResponseError, ServerError } from "../../src/index.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../../src/options.js";
import { readText } from "../../src/read-body.js";
import { json, ORG, testClient, token } from "../helpers/recording-fetch.js";

/** A response whose body arrives as the given chunks of bytes. */
function chunked(chunks: readonly Uint8Array[], init: ResponseInit = {}): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(stream, init);
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const LIMIT = 1_000_000;

/** `bytes` cut into pieces of `size` bytes: multi-byte characters end up split between chunks. */
const pieces = (bytes: Uint8Array, size: number) =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

/**
 * A body of `total` bytes in chunks of `size`, counting what was pulled and whether it was cancelled. Large, not
 * endless: a limit that failed to stop the reading ends in a failed assertion, not a test that never returns.
 */
function huge(size: number, total = 64 * 1024 * 1024) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      state.pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

describe("readText", () => {
  const cases: [name: string, bytes: Uint8Array][] = [
    ["ASCII", utf8('{"label":"ci"}')],
    ["multi-byte characters", utf8('{"label":"Zoë — 東京 🚀"}')],
    ["a leading BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("42")])],
    ["malformed UTF-8", new Uint8Array([0x22, 0xc3, 0x28, 0xff, 0x22])],
    ["nothing", new Uint8Array()],
  ];

  for (const [name, bytes] of cases) {
    it(`reads ${name} exactly as response.text() does, in one chunk or split anywhere`, async () => {
      const expected = await new Response(bytes.slice()).text();
      expect(await readText(chunked([bytes]), LIMIT)).toBe(expected);
      for (const size of [1, 2, 3]) expect(await readText(chunked(pieces(bytes, size)), LIMIT)).toBe(expected);
    });
  }

  it("reads a response without a body as empty", async () => {
    expect(await readText(new Response(null, { status: 204 }), LIMIT)).toBe("");
  });

  it("leaves the response's body used, as text() would", async () => {
    const response = chunked([utf8("1")]);
    await readText(response, LIMIT);
    expect(response.bodyUsed).toBe(true);
  });
});

describe("readText with bodies of other kinds", () => {
  it("reads ArrayBuffer chunks, and any other view, as bytes", async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(utf8("ab").buffer);
        controller.enqueue(new DataView(utf8("cd").buffer));
        controller.close();
      },
    });
    expect(await readText(new Response(stream as ReadableStream<Uint8Array>), LIMIT)).toBe("abcd");
  });

  it("refuses a chunk that is not bytes with a TypeError", async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue("text");
        controller.close();
      },
    });
    await expect(readText(new Response(stream as ReadableStream<Uint8Array>), LIMIT)).rejects.toThrow(TypeError);
  });

  it("rejects a body already read, as text() does, even when its reader was released", async () => {
    const response = new Response("42");
    const reader = response.body?.getReader();
    while (reader && !(await reader.read()).done);
    reader?.releaseLock();
    await expect(readText(response, LIMIT)).rejects.toThrow(TypeError);
  });

  it("reads a response whose body is neither stream through its text(), the limit applied after", async () => {
    const other = (text: string) =>
      ({
        status: 200,
        ok: true,
        headers: new Headers({ "content-type": "application/json" }),
        body: { pipe() {} },
        bodyUsed: false,
        text: async () => text,
      }) as unknown as Response;
    expect(await readText(other("7"), LIMIT)).toBe("7");
    expect(await readText(other("x".repeat(101)), 100)).toBeUndefined();
    const { client } = testClient(() => other("7"));
    expect(await client.apiTokens.count(ORG)).toBe(7);
  });
});

/**
 * A response as node-fetch makes one: its body a Node stream, which it reads through its own `text()`. The `text()`
 * here fails the test if called, since the body must be read as a stream.
 */
function nodeFetchResponse(body: Readable, headers: Record<string, string> = {}): Response {
  return {
    status: 200,
    ok: true,
    headers: new Headers({ "content-type": "application/json", ...headers }),
    body,
    bodyUsed: false,
    text: async () => expect.fail("text() was called: the Node stream should have been read chunk by chunk"),
  } as unknown as Response;
}

/** A Node stream of `total` bytes in chunks of `size`, made as they are pulled, counting them. */
function hugeNodeStream(size: number, total = 64 * 1024 * 1024) {
  const state = { pulled: 0 };
  const body = Readable.from(
    (function* () {
      while (state.pulled < total) {
        state.pulled += size;
        yield Buffer.alloc(size, 0x20);
      }
    })(),
  );
  return { body, state };
}

describe("readText of a Node stream (node-fetch's body)", () => {
  it("reads it chunk by chunk, exactly as text() reads the same bytes", async () => {
    const bytes = utf8('\ufeff{"label":"Zoë — 東京 🚀"}');
    const expected = await new Response(bytes.slice()).text();
    for (const size of [1, 2, 3, bytes.length]) {
      const body = Readable.from(pieces(bytes, size).map((piece) => Buffer.from(piece)));
      expect(await readText(nodeFetchResponse(body), LIMIT)).toBe(expected);
    }
  });

  it("stops at the first chunk past the limit and destroys the stream, the rest never made", async () => {
    const { body, state } = hugeNodeStream(64 * 1024);
    expect(await readText(nodeFetchResponse(body), 1_000_000)).toBeUndefined();
    await new Promise((resolve) => setImmediate(resolve));
    expect(body.destroyed).toBe(true);
    expect(state.pulled).toBeLessThanOrEqual(1_000_000 + 20 * 64 * 1024);
  });

  it("is held to maxResponseBytes through the client: InvalidResponseError, nothing read past it", async () => {
    const { body, state } = hugeNodeStream(16 * 1024);
    const { client, requests } = testClient(() => nodeFetchResponse(body, { "x-request-id": "req-node" }), {
      maxResponseBytes: 100_000,
    });
    const error = await Promise.resolve(client.apiTokens.list(ORG)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, requestId: "req-node" });
    expect(requests).toHaveLength(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(body.destroyed).toBe(true);
    expect(state.pulled).toBeLessThanOrEqual(100_000 + 20 * 16 * 1024);
  });

  it("reads a page of tokens from it through the client", async () => {
    const page = { data: [{ ...token("t1"), label: "Zoë" }], links: {} };
    const bytes = utf8(JSON.stringify(page));
    const { client } = testClient(() => nodeFetchResponse(Readable.from(pieces(bytes, 5).map((p) => Buffer.from(p)))));
    expect((await client.apiTokens.list(ORG)).data).toEqual(page.data);
  });
});

describe("readText's limit", () => {
  it("reads a body of exactly the limit, and none a byte over it", async () => {
    const bytes = utf8("x".repeat(100));
    expect(await readText(chunked(pieces(bytes, 30)), 100)).toBe("x".repeat(100));
    expect(await readText(chunked(pieces(bytes, 30)), 99)).toBeUndefined();
  });

  it("stops a huge body at the first chunk past the limit and cancels the rest", async () => {
    const { stream, state } = huge(64 * 1024);
    expect(await readText(new Response(stream), 1_000_000)).toBeUndefined();
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThanOrEqual(1_000_000 + 2 * 64 * 1024);
  });
});

describe("maxResponseBytes, through the client", () => {
  it("throws InvalidResponseError for a 2xx over it, naming the status, request id and what to do, without retrying", async () => {
    const { stream, state } = huge(16 * 1024);
    const { client, requests } = testClient(
      () => new Response(stream, { headers: { "content-type": "application/json", "x-request-id": "req-big" } }),
      { maxResponseBytes: 100_000, maxRetries: 3 },
    );
    const error = await Promise.resolve(client.apiTokens.list(ORG)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, requestId: "req-big" });
    expect((error as Error).message).toMatch(
      /^200 on GET \/.*\/api-tokens \(request id req-big\): .*maxResponseBytes \(100000 bytes\).*pageSize/,
    );
    expect(requests).toHaveLength(1);
    expect(state.cancelled).toBe(true);
  });

  it("keeps an error status's class when its body is over it, retried as the status says", async () => {
    const { client, requests } = testClient(() => new Response("x".repeat(5_000), { status: 503 }), {
      maxResponseBytes: 1_000,
      maxRetries: 1,
      maxRetryDelay: 1,
    });
    const error = await client.apiTokens.count(ORG).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 503 });
    // The body was dropped, not kept whole.
    expect(JSON.stringify((error as ServerError).body) ?? "").not.toContain("xxx");
    expect(requests).toHaveLength(2);
  });

  it("lets a revocation succeed whatever its 2xx body, which is ignored", async () => {
    const { client, requests } = testClient(() => new Response("x".repeat(5_000), { status: 200 }), {
      maxResponseBytes: 1_000,
    });
    await expect(client.apiTokens.revokeAll(ORG)).resolves.toBeUndefined();
    await expect(client.serviceAccounts.revokeTokens(ORG, "sa-1")).resolves.toBeUndefined();
    expect(requests.map((r) => r.method)).toEqual(["DELETE", "DELETE"]);
  });

  it("reads a body up to it", async () => {
    const { client } = testClient(() => json(12_345), { maxResponseBytes: 5 });
    expect(await client.apiTokens.count(ORG)).toBe(12_345);
  });

  it("defaults to 32 MiB and must be a whole number of bytes, at least 1", () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(32 * 1024 * 1024);
    for (const maxResponseBytes of [0, 1.5, -1, Number.NaN, "1000" as unknown as number]) {
      expect(() => createClient({ apiKey: "k", maxResponseBytes }), String(maxResponseBytes)).toThrow(
        InvalidInputError,
      );
    }
  });
});

describe("a body split into chunks, through the client", () => {
  it("parses a page whose characters straddle chunk boundaries", async () => {
    const page = { data: [{ ...token("t1"), label: "Zoë — 東京 🚀" }], links: {} };
    const bytes = utf8(JSON.stringify(page));
    const { client } = testClient(() => chunked(pieces(bytes, 7), { headers: { "content-type": "application/json" } }));
    expect((await client.apiTokens.list(ORG)).data).toEqual(page.data);
  });

  it("reads a count whose body starts with a BOM", async () => {
    const { client } = testClient(() =>
      chunked([new Uint8Array([0xef, 0xbb, 0xbf]), utf8("7")], { headers: json(0).headers }),
    );
    expect(await client.apiTokens.count(ORG)).toBe(7);
  });
});

describe("readText across chunk boundaries", () => {
  /** Bytes cut at the given offsets. */
  const cut = (bytes: Uint8Array, at: readonly number[]) => {
    const ends = [...new Set(at.map((n) => n % (bytes.length + 1)))].sort((a, b) => a - b);
    const parts: Uint8Array[] = [];
    let start = 0;
    for (const end of [...ends, bytes.length]) {
      parts.push(bytes.slice(start, end));
      start = end;
    }
    return parts;
  };

  it("keeps a U+FEFF that starts a later chunk, and drops only the body's leading one", async () => {
    const bom = [0xef, 0xbb, 0xbf];
    const bytes = new Uint8Array([...bom, ...utf8('"a'), ...bom, ...utf8('b"')]);
    const expected = await new Response(bytes.slice()).text();
    expect(expected).toBe('"a\uFEFFb"');
    expect(await readText(chunked(cut(bytes, [5])), LIMIT)).toBe(expected);
    expect(await readText(chunked(cut(bytes, [3, 5])), LIMIT)).toBe(expected);
  });

  it("reads any bytes cut anywhere as response.text() reads them whole", async () => {
    const byte = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.constantFrom(0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0xe2, 0x80, 0x94, 0xf0, 0x9f, 0x9a, 0x80, 0xff, 0xc0),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(byte, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 8 }), async (list, at) => {
        const bytes = new Uint8Array(list);
        const expected = await new Response(bytes.slice()).text();
        expect(await readText(chunked(cut(bytes, at)), LIMIT)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
