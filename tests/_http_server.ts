// A loopback HTTP server for tests that do real I/O. Portable: under Deno it
// runs on `Deno.serve`, and in the npm build's test run under Node.js on
// `node:http` (chosen at run time: the test shim defines `Deno.test` only).
// It binds 127.0.0.1 on a free port (`deno task test` grants
// `--allow-net=127.0.0.1`). tests/README.md shows it in use.
//
//   const server = await startServer();
//   const response = await fetch(`${server.url}/ok`);
//   ...
//   await server.close();
//
// Routes (any other path: 404 "not found"):
//   /ok          200 "ok", at once.
//   /slow?ms=N   200 "slow" after N ms (default 1000). A client that goes away
//                first stops the timer and counts in `aborted`.
//   /page/N      an HTML page for 0 <= N < pages, linking to the pages
//                `pageLinks(N)` names (a crawler's small web); 404 past them.
//   /status/N    status N (200 to 599) with the body "status N".
//
// `requests`, `inFlight` and `aborted` count what the server saw, and
// `until()` waits for counts. `close()` is prompt with requests in flight:
// waiting routes stop their timers, and every connection is closed.
//
// Under Deno 2.9, reading `request.signal` (which /slow does to see the client
// leave) makes Deno.serve print a one-time warning about its legacy abort
// behaviour once a request that read it is answered, aborted or not.
// `"unstable": ["no-legacy-abort"]` in deno.json would opt in to the new
// behaviour, which this server handles too.

/** The number of /page/N pages by default. */
export const PAGES = 10;
const FAILSAFE_MS = 10_000;

/** Options for {@linkcode startServer}. */
export interface ServerOptions {
  /** How many /page/N pages there are. @default {PAGES} */
  pages?: number;
}

/** Counts a test can wait for with {@linkcode TestServer.until}. */
export interface Counts {
  requests?: number;
  aborted?: number;
}

/** A running test server. */
export interface TestServer {
  /** The base URL, `http://127.0.0.1:PORT`, without a trailing slash. */
  readonly url: string;
  /** Requests received so far. */
  readonly requests: number;
  /** Requests whose client went away before the server answered. */
  readonly aborted: number;
  /** Requests received and not answered yet. */
  readonly inFlight: number;
  /**
   * Resolves once the counts reach at least the given ones (a client's abort
   * reaches the server a little after the client gives up): for example
   * `await server.until({ aborted: 1 })`. Rejects after 10 seconds, or when
   * the server closes first.
   */
  until(counts: Counts): Promise<void>;
  /**
   * Stops the server and closes every connection, requests in flight too.
   * Calling it again returns the same promise.
   */
  close(): Promise<void>;
}

/** The pages /page/N links to: a few others, the same for every run. */
export function pageLinks(n: number, pages: number = PAGES): number[] {
  const links = [n + 1, n * 3, n * 7 + 3].map((m) => m % pages);
  return [...new Set(links)].filter((m) => m !== n);
}

/** What a route answers; the runtime's adapter turns it into a response. */
interface Reply {
  status: number;
  body: string | null;
  type: string;
  /** The client went away before the answer (which nobody receives). */
  aborted?: boolean;
}

/**
 * Answers one request. `clientGone()` returns a signal that aborts when the
 * client goes away; only routes that wait call it (see the note on Deno).
 */
type Handler = (url: URL, clientGone: () => AbortSignal) => Promise<Reply>;

/** A listening socket, as the runtime's adapter hands it back. */
interface Listening {
  port: number;
  close(): Promise<void>;
}

function text(status: number, body: string): Reply {
  // 204, 205 and 304 responses have no body.
  const empty = status === 204 || status === 205 || status === 304;
  return {
    status,
    body: empty ? null : body,
    type: "text/plain; charset=utf-8",
  };
}

function page(n: number, pages: number): Reply {
  const links = pageLinks(n, pages).map((m) =>
    `<li><a href="/page/${m}">page ${m}</a></li>`
  );
  return {
    status: 200,
    body: `<!doctype html>\n<title>page ${n}</title>\n<h1>page ${n}</h1>\n` +
      `<ul>\n${links.join("\n")}\n</ul>\n`,
    type: "text/html; charset=utf-8",
  };
}

/** Resolves `true` after `ms`, or `false` as soon as `signal` aborts. */
function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const done = (elapsed: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener("abort", stop);
      resolve(elapsed);
    };
    const stop = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener("abort", stop);
  });
}

