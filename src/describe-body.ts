/** A short, safe excerpt of a response body for debug logs. */
import { maskEmails } from "./redact.js";

const MAX_CHARS = 300;

/** " body: …" with user emails masked (unless `mode` is "full"), cut to 300 characters; "" for an empty body. */
export function describeBody(body: ArrayBuffer | undefined, mode: "masked" | "full"): string {
  if (!body || body.byteLength === 0) return "";
  const text = new TextDecoder().decode(body.slice(0, MAX_CHARS * 4)).slice(0, MAX_CHARS);
  const cut = body.byteLength > MAX_CHARS ? "…" : "";
  return ` body: ${mode === "full" ? text : maskEmails(text)}${cut}`;
}
