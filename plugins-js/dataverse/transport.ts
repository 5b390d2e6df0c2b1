/**
 * The HTTP under dataverse-ify: its `WebApiRequest` seam (one `send` method) implemented with Node's http/https and
 * a keep-alive agent (a tenth of fetch's cost per request, which matters at concurrency 16), the
 * bearer token from a TokenSource, and bounded retries with exponential backoff and jitter on 429 (honouring
 * Retry-After), 503 and dropped connections (PRODUCT.md §8 point 7; api-limits.md). 400/401/403/404/412 are answers,
 * not failures of the line, and are returned at once.
 */
import type { WebApiRequest, WebApiResponse } from "dataverse-ify/lib/webapi/WebApiRequest";
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { urlToHttpOptions } from "node:url";
import type { TokenSource } from "./auth";
import { requestBody, requestHeaders, type WebApiMethod } from "./request-parts";

export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30000 };

export interface TransportStats {
  /** HTTP requests that reached the line, retries included. */
  requests: number;
  retries: number;
}

/** What one `send` went through: tries whose answer was lost, so the request may have been carried out. */
export interface SendReport {
  /** Dropped connections after the request could have reached the server, and 503s (a 503 may come after the work
   * was done). A refused connection or a 429 (refused before it runs) does not count. */
  answersLost: number;
}

