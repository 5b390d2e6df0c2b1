/**
 * The plan's operations as Web API requests: payloads built by dataverse-ify's `odataify` from early-bound records
 * (lookups become `…@odata.bind` through the hand-kept navigation metadata), AddToQueue as the bound action of
 * domain.md §4.
 */
import { odataify } from "dataverse-ify/lib/dataverse-ify/odataify/odataify";
import { setMetadataCache } from "dataverse-ify/lib/metadata/MetadataCache";
import { EntityReference } from "dataverse-ify/lib/types/EntityReference";
import type { IEntity } from "dataverse-ify/lib/types/IEntity";
import type { Operation, RecordRef } from "../../core/connector/handoff-plan";
import { EARLY_BOUND } from "../dataverse/early-bound";

setMetadataCache({ entities: EARLY_BOUND });

export interface ChangeRequest {
  method: "POST" | "PATCH";
  /** Relative to the service root: `incidents`, `contacts(<id>)`. */
  path: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

function isRef(value: unknown): value is RecordRef {
  return typeof value === "object" && value !== null && "entityType" in value && "id" in value;
}

function setOf(table: string): string {
  const metadata = EARLY_BOUND[table];
  if (!metadata) throw new Error(`No early-bound metadata for ${table}: add it to plugins-js/dataverse/early-bound.ts`);
  return metadata.collectionName;
}

async function payload(
  table: string,
  record: Record<string, unknown>,
  action: "Create" | "Update",
): Promise<Record<string, unknown>> {
  const entity: IEntity = { logicalName: table };
  for (const [key, value] of Object.entries(record)) {
    entity[key] = isRef(value) ? new EntityReference(value.entityType, value.id) : value;
  }
  return (await odataify(action, entity)) as Record<string, unknown>;
}

export async function toRequests(operations: Operation[]): Promise<ChangeRequest[]> {
  const out: ChangeRequest[] = [];
  for (const op of operations) {
    if (op.kind === "create") {
      const primaryId = EARLY_BOUND[op.table]?.primaryIdAttribute ?? `${op.table}id`;
      const body = await payload(op.table, { [primaryId]: op.id, ...op.record }, "Create");
      // The incident comes back with its ticket number, so the handoff needs no further read.
      const wantsRow = op.table === "incident";
      out.push({
        method: "POST",
        path: wantsRow ? `${setOf(op.table)}?$select=incidentid,ticketnumber` : setOf(op.table),
        headers: wantsRow ? { Prefer: "return=representation" } : {},
        body,
      });
    } else if (op.kind === "update") {
      out.push({
        method: "PATCH",
        path: `${setOf(op.table)}(${op.id})`,
        headers: { "If-Match": "*" },
        body: await payload(op.table, op.record, "Update"),
      });
    } else {
      out.push({
        method: "POST",
        path: `queues(${op.queueId})/Microsoft.Dynamics.CRM.AddToQueue`,
        headers: {},
        body: {
          Target: {
            "@odata.type": `Microsoft.Dynamics.CRM.${op.target.entityType}`,
            [EARLY_BOUND[op.target.entityType]?.primaryIdAttribute ?? `${op.target.entityType}id`]: op.target.id,
          },
        },
      });
    }
  }
  return out;
}
