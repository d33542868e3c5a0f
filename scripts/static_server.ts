/**
 * A tiny static file server on 127.0.0.1 for the URL-import and browser
 * checks. It serves TypeScript as `application/typescript`: Deno decides how
 * to parse a remote module by its content type, and Python's `http.server`
 * sends `.ts` as a Qt Linguist file, which Deno then parses as JavaScript.
 *
 * ```sh
 * deno run --allow-net=127.0.0.1 --allow-read=. scripts/static_server.ts . [port]
 * ```
 *
 * prints `http://127.0.0.1:PORT/` (port 0, the default, picks a free one) as
 * its first line, then serves until killed.
 *
 * @module
 */

import { extname, resolve, sep } from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".ts": "application/typescript; charset=utf-8",
  ".mts": "application/typescript; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** The content type the server sends for a file name. */
export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path)] ?? "application/octet-stream";
}

/**
 * Answers a GET or HEAD for `pathname` with the file under `root`: 404 for a
 * missing file, a directory, or a path that leaves `root`.
 */
export async function serveFile(
  root: string,
  pathname: string,
  method = "GET",
): Promise<Response> {
  if (method !== "GET" && method !== "HEAD") {
    return new Response("method not allowed\n", { status: 405 });
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return new Response("bad path\n", { status: 400 });
  }
  const base = resolve(root);
  const path = resolve(base, "." + decoded);
  if (decoded.includes("\0") || !(path + sep).startsWith(base + sep)) {
    return new Response("not found\n", { status: 404 });
  }
  try {
    const info = await Deno.stat(path);
    if (!info.isFile) return new Response("not found\n", { status: 404 });
    const headers = {
      "content-type": contentType(path),
      "content-length": String(info.size),
      "cache-control": "no-store",
    };
    if (method === "HEAD") return new Response(null, { headers });
    return new Response(await Deno.readFile(path), { headers });
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      return new Response("not found\n", { status: 404 });
    }
    throw error;
  }
}

if (import.meta.main) {
  const [root = ".", port = "0"] = Deno.args;
  Deno.serve(
    {
      hostname: "127.0.0.1",
      port: Number(port),
      onListen({ port }) {
        console.log(`http://127.0.0.1:${port}/`);
      },
    },
    (request) => serveFile(root, new URL(request.url).pathname, request.method),
  );
}
