/** Synthetic API tokens shaped like the API's (and the sandbox's), and the pages a server returns for them. */
import type { ApiToken } from "../../src/index.js";

const labels = ["ci-deploy", "weekly-report", "bitbucket-pipeline", "jira-sync", "backup", "terraform", "nightly"];
const names = ["Mia Chen", "Lukas Garcia", "Ana Silva", "Omar Haddad", "Yuki Tanaka", "Noah Smith", "Ines Moreau"];
const DAY = 86_400_000;
const EPOCH = Date.parse("2026-11-01T00:00:00Z");

function hex(n: number, width: number): string {
  return (n >>> 0).toString(16).padStart(width, "0").slice(-width);
}

/** The `i`-th synthetic token: deterministic, about 380 bytes of JSON like a real one. */
export function syntheticToken(i: number): ApiToken {
  const name = names[i % names.length] as string;
  const user = i % 1500;
  const token: ApiToken = {
    id: `${hex(i * 2654435761, 8)}-${hex(i, 4)}-4${hex(i >> 4, 3)}-9${hex(i * 7, 3)}-${hex(i * 40503, 8)}${hex(i, 4)}`,
    label: `${labels[i % labels.length]}-${i % 97}`,
    status: i % 11 === 0 ? "BLOCKED" : "ALLOWED",
    createdAt: new Date(EPOCH - ((i * 7919) % 900) * DAY).toISOString(),
    user: {
      id: `${hex(user * 2246822519, 8)}${hex(user, 16)}`,
      name,
      email: `${name.toLowerCase().replace(" ", ".")}${user}@example.com`,
    },
  };
  if (i % 5 !== 0) token.lastActiveAt = new Date(EPOCH - ((i * 104729) % 400) * DAY).toISOString();
  if (i % 4 !== 0) token.expiresAt = new Date(EPOCH + (((i * 31) % 500) - 60) * DAY).toISOString();
  return token;
}

/** The cursor of page `index` (opaque to clients, like the API's). */
export function cursorOf(index: number, pageSize: number): string {
  return Buffer.from(`p${index}.${pageSize}`).toString("base64url");
}

/** The page index a cursor points at, or undefined when it is not one of ours. */
export function pageIndexOf(cursor: string | null): number | undefined {
  if (cursor === null) return 0;
  const match = /^p(\d+)\.\d+$/.exec(Buffer.from(cursor, "base64url").toString());
  return match ? Number(match[1]) : undefined;
}

/** The JSON body of page `index` of `total` tokens, `tokenAt` giving each one. */
export function pageBody(total: number, pageSize: number, index: number, tokenAt: (i: number) => unknown): string {
  const start = index * pageSize;
  const end = Math.min(total, start + pageSize);
  const data = [];
  for (let i = start; i < end; i++) data.push(tokenAt(i));
  const links: Record<string, string> = { self: cursorOf(index, pageSize) };
  if (end < total) links.next = cursorOf(index + 1, pageSize);
  return JSON.stringify({ data, links });
}

/**
 * A fetch that generates the pages of `total` synthetic tokens on the fly (nothing kept between requests) and counts
 * the requests it is sent: the memory and request-count tests need no server.
 */
export function generatingFetch(total: number) {
  const counter = { requests: 0, aborted: 0 };
  const fetch = async (request: Request): Promise<Response> => {
    counter.requests++;
    if (request.signal.aborted) counter.aborted++;
    const url = new URL(request.url);
    const pageSize = Number(url.searchParams.get("pageSize") ?? 50);
    const index = pageIndexOf(url.searchParams.get("cursor"));
    if (index === undefined) return new Response('{"errors":[{"status":"400"}]}', { status: 400 });
    return new Response(pageBody(total, pageSize, index, syntheticToken), {
      headers: { "content-type": "application/json" },
    });
  };
  return { fetch, counter };
}
