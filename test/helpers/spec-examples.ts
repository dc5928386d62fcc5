/** The spec's operations, parameters and examples, read from the generated spec document (no hand copies). */
import { spec } from "../../src/generated/admin-api-access.spec.js";

type Json = Record<string, unknown>;

interface SpecOperation {
  operationId: string;
  "x-atlassian-scopes": string[];
  parameters?: { $ref: string }[];
  responses: Record<string, Json>;
}

/** Follows a local `$ref` ("#/components/…") once, if `node` is one. */
export function deref<T = Json>(node: unknown): T {
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref !== "string") return node as T;
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>((at, key) => (at as Json)[key], spec) as T;
}

/** One operation of the spec, by operationId. */
export function operation(operationId: string): SpecOperation & { method: string; path: string } {
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if ((op as Partial<SpecOperation>).operationId === operationId) {
        return { method: method.toUpperCase(), path, ...(op as SpecOperation) };
      }
    }
  }
  throw new Error(`No operation ${operationId} in the spec`);
}

/** The names of an operation's query parameters, in spec order. */
export function queryParameterNames(operationId: string): string[] {
  return (operation(operationId).parameters ?? [])
    .map((p) => deref<{ name: string; in: string }>(p))
    .filter((p) => p.in === "query")
    .map((p) => p.name);
}

/** The example of one query parameter. */
export function parameterExample(name: string): unknown {
  const parameters = spec.components.parameters as Record<string, { example?: unknown }>;
  return parameters[name]?.example;
}

/** The documented statuses of an operation, as numbers ("default" left out). */
export function documentedStatuses(operationId: string): number[] {
  return Object.keys(operation(operationId).responses)
    .filter((status) => /^\d{3}$/.test(status))
    .map(Number);
}

/** The JSON example of an operation's response with `status`, or undefined when it has no body. */
export function responseExample(operationId: string, status: number): unknown {
  const response = deref<{ content?: Record<string, { example?: unknown }> }>(
    operation(operationId).responses[String(status)],
  );
  return response.content?.["application/json"]?.example;
}

/** The JSON example of an operation's request body. */
export function requestExample(operationId: string): unknown {
  const op = operation(operationId) as { requestBody?: { content: Record<string, { example?: unknown }> } };
  return op.requestBody?.content["application/json"]?.example;
}
