/**
 * The Request the client's openapi-fetch builds requests with. Looked up when a request is built: openapi-fetch would
 * otherwise read `globalThis.Request` when the client is created, and that first touch is when Node loads its fetch
 * implementation, so creating a client stays instant. It also remembers a request's string body (a JSON body is
 * one), which a retry sends again: reading it back from the request would mean a clone of its stream, some 100 µs
 * a request in Node 20 whether or not a retry ever comes.
 */
export const LazyRequest = function Request(input: RequestInfo | URL, init?: RequestInit) {
  const request = new globalThis.Request(input, init);
  if (typeof init?.body === "string") bodies.set(request, init.body);
  return request;
} as unknown as typeof Request;

const bodies = new WeakMap<Request, string>();

/** The string body `request` was built with by `LazyRequest`, or undefined (no body, another kind, another maker). */
export function builtBody(request: Request): string | undefined {
  return bodies.get(request);
}
