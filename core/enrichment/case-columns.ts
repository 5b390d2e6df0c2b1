/**
 * The four handoff columns of a case (PRODUCT.md §2, §10): `e2c_classification`, `e2c_sentiment` (its choice value,
 * §4.1), `e2c_handoffid` and `e2c_sessionurl`. One decision for every path that fills them: the connector from the
 * handoff it writes, the webhook and the backfill from a description another integration wrote. So a case gets the
 * same values whichever way it was made.
 */
import { parseTranscript } from "../transcript/parse";
import { normalizeSentiment } from "../transcript/sentiment";
import { CLASSIFICATION_MAX_LENGTH, HANDOFF_ID_MAX_LENGTH } from "../transcript/handoff";

export const ENRICHMENT_COLUMNS = ["e2c_classification", "e2c_sentiment", "e2c_handoffid", "e2c_sessionurl"] as const;
export type EnrichmentColumn = (typeof ENRICHMENT_COLUMNS)[number];

/** The values a case should have; a column left out is not set (an unknown value never clears one). */
export interface CaseColumnValues {
  e2c_classification?: string;
  e2c_sentiment?: number;
  e2c_handoffid?: string;
  e2c_sessionurl?: string;
}

/** What a handoff, or a transcript's header, says about the conversation. */
export interface HandoffFacts {
  classification?: string | undefined;
  sentiment?: string | number | undefined;
  handoffId?: string | undefined;
  sessionUrl?: string | undefined;
}

/** e2c_sessionurl is a URL column of 500 characters (PRODUCT.md §2). */
export const SESSION_URL_MAX_LENGTH = 500;
const URL_RE = /^https?:\/\/\S+$/i;

/**
 * The column values for these facts. Classification is cut to the column's length (as the connector always did);
 * a handoff id longer than its column or a session that is not an http(s) URL is left out rather than cut, since a
 * cut id or address would point somewhere else.
 */
export function caseColumnValues(
  facts: HandoffFacts,
  maxLength: Partial<Record<EnrichmentColumn, number>> = {},
): CaseColumnValues {
  const out: CaseColumnValues = {};
  const classification = facts.classification?.trim();
  if (classification) {
    out.e2c_classification = classification.slice(0, maxLength.e2c_classification ?? CLASSIFICATION_MAX_LENGTH);
  }
  const sentiment = normalizeSentiment(facts.sentiment).optionValue;
  if (sentiment !== null) out.e2c_sentiment = sentiment;
  // The id is kept as given: it is the alternate key the connector looks the case up by.
  const handoffId = facts.handoffId;
  if (handoffId?.trim() && handoffId.length <= (maxLength.e2c_handoffid ?? HANDOFF_ID_MAX_LENGTH)) {
    out.e2c_handoffid = handoffId;
  }
  const session = facts.sessionUrl?.trim();
  if (session && URL_RE.test(session) && session.length <= (maxLength.e2c_sessionurl ?? SESSION_URL_MAX_LENGTH)) {
    out.e2c_sessionurl = session;
  }
  return out;
}

/**
 * The values a case's description calls for, or null when it holds no transcript with any of them (a description
 * that is not a transcript changes nothing). The tolerant reader of §4 decides what a transcript is: plain text,
 * CRLF and the rich text editor's HTML are all read.
 */
export function caseColumnsFromDescription(description: string | null | undefined): CaseColumnValues | null {
  // What is not a transcript reads as "raw", with an empty header: it calls for no value.
  // Stryker disable next-line StringLiteral: any other text instead of "" reads as "raw" too
  const { header } = parseTranscript(description ?? "");
  const values = caseColumnValues({
    classification: header.classification,
    sentiment: header.sentiment,
    handoffId: header.handoffId,
    sessionUrl: header.session,
  });
  return Object.keys(values).length ? values : null;
}

/**
 * The columns whose value differs from the record's: what one update must write, and nothing when the record is
 * already right. The webhook's own update raises another Update event; this is why that event finds nothing to do.
 */
export function columnsToWrite(wanted: CaseColumnValues, current: Record<string, unknown>): CaseColumnValues {
  const out: Record<string, unknown> = {};
  for (const column of ENRICHMENT_COLUMNS) {
    const value = wanted[column];
    if (value !== undefined && current[column] !== value) out[column] = value;
  }
  return out as CaseColumnValues;
}

/** Whether none of the four columns holds a value: the cases the backfill fills. */
export function hasNoCaseColumns(record: Record<string, unknown>): boolean {
  return ENRICHMENT_COLUMNS.every((c) => record[c] === null || record[c] === undefined || record[c] === "");
}
