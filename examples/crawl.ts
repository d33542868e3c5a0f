/**
 * A crawler: a pool of workers takes URLs from a queue, fetches each page
 * under a timeout (the fetch gets the task's signal, so the deadline aborts
 * it), and queues the links it finds. Ctrl-C cancels the crawl: the workers'
 * `finally` blocks run, and the summary is printed before exiting with 130.
 *
 *     deno run --allow-net=127.0.0.1 examples/crawl.ts [START_URL]
 *
 * Without a URL it crawls a small site it serves itself on 127.0.0.1, where
 * every fifth page answers late (`--late-ms=N`, default 300) and so hits the
 * per-page timeout (`--timeout=S`, default 0.2 s).
 *
 * @module
 */

import {
  currentTask,
  KeyboardInterrupt,
  Queue,
  run,
  TaskGroup,
  timeout,
  TimeoutError,
} from "../mod.ts";

const WORKERS = 4;

function option(name: string, fallback: number): number {
  const arg = Deno.args.find((a) => a.startsWith(`--${name}=`));
  return arg === undefined ? fallback : Number(arg.split("=")[1]);
}

/** A site of `pages` pages, each linking to a few others; some answer late. */
function serveDemoSite(pages: number, lateMs: number) {
  return Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    async (request) => {
      const n = Number(new URL(request.url).pathname.split("/")[2]);
      if (!(n >= 0 && n < pages)) return new Response("no", { status: 404 });
      if (n % 5 === 4) {
        await new Promise((resolve) => setTimeout(resolve, lateMs));
      }
      const links = [1, 2, 3].map((k) => (n * 3 + k) % pages);
      const body = links.map((l) => `<a href="/page/${l}">${l}</a>`).join("");
      return new Response(body, { headers: { "content-type": "text/html" } });
    },
  );
}

async function crawl(start: string, perPage: number) {
  const queue = new Queue<string>();
  const seen = new Set([start]);
  const done: string[] = [];
  const timedOut: string[] = [];

  async function worker(id: number) {
    try {
      for await (const url of queue) {
        try {
          const html = await timeout(perPage, async () => {
            // The task's signal: the deadline (or Ctrl-C) aborts the fetch.
            const signal = currentTask()!.signal;
            return await (await fetch(url, { signal })).text();
          });
          done.push(url);
          for (const [, path] of html.matchAll(/href="([^"]+)"/g)) {
            const next = new URL(path!, url).href;
            if (!seen.has(next)) {
              seen.add(next);
              queue.putNowait(next);
            }
          }
        } catch (error) {
          if (!(error instanceof TimeoutError)) throw error;
          timedOut.push(url);
        }
      }
    } finally {
      console.log(`worker ${id}: stops`);
    }
  }

  queue.putNowait(start);
  console.log(`crawling from ${start} with ${WORKERS} workers`);
  try {
    await new TaskGroup().run(async (group) => {
      for (let id = 1; id <= WORKERS; id++) group.createTask(() => worker(id));
      await queue.join();
      queue.shutdown();
    });
  } finally {
    console.log(`fetched ${done.length} pages, ${timedOut.length} timed out`);
  }
}

const started = Deno.args.find((a) => !a.startsWith("--"));
const server = started === undefined
  ? serveDemoSite(20, option("late-ms", 300))
  : undefined;
const start = started ?? `http://127.0.0.1:${server!.addr.port}/page/0`;
try {
  await run(() => crawl(start, option("timeout", 0.2)));
} catch (error) {
  if (!(error instanceof KeyboardInterrupt)) throw error;
  console.log("interrupted");
  Deno.exitCode = 130;
} finally {
  await server?.shutdown();
}
