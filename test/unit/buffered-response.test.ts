import { describe, expect, it } from "vitest";
import { bufferedResponse } from "../../src/buffered-response.js";
import { createClient } from "../../src/index.js";

const original = () =>
  new Response('{"n":1}', { status: 201, statusText: "Created", headers: { "content-type": "application/json" } });
const buffered = () => {
  const response = original();
  return bufferedResponse(response, '{"n":1}');
};

describe("bufferedResponse", () => {
  it("is a Response with the original's status, statusText, headers and url", () => {
    const response = buffered();
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(201);
    expect(response.statusText).toBe("Created");
    expect(response.ok).toBe(true);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.url).toBe("");
  });

  it("reads text() and json() once from memory, then refuses like a used body", async () => {
    const response = buffered();
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ n: 1 });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toBeInstanceOf(TypeError);
    await expect(response.arrayBuffer()).rejects.toBeInstanceOf(TypeError);
    expect(() => response.clone()).toThrow(TypeError);
  });

  it("serves the other readers and the body stream with the same bytes", async () => {
    expect(new TextDecoder().decode(await buffered().arrayBuffer())).toBe('{"n":1}');
    expect(await (await buffered().blob()).text()).toBe('{"n":1}');
    const streamed = buffered();
    expect(await new Response(streamed.body).text()).toBe('{"n":1}');
    expect(streamed.bodyUsed).toBe(true);
  });

  it("clones into an independent response", async () => {
    const response = buffered();
    const copy = response.clone();
    expect(await copy.text()).toBe('{"n":1}');
    expect(await response.text()).toBe('{"n":1}');
  });

  it("is what client.raw hands back: readable, with the server's headers", async () => {
    const client = createClient({
      apiKey: "k",
      baseUrl: "http://127.0.0.1:1",
      fetch: async () =>
        new Response("42", { headers: { "content-type": "application/json", "x-ratelimit-remaining": "9" } }),
    });
    const { data, response } = await client.raw.GET("/orgs/{orgId}/api-tokens/count", {
      params: { path: { orgId: "o" } },
    });
    expect(data).toBe(42);
    expect(response.headers.get("x-ratelimit-remaining")).toBe("9");
    expect(response.bodyUsed).toBe(true);
  });
});
