import { createHash } from "node:crypto";
import { BadRequestError } from "./bad-request-error.js";

/**
 * Opaque cursors: base64url of `{o: offset, f: fingerprint}`, where the fingerprint hashes the filters, sort and
 * pageSize. A cursor sent back with other filters is refused, as the API asks clients to keep them the same.
 */
export function encodeCursor(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint })).toString("base64url");
}

/** The offset a cursor points at; throws BadRequestError when it is malformed or was issued for other filters. */
export function decodeCursor(cursor: string, fingerprint: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new BadRequestError("cursor", `Invalid value for parameter 'cursor': not a cursor this API issued`);
  }
  const { o, f } = (parsed ?? {}) as { o?: unknown; f?: unknown };
  if (typeof o !== "number" || !Number.isInteger(o) || o < 0 || typeof f !== "string") {
    throw new BadRequestError("cursor", `Invalid value for parameter 'cursor': not a cursor this API issued`);
  }
  if (f !== fingerprint) {
    throw new BadRequestError(
      "cursor",
      "The cursor was issued for other filters, sort or pageSize: send the same ones",
    );
  }
  return o;
}

/** A short stable hash of the query parameters that shape a result list (everything but the cursor). */
export function queryFingerprint(query: Record<string, unknown>): string {
  const canonical = Object.keys(query)
    .filter((key) => key !== "cursor" && query[key] !== undefined)
    .sort()
    .map((key) => `${key}=${String(query[key])}`)
    .join("&");
  return createHash("sha256").update(canonical).digest("base64url").slice(0, 12);
}
