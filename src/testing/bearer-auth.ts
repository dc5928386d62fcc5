/** Whether an Authorization header carries exactly this key as a bearer token (scheme name case-insensitive). */
export function isBearer(header: string | string[] | undefined, apiKey: string): boolean {
  if (typeof header !== "string") return false;
  const [scheme, credential, ...rest] = header.trim().split(/\s+/);
  return rest.length === 0 && scheme?.toLowerCase() === "bearer" && credential === apiKey;
}
