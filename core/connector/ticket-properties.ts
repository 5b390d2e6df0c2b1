/**
 * `ticket_properties` (seed 003, "Map any custom Dynamics fields"): a JSON object of incident columns set on every
 * incident the connector creates. Checked against the environment's incident metadata before anything is written
 * (PRODUCT.md §8 point 2), every problem at once.
 */
import type { InputProblem } from "../transcript/handoff";
import { columnValueProblem, isGuid } from "./column-values";
import { columnOf, isLookup, navigationProperties, type TableMetadata } from "./table-metadata";

/** Columns the connector writes itself, and the setting to use instead where there is one. */
export const CONNECTOR_OWNED_COLUMNS: Readonly<Record<string, string>> = {
  title: "the connector writes the title as <classification> - <sender name or email>",
  description: "the connector writes the transcript into the description",
  customerid: "the connector links the case to the contact it finds or creates by email",
  primarycontactid: "the connector links the case to the contact it finds or creates by email",
  caseorigincode: "the connector sets the origin to Email (2)",
  prioritycode: "set default_priority instead",
  ownerid: "set default_owner_id instead",
  statecode: "a new case is always active",
  e2c_handoffid: "the connector writes the handoff id (it keeps one case per handoff)",
  e2c_classification: "the connector writes the handoff's classification",
  e2c_sentiment: "the connector writes the handoff's sentiment",
  e2c_sessionurl: "the connector writes the handoff's session URL",
};

const BIND_SUFFIX = "@odata.bind";
const BIND_VALUE_RE = /^\/?([A-Za-z_][A-Za-z0-9_]*)\(\{?([0-9a-fA-F-]{36})\}?\)$/;

export function validateTicketProperties(
  properties: unknown,
  incident: TableMetadata,
  entitySetOf: (logicalName: string) => string | undefined,
  field = "ticket_properties",
): InputProblem[] {
  if (properties === undefined || properties === null) return [];
  if (typeof properties !== "object" || Array.isArray(properties)) {
    return [{ field, message: 'must be a JSON object of incident columns, such as { "casetypecode": 2 }' }];
  }
  const problems: InputProblem[] = [];
  for (const [key, value] of Object.entries(properties as Record<string, unknown>)) {
    const at = `${field}.${key}`;
    const column = key.endsWith(BIND_SUFFIX) ? key.slice(0, -BIND_SUFFIX.length) : key;
    const ownedBy = ownerColumn(column, incident);
    // Own keys only: "constructor" or "__proto__" is an unknown column, never a property of Object.prototype.
    const owned = Object.hasOwn(CONNECTOR_OWNED_COLUMNS, ownedBy) ? CONNECTOR_OWNED_COLUMNS[ownedBy] : undefined;
    if (owned) {
      problems.push({ field: at, message: `cannot be set here: ${owned}` });
      continue;
    }
    if (key.endsWith(BIND_SUFFIX)) {
      const problem = bindProblem(column, value, incident, entitySetOf);
      if (problem) problems.push({ field: at, message: problem });
      continue;
    }
    const metadata = columnOf(incident, key);
    if (!metadata) {
      problems.push({ field: at, message: `is not a column of the ${incident.logicalName} table in this environment` });
    } else if (metadata.readOnly) {
      problems.push({ field: at, message: "is set by Dataverse and cannot be written" });
    } else {
      const problem = isLookup(metadata)
        ? `is a lookup: bind it as "${navigationProperties(key, metadata)[0]?.[0] ?? key}@odata.bind": "/<entity set>(<id>)"`
        : columnValueProblem(value, metadata);
      if (problem) problems.push({ field: at, message: problem });
    }
  }
  return problems;
}

/** `customerid_contact` belongs to `customerid`. */
function ownerColumn(nameOrNav: string, incident: TableMetadata): string {
  if (columnOf(incident, nameOrNav)) return nameOrNav;
  for (const [column, metadata] of Object.entries(incident.columns)) {
    if (isLookup(metadata) && navigationProperties(column, metadata).some(([nav]) => nav === nameOrNav)) return column;
  }
  return nameOrNav;
}

function bindProblem(
  nav: string,
  value: unknown,
  incident: TableMetadata,
  entitySetOf: (logicalName: string) => string | undefined,
): string | null {
  const column = ownerColumn(nav, incident);
  const metadata = columnOf(incident, column);
  const target =
    metadata && isLookup(metadata) ? navigationProperties(column, metadata).find(([n]) => n === nav) : null;
  if (!target) return `is not a lookup of the ${incident.logicalName} table in this environment`;
  const match = typeof value === "string" ? BIND_VALUE_RE.exec(value) : null;
  const set = entitySetOf(target[1]);
  if (!match || !isGuid(match[2])) return `must be "/${set ?? "<entity set>"}(<id>)", not ${JSON.stringify(value)}`;
  if (set && match[1] !== set) return `points to ${match[1]}, but ${nav} takes a record of ${set}`;
  return null;
}
