import { describe, expectTypeOf, it } from "vitest";
import type { components } from "../../src/generated/admin-api-access.js";

type TooManyRequestsHeaders = components["responses"]["TooManyRequests"]["headers"];

describe("generated response headers", () => {
  it("types Retry-After on a 429 as sometimes absent, as the spec says", () => {
    expectTypeOf<TooManyRequestsHeaders["Retry-After"]>().toEqualTypeOf<string | undefined>();
  });
});
