/**
 * The one small interface the connector and the doctor talk to Dataverse through (the dataverse-ify seam of
 * anchors.md §1.3), so that the local emulator and a real environment are used the same way. Implemented on
 * dataverse-ify's request builders and batch parser over an HttpTransport.
 */
import {
  getBatchResponse,
  sendBatchWebApiRequest,
  sendWebApiRequest,
  type WebApiRequest,
  type WebApiResponse,
} from "dataverse-ify/lib/webapi/WebApiRequest";
import type { WebApiRequestDefinition } from "dataverse-ify/lib/types/WebApiRequest";
import { randomUUID } from "node:crypto";
import { changeSetBody, type ChangeSetPart } from "./change-set";
import { AnswerLostError, DataverseError, errorFromBody } from "./errors";
import type { HttpTransport, SendReport } from "./transport";

export type { WebApiRequestDefinition, ChangeSetPart };

/** A GET: the path under the service root and its query options, such as { $select: "name", $top: "1" }. */
export interface ReadRequest {
  path: string;
  query?: Record<string, string>;
}

/** Query options, each value percent-encoded (a space or a + in a filter must not reach the server raw). */
export function queryString(query: Record<string, string> | undefined): string {
  return Object.entries(query ?? {})
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join("&");
}

export interface PartResult {
  status: number;
  data: Record<string, unknown> | undefined;
  headers: Record<string, string>;
}

export interface DataverseWebApi {
  readonly environmentUrl: string;
  /** Every row of a query, following `@odata.nextLink`. */
  query(
    entitySet: string,
    query: Record<string, string>,
    onPage?: (rows: number) => void,
  ): Promise<Record<string, unknown>[]>;
  /** GET requests in one `$batch` round trip; each answer in order, 404s included. */
  readMany(requests: ReadRequest[]): Promise<PartResult[]>;
  /** Writes in one `$batch` change set: all or nothing. Throws DataverseError naming the failed request, or
   * AnswerLostError when a try's answer was lost (then it may have been carried out). */
  changeSet(requests: ChangeSetPart[]): Promise<PartResult[]>;
  /** HTTP requests sent so far (retries included). */
  readonly roundTrips: number;
}

/** A WebApiRequest that remembers the last raw answer, so a failed batch's parts can still be read. */
class Recorder implements WebApiRequest {
  last: WebApiResponse | undefined;
  constructor(private readonly inner: WebApiRequest) {}
  get server(): string {
    return this.inner.server;
  }
  get apiVersion(): string {
    return this.inner.apiVersion;
  }
  async send(...args: Parameters<WebApiRequest["send"]>): Promise<WebApiResponse> {
    this.last = await this.inner.send(...args);
    return this.last;
  }
}

function boundaryOf(headers: Record<string, string>): string {
  const type = Object.entries(headers).find(([k]) => k.toLowerCase() === "content-type")?.[1] ?? "";
  return /boundary=([^;\s]+)/.exec(type)?.[1] ?? "";
}

export class DataverseifyWebApi implements DataverseWebApi {
  constructor(private readonly transport: HttpTransport) {}

  get environmentUrl(): string {
    return this.transport.server;
  }

  get roundTrips(): number {
    return this.transport.stats.requests;
  }

  async query(
    entitySet: string,
    options: Record<string, string>,
    onPage?: (rows: number) => void,
  ): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = [];
    let path = entitySet;
    let query: string | undefined = queryString(options);
    for (;;) {
      const recorder = new Recorder(this.transport);
      let data: Record<string, unknown>;
      try {
        data = (
          await sendWebApiRequest(
            { action: "GET", path, options: query, additionalHeaders: { Prefer: 'odata.include-annotations="*"' } },
            recorder,
          )
        ).data;
      } catch (error) {
        const raw = recorder.last;
        // No answer at all: the transport's own error (a connection failure, a failed sign-in) says why.
        if (!raw) throw error;
        throw errorFromBody(raw.status, raw.statusText, raw.body);
      }
      const page = (data.value as Record<string, unknown>[] | undefined) ?? [];
      rows.push(...page);
      onPage?.(rows.length);
      const next = data["@odata.nextLink"];
      if (typeof next !== "string") return rows;
      const url = new URL(next);
      path = url.pathname.replace(/^.*\/api\/data\/v[\d.]+\//, "");
      query = url.search;
    }
  }

