import { createHash, createHmac } from "node:crypto";
import { BadRequestError } from "./bad-request-error.js";

/** How a cursor this sandbox did not issue is refused: mangled, edited, or from a sandbox with other data. */
const notIssued = () =>
  new BadRequestError("cursor", "Invalid value for parameter 'cursor': not a cursor this API issued");

/** Encodes and checks one sandbox's cursors. */
export interface CursorCodec {
  /** The cursor for `offset` in the list the query `fingerprint` describes. */
  encode(offset: number, fingerprint: string): string;
  /** The offset a cursor points at; throws BadRequestError when this codec did not issue it or the query differs. */
  decode(cursor: string, fingerprint: string): number;
}

/**
 * Opaque cursors: base64url of `{o: offset, f: fingerprint, s: signature}`. The fingerprint hashes the filters, sort
 * and pageSize, so a cursor sent back with other ones is refused, as the API asks clients to keep them the same. The
 * signature is an HMAC of both under `key`, so an edited cursor is refused too, and only the exact text issued decodes
 * (no padding, no stray characters). The sandbox keys it by what its data derive from (seed, sizes, org): a cursor
 * survives a restart of the same sandbox, as the API's survive between calls, and one with other data refuses it.
 */
export function createCursorCodec(key: string): CursorCodec {
  const sign = (offset: number, fingerprint: string): string =>
    createHmac("sha256", key).update(`${offset}:${fingerprint}`).digest("base64url").slice(0, 16);
  return {
    encode: (offset, fingerprint) =>
      Buffer.from(JSON.stringify({ o: offset, f: fingerprint, s: sign(offset, fingerprint) })).toString("base64url"),
    decode(cursor, fingerprint) {
      const bytes = Buffer.from(cursor, "base64url");
      // Node skips characters outside the alphabet and accepts padding: only the canonical text is the cursor.
      if (bytes.toString("base64url") !== cursor) throw notIssued();
      let parsed: unknown;
      try {
        parsed = JSON.parse(bytes.toString("utf8"));
      } catch {
        throw notIssued();
      }
      const { o, f, s } = (parsed ?? {}) as { o?: unknown; f?: unknown; s?: unknown };
      if (typeof o !== "number" || !Number.isInteger(o) || o < 0 || typeof f !== "string" || s !== sign(o, f)) {
        throw notIssued();
      }
      if (f !== fingerprint) {
        throw new BadRequestError(
          "cursor",
          "The cursor was issued for other filters, sort or pageSize: send the same ones",
        );
      }
      return o;
    },
  };
}

/**
 * A short stable hash of the query parameters that shape a result list (everything but the cursor). The hashed text
 * is the JSON of the sorted `[name, value]` pairs, so no value can spell out other parameters (`q="a&status=X"`).
 */
export function queryFingerprint(query: Record<string, unknown>): string {
  const canonical = Object.keys(query)
    .filter((key) => key !== "cursor" && query[key] !== undefined)
    .sort()
    .map((key) => [key, String(query[key])]);
  return createHash("sha256").update(JSON.stringify(canonical)).digest("base64url").slice(0, 12);
}
