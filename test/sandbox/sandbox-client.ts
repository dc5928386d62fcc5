import type { Sandbox } from "../../src/testing/index.js";

/** Plain fetch to the sandbox's org, with its key unless `headers` replaces the Authorization header. */
export function call(sb: Sandbox, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${sb.baseUrl}/orgs/${sb.orgId}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${sb.apiKey}`, "Content-Type": "application/json", ...init.headers },
  });
}

/** The JSON of a GET that must answer 200. */
export async function getJson<T>(sb: Sandbox, path: string): Promise<T> {
  const response = await call(sb, path);
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}
