/**
 * The HTTP under dataverse-ify: its `WebApiRequest` seam (one `send` method) implemented with Node's fetch, the
 * bearer token from a TokenSource, and bounded retries with exponential backoff and jitter on 429 (honouring
 * Retry-After), 503 and dropped connections (PRODUCT.md §8 point 7; api-limits.md). 400/401/403/404/412 are answers,
 * not failures of the line, and are returned at once.
 */
import type { WebApiRequest, WebApiResponse } from "dataverse-ify/lib/webapi/WebApiRequest";
import type { TokenSource } from "./auth";

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

/** Dropped or refused connections and timeouts, as Node's fetch reports them. */
export function isConnectionFailure(error: unknown): boolean {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return true;
  const code = e?.cause?.code ?? "";
  return (
    e?.message === "fetch failed" ||
    /ECONNRESET|ECONNREFUSED|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED|ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT/.test(code)
  );
}

export class HttpTransport implements WebApiRequest {
  readonly server: string;
  readonly apiVersion = "9.2";
  readonly stats: TransportStats = { requests: 0, retries: 0 };
  private readonly retry: RetryPolicy;

  constructor(
    environmentUrl: string,
    private readonly tokens: TokenSource,
    private readonly options: TransportOptions = {},
  ) {
    this.server = normalizeEnvironmentUrl(environmentUrl);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  private delay(attempt: number, retryAfter: string | undefined): number {
    const seconds = retryAfter !== undefined ? Number(retryAfter) : NaN;
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, this.retry.maxDelayMs);
    const exponential = Math.min(this.retry.baseDelayMs * 2 ** (attempt - 1), this.retry.maxDelayMs);
    // "Full jitter": concurrent clients that failed together do not come back together.
    return Math.round(exponential / 2 + ((this.options.random ?? Math.random)() * exponential) / 2);
  }

  private wait(ms: number): Promise<void> {
    return (this.options.sleep ?? ((t) => new Promise((r) => setTimeout(r, t))))(ms);
  }

  async send(
    method: "POST" | "PATCH" | "PUT" | "GET" | "DELETE",
    uri: string,
    headers: Record<string, string>,
    payload?: unknown,
    skipStringify?: boolean,
  ): Promise<WebApiResponse> {
    const url = uri.startsWith("/")
      ? `${this.server}${uri.startsWith("/api/") ? "" : `/api/data/v${this.apiVersion}`}${uri}`
      : uri;
    const body =
      method === "GET" || method === "DELETE" || payload === undefined
        ? undefined
        : skipStringify
          ? (payload as string)
          : JSON.stringify(payload);
    const sendHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() !== "connection") sendHeaders[k] = v;
    for (let attempt = 1; ; attempt++) {
      sendHeaders.Authorization = `Bearer ${await this.tokens.token()}`;
      this.stats.requests += 1;
      let why: string;
      let retryAfter: string | undefined;
      try {
        const response = await fetch(url, {
          method,
          headers: sendHeaders,
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 120000),
        });
        const text = await response.text();
        if (!isRetriableStatus(response.status) || attempt >= this.retry.maxAttempts) {
          const out: Record<string, string> = {};
          response.headers.forEach((value, key) => (out[key] = value));
          return {
            headers: out,
            body: text,
            data: {},
            status: response.status,
            statusText: response.statusText,
            ok: response.ok,
          };
        }
        why = response.status === 429 ? "429 Too Many Requests" : "503 Service Unavailable";
        retryAfter = response.headers.get("retry-after") ?? undefined;
      } catch (error) {
        if (!isConnectionFailure(error) || attempt >= this.retry.maxAttempts) throw error;
        why = `connection failed (${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message})`;
      }
      const ms = this.delay(attempt, retryAfter);
      this.stats.retries += 1;
      this.options.onRetry?.(why, ms, attempt);
      await this.wait(ms);
    }
  }
}
