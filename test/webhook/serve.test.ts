/** `webhook serve`'s HTTP edge: only its own Host, only POST /api/case-events. */
import { request } from "node:http";
import type { CaseRecords } from "../../plugins-js/webhook/case-records";
import { startWebhookServer, type RunningWebhook } from "../../plugins-js/webhook/serve";
import { KEY } from "./helpers";

const nothing: CaseRecords = {
  read: () => Promise.reject(new Error("not expected")),
  update: () => Promise.reject(new Error("not expected")),
};

let server: RunningWebhook;
beforeAll(async () => {
  server = await startWebhookServer({ key: KEY, cases: nothing, log: () => undefined }, 0);
});
afterAll(() => server.close());

function send(method: string, path: string, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (host) headers.Host = host;
    const req = request(`http://127.0.0.1:${server.port}${path}`, { method, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end(method === "POST" ? "{}" : undefined);
  });
}

test("listens on 127.0.0.1 at /api/case-events", () => {
  expect(server.url).toBe(`http://127.0.0.1:${server.port}/api/case-events`);
});

test("refuses a request addressed to another host name (DNS rebinding) with 421", async () => {
  expect(await send("POST", `/api/case-events?code=${KEY}`, `attacker.example:${server.port}`)).toBe(421);
});

test("answers to localhost as well as 127.0.0.1", async () => {
  expect(await send("POST", `/api/case-events?code=${KEY}`, `localhost:${server.port}`)).toBe(400);
});

test("answers 404 to another path and 405 to another method", async () => {
  expect(await send("POST", "/api/other")).toBe(404);
  expect(await send("GET", `/api/case-events?code=${KEY}`)).toBe(405);
});