  private async batch(
    parts: (WebApiRequestDefinition | WebApiRequestDefinition[])[],
  ): Promise<{ status: number; results: PartResult[] }> {
    const recorder = new Recorder(this.transport);
    let answered: WebApiResponse[] | null = null;
    try {
      const response = await sendBatchWebApiRequest(parts, recorder, randomUUID());
      answered = (response.data as { batchresponse?: WebApiResponse[] }).batchresponse ?? null;
    } catch (error) {
      // dataverse-ify throws on any failed part; the raw answer below says which one and why. Without an answer,
      // the transport's own error (a connection failure, a failed sign-in) is the reason.
      if (!recorder.last) throw error;
    }
    const raw = recorder.last;
    if (!raw) throw new Error("dataverse-ify answered a batch without sending it");
    if (!raw.body?.startsWith("--batchresponse_")) throw errorFromBody(raw.status, raw.statusText, raw.body);
    const parsed = answered ?? getBatchResponse(raw.body, boundaryOf(raw.headers)).batchresponse;
    return {
      status: raw.status,
      results: parsed.map((p) => ({ status: p.status, data: p.data, headers: p.headers })),
    };
  }

  async readMany(requests: ReadRequest[]): Promise<PartResult[]> {
    const parts = requests.map((r): WebApiRequestDefinition => {
      const query = queryString(r.query);
      return { action: "GET", path: query ? `${r.path}?${query}` : r.path };
    });
    const { results } = await this.batch(parts);
    // Without continue-on-error, the batch stops at a failure other than 404 (which a read may expect).
    const failed = results.find((r) => r.status >= 400 && r.status !== 404);
    if (failed || results.length !== requests.length) {
      const at = failed ? results.indexOf(failed) : results.length - 1;
      const error = (failed?.data?.error ?? {}) as { code?: string; message?: string };
      throw new DataverseError(
        failed?.status ?? 500,
        error.code ?? "",
        error.message ?? "The batch of reads failed.",
        at,
      );
    }
    return results;
  }

  async changeSet(requests: ChangeSetPart[]): Promise<PartResult[]> {
    const report: SendReport = { answersLost: 0 };
    try {
      return await this.sendChangeSet(requests, report);
    } catch (error) {
      // A retry of a change set whose answer was lost may be refused because the first try was carried out.
      throw report.answersLost > 0 ? new AnswerLostError(error) : error;
    }
  }

  private async sendChangeSet(requests: ChangeSetPart[], report: SendReport): Promise<PartResult[]> {
    const { contentType, body } = changeSetBody(requests, randomUUID(), `/api/data/v${this.transport.apiVersion}/`);
    const raw = await this.transport.send(
      "POST",
      `${this.transport.server}/api/data/v${this.transport.apiVersion}/$batch`,
      { "Content-Type": contentType, Accept: "application/json", "OData-MaxVersion": "4.0", "OData-Version": "4.0" },
      body,
      true,
      report,
    );
    if (!raw.body?.startsWith("--batchresponse_")) throw errorFromBody(raw.status, raw.statusText, raw.body);
    const results = getBatchResponse(raw.body, boundaryOf(raw.headers)).batchresponse.map((p) => ({
      status: p.status,
      data: p.data,
      headers: p.headers,
    }));
    const failed = results.find((r) => r.status >= 400);
    if (failed || raw.status >= 400) {
      const error = (failed?.data?.error ?? {}) as { code?: string; message?: string };
      throw new DataverseError(failed?.status ?? raw.status, error.code ?? "", error.message ?? raw.statusText);
    }
    return results;
  }
}
