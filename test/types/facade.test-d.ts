import { describe, expectTypeOf, it } from "vitest";
import {
  AdminApiError,
  type ApiToken,
  type ApiTokenListQuery,
  createClient,
  type Page,
  type PagedList,
  type PageLinks,
  type paths,
  ServerError,
  type ServiceAccountCredentialCount,
  type ServiceAccountTokenCounts,
} from "../../src/index.js";

const client = createClient({ apiKey: "key" });

describe("facade types", () => {
  it("types a page's data as ApiToken[]", async () => {
    const page = await client.apiTokens.list("org");
    expectTypeOf(page).toEqualTypeOf<Page<ApiToken>>();
    expectTypeOf(page.data).toEqualTypeOf<ApiToken[]>();
    expectTypeOf(page.nextCursor).toEqualTypeOf<string | undefined>();
  });

  it("types iteration, pages() and toArray over ApiToken", async () => {
    const list = client.apiTokens.list("org", { pageSize: 10 });
    for await (const token of list) expectTypeOf(token).toEqualTypeOf<ApiToken>();
    for await (const page of list.pages()) expectTypeOf(page.data).toEqualTypeOf<ApiToken[]>();
    expectTypeOf(list.toArray({ limit: 5 })).resolves.toEqualTypeOf<ApiToken[]>();
  });

  it("takes undefined for any query parameter under exactOptionalPropertyTypes, as the options objects do", () => {
    const status = process.env.STATUS;
    expectTypeOf(client.apiTokens.count("org", { status, q: undefined })).resolves.toEqualTypeOf<number>();
    expectTypeOf(client.apiTokens.list("org", { pageSize: undefined, status })).toEqualTypeOf<PagedList<ApiToken>>();
    expectTypeOf(client.serviceAccounts.listTokens("org", "sa", { tokenLabel: status })).resolves.toEqualTypeOf<
      ApiToken[]
    >();
  });

  it("types a page's links as possibly absent, and exports PagedList as a value and the schema's paths", async () => {
    const page = await client.apiTokens.list("org");
    expectTypeOf(page.links).toEqualTypeOf<PageLinks | undefined>();
    expectTypeOf(client.apiTokens.list("org")).toMatchTypeOf<PagedList<ApiToken>>();
    expectTypeOf<"/orgs/{orgId}/api-tokens/count">().toMatchTypeOf<keyof paths>();
    expectTypeOf<"/orgs/{orgId}/no-such-path">().not.toMatchTypeOf<keyof paths>();
  });

  it("resolves count to a number", () => {
    expectTypeOf(client.apiTokens.count("org", { status: "ALLOWED" })).resolves.toEqualTypeOf<number>();
  });

  it("resolves countTokens to both id lists, neither optional", () => {
    expectTypeOf(client.serviceAccounts.countTokens("org", ["a"])).resolves.toEqualTypeOf<{
      validServiceAccountIds: ServiceAccountCredentialCount[];
      invalidServiceAccountIds: string[];
    }>();
    expectTypeOf<ServiceAccountCredentialCount>().toEqualTypeOf<{
      serviceAccountId: string;
      credentialsCount: number;
    }>();
  });

  it("resolves listTokens to ApiToken[] and both revocations to void", () => {
    expectTypeOf(client.serviceAccounts.listTokens("org", "sa", { tokenLabel: "x" })).resolves.toEqualTypeOf<
      ApiToken[]
    >();
    expectTypeOf(client.apiTokens.revokeAll("org")).resolves.toEqualTypeOf<void>();
    expectTypeOf(client.serviceAccounts.revokeTokens("org", "sa")).resolves.toEqualTypeOf<void>();
  });

  it("accepts known values and any other string for open value sets", () => {
    client.apiTokens.list("org", { status: "ALLOWED", createdAtSearchType: "gt", sort: "-lastActiveAt" });
    client.apiTokens.list("org", { status: "anything", createdAtSearchType: "between", sort: "+label" });
    client.apiTokens.count("org", { status: "anything", lastActiveAtUom: "week" });
    expectTypeOf<"ALLOWED">().toExtend<NonNullable<ApiTokenListQuery["status"]>>();
    expectTypeOf<"anything">().toExtend<NonNullable<ApiTokenListQuery["status"]>>();
    expectTypeOf<ApiToken["status"]>().toExtend<string>();
  });

  it("refuses wrong calls at compile time", () => {
    // @ts-expect-error orgId is required
    client.apiTokens.list();
    // @ts-expect-error an unknown query key
    client.apiTokens.list("org", { foo: 1 });
    // @ts-expect-error pageSize is a number
    client.apiTokens.list("org", { pageSize: "10" });
    // @ts-expect-error toArray needs a limit
    client.apiTokens.list("org").toArray();
    // @ts-expect-error count takes no cursor
    client.apiTokens.count("org", { cursor: "c" });
    // @ts-expect-error count takes no pageSize
    client.apiTokens.count("org", { pageSize: 10 });
    // @ts-expect-error accountId is required
    client.serviceAccounts.listTokens("org");
    // @ts-expect-error ids are strings
    client.serviceAccounts.countTokens("org", [1]);
    // @ts-expect-error an unknown client option
    createClient({ apiKey: "key", retries: 2 });
    // @ts-expect-error apiKey is required
    createClient({ baseUrl: "https://example.test" });
  });

  it("types an error's partialResult as countTokens' merged answer", () => {
    const error = new AdminApiError("failed");
    expectTypeOf(error.partialResult).toEqualTypeOf<ServiceAccountTokenCounts | undefined>();
  });

  it("types a server error's suspectFilters as a read-only list of names", () => {
    const error = new ServerError("failed");
    expectTypeOf(error.suspectFilters).toEqualTypeOf<readonly string[]>();
    // @ts-expect-error the list is read-only
    error.suspectFilters.push("status");
  });
});
