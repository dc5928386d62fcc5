/**
 * The path with each `/`-separated segment percent-decoded on its own, as the spec writes paths with ids filled in
 * (`/orgs/acme corp/api-tokens`). A segment that does not percent-decode stays as sent.
 */
export function decodedPath(path: string): string {
  return path
    .split("/")
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join("/");
}
