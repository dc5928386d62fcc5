import { isError } from "./is-error.js";
import { shownValue } from "./shown-value.js";

/** The longest text of one error of a chain that a message quotes; a longer one is cut, and ends in "…". */
const MAX_PART = 200;
/** How many errors of a cause chain are shown; a chain can be a cycle. */
const MAX_CHAIN = 4;
/** How many of an AggregateError's errors stand in for its missing message. */
const MAX_AGGREGATED = 3;

/**
 * A thrown value as an error message quotes it: each error of its cause chain by name (but a plain "Error") and
 * message, as in "TypeError: fetch failed; cause: connect ECONNREFUSED 127.0.0.1:443". A runtime's fetch wraps the
 * reason a request could not be sent (refused, no such host, a bad certificate) in an error that says only that it
 * failed: the reason is the part that tells a user what to fix. An error without a message shows the messages of the errors it
 * aggregates (Node's, for a host with several addresses), else its code. Anything else shows as
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
  const message = typeof value.message === "string" && value.message !== "" ? value.message : reasonOf(value);
  const name = typeof value.name === "string" && value.name !== "Error" ? value.name : "";
  return clip(name === "" ? message : `${name}: ${message}`);
}

/** What stands in for an error's missing message: the messages of the errors it aggregates, else its code. */
function reasonOf(error: Error): string {
  const { code, errors } = error as { code?: unknown; errors?: unknown };
  if (Array.isArray(errors) && errors.length > 0) {
    const shown = errors.slice(0, MAX_AGGREGATED).map(partText);
    return errors.length > MAX_AGGREGATED ? `${shown.join(", ")}, …` : shown.join(", ");
  }
  return typeof code === "string" && code !== "" ? code : "(no message)";
}

/** `text` cut to `MAX_PART` code units, never inside a surrogate pair. */
function clip(text: string): string {
  if (text.length <= MAX_PART) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(MAX_PART - 2)) ? MAX_PART - 2 : MAX_PART - 1;
  return `${text.slice(0, end)}…`;
}
