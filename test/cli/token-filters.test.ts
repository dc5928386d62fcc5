import { describe, expect, it } from "vitest";
import { inOptionWords } from "../../src/cli/token-filters.js";
import { UsageError } from "../../src/cli/usage-error.js";
import { InvalidInputError, ServerError } from "../../src/index.js";

describe("inOptionWords", () => {
  it("names each query parameter by its option, and leaves quoted values and other words alone", () => {
    const error = new InvalidInputError(
      "createdAtFrom",
      'createdAtFrom must be a date-time; got "pageSize createdAtTo \\" lastActiveAtUom" (see sortOrder and pageSize)',
    );
    const said = inOptionWords(error);
    expect(said).toBeInstanceOf(UsageError);
    expect((said as UsageError).message).toBe(
      '--created-at-from must be a date-time; got "pageSize createdAtTo \\" lastActiveAtUom" (see sortOrder and --page-size) (nothing sent)',
    );
    expect((said as UsageError).cause).toBe(error);
  });

  it("returns anything else as it is, an InvalidInputError without a parameter's name too", () => {
    const other = new Error("createdAtFrom");
    expect(inOptionWords(other)).toBe(other);
    const plain = new InvalidInputError("orgId", 'orgId cannot be ".."');
    expect(inOptionWords(plain)).toBe(plain);
  });

  it("names the filters a server error lists as suspects by their options, keeping the error", () => {
    const error = new ServerError(
      "500 on GET /orgs/o/api-tokens/count: createdAtUom is bad. The server failed; retry later. Invalid filter " +
        "values have been reported to answer 500: check status, createdAtSearchType, createdAtUom, sort.",
      { status: 500, suspectFilters: ["status", "createdAtSearchType", "createdAtUom", "sort"] },
    );
    expect(inOptionWords(error)).toBe(error);
    expect(error.message).toBe(
      "500 on GET /orgs/o/api-tokens/count: createdAtUom is bad. The server failed; retry later. Invalid filter " +
        "values have been reported to answer 500: check --status, --created-at-search-type, --created-at-uom, --sort.",
    );
  });

  it("rewords only the SDK's list at the message's end, not the same words in the server's text", () => {
    const server = "Invalid filter values have been reported to answer 500: check status.";
    const error = new ServerError(
      `500 on GET /orgs/o/api-tokens/count: ${server} The server failed; retry later. Invalid filter values have ` +
        "been reported to answer 500: check createdAtUom.",
      { status: 500, suspectFilters: ["createdAtUom"] },
    );
    inOptionWords(error);
    expect(error.message).toBe(
      `500 on GET /orgs/o/api-tokens/count: ${server} The server failed; retry later. Invalid filter values have ` +
        "been reported to answer 500: check --created-at-uom.",
    );
  });
});
