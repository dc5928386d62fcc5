import { describe, expect, it } from "vitest";
import * as sdk from "../../src/index.js";

describe("atlassian-admin-api-access", () => {
  it("exports createClient, the error classes and PagedList, and nothing else at run time", () => {
    expect(Object.keys(sdk).sort()).toEqual([
      "AdminApiError",
      "AuthenticationError",
      "BadRequestError",
      "ConnectionError",
      "InvalidInputError",
      "InvalidResponseError",
      "NotFoundError",
      "PagedList",
      "PermissionDeniedError",
      "RateLimitError",
      "ServerError",
      "TimeoutError",
      "UnexpectedStatusError",
      "createClient",
    ]);
  });

  it("exports error classes that all extend AdminApiError, but InvalidInputError", () => {
    const classes = Object.values(sdk).filter((value) => value !== sdk.createClient && value !== sdk.PagedList);
    for (const errorClass of classes) {
      const isApiError = errorClass.prototype instanceof sdk.AdminApiError || errorClass === sdk.AdminApiError;
      expect(isApiError).toBe(errorClass !== sdk.InvalidInputError);
    }
    expect(sdk.InvalidInputError.prototype).toBeInstanceOf(TypeError);
  });
});
