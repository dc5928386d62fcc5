/** Secrets and personal data never leave the client: every function here works on a copy. */
import { isError } from "./is-error.js";

/**
 * A copy of `headers` with the Authorization credential replaced (the scheme is kept: "Bearer [REDACTED]") and
 * `secret` replaced in every other value (a caller's own header may carry the key too).
 */
export function redactHeaders(headers: Headers, secret: string): Record<string, string> {
  const copy: Record<string, string> = {};
  headers.forEach((value, name) => {
    copy[name] = name === "authorization" ? `${/^\S+\s/.exec(value)?.[0] ?? ""}[REDACTED]` : scrubSecret(value, secret);
  });
  return copy;
}

// Linear: one character class per part and no nested quantifiers, so huge inputs cannot backtrack.
const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}/g;

/** Masks every email address in `text`: "mia.krystof@example.com" becomes "m***@example.com". */
export function maskEmails(text: string): string {
  return text.replace(EMAIL, (email) => `${email[0]}***${email.slice(email.indexOf("@"))}`);
}

/**
 * Every way a request, an answer or a message made from them can carry `secret`: as it is, percent-encoded (a key
 * passed by mistake as an id or a filter sits in the URL so: "=" as "%3D"), as a form encodes it, and escaped inside a
 * JSON string. Longest first, so that replacing one leaves no part of a longer one behind.
 */
