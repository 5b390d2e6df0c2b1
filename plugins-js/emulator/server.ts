/**
 * The local Dataverse emulator's HTTP server (PRODUCT.md §7): binds 127.0.0.1 only, serves `/api/data/v9.2/`,
 * requires a bearer token, runs `$batch` change sets atomically, and injects the faults it is told to.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { TableMetadata } from "../../core/connector/table-metadata";
import {
  formatBatchResponse,
  parseBatch,
  type EmbeddedRequest,
  type EmbeddedResponse,
  type ResponseGroup,
} from "./batch";
import { errors } from "./errors";
import { FaultPlan, NO_FAULTS, type FaultSpec } from "./faults";
import { DEFAULT_LIMITS, MAX_HEADER_BYTES, MAX_URL_LENGTH, type EmulatorLimits } from "./limits";
import { isLoopbackHost } from "./loopback";
import { Principal } from "./privileges";
import type { Seed } from "./seed";
import { tablesFor } from "./seed";
import { errorResponse, handle, type ServiceContext, type ServiceResponse } from "./service";
import { Store, type LookupValue } from "./store";
import { deliverWebhooks, type WebhookDelivery } from "./webhook-delivery";

export interface EmulatorOptions {
  seed: Seed;
  /** 0 (the default) picks a free port. */
  port?: number;
  faults?: FaultSpec;
  /** Smaller limits than Dataverse's, for tests that reach them. */
  limits?: Partial<EmulatorLimits>;
  /** One line per request (method, path, status, time); never headers or bodies, so never a token. */
  log?: (line: string) => void;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>`: the environment URL to give the connector. */
  url: string;
  serviceRoot: string;
  store: Store;
  faults: FaultPlan;
  /** Requests received on `/api/`, faulted or not. */
  readonly requestCount: number;
  /** Registered webhook steps' deliveries (webhook-delivery.ts). */
  webhooks: WebhookDelivery;
  tokenOf: (fullnameOrId: string) => string;
  close: () => Promise<void>;
}

/** How often Node looks for connections whose headers are late (its default, 30 s, would outlast the limit). */
const CHECK_INTERVAL_MS = 1000;
const API_RE = /^\/api\/data\/v9\.[0-2]\//;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The body, read only after the caller is signed in: refused with 413 when Content-Length says it is too large
 * (nothing of it read), cut off with 413 when a chunked body grows past the limit, and 408 when it stops arriving.
 */
function readBody(req: IncomingMessage, limits: EmulatorLimits): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limits.maxBodyBytes) return Promise.reject(errors.payloadTooLarge(limits.maxBodyBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      cleanup();
      reject(errors.requestTimeout(limits.bodyTimeoutMs));
    }, limits.bodyTimeoutMs);
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limits.maxBodyBytes) {
        cleanup();
        reject(errors.payloadTooLarge(limits.maxBodyBytes));
      } else chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks).toString("utf8"));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    function cleanup(): void {
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.pause();
    }
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

/** A request that says it carries a body whose bytes have not been read. */
function hasUnreadBody(req: IncomingMessage): boolean {
  return (
    !req.complete && (Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined)
  );
}

/** Header names as given, lower-cased, in an object with no prototype: a request's names are data, not keys of Object. */
function lowerHeaders(headers: IncomingMessage["headers"] | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(headers)) if (typeof v === "string") out[k.toLowerCase()] = v;
  return out;
}

/**
 * A service path with nothing a URL parser would rewrite: no dot segments (also as `%2e`), backslash, fragment,
 * space or control character. Every request and every part of a `$batch` has one; it needs no URL object.
 */
const PLAIN_API_URL = /^\/api\/data\/v9\.[0-2](?![^?]*(?:\/\.|%2e))\/[\w\-.~!$&'()*+,;=:@/%?]*$/i;

/** `https://host/api/data/v9.2/contacts?$x` or `/api/data/v9.2/contacts` or `contacts` → path and query. */
function splitUrl(url: string, serviceRoot: string): { path: string; query: URLSearchParams } {
  if (PLAIN_API_URL.test(url)) {
    const q = url.indexOf("?");
    try {
      const path = decodeURIComponent((q < 0 ? url : url.slice(0, q)).replace(API_RE, ""));
      // With its "?": URLSearchParams drops one leading "?", as a URL's search does.
      return { path, query: new URLSearchParams(q < 0 ? "" : url.slice(q)) };
    } catch {
      throw errors.malformedUri();
    }
  }
  let absolute: URL;
  let path: string;
  try {
    absolute = new URL(url, serviceRoot);
    path = decodeURIComponent(absolute.pathname.replace(API_RE, ""));
  } catch {
    throw errors.malformedUri();
  }
  return { path, query: absolute.searchParams };
}

