/** The public contract of atlassian-admin-api-access. */

export type { FetchLike } from "./attempt.js";
export type { AdminApiClient } from "./client.js";
export { createClient } from "./client.js";
export type { AdminApiErrorInit, RedactedRequest } from "./errors.js";
export {
  AdminApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  InvalidInputError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TimeoutError,
  UnexpectedStatusError,
} from "./errors.js";
/** The generated schema, for typing requests sent through `client.raw`. */
export type { components, operations, paths } from "./generated/admin-api-access.js";
export type { Logger, LogLevel } from "./logger.js";
export type { ClientOptions } from "./options.js";
export type { FetchPage, Page } from "./paged-list.js";
// A value too: a type-only export of a class is published by the declaration bundler as if it were one.
export { PagedList } from "./paged-list.js";
export type { RateLimitInfo } from "./rate-limit.js";
export type { ListOptions, RequestOptions } from "./resources/api-tokens.js";
export type {
  ApiToken,
  ApiTokenCountQuery,
  ApiTokenListQuery,
  ApiTokenSearchResponse,
  ApiTokenUser,
  ErrorResponse,
  PageLinks,
  ServiceAccountCredentialCount,
  ServiceAccountCredentialCountResponse,
  ServiceAccountTokenCounts,
  ServiceAccountTokenQuery,
} from "./types.js";
