import { type Context, type Document, OpenAPIBackend } from "openapi-backend";
import { causeText } from "../cause-text.js";
import { spec } from "../generated/admin-api-access.spec.js";
import { BadRequestError } from "./bad-request-error.js";
import { isBearer } from "./bearer-auth.js";
import { errorBody } from "./error-body.js";
import { createOperationHandlers } from "./operation-handlers.js";
import type { Failure, Reply } from "./reply.js";
import { assertDecimalIntegers, assertPathDecodes, routablePath } from "./request-problem.js";
import type { SandboxState } from "./sandbox-state.js";

/** The path prefix of the real base URL, kept so the sandbox's base URL is a drop-in. */
export const apiRoot = "/admin/api-access/v1";

/** A request as openapi-backend takes it: the full path, the parsed query, and the raw body text. */
export interface ApiRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[]>;
  body: string | undefined;
}

interface AjvError {
  keyword?: string;
  instancePath: string;
  message?: string;
  params?: { missingProperty?: string; additionalProperty?: string };
}

/** An openapi-backend instance over the spec object: it routes by operationId, checks the bearer key and validates. */
export async function createSandboxApi(state: SandboxState, apiKey: string): Promise<OpenAPIBackend> {
  const api = new OpenAPIBackend({
    // A copy, because openapi-backend dereferences the document it is given in place.
    definition: structuredClone(spec) as Document,
    apiRoot,
    strict: true,
    validate: true,
    coerceTypes: true,
    // Compile only the validators requests use; the sandbox never validates its own responses.
    quick: true,
    // Request parameters carry no date-time format; this only silences Ajv's warning about response schemas.
    ajvOpts: { formats: { "date-time": true } },
    handlers: {
      ...createOperationHandlers(state),
      notFound: (c: Context): Failure => ({ status: 404, body: errorBody(404, `No operation at ${c.request.path}`) }),
      methodNotAllowed: (c: Context): Failure => ({
        status: 405,
        body: errorBody(405, `Method ${c.request.method.toUpperCase()} is not allowed on ${c.request.path}`),
      }),
      unauthorizedHandler: (): Failure => ({
        status: 401,
        body: errorBody(401, "Send the organization API key as 'Authorization: Bearer <key>'"),
      }),
      validationFail: (c: Context): Failure => ({
        status: 400,
        body: errorBody(400, describeValidationErrors((c.validation.errors ?? []) as AjvError[])),
      }),
      // The sandbox's checks beyond the spec's validator, thrown as BadRequestError in the documented order: the path
      // once routed and authorized, before the spec; the integers after it, so an unknown parameter is named first.
      postSecurityHandler: (c: Context, raw: ApiRequest) => {
        if (c.security?.authorized) assertPathDecodes(raw.path);
      },
      preOperationHandler: (_c: Context, raw: ApiRequest) => assertDecimalIntegers(raw.query),
    },
    securityHandlers: { bearerAuth: (c: Context) => isBearer(c.request.headers.authorization, apiKey) },
  });
  await api.init();
  return api;
}

/**
 * Names each failing parameter: "Invalid value for parameter 'pageSize': must be >= 1", or "Unknown query parameter
 * 'pagesize'" for one the operation does not take (Ajv reports it on "/query" as an additional property).
 */
function describeValidationErrors(errors: AjvError[]): string {
  if (errors.length === 0) return "The request does not match the API specification";
  // A body that is not JSON fails the schema too, as a string: the parse error alone says what is wrong.
  const parse = errors.filter((error) => error.keyword === "parse");
  return (parse.length > 0 ? parse : errors)
    .map((error) => {
      const [, where, name] = error.instancePath.split("/");
      const unknown = error.params?.additionalProperty;
      if (where === "query" && name === undefined && unknown !== undefined) {
        return `Unknown query parameter '${unknown}'`;
      }
      const parameter = name ?? error.params?.missingProperty;
      if (where === "requestBody" || error.instancePath === "" || !parameter) {
        const what = error.keyword === "parse" ? "not JSON, " : "";
        return `Invalid request body: ${what}${error.message ?? "does not match the schema"}`;
      }
      return `Invalid value for parameter '${parameter}': ${error.message ?? "does not match the schema"}`;
    })
    .join("; ");
}

/**
 * Runs one request through the API: route (404, 405), key (401), then the checks that answer 400. An unexpected
 * handler failure answers 500 rather than killing the server.
 */
export async function handleApiRequest(api: OpenAPIBackend, request: ApiRequest): Promise<Reply> {
  try {
    return (await api.handleRequest({ ...request, path: routablePath(request.path) }, request)) as Reply;
  } catch (error) {
    if (error instanceof BadRequestError) return { status: 400, body: errorBody(400, error.message) };
    return sandboxFailure(error);
  }
}

/** The answer to a request the sandbox itself failed on: a 500 that says so, never a crash or a silent reset. */
export function sandboxFailure(error: unknown): Failure {
  return {
    status: 500,
    body: errorBody(500, `Sandbox error: ${error instanceof Error ? error.message : causeText(error)}`),
  };
}