function buildStore(seed: Seed, tables: Map<string, TableMetadata>): { store: Store; organizationId: string } {
  const store = new Store(tables);
  const system = new Principal(
    { systemuserid: "00000000-0000-0000-0000-000000000000", fullname: "SYSTEM", token: "-".repeat(8), roles: ["*"] },
    { "*": ["*"] },
  );
  const bySet = new Map([...tables.values()].map((t) => [t.entitySetName, t]));
  const ctx: ServiceContext = {
    store,
    principal: system,
    serviceRoot: "http://127.0.0.1/api/data/v9.2/",
    organizationId: "",
    businessUnitId: "",
    contentIds: new Map(),
    tableOfSet: (set) => bySet.get(set),
    allowReadOnly: true,
  };
  const create = (set: string, row: Record<string, unknown>): void => {
    handle(ctx, { method: "POST", path: set, query: new URLSearchParams(), headers: {}, body: JSON.stringify(row) });
  };
  for (const user of seed.users) {
    const row: Record<string, unknown> = { systemuserid: user.systemuserid, fullname: user.fullname };
    if (user.internalemailaddress) row.internalemailaddress = user.internalemailaddress;
    if (user.applicationid) row.applicationid = user.applicationid;
    create("systemusers", row);
  }
  if (!seed.rows.organizations?.length) {
    create("organizations", {
      name: "Local Dataverse emulator",
      emailcorrelationenabled: true,
      maxuploadfilesize: 5242880,
    });
  }
  for (const [set, rows] of Object.entries(seed.rows)) {
    if (!bySet.has(set)) throw errors.noSegment(set);
    rows.forEach((row, i) => {
      try {
        create(set, row);
      } catch (error) {
        throw new Error(`seed rows.${set}[${i}]: ${(error as Error).message}`);
      }
    });
  }
  const organizationId = String(store.all("organization")[0]?.organizationid ?? randomUUID());
  return { store, organizationId };
}

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const tables = tablesFor(options.seed);
  const bySet = new Map([...tables.values()].map((t) => [t.entitySetName, t]));
  const { store, organizationId } = buildStore(options.seed, tables);
  const businessUnitId = randomUUID();
  const faults = new FaultPlan(options.faults ?? NO_FAULTS);
  const principals = new Map(options.seed.users.map((u) => [u.token, new Principal(u, options.seed.roles)]));
  const limits: EmulatorLimits = { ...DEFAULT_LIMITS, ...options.limits };
  let requestCount = 0;
  let serviceRoot = "";
  let port = 0;
  const webhooks = deliverWebhooks({
    store,
    organizationId,
    organizationHost: () => new URL(serviceRoot).host,
    ...(options.log ? { log: options.log } : {}),
  });

  function context(principal: Principal): ServiceContext {
    return {
      store,
      principal,
      serviceRoot,
      organizationId,
      businessUnitId,
      contentIds: new Map<string, LookupValue>(),
      tableOfSet: (set) => bySet.get(set),
    };
  }

  function runOne(ctx: ServiceContext, r: EmbeddedRequest): ServiceResponse {
    const { path, query } = splitUrl(r.url, serviceRoot);
    const response = handle(ctx, { method: r.method, path, query, headers: r.headers, body: r.body });
    if (r.contentId !== undefined && response.created) ctx.contentIds.set(r.contentId, response.created);
    return response;
  }

  function embedded(response: ServiceResponse, contentId: string | undefined): EmbeddedResponse {
    const out: EmbeddedResponse = {
      status: response.status,
      headers: { "OData-Version": "4.0", ...response.headers },
    };
    if (response.json !== undefined) out.body = JSON.stringify(response.json);
    if (contentId !== undefined) out.contentId = contentId;
    return out;
  }

  /** Requests run in order; without `odata.continue-on-error` the first failure ends the batch (status 400). */
  function runBatch(
    principal: Principal,
    body: string,
    headers: Record<string, string>,
  ): { status: number; groups: ResponseGroup[] } {
    const parts = parseBatch(body, headers["content-type"]);
    const continueOnError = (headers["prefer"] ?? "").includes("odata.continue-on-error");
    const groups: ResponseGroup[] = [];
    let failed = false;
    for (const part of parts) {
      const ctx = context(principal);
      if (part.kind === "request") {
        let response: ServiceResponse;
        try {
          response = runOne(ctx, part.request);
        } catch (error) {
          response = errorResponse(error);
          failed = true;
        }
        groups.push({ kind: "single", response: embedded(response, part.request.contentId) });
      } else {
        const responses: EmbeddedResponse[] = [];
        let current: EmbeddedRequest | undefined;
        try {
          store.transaction(() => {
            for (const request of part.requests) {
              current = request;
              // A `$1` URL addresses a record made earlier in the change set.
              const ref = /^\$(\w+)(.*)$/.exec(request.url);
              let url = request.url;
              if (ref) {
                const made = ctx.contentIds.get(ref[1]!);
                if (!made)
                  throw errors.badRequest(`Content-ID reference '$${ref[1]}' does not name an earlier request.`);
                url = `${store.table(made.table).entitySetName}(${made.id})${ref[2]}`;
              }
              responses.push(embedded(runOne(ctx, { ...request, url }), request.contentId));
            }
          });
          groups.push({ kind: "changeset", responses });
        } catch (error) {
          failed = true;
          groups.push({ kind: "single", response: embedded(errorResponse(error), current?.contentId) });
        }
      }
      if (failed && !continueOnError) break;
    }
    return { status: failed && !continueOnError ? 400 : 200, groups };
  }

  function send(res: ServerResponse, response: ServiceResponse): void {
    const body = response.json === undefined ? "" : JSON.stringify(response.json);
    res.writeHead(response.status, { "OData-Version": "4.0", ...response.headers });
    res.end(body);
  }

  /** The answer to a refused request: a body still on its way is not read, and the connection closes after it. */
  function refusal(req: IncomingMessage, error: unknown): ServiceResponse {
    const response = errorResponse(error);
    if (hasUnreadBody(req)) response.headers = { ...response.headers, Connection: "close" };
    return response;
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const arrived = performance.now();
    const url = req.url ?? "/";
    if (!isLoopbackHost(req.headers.host, port))
      return send(res, refusal(req, errors.invalidHost(req.headers.host ?? "")));
    if (url.length > MAX_URL_LENGTH) return send(res, refusal(req, errors.uriTooLong(MAX_URL_LENGTH)));
    if (url === "/_emulator/health") {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ ok: true, serviceRoot }));
      return;
    }
    let fault = null;
    if (url.startsWith("/api/")) {
      requestCount += 1;
      fault = faults.draw();
    }
    if (fault === "reset") {
      req.socket.destroy();
      return;
    }
    if (fault === "slow") await sleep(faults.spec.slowMs);
    let response: ServiceResponse;
    let raw: { contentType: string; body: string; status: number } | null = null;
    try {
      // Everything that can refuse the request comes before its body is read: a stranger's upload costs nothing.
      if (fault === "429") throw errors.tooManyRequests(faults.spec.retryAfterSeconds);
      if (fault === "503") throw errors.unavailable();
      if (!API_RE.test(url)) throw errors.noSegment(url.split("?")[0] ?? url);
      const headers = lowerHeaders(req.headers);
      const token = /^Bearer\s+(\S+)$/i.exec(headers["authorization"] ?? "")?.[1];
      const principal = token ? principals.get(token) : undefined;
      if (!principal) throw errors.unauthorized();
      const { path, query } = splitUrl(url, serviceRoot);
      const body = await readBody(req, limits);
      if (path === "$batch") {
        if (req.method !== "POST") throw errors.methodNotAllowed(req.method ?? "", path);
        const result = runBatch(principal, body, headers);
        const formatted = formatBatchResponse(result.groups, randomUUID());
        raw = { contentType: formatted.contentType, body: formatted.body, status: result.status };
        response = { status: result.status, headers: {} };
      } else {
        response = handle(context(principal), { method: req.method ?? "GET", path, query, headers, body });
      }
    } catch (error) {
      response = refusal(req, error);
    }
    // Latency counts from the request's arrival, as a network's would: the answer leaves no sooner than that.
    // Whole milliseconds, as Node's timers count them anyway: answers share one timer list instead of each making its
    // own for a fractional delay.
    const waited = performance.now() - arrived;
    if (faults.spec.latencyMs > waited) await sleep(Math.ceil(faults.spec.latencyMs - waited));
    if (fault === "reset-after") {
      req.socket.destroy();
      return;
    }
    if (raw) {
      res.writeHead(raw.status, { "Content-Type": raw.contentType, "OData-Version": "4.0" });
      res.end(raw.body);
    } else send(res, response);
    options.log?.(
      `${req.method} ${url.split("?")[0]} → ${raw?.status ?? response.status} (${Date.now() - started} ms)`,
    );
  }

  const server = createServer(
    { connectionsCheckingInterval: CHECK_INTERVAL_MS, maxHeaderSize: MAX_HEADER_BYTES },
    (req, res) => {
      onRequest(req, res).catch((error: unknown) => {
        if (!res.headersSent) send(res, errorResponse(error));
      });
    },
  );
  server.keepAliveTimeout = 5000;
  // Headers that trickle in are cut off (Node answers 408); the body has its own timer in readBody.
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.headersTimeoutMs + limits.bodyTimeoutMs + 1000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  serviceRoot = `${url}/api/data/v9.2/`;
  return {
    url,
    serviceRoot,
    store,
    faults,
    get requestCount() {
      return requestCount;
    },
    tokenOf: (who) => {
      const user = options.seed.users.find(
        (u) => u.fullname === who || u.systemuserid.toLowerCase() === who.toLowerCase(),
      );
      if (!user) throw new Error(`no user ${who} in the seed`);
      return user.token;
    },
    webhooks,
    close: async () => {
      await webhooks.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