/** The sign-in failed before a request could be sent (no token from Microsoft Entra ID, for instance). */
export class SignInError extends Error {
  constructor(
    readonly description: string,
    override readonly cause: unknown,
  ) {
    super(`signing in with ${description} failed: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = "SignInError";
  }
}

export interface TransportOptions {
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /** Told of each retry: what happened and how long it waits. */
  onRetry?: (why: string, waitMs: number, attempt: number) => void;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The environment URL with or without a trailing slash, or with the API path, is the same environment. */
export function normalizeEnvironmentUrl(url: string): string {
  const parsed = new URL(url.trim());
  return `${parsed.origin}${parsed.pathname.replace(/\/api\/data\/v[\d.]+\/?$/i, "").replace(/\/+$/, "")}`;
}

function isRetriableStatus(status: number): boolean {
  return status === 429 || status === 503;
}

const CONNECTION_CODES =
  /^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|ECONNABORTED|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|UND_ERR_SOCKET|UND_ERR_CLOSED|UND_ERR_CONNECT_TIMEOUT)$/;

/** A connection that was never made (refused, no route, no such host, TLS refused): the request cannot have reached
 * the server. */
export function neverConnected(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  const code = e?.code ?? e?.cause?.code ?? "";
  return (
    /^(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ENOTFOUND)$/.test(code) ||
    /^(CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED_)/.test(code)
  );
}

/** Dropped or refused connections and timeouts (Node's http errors, or fetch's when it reports them). */
export function isConnectionFailure(error: unknown): boolean {
  const e = error as { name?: string; message?: string; code?: string; cause?: { code?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return true;
  return (
    CONNECTION_CODES.test(e?.code ?? "") ||
    CONNECTION_CODES.test(e?.cause?.code ?? "") ||
    e?.message === "socket hang up" ||
    e?.message === "fetch failed"
  );
}

interface RawResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

type Target = ReturnType<typeof urlToHttpOptions>;

/** One HTTP exchange; the body read whole as UTF-8. */
function exchange(
  target: Target,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  agent: HttpAgent,
  timeoutMs: number,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    if (body !== undefined) headers["Content-Length"] = String(Buffer.byteLength(body));
    const req = send({ ...target, method, headers, agent }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers))
          if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? "",
          headers: out,
          body: Buffer.concat(chunks).toString("utf8"),
        });
      });
      res.on("error", reject);
    });
    req.setTimeout(timeoutMs, () =>
      req.destroy(Object.assign(new Error(`no answer in ${timeoutMs} ms`), { code: "ETIMEDOUT" })),
    );
    req.on("error", reject);
    req.end(body);
  });
}

export class HttpTransport implements WebApiRequest {
  readonly server: string;
  readonly apiVersion = "9.2";
  readonly stats: TransportStats = { requests: 0, retries: 0 };
  /** How the last request that failed for good failed: its connection error, or its HTTP status (401, 503…). Read
   * by callers whose client library hides the cause (dataverse-ify's WebApiBase wraps it in text). */
  lastFailure: { error: Error } | { status: number } | null = null;
  private readonly retry: RetryPolicy;
  private readonly agent: HttpAgent;
  /** Parsed request targets without a query (the `$batch` URL above all), so a URL is not parsed per request. */
  private readonly targets = new Map<string, Target>();

  constructor(
    environmentUrl: string,
    private readonly tokens: TokenSource,
    private readonly options: TransportOptions = {},
  ) {
    this.server = normalizeEnvironmentUrl(environmentUrl);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.agent = this.server.startsWith("https:")
      ? new HttpsAgent({ keepAlive: true, maxSockets: 64 })
      : new HttpAgent({ keepAlive: true, maxSockets: 64 });
  }

  private closed = false;

  /** Lets the process end without waiting for idle keep-alive connections to time out. Requests still under way
   * (a failed command's parallel reads) end with their error instead of retrying. */
  close(): void {
    this.closed = true;
    this.agent.destroy();
  }

  private delay(attempt: number, retryAfter: string | undefined): number {
    const seconds = retryAfter !== undefined ? Number(retryAfter) : NaN;
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, this.retry.maxDelayMs);
    const exponential = Math.min(this.retry.baseDelayMs * 2 ** (attempt - 1), this.retry.maxDelayMs);
    // "Full jitter": concurrent clients that failed together do not come back together.
    return Math.round(exponential / 2 + ((this.options.random ?? Math.random)() * exponential) / 2);
  }

  private target(url: string): Target {
    const known = this.targets.get(url);
    if (known) return known;
    const target = urlToHttpOptions(new URL(url));
    if (!url.includes("?") && this.targets.size < 64) this.targets.set(url, target);
    return target;
  }

  private wait(ms: number): Promise<void> {
    return (this.options.sleep ?? ((t) => new Promise((r) => setTimeout(r, t))))(ms);
  }

  async send(
    method: WebApiMethod,
    uri: string,
    headers: Record<string, string>,
    payload?: unknown,
    skipStringify?: boolean,
    report?: SendReport,
  ): Promise<WebApiResponse> {
    const url = uri.startsWith("/")
      ? `${this.server}${uri.startsWith("/api/") ? "" : `/api/data/v${this.apiVersion}`}${uri}`
      : uri;
    const body = requestBody(method, payload, skipStringify);
    const sendHeaders = requestHeaders(headers);
    for (let attempt = 1; ; attempt++) {
      let token: string;
      try {
        token = await this.tokens.token();
      } catch (error) {
        throw new SignInError(this.tokens.description, error);
      }
      sendHeaders.Authorization = `Bearer ${token}`;
      this.stats.requests += 1;
      let why: string;
      let retryAfter: string | undefined;
      try {
        const timeout = this.options.timeoutMs ?? 120000;
        const response = await exchange(this.target(url), method, sendHeaders, body, this.agent, timeout);
        if (response.status === 503 && report) report.answersLost += 1;
        if (!isRetriableStatus(response.status) || attempt >= this.retry.maxAttempts) {
          const ok = response.status >= 200 && response.status < 300;
          if (!ok) this.lastFailure = { status: response.status };
          return { ...response, data: {}, ok };
        }
        why = response.status === 429 ? "429 Too Many Requests" : "503 Service Unavailable";
        retryAfter = response.headers["retry-after"];
      } catch (error) {
        if (isConnectionFailure(error) && !neverConnected(error) && report) report.answersLost += 1;
        if (!isConnectionFailure(error) || attempt >= this.retry.maxAttempts) {
          if (isConnectionFailure(error) || neverConnected(error)) this.lastFailure = { error: error as Error };
          throw error;
        }
        why = `connection failed (${(error as { code?: string }).code ?? (error as Error).message})`;
      }
      if (this.closed) throw new Error(`${why}, after the client was closed`);
      const ms = this.delay(attempt, retryAfter);
      this.stats.retries += 1;
      this.options.onRetry?.(why, ms, attempt);
      await this.wait(ms);
    }
  }
}
