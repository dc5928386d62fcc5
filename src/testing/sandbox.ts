import type { ApiToken } from "../types.js";
import type { Fault } from "./fault.js";

/** One request the sandbox received. The Authorization header is never kept, only whether it was right. */
export interface RecordedRequest {
  method: string;
  /**
   * The API path as in the spec with ids filled in (`/orgs/<orgId>/api-tokens`), each segment percent-decoded (one
   * that does not decode stays as sent); the full path outside the API root.
   */
  path: string;
  /** The query parameters; a repeated one (`?status=A&status=B`) keeps every value, in order. */
  query: Record<string, string | string[]>;
  /** The parsed JSON body, the raw text when it is not JSON, or undefined when empty. */
  body: unknown;
  /** The status answered; 0 while unanswered, and for `reset` and `hang` faults. */
  status: number;
  /** Whether the request carried the sandbox's API key as a bearer token. */
  authorized: boolean;
}

/** A running sandbox: a stateful stand-in for the API on 127.0.0.1. */
export interface Sandbox {
  /** Drop-in for `https://api.atlassian.com/admin/api-access/v1`. */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly orgId: string;
  /** The ids of the seeded service accounts, including those without tokens. */
  readonly serviceAccountIds: string[];
  /** Every request received, in order, browsers' CORS preflights (`OPTIONS`) included. */
  readonly requests: readonly RecordedRequest[];
  /** A copy of the user tokens the sandbox holds now. */
  tokens(): ApiToken[];
  /** Queues faults; each is consumed by the next request it matches. */
  fault(...faults: Fault[]): void;
  /** Stops the server and destroys every open socket, hanging requests included. */
  close(): Promise<void>;
}
