/**
 * Single Web API requests with JSON in and out, over the toolkit's HttpTransport (token, retries on 429/503 and
 * dropped connections). For the few requests that need no `$batch`: the webhook's read and update of one case, and
 * its registration. A refusal is thrown as DataverseError; 404 is an answer (null / false).
 */
import { DataverseError, errorFromBody } from "./errors";
import type { HttpTransport } from "./transport";
import { queryString } from "./web-api";

const HEADERS = {
  Accept: "application/json",
  "Content-Type": "application/json; charset=utf-8",
  "OData-MaxVersion": "4.0",
  "OData-Version": "4.0",
};

export class JsonRequests {
  constructor(readonly transport: HttpTransport) {}

  /** One record or one page of rows; null for 404. */
  async get(path: string, query: Record<string, string> = {}): Promise<Record<string, unknown> | null> {
    const q = queryString(query);
    const r = await this.transport.send("GET", `/${path}${q ? `?${q}` : ""}`, HEADERS);
    if (r.status === 404) return null;
    if (r.status >= 400) throw errorFromBody(r.status, r.statusText, r.body);
    return JSON.parse(r.body || "{}") as Record<string, unknown>;
  }

  /** The rows of a query (first page: the caller asks for what fits in one). */
  async rows(entitySet: string, query: Record<string, string>): Promise<Record<string, unknown>[]> {
    const page = await this.get(entitySet, query);
    if (!page) throw new DataverseError(404, "", `Resource not found for the segment '${entitySet}'.`);
    return (page.value as Record<string, unknown>[] | undefined) ?? [];
  }

  async post(entitySet: string, body: unknown): Promise<void> {
    const r = await this.transport.send("POST", `/${entitySet}`, HEADERS, body);
    if (r.status >= 400) throw errorFromBody(r.status, r.statusText, r.body);
  }

  /**
   * An update only (`If-Match: *`: never an upsert), or only of this version of the record (`If-Match: W/"…"`,
   * 412 when it changed since); false when there is no such record.
   */
  async patch(path: string, body: unknown, etag = "*"): Promise<boolean> {
    const r = await this.transport.send("PATCH", `/${path}`, { ...HEADERS, "If-Match": etag }, body);
    if (r.status === 404) return false;
    if (r.status >= 400) throw errorFromBody(r.status, r.statusText, r.body);
    return true;
  }

  /** False when there was no such record. */
  async delete(path: string): Promise<boolean> {
    const r = await this.transport.send("DELETE", `/${path}`, HEADERS);
    if (r.status === 404) return false;
    if (r.status >= 400) throw errorFromBody(r.status, r.statusText, r.body);
    return true;
  }
}