export function secretForms(secret: string): readonly string[] {
  let forms = formsOf.get(secret);
  if (!forms) {
    const encoded = encodeURIComponent(secret);
    const all = [
      secret,
      encoded,
      // In a query, the URL parser encodes the "'" encodeURIComponent leaves.
      encoded.replaceAll("'", "%27"),
      new URLSearchParams({ s: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
    ];
    forms = [...new Set(all)].sort((a, b) => b.length - a.length);
    // A client has one key: the cache stays as small as the number of clients made with different keys.
    if (formsOf.size >= 16) formsOf.clear();
    formsOf.set(secret, forms);
  }
  return forms;
}

const formsOf = new Map<string, readonly string[]>();

/**
 * Keys shorter than this are no real keys (a test's "k"), and replacing one would shred ordinary text: a path, a
 * message. Real organization API keys are far longer.
 */
const MIN_SECRET_LENGTH = 8;

/** Whether `text` holds `secret` in any of its forms (see `secretForms`). */
export function showsSecret(text: string, secret: string): boolean {
  return secret.length >= MIN_SECRET_LENGTH && secretForms(secret).some((form) => text.includes(form));
}

/**
 * How deep `scrubSecret` copies: a JSON body can nest far deeper than a stack can recurse (JSON.parse takes 100,000
 * levels), and no real answer nests a tenth as deep. Deeper values are replaced by a note, with anything they held.
 */
const DATA_DEPTH = 256;

/**
 * A copy of `value` (any JSON-like data) with every occurrence of `secret` in its strings, keys included, replaced, in
 * any of its forms (see `secretForms`). Values nested deeper than `DATA_DEPTH` are replaced by a note.
 */
export function scrubSecret<T>(value: T, secret: string): T {
  return secret.length < MIN_SECRET_LENGTH ? value : (scrubbed(value, secret, 0) as T);
}

function scrubbed(value: unknown, secret: string, depth: number): unknown {
  if (typeof value === "string") {
    let text: string = value;
    for (const form of secretForms(secret)) if (text.includes(form)) text = text.split(form).join("[REDACTED]");
    return text;
  }
  if (value === null || typeof value !== "object") return value;
  if (depth >= DATA_DEPTH) return `[nested deeper than ${DATA_DEPTH} levels]`;
  if (Array.isArray(value)) return value.map((item) => scrubbed(item, secret, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [scrubbed(k, secret, depth), scrubbed(v, secret, depth + 1)]),
  );
}

/** How deep a cause is searched and copied; deeper values are cut, so a cycle cannot recurse forever. */
const CAUSE_DEPTH = 5;

/** Node's hook for custom inspection: an object with one (a Request, Headers, Response) can print anything. */
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** What an error shows besides its own enumerable properties: message, stack, cause and an AggregateError's errors. */
function errorParts(error: Error): unknown[] {
  const { errors } = error as { errors?: unknown };
  return [error.message, error.stack, error.cause, errors, ...ownValues(error)];
}

/**
 * The values of an object's own enumerable properties, symbol-keyed ones too: Node's inspect prints both, where
 * `Object.values` lists only the string-keyed ones.
 */
function ownValues(value: object): unknown[] {
  return ownEntries(value).map(([, item]) => item);
}

/**
 * Whether `value` could show `secret`: a string holding it, or an object that inspects itself (a Request printing its
 * headers), or one holding either. Dates and URLs show only their text.
 */
function mayShow(value: unknown, secret: string, depth: number, seen: Set<object>): boolean {
  if (typeof value === "string") return showsSecret(value, secret);
  if (value === null || typeof value !== "object" || seen.has(value)) return false;
  if (value instanceof Date) return false;
  if (value instanceof URL) return showsSecret(value.href, secret);
  if (depth > CAUSE_DEPTH) return true;
  seen.add(value);
  if (isError(value)) return errorParts(value).some((part) => mayShow(part, secret, depth + 1, seen));
  if (typeof (value as { [INSPECT]?: unknown })[INSPECT] === "function") return true;
  // A Map or Set shows its entries, which Object.entries does not list; an object shows its keys too.
  const parts =
    value instanceof Map || value instanceof Set ? [...value].flat() : [...Object.keys(value), ...ownValues(value)];
  return parts.some((part) => mayShow(part, secret, depth + 1, seen));
}

/** A copy of `value` with `secret` replaced: errors as plain Errors, objects that inspect themselves as their name. */
function showableCopy(value: unknown, secret: string, depth: number): unknown {
  if (typeof value === "string") return scrubSecret(value, secret);
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  if (value instanceof URL) return scrubSecret(value.href, secret);
  if (depth > CAUSE_DEPTH) return "[cut]";
  const copy = (item: unknown) => showableCopy(item, secret, depth + 1);
  if (isError(value)) {
    const { errors } = value as { errors?: unknown };
    const error = new Error(
      copy(value.message) as string,
      value.cause === undefined ? {} : { cause: copy(value.cause) },
    );
    for (const [key, item] of ownEntries(value)) Object.assign(error, { [key]: copy(item) });
    if (Array.isArray(errors)) Object.defineProperty(error, "errors", { value: errors.map(copy), writable: true });
    error.name = copy(value.name) as string;
    error.stack = copy(value.stack ?? "") as string;
    return error;
  }
  if (Array.isArray(value)) return value.map(copy);
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [copy(key), copy(item)]));
  if (value instanceof Set) return new Set([...value].map(copy));
  if (typeof (value as { [INSPECT]?: unknown })[INSPECT] === "function")
    return `[${value.constructor?.name ?? "object"}]`;
  return Object.fromEntries(
    ownEntries(value).map(([key, item]) => [typeof key === "string" ? copy(key) : key, copy(item)]),
  );
}

/** An object's own enumerable properties, symbol-keyed ones too, as Node's inspect prints them. */
function ownEntries(value: object): [PropertyKey, unknown][] {
  return Reflect.ownKeys(value)
    .filter((key) => Object.prototype.propertyIsEnumerable.call(value, key))
    .map((key) => [key, (value as Record<PropertyKey, unknown>)[key]]);
}

/**
 * The cause of a transport error as it may be shown: `error` itself when nothing in it can show `secret`; else a copy
 * (plain Errors with message, stack, cause, errors and own properties) with the secret replaced and any object that
 * inspects itself (a Request a fetch wrapper attached, say) reduced to its name. A cause that cannot be read safely
 * (a getter that throws) is replaced by a note saying so.
 */
export function scrubCause(error: unknown, secret: string): unknown {
  if (secret.length < MIN_SECRET_LENGTH) return error;
  try {
    return mayShow(error, secret, 0, new Set()) ? showableCopy(error, secret, 0) : error;
  } catch {
    return new Error("The cause could not be read safely, so it is not shown.");
  }
}
