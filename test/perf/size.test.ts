import { describe, expect, it } from "vitest";
import { bundleSize, CORE_ENTRY } from "../../bench/lib/bundle.js";

/**
 * A REGRESSION GUARD, not the size budget (5.0 kB, which the core does not meet: see BENCHMARKS.md).
 * Measured 15,773 bytes gzip -9 (esbuild 0.28.2, minified, with openapi-fetch 0.17.0); the guard is that + 2 %. Raise
 * it deliberately, with the reason in the commit, when a feature needs the bytes. Last raised (from 15,510) by about
 * 570 bytes: response bodies decoded chunk by chunk; a body nested deeper than a stack recurses given its typed error;
 * a status above 599 or an odd reason phrase answered as a status, 408 retried; header options fetch refuses refused;
 * options, per-call options and countTokens ids read once; the key replaced in callers' own headers and in symbol-keyed
 * cause properties; the walk's combined signal without AbortSignal.any. Before that (from 15,033) by about
 * 450 bytes of fixes found by review: the key replaced in request lines, error URLs and log lines in its
 * percent-encoded and JSON forms too (a key passed as an id), and shorter than 8 characters never searched for; an
 * async logger's rejection ignored; a query read once, the copy checked being the one sent; a problem quoting a 2xx
 * body worded from the body with the key replaced, a parse error's quoted text dropped in any runtime's wording; a long
 * path quoted cut short, and 414/431 advice; one combined signal per walk. Before that (from 14,702) by about 325 bytes: a ConnectionError's message names the reason inside fetch's generic error (refused, unknown host, bad
 * port), safely whatever was thrown; each service account's count checked for its required fields. Before that
 * (from 14,220) by about 310 bytes of review fixes: the required fields of every token in an answer checked (a token without a user crashed
 * the CLI), a raw request's failing body stream handled (no unhandled rejection), error messages that show what was
 * given without JSON.stringify (which threw on a bigint or a cycle), a logger that throws ignored, an empty count
 * answer named. Before that (from 13,350) by about
 * 870 bytes: response bodies read by the client itself, up to maxResponseBytes (which also made every call cheaper
 * than undici's text()), bodies of other fetches (node-fetch's streams, ArrayBuffer chunks) read as text() reads
 * them; the ramp after a cool-down whose answers carry no X-RateLimit-* headers; deadline windows shared per caller
 * signal; review fixes (crossing rate-limit answers kept whole, query values and startCursor with lone surrogates
 * refused, inherited query keys not sent, the cool-down's RateLimitError carrying its request). Before that
 * (from 12,501) by about 830 bytes for fixes found by review: the key scrubbed from every place a server can echo it (a request id header, a
 * quoted 2xx body, a parse error, an error body's keys, a Map or Set in a cause); date searches the API cannot run and
 * non-int32 integers refused before sending; links.next that is not a string or a usable URL, and 100 empty pages in a
 * row, stop a walk with InvalidResponseError; a fetch resolving a non-Response cannot hang the client; count answers
 * checked; X-RateLimit-Reset read only as ISO 8601; one abort listener per caller signal. Before that (from 12,228) by
 * about 270 bytes: redirects refused, never followed, and a baseUrl with credentials, a query or a fragment refused.
 * Before that (from 11,356) by about 840 bytes for review fixes: the key scrubbed from a transport error's cause, the
 * cool-down kept after a 429 that is not retried, UnexpectedStatusError, the repeated-cursor check, option checks.
 */
const GZIP_REGRESSION_GUARD_BYTES = 16_090;

describe("bundle size", () => {
  it("keeps the core bundle (esbuild, minified, gzip -9) under the regression guard", async () => {
    const { gzip } = await bundleSize(CORE_ENTRY);
    expect(gzip).toBeLessThanOrEqual(GZIP_REGRESSION_GUARD_BYTES);
  });
});
