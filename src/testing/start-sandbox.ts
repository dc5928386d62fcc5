import { setMaxListeners } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { isBearer } from "./bearer-auth.js";
import { corsHeaders, isPreflight, preflightHeaders } from "./cors.js";
import { decodedPath } from "./decoded-path.js";
import { assertFault, type Fault, faultMatches } from "./fault.js";
import { distort, faultAnswer, isStandalone, randomFault } from "./fault-answers.js";
import { createPrng } from "./prng.js";
import { createRateLimiter, rateLimitedAnswer } from "./rate-limiter.js";
import { toWire, type WireAnswer } from "./reply.js";
import type { RecordedRequest, Sandbox } from "./sandbox.js";
import { apiRoot, createSandboxApi, handleApiRequest, sandboxFailure } from "./sandbox-api.js";
import { resolveSandboxOptions, type SandboxOptions } from "./sandbox-options.js";
import { seedDataPausing } from "./seed-data.js";

/** Starts the sandbox on 127.0.0.1 and resolves once it listens; `options.signal` stops a start under way. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  if (options === null || typeof options !== "object") throw new TypeError("Sandbox options must be an object");
  const { signal, ...rest } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new TypeError("Sandbox option signal must be an AbortSignal");
  }
  const o = resolveSandboxOptions(rest);
  const cursorKey = JSON.stringify([o.seed, o.tokens, o.serviceAccounts, o.orgId]);
  const state = { orgId: o.orgId, now: o.now, cursorKey, ...(await seedDataPausing(o, signal)) };
  signal?.throwIfAborted();
  const api = await createSandboxApi(state, o.apiKey);
  // A separate stream from the data's, so turning faults on does not change the seeded tokens.
  const faultPrng = createPrng(o.seed ^ 0x5eed_fa17);
  const rateLimit = o.rateLimit ? createRateLimiter(o.rateLimit.limit, o.rateLimit.windowMs) : undefined;
  const requests: RecordedRequest[] = [];
  const queued: Fault[] = [];
  const sockets = new Set<Socket>();
  /** Each answer's recorded request, so a failure of the sandbox's own is recorded with the status it sent. */
  const recorded = new WeakMap<ServerResponse, RecordedRequest>();
  const closing = new AbortController();
  // Every request waiting out its latency listens on this one signal: many in flight at once is normal, not a leak.
  setMaxListeners(0, closing.signal);

  const takeFault = (method: string, path: string): Fault | undefined => {
    const index = queued.findIndex((fault) => faultMatches(fault, method, path));
    if (index >= 0) return queued.splice(index, 1)[0];
    return o.faultRate > 0 && faultPrng.next() < o.faultRate ? randomFault(faultPrng) : undefined;
  };

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = (req.method ?? "GET").toUpperCase();
    // Without trailing slashes, as the spec writes paths: the router serves `/count/` as `/count`, so faults match it too.
    const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : url.pathname;
    // Decoded, as the spec writes paths with ids filled in, so a fault's path written with `sb.orgId` matches.
    const path = decodedPath(pathname.startsWith(`${apiRoot}/`) ? pathname.slice(apiRoot.length) : pathname);
    const query = queryObject(url.searchParams);
    const text = await readBody(req);
    const entry: RecordedRequest = {
      method,
      path,
      query,
      body: parseBody(text),
      status: 0,
      authorized: isBearer(req.headers.authorization, o.apiKey),
    };
    requests.push(entry);
    recorded.set(res, entry);
    // A browser's preflight is answered at once: no latency, no fault, not counted against the rate limit.
    if (isPreflight(req)) {
      entry.status = 204;
      return void res.writeHead(204, preflightHeaders(req)).end();
    }
    const fault = takeFault(method, path);
    const wait = o.latencyMs + (fault?.delayMs ?? 0);
    if (wait > 0) await sleep(wait, undefined, { signal: closing.signal });
    if (fault?.kind === "reset") return void req.socket.destroy();
    if (fault?.kind === "hang") return;
    let answer: WireAnswer;
    if (fault && isStandalone(fault)) {
      answer = faultAnswer(fault, rateLimit?.peek());
    } else {
      const budget = rateLimit?.take();
      if (budget && !budget.allowed) {
        answer = rateLimitedAnswer(budget.headers);
        // A fault that distorts a real answer has none to distort here: it waits for the next request that gets one.
        if (fault) queued.unshift(fault);
      } else {
        const reply = await handleApiRequest(api, {
          method,
          path: url.pathname,
          query,
          headers: req.headers as Record<string, string | string[]>,
          body: text || undefined,
        });
        answer = fault ? distort(fault, reply, url.searchParams.get("cursor") ?? undefined) : toWire(reply);
        Object.assign(answer.headers, budget?.headers);
      }
    }
    entry.status = answer.status;
    send(res, answer);
  };

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      // An abort by close() or a client gone mid-request: the socket is already being torn down.
      if (closing.signal.aborted || res.headersSent || req.socket.destroyed) return void req.socket.destroy();
      // Anything else is the sandbox's own failure: said, not hidden behind a reset the client would retry.
      const answer = toWire(sandboxFailure(error));
      const entry = recorded.get(res);
      if (entry) entry.status = answer.status;
      send(res, answer);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject).listen(o.port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : o.port;

  return {
    baseUrl: `http://127.0.0.1:${port}${apiRoot}`,
    apiKey: o.apiKey,
    orgId: o.orgId,
    serviceAccountIds: [...state.serviceAccounts.keys()],
    requests,
    tokens: () => structuredClone(state.userTokens),
    fault: (...faults) => {
      // All checked before any is queued, so a bad one leaves the queue as it was.
      for (const fault of faults) assertFault(fault);
      queued.push(...faults);
    },
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** The query as openapi-backend takes it: a repeated parameter becomes an array (which the spec then rejects). */
function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return query;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Writes `answer`, with the CORS headers every answer carries. */
function send(res: ServerResponse, answer: WireAnswer): void {
  res.writeHead(answer.status, { ...corsHeaders, ...answer.headers }).end(answer.body);
}
