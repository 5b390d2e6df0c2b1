/**
 * `e2c webhook serve`: the case enrichment webhook on Node's http server, bound to 127.0.0.1 only
 * (PRODUCT.md §10, default port 7073, `POST /api/case-events`). Dataverse reaches it through whatever the admin puts
 * in front (a reverse proxy or tunnel on port 443); the Host it is addressed by must be this machine's loopback one.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { answerCaseEvent, type EndpointSettings, type IncomingEvent } from "./endpoint";

export const DEFAULT_WEBHOOK_PORT = 7073;
export const CASE_EVENTS_PATH = "/api/case-events";

export interface RunningWebhook {
  /** `http://127.0.0.1:<port>/api/case-events` */
  url: string;
  port: number;
  close: () => Promise<void>;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(", ") : v;
}

function readLimited(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on("end", () => {
      if (!over) resolve(Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, close = false): void {
  const headers: Record<string, string> = { "Content-Type": "application/json; charset=utf-8" };
  // An answer given before the body was read closes the connection: the unread body is never taken in.
  if (close) headers.Connection = "close";
  res.writeHead(status, headers);
  res.end(JSON.stringify(body));
}

export async function startWebhookServer(
  settings: EndpointSettings,
  port: number = DEFAULT_WEBHOOK_PORT,
): Promise<RunningWebhook> {
  let allowedHosts = new Set<string>();
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    // A page in a browser that was sent here by a rebound DNS name carries that name as Host: refuse it.
    if (!allowedHosts.has((req.headers.host ?? "").toLowerCase())) {
      send(res, 421, { error: "this server answers only to 127.0.0.1 and localhost" }, true);
      return;
    }
    if (path !== CASE_EVENTS_PATH) {
      send(res, 404, { error: `not found: POST ${CASE_EVENTS_PATH}` }, true);
      return;
    }
    if (req.method !== "POST") {
      res.setHeader("Allow", "POST");
      send(res, 405, { error: "only POST" }, true);
      return;
    }
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let read = false;
    const event: IncomingEvent = {
      header: (name) => header(req, name),
      code: url.searchParams.get("code") ?? undefined,
      readBody: (limit) => {
        read = true;
        return readLimited(req, limit);
      },
    };
    answerCaseEvent(event, settings).then(
      (answer) => send(res, answer.status, answer.body, !read || answer.status === 413),
      (error: unknown) => {
        settings.log(`case-events internal error: ${(error as Error).message}`);
        send(res, 500, { error: "internal error" }, true);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${actual}`, `localhost:${actual}`]);
  return {
    url: `http://127.0.0.1:${actual}${CASE_EVENTS_PATH}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
