/**
 * The webhook's two Web API requests on a case: read its description and handoff columns, and update the columns.
 * Single requests over the toolkit's HttpTransport (bearer token, retries with backoff on 429/503 and dropped
 * connections), not a `$batch`: one event is one read at most and one write.
 */
import { ENRICHMENT_COLUMNS, type CaseColumnValues } from "../../core/enrichment/case-columns";
import { DataverseError, errorFromBody } from "../dataverse/errors";
import type { HttpTransport } from "../dataverse/transport";

export const CASE_READ_COLUMNS = ["description", ...ENRICHMENT_COLUMNS] as const;

export interface CaseRecords {
  /** The case's description and handoff columns, or null when there is no such case. */
  read(caseId: string): Promise<Record<string, unknown> | null>;
  /** Updates these columns; false when the case no longer exists. */
  update(caseId: string, values: CaseColumnValues): Promise<boolean>;
}

const JSON_HEADERS = {
  Accept: "application/json",
  "Content-Type": "application/json; charset=utf-8",
  "OData-MaxVersion": "4.0",
  "OData-Version": "4.0",
};

export class WebApiCaseRecords implements CaseRecords {
  constructor(private readonly transport: HttpTransport) {}

  async read(caseId: string): Promise<Record<string, unknown> | null> {
    const r = await this.transport.send(
      "GET",
      `/incidents(${caseId})?$select=${CASE_READ_COLUMNS.join(",")}`,
      JSON_HEADERS,
    );
    if (r.status === 404) return null;
    if (r.status >= 400) throw errorFromBody(r.status, r.statusText, r.body);
    return JSON.parse(r.body ?? "{}") as Record<string, unknown>;
  }

  async update(caseId: string, values: CaseColumnValues): Promise<boolean> {
    // If-Match: * makes it an update only: a PATCH to a deleted case must not create it again (upsert).
    const r = await this.transport.send("PATCH", `/incidents(${caseId})`, { ...JSON_HEADERS, "If-Match": "*" }, values);
    if (r.status === 404) return false;
    if (r.status >= 400) throw errorFromBody(r.status, r.statusText, r.body);
    return true;
  }
}

/** Whether a refusal says the handoff id is already another case's (alternate key e2c_handoffid_key). */
export function isDuplicateHandoffId(error: unknown): boolean {
  return error instanceof DataverseError && error.status === 412 && /e2c_handoffid/i.test(error.message);
}

/** The filter the backfill pages with: cases with a description and none of the four columns. */
export function emptyColumnsFilter(): string {
  return ["description ne null", ...ENRICHMENT_COLUMNS.map((c) => `${c} eq null`)].join(" and ");
}
