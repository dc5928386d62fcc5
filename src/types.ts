/**
 * Every public type, named once and derived from the generated schema. Nothing here is written by hand that the
 * spec already says.
 */
import type { components, operations } from "./generated/admin-api-access.js";

type Schemas = components["schemas"];

/** A user or service-account API token. Unknown fields the API adds are passed through. */
export type ApiToken = Schemas["ApiToken"];
/** The user who owns a token. */
export type ApiTokenUser = Schemas["ApiTokenUser"];
/** One page of the org's token list, as the API returns it. */
export type ApiTokenSearchResponse = Schemas["ApiTokenSearchResponse"];
/** The `links` of a page: `next` is the cursor of the following page. */
export type PageLinks = ApiTokenSearchResponse["links"];
/** Token counts per service account, as one request returns them. */
export type ServiceAccountCredentialCountResponse = Schemas["ServiceAccountCredentialCountResponse"];
/** The token count of one service account. */
export type ServiceAccountCredentialCount = Schemas["ServiceAccountCredentialCount"];
/** The body of any error response (permissive: every field optional). */
export type ErrorResponse = Schemas["ErrorResponse"];

/** An operation's query exactly as the generated schema types it: what is handed to openapi-fetch. */
export type SentQuery<Id extends keyof operations> = NonNullable<operations[Id]["parameters"]["query"]>;

/**
 * An operation's query as the generated schema types it, each parameter also taking `undefined` (skipped, not sent),
 * so `{ status: process.env.STATUS }` compiles under `exactOptionalPropertyTypes`, as the options objects do.
 */
export type QueryOf<Id extends keyof operations> = { [K in keyof SentQuery<Id>]?: SentQuery<Id>[K] | undefined };

/** Filters, sort and paging of `apiTokens.list` (every query parameter of getAllApiTokensByOrgId). */
export type ApiTokenListQuery = QueryOf<"getAllApiTokensByOrgId">;
/** Filters of `apiTokens.count` (every query parameter of getApiTokenCountByOrgId). */
export type ApiTokenCountQuery = QueryOf<"getApiTokenCountByOrgId">;
/** Filters of `serviceAccounts.listTokens`. */
export type ServiceAccountTokenQuery = QueryOf<"getServiceAccountApiToken">;

/** The merged result of `serviceAccounts.countTokens`, over every chunk of ids. */
export type ServiceAccountTokenCounts = Required<ServiceAccountCredentialCountResponse>;
