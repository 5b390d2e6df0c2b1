/**
 * The webhook's two Web API requests on a case: read its description and handoff columns, and update the columns.
 * Single requests, not a `$batch`: one event is one read at most and one write.
 */
import { ENRICHMENT_COLUMNS, type CaseColumnValues } from "../../core/enrichment/case-columns";
import { DataverseError } from "../dataverse/errors";
import type { JsonRequests } from "../dataverse/json-requests";

export const CASE_READ_COLUMNS = ["description", ...ENRICHMENT_COLUMNS] as const;

export interface CaseRecords {
  /** The case's description and handoff columns, or null when there is no such case. */
  read(caseId: string): Promise<Record<string, unknown> | null>;
  /**
   * Updates these columns (never creates the case again); false when the case no longer exists. With a row
   * version, only if the case is still at that version (else a 412 the handler reads as "changed since").
   */
  update(caseId: string, values: CaseColumnValues, rowVersion?: string): Promise<boolean>;
}

export class WebApiCaseRecords implements CaseRecords {
  constructor(private readonly requests: JsonRequests) {}

  read(caseId: string): Promise<Record<string, unknown> | null> {
    return this.requests.get(`incidents(${caseId})`, { $select: CASE_READ_COLUMNS.join(",") });
  }

  update(caseId: string, values: CaseColumnValues, rowVersion?: string): Promise<boolean> {
    return this.requests.patch(`incidents(${caseId})`, values, rowVersion ? `W/"${rowVersion}"` : "*");
  }
}

/** Whether a refusal says the handoff id is already another case's (alternate key e2c_handoffid_key). */
export function isDuplicateHandoffId(error: unknown): boolean {
  return (
    error instanceof DataverseError &&
    error.status >= 400 &&
    error.status < 500 &&
    /e2c_handoffid/i.test(error.message) &&
    /duplicate|already exists|unique/i.test(error.message)
  );
}

/** Whether a conditional update found the record changed since the version it named (perform-conditional-operations). */
export function isVersionChanged(error: unknown): boolean {
  return error instanceof DataverseError && error.status === 412 && /version/i.test(error.message);
}