class LoopbackServer implements TestServer {
  url = "";
  requests = 0;
  aborted = 0;
  inFlight = 0;
  readonly #pages: number;
  readonly #closing = new AbortController();
  #listening: Listening | undefined;
  #closed: Promise<void> | undefined;
  #waiters = new Set<{ reached(): boolean; settle(error?: Error): void }>();

  constructor(pages: number) {
    this.#pages = pages;
  }

  async listen(): Promise<void> {
    const handle: Handler = async (url, clientGone) => {
      this.requests++;
      this.inFlight++;
      this.#counted();
      const reply = await this.#answer(url, clientGone).catch((error) =>
        text(500, String(error))
      );
      this.inFlight--;
      if (reply.aborted) this.aborted++;
      this.#counted();
      return reply;
    };
    this.#listening = hasDenoServe()
      ? listenDeno(handle)
      : await listenNode(handle);
    this.url = `http://127.0.0.1:${this.#listening.port}`;
  }

  async #answer(url: URL, clientGone: () => AbortSignal): Promise<Reply> {
    const path = url.pathname;
    if (path === "/ok") return text(200, "ok");
    if (path === "/slow") {
      const ms = Number(url.searchParams.get("ms") ?? 1000);
      if (!Number.isInteger(ms) || ms < 0) return text(400, "bad ms");
      const client = clientGone();
      const closing = this.#closing.signal;
      if (await wait(ms, AbortSignal.any([client, closing]))) {
        return text(200, "slow");
      }
      const aborted = client.aborted && !closing.aborted;
      return { ...text(503, "not answered"), aborted };
    }
    const [, route, digits] = /^\/(page|status)\/(\d{1,6})$/.exec(path) ?? [];
    const n = Number(digits);
    if (route === "page" && n < this.#pages) return page(n, this.#pages);
    if (route === "status" && n >= 200 && n <= 599) {
      return text(n, `status ${n}`);
    }
    return text(404, "not found");
  }

  #counted(): void {
    for (const waiter of this.#waiters) {
      if (waiter.reached()) waiter.settle();
    }
  }

  until(counts: Counts): Promise<void> {
    const { requests = 0, aborted = 0 } = counts;
    const reached = () => this.requests >= requests && this.aborted >= aborted;
    if (reached()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = {
        reached,
        settle: (error?: Error) => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          if (error === undefined) resolve();
          else reject(error);
        },
      };
      const timer = setTimeout(() => {
        const seen = { requests: this.requests, aborted: this.aborted };
        waiter.settle(
          new Error(
            `the server saw ${JSON.stringify(seen)} in ${FAILSAFE_MS} ms, ` +
              `not ${JSON.stringify(counts)}`,
          ),
        );
      }, FAILSAFE_MS);
      this.#waiters.add(waiter);
    });
  }

  close(): Promise<void> {
    if (!this.#closing.signal.aborted) {
      this.#closing.abort();
      for (const waiter of this.#waiters) {
        waiter.settle(new Error("the server closed"));
      }
      this.#closed = this.#listening?.close();
    }
    return this.#closed ?? Promise.resolve();
  }
}

function hasDenoServe(): boolean {
  return "Deno" in globalThis && typeof Deno.serve === "function";
}

function listenDeno(handle: Handler): Listening {
  const stop = new AbortController();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, signal: stop.signal, onListen() {} },
    async (request) => {
      const reply = await handle(new URL(request.url), () => request.signal);
      return new Response(reply.body, {
        status: reply.status,
        headers: { "content-type": reply.type },
      });
    },
  );
  return {
    port: server.addr.port,
    close() {
      // The server's signal closes it and all its connections at once.
      stop.abort();
      return server.finished;
    },
  };
}

async function listenNode(handle: Handler): Promise<Listening> {
  const { createServer } = await import("node:http");
  const server = createServer((request, response) => {
    const gone = new AbortController();
    response.on("close", () => {
      if (!response.writableFinished) gone.abort();
    });
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    handle(url, () => gone.signal).then((reply) => {
      if (response.destroyed) return;
      response.writeHead(reply.status, { "content-type": reply.type });
      response.end(reply.body ?? undefined);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  if (address === null || typeof address === "string") {
    throw new Error(`unexpected server address ${address}`);
  }
  return {
    port: address.port,
    close() {
      return new Promise((resolve, reject) => {
        server.close((error) => error ? reject(error) : resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Starts a server on 127.0.0.1 and a free port. */
export async function startServer(
  options: ServerOptions = {},
): Promise<TestServer> {
  const server = new LoopbackServer(options.pages ?? PAGES);
  await server.listen();
  return server;
}
