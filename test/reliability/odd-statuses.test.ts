import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createClient, UnexpectedStatusError } from "../../src/index.js";
import { API_KEY, json, ORG, testClient } from "../helpers/recording-fetch.js";

/** A server that writes `head` (status line and headers) for every request, as some proxies and edges answer. */
async function rawServer(head: string) {
  let hits = 0;
  const server: Server = createServer((socket) => {
    socket.once("data", () => {
      hits += 1;
      socket.end(`${head}\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { baseUrl: `http://127.0.0.1:${port}/v1`, hits: () => hits, close: () => server.close() };
}

let close: (() => void) | undefined;
afterEach(() => close?.());

describe("answers a Response cannot be built with", () => {
  it("names a status above 599 with its request id, as a status the API does not send, and does not retry it", async () => {
    const server = await rawServer("HTTP/1.1 999 Request denied\r\nx-request-id: req-999");
    close = server.close;
    const client = createClient({ apiKey: API_KEY, baseUrl: server.baseUrl });
    const error = await client.apiTokens.count(ORG).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedStatusError);
    expect(error).toMatchObject({ status: 999, requestId: "req-999" });
    expect((error as Error).message).toMatch(/^999 on GET .*\(request id req-999\)\. No such answer is expected here/);
    expect(server.hits()).toBe(1);
  });

  it("reads a 2xx whose reason phrase a Response would refuse", async () => {
    const server = await rawServer("HTTP/1.1 200 \x7fFine\xff\r\ncontent-type: application/json");
    close = server.close;
    const client = createClient({ apiKey: API_KEY, baseUrl: server.baseUrl, maxRetries: 0 });
    await expect(client.serviceAccounts.countTokens(ORG, ["a"])).resolves.toEqual({
      validServiceAccountIds: [],
      invalidServiceAccountIds: [],
    });
  });
});

describe("408 Request Timeout", () => {
  it("is retried, and if it persists says the server gave up waiting", async () => {
    const { client, requests } = testClient(() => json({}, 408), { maxRetries: 2, maxRetryDelay: 0 });
    const error = await client.apiTokens.count(ORG).catch((e: unknown) => e);
    expect(requests).toHaveLength(3);
    expect(error).toBeInstanceOf(UnexpectedStatusError);
    expect((error as Error).message).toContain("The server gave up waiting for the request");
  });
});
