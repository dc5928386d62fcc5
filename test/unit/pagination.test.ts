import { describe, expect, it } from "vitest";
import { InvalidInputError, InvalidResponseError } from "../../src/index.js";
import { json, ORG, type SentRequest, testClient, token } from "../helpers/recording-fetch.js";

/** `total` tokens in pages of the requested pageSize; cursors are "c<offset>", `next` absent on the last page. */
function pagedList(total: number) {
  return (request: SentRequest) => {
    const size = Number(request.query.get("pageSize"));
    const offset = Number(request.query.get("cursor")?.slice(1) ?? 0);
    const end = Math.min(total, offset + size);
    const data = Array.from({ length: end - offset }, (_, i) => token(`t${offset + i}`));
    return json({ data, links: end < total ? { self: `c${offset}`, next: `c${end}` } : { self: `c${offset}` } });
  };
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe("apiTokens.list pagination", () => {
  it("answers next() calls made without waiting in order, each item once, then done", async () => {
    const { client, requests } = testClient(pagedList(5));
    const iterator = client.apiTokens.list(ORG, { pageSize: 2 })[Symbol.asyncIterator]();
    const results = await Promise.all(Array.from({ length: 7 }, () => iterator.next()));
    expect(results.map((r) => (r.done ? "done" : r.value.id))).toEqual(["t0", "t1", "t2", "t3", "t4", "done", "done"]);
    expect(requests.map((r) => r.query.get("cursor"))).toEqual([null, "c2", "c4"]);
  });

  it("skips empty pages in item iteration and ends the walk on return()", async () => {
    const { client } = testClient((request) => {
      const cursor = request.query.get("cursor");
      if (cursor === null) return json({ data: [], links: { next: "c1" } });
      if (cursor === "c1") return json({ data: [token("t1")], links: { next: "c2" } });
      return json({ data: [token("t2")], links: {} });
    });
    const iterator = client.apiTokens.list(ORG)[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: token("t1"), done: false });
    expect(await iterator.return?.()).toEqual({ value: undefined, done: true });
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it("follows links.next with the same filters and pageSize until the last page", async () => {
    const { client, requests } = testClient(pagedList(7));
    const tokens = await collect(
      client.apiTokens.list(ORG, { status: "ALLOWED", q: "mia", sort: "-lastActiveAt", pageSize: 3 }),
    );
    expect(ids(tokens)).toEqual(["t0", "t1", "t2", "t3", "t4", "t5", "t6"]);
    expect(requests.map((r) => r.query.get("cursor"))).toEqual([null, "c3", "c6"]);
    for (const request of requests) {
      expect(request.method).toBe("GET");
      expect(request.route).toBe(`/orgs/${ORG}/api-tokens`);
      expect(request.query.get("status")).toBe("ALLOWED");
      expect(request.query.get("q")).toBe("mia");
      expect(request.query.get("sort")).toBe("-lastActiveAt");
      expect(request.query.get("pageSize")).toBe("3");
    }
  });

  it.each([
    ["missing", {}],
    ["null", { next: null }],
    ["empty", { next: "" }],
    ["a full URL with an empty cursor", { next: "https://api.example.test/v1/orgs/org-1/api-tokens?cursor=" }],
  ])("stops when links.next is %s", async (_, lastLinks) => {
    const { client, requests } = testClient((_request, i) =>
      json(i === 0 ? { data: [token("a")], links: { next: "c1" } } : { data: [token("b")], links: lastLinks }),
    );
    expect(ids(await collect(client.apiTokens.list(ORG)))).toEqual(["a", "b"]);
    expect(requests).toHaveLength(2);
  });

  it("takes the cursor parameter of a links.next that is a full URL", async () => {
    const next =
      "https://api.atlassian.com/admin/api-access/v1/orgs/org-1/api-tokens?pageSize=2&cursor=eyJvIjoyfQ%3D%3D";
    const { client, requests } = testClient((_request, i) =>
      json(i === 0 ? { data: [token("a")], links: { next } } : { data: [token("b")], links: {} }),
    );
    await collect(client.apiTokens.list(ORG, { pageSize: 2 }));
    expect(requests).toHaveLength(2);
    expect(requests[1]?.url.origin).toBe(new URL(requests[0]?.url ?? "").origin);
    expect(requests[1]?.query.get("cursor")).toBe("eyJvIjoyfQ==");
    expect(requests[1]?.query.get("pageSize")).toBe("2");
  });

  it("throws InvalidResponseError instead of looping when the API repeats the cursor", async () => {
    const { client, requests } = testClient((_request, i) =>
      i > 10 ? json({}, 500) : json({ data: [token(`t${i}`)], links: { next: "same" } }),
    );
    await expect(collect(client.apiTokens.list(ORG))).rejects.toThrow(InvalidResponseError);
    expect(requests.map((r) => r.query.get("cursor"))).toEqual([null, "same"]);
  });

  it("names the response that repeated a cursor: status, request id, request and what to do", async () => {
    const { client } = testClient((request, i) =>
      i > 10
        ? json({}, 500)
        : json({ data: [token(`t${i}`)], links: { next: request.query.get("cursor") ?? "c1" } }, 200, {
            "x-request-id": `req-${i}`,
          }),
    );
    const error = (await collect(client.apiTokens.list(ORG)).catch((e: unknown) => e)) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, requestId: "req-1", resumeCursor: "c1" });
    expect(error.request?.method).toBe("GET");
    expect(error.request?.headers.authorization).toBe("Bearer [REDACTED]");
    expect(error.message).toBe(
      `200 on GET /admin/api-access/v1/orgs/${ORG}/api-tokens (request id req-1): the API repeated the page cursor "c1", so the walk stopped instead of looping. Retry; if it persists, something between you and the API is answering instead of it.`,
    );
  });

  it("throws InvalidResponseError when the first page's next is its own links.self", async () => {
    const { client, requests } = testClient((_request, i) =>
      i > 10 ? json({}, 500) : json({ data: [token(`t${i}`)], links: { self: "c0", next: "c0" } }),
    );
    await expect(collect(client.apiTokens.list(ORG))).rejects.toThrow(/repeated the page cursor "c0"/);
    expect(requests).toHaveLength(1);
  });

  it("reads a links.self that is a full URL by its cursor parameter", async () => {
    const self = "https://api.example.test/admin/api-access/v1/orgs/org-1/api-tokens?cursor=c5&pageSize=5";
    const { client, requests } = testClient((_request, i) =>
      i > 10 ? json({}, 500) : json({ data: [token(`t${i}`)], links: { self, next: "c5" } }),
    );
    await expect(collect(client.apiTokens.list(ORG))).rejects.toThrow(/repeated the page cursor "c5"/);
    expect(requests).toHaveLength(1);
  });

  it("types a page's links as possibly absent, and gives undefined when the API sent none", async () => {
    const { client } = testClient(() => json({ data: [token("t0")] }));
    const page = await client.apiTokens.list(ORG);
    expect(page.links).toBeUndefined();
    expect(page.nextCursor).toBeUndefined();
  });

  it("throws InvalidResponseError when a cursor comes back after other pages", async () => {
    const nextOf: Record<string, string> = { start: "c1", c1: "c2", c2: "c1" };
    const { client, requests } = testClient((request, i) =>
      i > 10 ? json({}, 500) : json({ data: [], links: { next: nextOf[request.query.get("cursor") ?? "start"] } }),
    );
    await expect(collect(client.apiTokens.list(ORG).pages())).rejects.toThrow(/repeated the page cursor "c1"/);
    expect(requests.map((r) => r.query.get("cursor"))).toEqual([null, "c1", "c2"]);
  });

  it("gives the first page, and only it, when awaited", async () => {
    const { client, requests } = testClient(pagedList(5));
    const list = client.apiTokens.list(ORG, { pageSize: 2 });
    const page = await list;
    expect(ids(page.data)).toEqual(["t0", "t1"]);
    expect(page.nextCursor).toBe("c2");
    expect(page.links).toEqual({ self: "c0", next: "c2" });
    expect(await list).toBe(page);
    expect(requests).toHaveLength(1);
  });

  it("yields every page from pages()", async () => {
    const { client } = testClient(pagedList(5));
    const pages = await collect(client.apiTokens.list(ORG, { pageSize: 2 }).pages());
    expect(pages.map((page) => ids(page.data))).toEqual([["t0", "t1"], ["t2", "t3"], ["t4"]]);
    expect(pages.map((page) => page.nextCursor)).toEqual(["c2", "c4", undefined]);
  });

  it("stops toArray at the limit without fetching pages it does not need", async () => {
    const { client, requests } = testClient(pagedList(100));
    const tokens = await client.apiTokens.list(ORG, { pageSize: 3 }).toArray({ limit: 5 });
    expect(ids(tokens)).toEqual(["t0", "t1", "t2", "t3", "t4"]);
    expect(requests).toHaveLength(2);
  });

  it("returns every item from toArray when the list is shorter than the limit", async () => {
    const { client } = testClient(pagedList(4));
    expect(await client.apiTokens.list(ORG, { pageSize: 3 }).toArray({ limit: 50 })).toHaveLength(4);
  });

  it.each([
    ["no options", undefined],
    ["no limit", {}],
    ["a zero limit", { limit: 0 }],
    ["a fractional limit", { limit: 2.5 }],
  ])("refuses toArray with %s before sending anything", async (_, options) => {
    const { client, requests } = testClient(pagedList(4));
    await expect(client.apiTokens.list(ORG).toArray(options as never)).rejects.toThrow(InvalidInputError);
    expect(requests).toHaveLength(0);
  });

  it("ends pages({ limit }) with the page that reaches the limit, uncut, and requests none beyond it", async () => {
    const { client, requests } = testClient(pagedList(20));
    const pages = [];
    for await (const page of client.apiTokens.list(ORG, { pageSize: 3 }).pages({ limit: 7 })) pages.push(page);
    expect(pages.map((p) => p.data.length)).toEqual([3, 3, 3]);
    expect(requests.map((r) => r.query.get("cursor"))).toEqual([null, "c3", "c6"]);
  });

  it.each([0, -1, 2.5, Number.NaN])(
    "refuses pages({ limit: %s }) at its first step, before sending anything",
    async (limit) => {
      const { client, requests } = testClient(pagedList(4));
      const pages = client.apiTokens.list(ORG).pages({ limit });
      await expect(pages.next()).rejects.toThrow(InvalidInputError);
      expect(requests).toHaveLength(0);
    },
  );

  it("sends nothing before the list is awaited or iterated", async () => {
    const { client, requests } = testClient(pagedList(4));
    const list = client.apiTokens.list(ORG);
    const pages = list.pages();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(requests).toHaveLength(0);
    await pages.next();
    expect(requests).toHaveLength(1);
  });

  it("sends pageSize 1000 when the caller sets none", async () => {
    const { client, requests } = testClient(pagedList(1));
    await client.apiTokens.list(ORG);
    expect(requests[0]?.query.get("pageSize")).toBe("1000");
  });

  it("starts at startCursor and tags a failed page with resumeCursor", async () => {
    const { client, requests } = testClient((request) =>
      request.query.get("cursor") === "c2" ? json({ data: [], links: { next: "c3" } }) : json({}, 404),
    );
    const error = await collect(client.apiTokens.list(ORG, {}, { startCursor: "c2" })).catch((e: unknown) => e);
    expect(requests.map((r) => r.query.get("cursor"))).toEqual(["c2", "c3"]);
    expect(error).toMatchObject({ name: "NotFoundError", resumeCursor: "c3" });
  });
});

describe("long walks", () => {
  it("leaves no listener behind on the walk's signal or the caller's, page after page", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    const caller = new AbortController();
    const { client, requests } = testClient(pagedList(60));
    try {
      const pages = await collect(client.apiTokens.list(ORG, { pageSize: 1 }, { signal: caller.signal }).pages());
      expect(pages).toHaveLength(60);
      const items = await collect(client.apiTokens.list(ORG, { pageSize: 1 }));
      expect(items).toHaveLength(60);
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off("warning", onWarning);
    }
    expect(requests).toHaveLength(120);
    // Node warns past 10 listeners on one signal: 60 pages would have left 60.
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
  });
});
