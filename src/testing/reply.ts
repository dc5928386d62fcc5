import type { ErrorResponse } from "../types.js";

/** A 200 answer whose body is checked against the type the spec gives the operation. */
export interface Ok<T> {
  status: 200;
  body: T;
}
/** A success without a body (the revocations). */
export interface NoContent {
  status: 204;
}
/** An error answer with an ErrorResponse body. */
export interface Failure {
  status: 400 | 401 | 404 | 405 | 500;
  body: ErrorResponse;
}
/** Whatever an openapi-backend handler of the sandbox returns. */
export type Reply = Ok<unknown> | NoContent | Failure;

/** What goes on the wire: the status, headers and the exact body text. */
export interface WireAnswer {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

/** Serialises a handler's reply as JSON (no body and no content type for a 204). */
export function toWire(reply: Reply): WireAnswer {
  if (reply.status === 204) return { status: 204, headers: {} };
  return {
    status: reply.status,
    headers: { "Content-Type": "application/json; charset=utf-8" },
    body: JSON.stringify(reply.body),
  };
}
