/**
 * Compares two OpenAPI 3.0 documents and lists what changed, each change marked breaking or not for a client of the
 * API: a removed operation, a removed or newly required parameter or request body, a narrowed request enum, a changed
 * type, a removed response property or an added response enum value. Pure: parsed documents in, changes out.
 */

import {
  asArray,
  asJson,
  bodySchema,
  compareSchema,
  type Docs,
  type Json,
  resolve,
  type SpecChange,
} from "./compare-schemas.js";

export type { SpecChange } from "./compare-schemas.js";

const methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

/** The changes from `before` to `after`, operations in path order. */
export function compareSpecs(before: unknown, after: unknown): SpecChange[] {
  const changes: SpecChange[] = [];
  const a = operations(before);
  const b = operations(after);
  for (const [where, op] of a) {
    const next = b.get(where);
    if (!next) changes.push({ breaking: true, where, what: "operation removed" });
    else compareOperation(where, op, next, { before: asJson(before), after: asJson(after) }, changes);
  }
  for (const where of b.keys()) {
    if (!a.has(where)) changes.push({ breaking: false, where, what: "operation added" });
  }
  return changes;
}

function operations(spec: unknown): Map<string, Json> {
  const found = new Map<string, Json>();
  for (const [path, item] of Object.entries(asJson(asJson(spec).paths))) {
    const shared = asArray(asJson(item).parameters);
    for (const method of methods) {
      const op = asJson(item)[method];
      if (op === undefined) continue;
      found.set(`${method.toUpperCase()} ${path}`, {
        ...asJson(op),
        parameters: [...shared, ...asArray(asJson(op).parameters)],
      });
    }
  }
  return found;
}

function compareOperation(where: string, a: Json, b: Json, docs: Docs, changes: SpecChange[]): void {
  const params = (op: Json, doc: Json) =>
    new Map(
      asArray(op.parameters)
        .map((p) => resolve(doc, p))
        .map((p) => [`${p.in} parameter "${p.name}"`, p]),
    );
  const pa = params(a, docs.before);
  const pb = params(b, docs.after);
  for (const [name, p] of pa) {
    const q = pb.get(name);
    if (!q) changes.push({ breaking: true, where, what: `${name} removed` });
    else {
      if (q.required === true && p.required !== true)
        changes.push({ breaking: true, where, what: `${name} now required` });
      compareSchema(
        where,
        name,
        resolve(docs.before, p.schema),
        resolve(docs.after, q.schema),
        "request",
        docs,
        changes,
        0,
      );
    }
  }
  for (const [name, q] of pb) {
    if (!pa.has(name))
      changes.push({
        breaking: q.required === true,
        where,
        what: `${name} added${q.required === true ? " (required)" : ""}`,
      });
  }
  const ba = resolve(docs.before, a.requestBody);
  const bb = resolve(docs.after, b.requestBody);
  if (bb.required === true && ba.required !== true)
    changes.push({ breaking: true, where, what: "request body now required" });
  compareSchema(
    where,
    "request body",
    bodySchema(docs.before, ba),
    bodySchema(docs.after, bb),
    "request",
    docs,
    changes,
    0,
  );
  const ra = asJson(a.responses);
  const rb = asJson(b.responses);
  for (const status of Object.keys(ra)) {
    const x = resolve(docs.before, ra[status]);
    const y = resolve(docs.after, rb[status]);
    if (!(status in rb)) {
      changes.push({ breaking: status.startsWith("2"), where, what: `response ${status} removed` });
      continue;
    }
    compareSchema(
      where,
      `response ${status}`,
      bodySchema(docs.before, x),
      bodySchema(docs.after, y),
      "response",
      docs,
      changes,
      0,
    );
  }
}
