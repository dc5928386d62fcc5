import { describe, expect, it } from "vitest";
import { compareSpecs, type SpecChange } from "../../scripts/compare-specs.js";

/** A tiny spec: one GET with a status enum and a page size, one DELETE, and a response schema via $ref. */
function spec(edit: (s: ReturnType<typeof base>) => void = () => {}) {
  const s = base();
  edit(s);
  return s;
}

function base() {
  return {
    openapi: "3.0.3",
    paths: {
      "/tokens": {
        get: {
          parameters: [
            { $ref: "#/components/parameters/Status" },
            { name: "pageSize", in: "query", schema: { type: "integer" } } as Record<string, unknown>,
          ],
          responses: {
            "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/Token" } } } },
          } as Record<string, unknown>,
        },
        delete: { responses: { "204": { description: "revoked" } } } as Record<string, unknown> | undefined,
      },
    },
    components: {
      parameters: {
        Status: { name: "status", in: "query", schema: { type: "string", enum: ["ALLOWED", "BLOCKED"] } },
      },
      schemas: {
        Token: {
          type: "object",
          required: ["id"],
          properties: { id: { type: "string" }, kind: { type: "string", enum: ["user"] } } as Record<string, unknown>,
        },
      },
    },
  };
}

const summary = (changes: SpecChange[]) =>
  changes.map((c) => `${c.breaking ? "breaking" : "ok"}: ${c.where}: ${c.what}`);

describe("compareSpecs", () => {
  it("finds no change between equal specs", () => {
    expect(compareSpecs(spec(), spec())).toEqual([]);
  });

  it("marks a removed operation breaking and an added one not", () => {
    const after = spec((s) => {
      s.paths["/tokens"].delete = undefined;
      Object.assign(s.paths, { "/count": { get: { responses: {} } } });
    });
    expect(summary(compareSpecs(spec(), after))).toEqual([
      "breaking: DELETE /tokens: operation removed",
      "ok: GET /count: operation added",
    ]);
  });

  it("marks a removed parameter and a newly required one breaking, an optional new one not", () => {
    const after = spec((s) => {
      s.paths["/tokens"].get.parameters = [
        { $ref: "#/components/parameters/Status" },
        { name: "cursor", in: "query", schema: { type: "string" } },
        { name: "orgId", in: "header", required: true, schema: { type: "string" } },
      ];
    });
    expect(summary(compareSpecs(spec(), after))).toEqual([
      'breaking: GET /tokens: query parameter "pageSize" removed',
      'ok: GET /tokens: query parameter "cursor" added',
      'breaking: GET /tokens: header parameter "orgId" added (required)',
    ]);
  });

  it("marks an optional parameter that becomes required breaking", () => {
    const after = spec((s) => {
      s.paths["/tokens"].get.parameters[1] = {
        name: "pageSize",
        in: "query",
        required: true,
        schema: { type: "integer" },
      };
    });
    expect(summary(compareSpecs(spec(), after))).toEqual([
      'breaking: GET /tokens: query parameter "pageSize" now required',
    ]);
  });

  it("marks a narrowed request enum breaking and a widened one not, through a $ref", () => {
    const narrowed = spec((s) => {
      s.components.parameters.Status.schema.enum = ["ALLOWED"];
    });
    const widened = spec((s) => {
      s.components.parameters.Status.schema.enum = ["ALLOWED", "BLOCKED", "EXPIRED"];
    });
    expect(summary(compareSpecs(spec(), narrowed))).toEqual([
      'breaking: GET /tokens: query parameter "status": enum narrowed, removed "BLOCKED"',
    ]);
    expect(summary(compareSpecs(spec(), widened))).toEqual([
      'ok: GET /tokens: query parameter "status": enum widened, added "EXPIRED"',
    ]);
  });

  it("marks a changed type breaking, in a parameter and in a response property", () => {
    const after = spec((s) => {
      s.paths["/tokens"].get.parameters[1] = { name: "pageSize", in: "query", schema: { type: "string" } };
      s.components.schemas.Token.properties.id = { type: "integer" };
    });
    expect(summary(compareSpecs(spec(), after))).toEqual([
      'breaking: GET /tokens: query parameter "pageSize": type changed from integer to string',
      "breaking: GET /tokens: response 200.id: type changed from string to integer",
    ]);
  });

  it("marks a removed response property and a new response enum value breaking, a new property not", () => {
    const after = spec((s) => {
      s.components.schemas.Token.properties = {
        id: { type: "string" },
        kind: { type: "string", enum: ["user", "bot"] },
      };
      s.components.schemas.Token.properties.label = { type: "string" };
    });
    const removed = spec((s) => {
      s.components.schemas.Token.properties = { id: { type: "string" } };
    });
    expect(summary(compareSpecs(spec(), after))).toEqual([
      'breaking: GET /tokens: response 200.kind: enum widened, added "bot"',
      'ok: GET /tokens: response 200: property "label" added',
    ]);
    expect(summary(compareSpecs(spec(), removed))).toEqual([
      'breaking: GET /tokens: response 200: property "kind" removed',
    ]);
  });

  it("marks a removed success response breaking", () => {
    const after = spec((s) => {
      s.paths["/tokens"].get.responses = {};
    });
    expect(summary(compareSpecs(spec(), after))).toEqual(["breaking: GET /tokens: response 200 removed"]);
  });
});
