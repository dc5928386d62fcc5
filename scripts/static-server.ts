/** A static file server on 127.0.0.1 for the browser row of the runtime matrix: only the folders the page needs. */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
};

/** Serves files under `root` whose path starts with one of `prefixes`; resolves the server and its origin. */
export async function serveStatic(
  root: string,
  prefixes: readonly string[],
): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname));
    if (!prefixes.some((prefix) => path.startsWith(prefix))) return void res.writeHead(404).end();
    readFile(join(root, path)).then(
      (body) =>
        res.writeHead(200, { "Content-Type": contentTypes[extname(path)] ?? "application/octet-stream" }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { server, origin: `http://127.0.0.1:${port}` };
}
