import { describe, expectTypeOf, it } from "vitest";
import type { components, operations } from "../../src/generated/admin-api-access.js";

type TooManyRequestsHeaders = components["responses"]["TooManyRequests"]["headers"];
type BulkRevokeHeaders = operations["bulkRevokeApiTokens"]["responses"]["204"]["headers"];
type ServiceAccountRevokeHeaders = operations["revokeApiTokens"]["responses"]["204"]["headers"];

describe("generated response headers", () => {
  it("types Retry-After on a 429 as sometimes absent, as the spec says", () => {
    expectTypeOf<TooManyRequestsHeaders["Retry-After"]>().toEqualTypeOf<string | undefined>();
  });

  it("types the rate-limit headers as sometimes absent where the reference lists none: a 429, the bulk revoke", () => {
    expectTypeOf<TooManyRequestsHeaders["X-RateLimit-Remaining"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<BulkRevokeHeaders["X-RateLimit-Remaining"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<BulkRevokeHeaders["X-RateLimit-Reset"]>().toEqualTypeOf<string | undefined>();
  });

  it("types them as present on the answers the reference lists them for", () => {
    expectTypeOf<ServiceAccountRevokeHeaders["X-RateLimit-Remaining"]>().toEqualTypeOf<number>();
  });
});
