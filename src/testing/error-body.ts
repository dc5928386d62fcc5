import { randomUUID } from "node:crypto";
import type { ErrorResponse } from "../types.js";

const titles: Record<number, [code: string, title: string]> = {
  400: ["INVALID_REQUEST", "Bad Request"],
  401: ["UNAUTHORIZED", "Unauthorized"],
  403: ["FORBIDDEN", "Forbidden"],
  404: ["NOT_FOUND", "Not Found"],
  429: ["RATE_LIMITED", "Too Many Requests"],
  500: ["INTERNAL_SERVER_ERROR", "Internal Server Error"],
};

/** An error body in the shape sibling Atlassian admin APIs answer: `{errors: [{id, code, status, title, detail}]}`. */
export function errorBody(status: number, detail: string): ErrorResponse {
  const [code, title] = titles[status] ?? ["ERROR", "Error"];
  return { errors: [{ id: randomUUID(), code, status: String(status), title, detail }] };
}
