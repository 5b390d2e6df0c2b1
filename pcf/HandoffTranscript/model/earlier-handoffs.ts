/**
 * The customer's earlier handoffs, as the control lists them: the one Web API query that reads them and what is
 * shown of the answer. Pure functions, tested without a browser.
 */
import { GUID_RE } from "../../../core/connector/odata-literals";

export interface EarlierHandoffRow {
  id: string;
  title: string;
  /** ISO 8601 UTC, as the Web API returns createdon. */
  createdOn: string | null;
  /** e2c_sentiment's choice value. */
  sentimentValue: number | null;
}

/** Listed before "n more". */
export const EARLIER_SHOWN = 5;
/** Read at most in the one request: a customer with more earlier handoffs sees "45+ more". */
export const EARLIER_READ = 50;

function bareGuid(id: string | null | undefined): string | null {
  if (!id) return null;
  const bare = id.replace(/[{}]/g, "").toLowerCase();
  return GUID_RE.test(bare) ? bare : null;
}

/**
 * The other cases of this case's customer that came from a handoff (e2c_handoffid is set), newest first: one
 * retrieveMultipleRecords query ("Query data using the Web API",
 * https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query-data-web-api). Null when either id is
 * not a GUID, so nothing is asked.
 */
export function earlierHandoffsQuery(caseId: string | null | undefined, customerId: string | null | undefined) {
  const incident = bareGuid(caseId);
  const customer = bareGuid(customerId);
  if (!incident || !customer) return null;
  return (
    `?$select=incidentid,title,createdon,e2c_sentiment` +
    `&$filter=_customerid_value eq ${customer} and e2c_handoffid ne null and incidentid ne ${incident}` +
    `&$orderby=createdon desc&$top=${EARLIER_READ}`
  );
}

/** The Web API's rows as typed values; a row without an id is left out. */
export function earlierHandoffRows(entities: readonly unknown[]): EarlierHandoffRow[] {
  const rows: EarlierHandoffRow[] = [];
  for (const entity of entities) {
    const e = (entity ?? {}) as Record<string, unknown>;
    const id = typeof e.incidentid === "string" ? bareGuid(e.incidentid) : null;
    if (!id) continue;
    rows.push({
      id,
      title: typeof e.title === "string" ? e.title : "",
      // Xrm.WebApi answers text; a client that parses dates (dataverse-ify's) answers a Date.
      createdOn:
        e.createdon instanceof Date ? e.createdon.toISOString() : typeof e.createdon === "string" ? e.createdon : null,
      sentimentValue: typeof e.e2c_sentiment === "number" ? e.e2c_sentiment : null,
    });
  }
  return rows;
}

export interface EarlierHandoffList {
  shown: readonly EarlierHandoffRow[];
  /** How many more there are ("2 more"); with `atLeast`, the read stopped at its limit ("45+ more"). */
  more: number;
  atLeast: boolean;
}

/** The newest five, and how many more; every row once the rep asked for them all. */
export function listEarlierHandoffs(rows: readonly EarlierHandoffRow[], showAll: boolean): EarlierHandoffList {
  const shown = showAll ? rows : rows.slice(0, EARLIER_SHOWN);
  return { shown, more: rows.length - shown.length, atLeast: rows.length >= EARLIER_READ };
}
