/**
 * `e2c backfill` (PRODUCT.md §10 "backfill"): the cases made before the webhook was registered. Pages through the
 * cases with a description and none of the four handoff columns, in the order of their id (each page asks for the
 * ids after the last one seen, so filling cases as it goes never makes it skip one), and fills each with the same
 * decision as the webhook. Stopping loses nothing: a filled case no longer matches, and a run starts again from the
 * cases still empty.
 */
import { caseColumnsFromDescription, ENRICHMENT_COLUMNS, hasNoCaseColumns } from "../../core/enrichment/case-columns";
import type { JsonRequests } from "../dataverse/json-requests";

export interface BackfillOptions {
  dryRun: boolean;
  pageSize?: number;
  /** Updates in flight at once. */
  concurrency?: number;
  /** Told after each page: cases looked at so far, and how many matched in all when Dataverse says. */
  onProgress?: (seen: number, total: number | null) => void;
  /** Told of a case that could not be filled (Dataverse refused it); the backfill goes on. */
  onFailure?: (caseId: string, error: Error) => void;
}

export interface BackfillSummary {
  /** Cases with a description and empty columns that were looked at. */
  seen: number;
  /** Cases filled (or, in a dry run, that would be). */
  filled: number;
  /** Cases whose description holds no transcript: left as they are. */
  noTranscript: number;
  failed: number;
  dryRun: boolean;
}

/** Cases with a description and none of the four columns: what the backfill is for. */
export function emptyColumnsFilter(): string {
  return ["description ne null", ...ENRICHMENT_COLUMNS.map((c) => `${c} eq null`)].join(" and ");
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

export async function backfillCases(api: JsonRequests, options: BackfillOptions): Promise<BackfillSummary> {
  const pageSize = options.pageSize ?? 250;
  const summary: BackfillSummary = { seen: 0, filled: 0, noTranscript: 0, failed: 0, dryRun: options.dryRun };
  let total: number | null = null;
  let after: string | null = null;
  for (;;) {
    const filter: string = after ? `${emptyColumnsFilter()} and incidentid gt ${after}` : emptyColumnsFilter();
    const query: Record<string, string> = {
      $select: ["incidentid", "description", ...ENRICHMENT_COLUMNS].join(","),
      $filter: filter,
      $orderby: "incidentid asc",
      $top: String(pageSize),
    };
    if (after === null) query.$count = "true";
    const page = await api.get("incidents", query);
    const rows = (page?.value as Record<string, unknown>[] | undefined) ?? [];
    if (after === null && typeof page?.["@odata.count"] === "number") total = page["@odata.count"];
    await inParallel(rows, options.concurrency ?? 8, async (row) => {
      const id = String(row.incidentid);
      const values = hasNoCaseColumns(row) ? caseColumnsFromDescription(row.description as string | null) : null;
      if (!values) {
        summary.noTranscript += 1;
        return;
      }
      try {
        if (!options.dryRun) await api.patch(`incidents(${id})`, values);
        summary.filled += 1;
      } catch (error) {
        summary.failed += 1;
        options.onFailure?.(id, error as Error);
      }
    });
    summary.seen += rows.length;
    options.onProgress?.(summary.seen, total);
    if (rows.length < pageSize) return summary;
    after = String(rows[rows.length - 1]!.incidentid);
  }
}
