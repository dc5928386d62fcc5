/**
 * A `--base-url` of plain http sends the organization's admin key in the clear: to this machine (a local sandbox or
 * mock) that is fine, to any other it is worth a warning. Not refused: an http proxy in front of the API is the
 * user's call.
 */

/** Whether `hostname` (as URL gives it) names this machine. */
function isLoopback(hostname: string): boolean {
  return (
    hostname === "localhost" ||
    hostname.endsWith(".localhost") ||
    hostname === "[::1]" ||
    // An address of 127.0.0.0/8, not a name that starts like one (127.example.com).
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/** The warning for a base URL that would send the key unencrypted to another machine; undefined otherwise. */
export function plainHttpWarning(baseUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    // Not a URL: the client refuses it with its own message.
    return undefined;
  }
  if (url.protocol !== "http:" || isLoopback(url.hostname)) return undefined;
  return `warning: --base-url is plain http to ${url.host}: the API key would cross the network unencrypted. Use https.\n`;
}
