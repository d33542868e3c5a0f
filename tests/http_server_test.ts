// The loopback test server (tests/_http_server.ts) on its own, and once with
// the library: a task of an EventLoop that awaits real fetches. Under Deno the
// server is Deno.serve, in the npm build's run under Node.js node:http.
import assert from "node:assert/strict";
import { ensureFuture, EventLoop } from "../mod.ts";
import { pageLinks, PAGES, startServer } from "./_http_server.ts";

async function get(url: string): Promise<[number, string]> {
  const response = await fetch(url);
  return [response.status, await response.text()];
}

Deno.test("startServer() answers /ok, /status/N and 404s, and counts the requests", async () => {
  const server = await startServer();
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.deepEqual(await get(`${server.url}/ok`), [200, "ok"]);
    assert.deepEqual(await get(`${server.url}/status/418`), [
      418,
      "status 418",
    ]);
    assert.deepEqual(await get(`${server.url}/status/204`), [204, ""]);
    assert.deepEqual(await get(`${server.url}/status/99`), [404, "not found"]);
    assert.deepEqual(await get(`${server.url}/nowhere`), [404, "not found"]);
    assert.deepEqual(await get(`${server.url}/page/${PAGES}`), [
      404,
      "not found",
    ]);
    assert.equal(server.requests, 6);
    assert.equal(server.inFlight, 0);
    assert.equal(server.aborted, 0);
  } finally {
    await server.close();
  }
});

Deno.test("startServer() serves pages whose links reach every page from /page/0", async () => {
  const server = await startServer();
  try {
    const seen = new Set<number>([0]);
    const queue = [0];
    for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
      const [status, html] = await get(`${server.url}/page/${n}`);
      assert.equal(status, 200);
      const links = [...html.matchAll(/href="\/page\/(\d+)"/g)].map((m) =>
        Number(m[1])
      );
      assert.deepEqual(links, pageLinks(n));
      for (const link of links) {
        if (!seen.has(link)) queue.push(link), seen.add(link);
      }
    }
    assert.equal(seen.size, PAGES);
    assert.equal(server.requests, PAGES);
  } finally {
    await server.close();
  }
});

Deno.test("startServer() answers /slow?ms=N once its timer fires", async () => {
  const server = await startServer();
  try {
    assert.deepEqual(await get(`${server.url}/slow?ms=20`), [200, "slow"]);
    assert.deepEqual(await get(`${server.url}/slow?ms=x`), [400, "bad ms"]);
  } finally {
    await server.close();
  }
});

Deno.test("startServer(): a client that aborts /slow stops its timer, and the server counts the abort", async () => {
  const server = await startServer();
  try {
    const client = new AbortController();
    const answer = fetch(`${server.url}/slow?ms=60000`, {
      signal: client.signal,
    });
    await server.until({ requests: 1 });
    client.abort();
    await assert.rejects(answer, { name: "AbortError" });
    await server.until({ aborted: 1 });
    assert.equal(server.aborted, 1);
    assert.equal(server.inFlight, 0);
  } finally {
    await server.close();
  }
});

Deno.test("TestServer.close() closes at once with a request in flight", async () => {
  const server = await startServer();
  const answer = fetch(`${server.url}/slow?ms=60000`)
    .then((response) => response.text())
    .catch((error: Error) => error.name);
  await server.until({ requests: 1 });
  assert.equal(server.inFlight, 1);
  await server.close();
  assert.equal(server.inFlight, 0);
  assert.equal(server.aborted, 0);
  await server.close();
  // Cut off, or answered "not answered" just before the connection closed.
  assert.match(await answer, /^(TypeError|not answered)$/);
});

Deno.test("EventLoop runs a task that fetches from the server through ensureFuture()", async () => {
  const server = await startServer();
  const loop = new EventLoop();
  try {
    const results = await loop.runUntilComplete(loop.createTask(async () => {
      const response = await ensureFuture(fetch(`${server.url}/ok`));
      const body = await ensureFuture(response.text());
      const slow = fetch(`${server.url}/slow?ms=2000`, {
        signal: AbortSignal.timeout(50),
      });
      try {
        await ensureFuture(slow);
        return [body, "answered"];
      } catch (error) {
        return [body, (error as Error).name];
      }
    }));
    assert.deepEqual(results, ["ok", "TimeoutError"]);
    await server.until({ aborted: 1 });
    assert.equal(server.inFlight, 0);
  } finally {
    loop.close();
    await server.close();
  }
});
