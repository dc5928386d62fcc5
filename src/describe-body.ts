/** A short, safe excerpt of a response body for debug logs. */
import { maskEmails } from "./redact.js";

const MAX_CHARS = 300;

/** " body: …" with user emails masked (unless `mode` is "full"), cut to 300 characters; "" for an empty body. */
export function describeBody(body: string | undefined, mode: "masked" | "full"): string {
  if (!body) return "";
  const text = body.slice(0, MAX_CHARS);
  const cut = body.length > MAX_CHARS ? "…" : "";
  return ` body: ${mode === "full" ? text : maskEmails(text)}${cut}`;
}
