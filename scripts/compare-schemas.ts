/** Schema-level comparison for compare-specs.ts: types, enums, properties and items, following local `$ref`s. */

/** One difference between the two specs. */
export interface SpecChange {
  breaking: boolean;
  /** `METHOD /path`, or the component it sits in. */
  where: string;
  what: string;
}

/** A parsed JSON/YAML object. */
export type Json = Record<string, unknown>;
type Side = "request" | "response";

/** Both documents, to resolve `$ref`s on each side. */
export interface Docs {
  before: Json;
  after: Json;
}

/** Appends the differences between two schemas at `at`; `side` decides which direction of change breaks clients. */
export function compareSchema(
  where: string,
  at: string,
  a: Json,
  b: Json,
  side: Side,
  docs: Docs,
  changes: SpecChange[],
  depth: number,
): void {
  if (depth > 20 || Object.keys(a).length === 0 || Object.keys(b).length === 0) return;
  if (a.type !== undefined && b.type !== undefined && a.type !== b.type) {
    changes.push({ breaking: true, where, what: `${at}: type changed from ${a.type} to ${b.type}` });
    return;
  }
  if (Array.isArray(a.enum) || Array.isArray(b.enum)) compareEnum(where, at, a.enum, b.enum, side, changes);
  const pa = asJson(a.properties);
  const pb = asJson(b.properties);
  const requiredB = new Set(asArray(b.required));
  const requiredA = new Set(asArray(a.required));
  for (const [name, schema] of Object.entries(pa)) {
    const next = pb[name];
    if (next === undefined) {
      if (side === "response") changes.push({ breaking: true, where, what: `${at}: property "${name}" removed` });
      else changes.push({ breaking: false, where, what: `${at}: property "${name}" no longer accepted` });
      continue;
    }
    if (side === "request" && requiredB.has(name) && !requiredA.has(name))
      changes.push({ breaking: true, where, what: `${at}: property "${name}" now required` });
    if (side === "response" && requiredA.has(name) && !requiredB.has(name))
      changes.push({ breaking: true, where, what: `${at}: property "${name}" may now be absent` });
    const sa = resolve(docs.before, schema);
    const sb = resolve(docs.after, next);
    compareSchema(where, `${at}.${name}`, sa, sb, side, docs, changes, depth + 1);
  }
  for (const name of Object.keys(pb)) {
    if (name in pa) continue;
    const required = side === "request" && requiredB.has(name);
    changes.push({
      breaking: required,
      where,
      what: `${at}: property "${name}" added${required ? " (required)" : ""}`,
    });
  }
  if (a.items !== undefined && b.items !== undefined)
    compareSchema(
      where,
      `${at}[]`,
      resolve(docs.before, a.items),
      resolve(docs.after, b.items),
      side,
      docs,
      changes,
      depth + 1,
    );
}

function compareEnum(where: string, at: string, a: unknown, b: unknown, side: Side, changes: SpecChange[]): void {
  const before = Array.isArray(a) ? a : undefined;
  const after = Array.isArray(b) ? b : undefined;
  if (!before && after)
    return void changes.push({ breaking: side === "request", where, what: `${at}: now limited to ${list(after)}` });
  if (before && !after)
    return void changes.push({ breaking: side === "response", where, what: `${at}: enum removed (any value)` });
  const removed = (before ?? []).filter((v) => !(after ?? []).includes(v));
  const added = (after ?? []).filter((v) => !(before ?? []).includes(v));
  // A request enum that loses a value rejects calls that worked; a response enum that gains one surprises clients.
  if (removed.length > 0)
    changes.push({ breaking: side === "request", where, what: `${at}: enum narrowed, removed ${list(removed)}` });
  if (added.length > 0)
    changes.push({ breaking: side === "response", where, what: `${at}: enum widened, added ${list(added)}` });
}

/** The JSON schema of a request body or response. */
export function bodySchema(doc: Json, holder: Json): Json {
  const content = asJson(holder.content);
  const json = content["application/json"] ?? Object.values(content)[0];
  return resolve(doc, asJson(json).schema);
}

/** Follows local `$ref`s (`#/components/...`), at most 10 deep. */
export function resolve(doc: Json, value: unknown): Json {
  let node = asJson(value);
  for (let hops = 0; typeof node.$ref === "string" && hops < 10; hops++) {
    const pointer = node.$ref
      .replace(/^#\//, "")
      .split("/")
      .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
    node = asJson(pointer.reduce<unknown>((at, key) => asJson(at)[key], doc));
  }
  return node;
}

/** The value as an object, or {} when it is not one. */
export function asJson(value: unknown): Json {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
}

/** The value as an array, or [] when it is not one. */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function list(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}
