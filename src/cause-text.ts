import { isError } from "./is-error.js";
import { shownValue } from "./shown-value.js";

/** The longest text of one error of a chain that a message quotes; a longer one is cut, and ends in "…". */
const MAX_PART = 200;
/** How many errors of a cause chain are shown; a chain can be a cycle. */
const MAX_CHAIN = 4;
/** How many of an AggregateError's errors stand in for its missing message (the first ones). */
const MAX_AGGREGATED = 3;

/**
 * A thrown value as an error message quotes it: each error of its cause chain by name (but a plain "Error") and
 * message, as in "TypeError: fetch failed; cause: connect ECONNREFUSED 127.0.0.1:443". A runtime's fetch wraps the
 * reason a request could not be sent (refused, no such host, a bad certificate) in an error that says only that it
 * failed: the reason is the part that tells a user what to fix. An error without a message shows the messages of
 * the first errors it aggregates (Node's, for a host with several addresses), else its code. Anything else shows as
 * `shownValue` shows it, a string as itself. Never throws, whatever was thrown.
 */
export function causeText(thrown: unknown): string {
  const parts: string[] = [];
  try {
    let current = thrown;
    for (let i = 0; i < MAX_CHAIN; i++) {
      const text = partText(current);
      if (text !== parts[parts.length - 1]) parts.push(text);
      if (!isError(current) || current.cause === undefined) break;
      current = current.cause;
    }
  } catch {
    // A getter that throws, a revoked proxy: what was read so far still helps.
    parts.push("an error that could not be read");
  }
  return parts.join("; cause: ");
}

function partText(value: unknown): string {
  if (!isError(value)) return typeof value === "string" ? clip(value) : shownValue(value);
  const { name, message, errors, code } = value as Error & { errors?: unknown; code?: unknown };
  const reason =
    message ||
    (Array.isArray(errors) && errors.length > 0 && errors.slice(0, MAX_AGGREGATED).map(partText).join(", ")) ||
    (typeof code === "string" && code) ||
    "(no message)";
  return clip(name && name !== "Error" ? `${name}: ${reason}` : reason);
}

/** `text` cut to `MAX_PART` code units, never inside a surrogate pair. */
function clip(text: string): string {
  if (text.length <= MAX_PART) return text;
  // A high surrogate (0xD800-0xDBFF) just before the cut would be left alone.
  const end = text.charCodeAt(MAX_PART - 2) >> 10 === 0x36 ? MAX_PART - 2 : MAX_PART - 1;
  return `${text.slice(0, end)}…`;
}
