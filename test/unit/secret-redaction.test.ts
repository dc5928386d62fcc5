import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { AdminApiError, createClient, InvalidInputError } from "../../src/index.js";
import { API_KEY, json, ORG, testClient } from "../helpers/recording-fetch.js";

/** Every way an error can be shown: message, stack, JSON, and inspect with its cause chain. */
function views(error: unknown): string {
  const e = error as Error;
  return [String(e), e.stack ?? "", JSON.stringify(e), inspect(e, { depth: 10, showHidden: true })].join("\n");
}

describe("the API key in errors", () => {
  it.each([400, 401, 403, 404, 429, 500, 503])(
    "appears nowhere in a %i error, even when the server echoes it",
    async (status) => {
      const { client, requests } = testClient(() =>
        json({ message: `bad key ${API_KEY}`, errors: [{ detail: `Authorization: Bearer ${API_KEY}` }] }, status),
      );
      const error = await client.apiTokens.count(ORG).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AdminApiError);
      expect(requests[0]?.headers.get("authorization")).toBe(`Bearer ${API_KEY}`);
      expect((error as AdminApiError).request?.headers.authorization).toBe("Bearer [REDACTED]");
      const shown = views(error);
      expect(shown).toContain("[REDACTED]");
      expect(shown).not.toContain(API_KEY);
    },
  );

  it("appears nowhere in a connection error whose cause quotes it", async () => {
    const { client } = testClient(() => Promise.reject(new TypeError(`socket hang up, sent Bearer ${API_KEY}`)));
    const error = await client.apiTokens.count(ORG).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ConnectionError" });
    expect(views(error)).not.toContain(API_KEY);
  });

  it("appears nowhere in an error about a huge body that repeats it", async () => {
    const huge = Array.from({ length: 20_000 }, () => API_KEY).join(" ");
    const { client } = testClient(() => json({ message: huge }, 400));
    const error = await client.apiTokens.count(ORG).catch((e: unknown) => e);
    expect(views(error)).not.toContain(API_KEY);
  });

  it("appears nowhere in an options error or the inspected client", () => {
    const error = (() => {
      try {
        createClient({ apiKey: API_KEY, retries: 2 } as never);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(views(error)).not.toContain(API_KEY);
    const { client } = testClient(() => json(0));
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(API_KEY);
    expect(JSON.stringify(client)).not.toContain(API_KEY);
  });
});
