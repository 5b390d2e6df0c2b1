/**
 * Turning Web API payloads into rows and rows into Web API JSON, with the validation Dataverse does on the way in
 * (research domain.md §4, §5): unknown properties, choice labels and out-of-range values, text too long, lookups
 * bound through navigation properties, required columns.
 */
import {
  isChoice,
  isLookup,
  navigationProperties,
  type ColumnMetadata,
  type TableMetadata,
} from "../../core/connector/table-metadata";
import { isGuid } from "../../core/connector/column-values";
import { errors } from "./errors";
import type { LookupValue, Row, Store } from "./store";

const ISO_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const BIND = "@odata.bind";

export interface PayloadContext {
  store: Store;
  tableOfSet: (entitySet: string) => TableMetadata | undefined;
  /** `$1` references to records created earlier in the same change set. */
  contentIds: Map<string, LookupValue>;
  /** Seeding may set columns a client may not (createdon, modifiedon, fullname…). */
  allowReadOnly?: boolean;
}

/**
 * The column a request names, from the table's own metadata only: `constructor`, `toString` or `__proto__` are names
 * of Object's prototype, not columns, and must be as unknown as any other name the table lacks.
 */
export function columnNamed(table: TableMetadata, name: string): ColumnMetadata | undefined {
  return Object.hasOwn(table.columns, name) ? table.columns[name] : undefined;
}

export function normalizeGuid(id: string): string {
  return id.replace(/^\{|\}$/g, "").toLowerCase();
}

/** `/contacts(<id>)`, `contacts(<id>)`, an absolute URL, or `$1`. */
export function resolveReference(reference: unknown, ctx: PayloadContext): LookupValue {
  if (typeof reference !== "string") throw errors.badRequest(`A reference must be a URL, not ${String(reference)}.`);
  const contentId = /^\$(\w+)$/.exec(reference.trim());
  if (contentId) {
    const found = ctx.contentIds.get(contentId[1]!);
    if (!found) throw errors.badRequest(`Content-ID reference '${reference}' does not name an earlier request.`);
    return found;
  }
  const match = /(?:^|\/)([A-Za-z_][A-Za-z0-9_]*)\(\{?([0-9a-fA-F-]{36})\}?\)$/.exec(reference.trim());
  if (!match) throw errors.badRequest(`The reference '${reference}' is not a valid entity reference.`);
  const table = ctx.tableOfSet(match[1]!);
  if (!table) throw errors.noSegment(match[1]!);
  return { table: table.logicalName, id: normalizeGuid(match[2]!) };
}

function checkValue(column: string, metadata: ColumnMetadata, value: unknown, table: TableMetadata): unknown {
  if (value === null) return null;
  if (isChoice(metadata)) {
    if (typeof value === "string") throw errors.literalNotInt(value, table.entitySetName);
    if (!Number.isInteger(value)) throw errors.wrongType(column, "Edm.Int32", value);
    if (!(metadata.options ?? []).some((o) => o.value === value)) {
      throw errors.outOfRange(value, column, table.logicalName);
    }
    return value;
  }
  switch (metadata.type) {
    case "String":
    case "Memo":
      if (typeof value !== "string") throw errors.wrongType(column, "Edm.String", value);
      if (metadata.maxLength !== undefined && value.length > metadata.maxLength) {
        throw errors.tooLong(column, table.logicalName, metadata.maxLength);
      }
      return value;
    case "Integer":
    case "BigInt":
      if (!Number.isInteger(value)) throw errors.wrongType(column, "Edm.Int32", value);
      return value;
    case "Decimal":
    case "Double":
    case "Money":
      if (typeof value !== "number") throw errors.wrongType(column, "Edm.Decimal", value);
      return value;
    case "Boolean":
      if (typeof value !== "boolean") throw errors.wrongType(column, "Edm.Boolean", value);
      return value;
    case "DateTime":
      if (typeof value !== "string" || !ISO_RE.test(value)) {
        throw errors.wrongType(column, "Edm.DateTimeOffset", value);
      }
      return new Date(value).toISOString().replace(/\.000Z$/, "Z");
    case "Uniqueidentifier":
      if (typeof value !== "string" || !isGuid(value)) {
        throw errors.wrongType(column, "Edm.Guid", value);
      }
      return normalizeGuid(value);
    default:
      return value;
  }
}

type Navigation = { column: string; target: string | null } | null;
const navigations = new WeakMap<TableMetadata, Map<string, Navigation>>();

/** The nav property `nav` of `table`: its column and the table it points to (remembered per table and name). */
function navigation(table: TableMetadata, nav: string): Navigation {
  let known = navigations.get(table);
  if (!known) navigations.set(table, (known = new Map()));
  const key = nav.toLowerCase();
  if (known.has(key)) return known.get(key)!;
  let found: Navigation = null;
  for (const [column, metadata] of Object.entries(table.columns)) {
    if (!isLookup(metadata)) continue;
    const pairs = navigationProperties(column, metadata);
    const hit = pairs.find(([n]) => n.toLowerCase() === key);
    if (hit) {
      found = { column, target: metadata.type === "Owner" ? null : hit[1] };
      break;
    }
  }
  // Only names the table has are remembered: a request's unknown names must not grow the map.
  if (found) known.set(key, found);
  return found;
}

/** Checks a create or update payload and returns the columns to store. */
export function valuesFromPayload(
  table: TableMetadata,
  payload: unknown,
  ctx: PayloadContext,
): Record<string, unknown> {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw errors.badRequest("The request body must be a JSON object.");
  }
  const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(payload as Record<string, unknown>)) {
    if (key.startsWith("@odata.") || key.startsWith("@")) continue;
    if (key.endsWith(BIND)) {
      const nav = key.slice(0, -BIND.length);
      const found = navigation(table, nav);
      if (!found) {
        // A multi-table lookup bound by its column name: the documented 0x80048d19 error.
        throw errors.undeclaredProperty(nav);
      }
      if (value === null) {
        values[found.column] = null;
        continue;
      }
      const reference = resolveReference(value, ctx);
      if (found.target !== null && reference.table !== found.target) {
        throw errors.badRequest(
          `The navigation property '${nav}' takes a ${found.target}, but the reference is to a ${reference.table}.`,
        );
      }
      if (!ctx.store.get(reference.table, reference.id)) throw errors.notFound(reference.table, reference.id);
      values[found.column] = reference;
      continue;
    }
    const metadata = columnNamed(table, key);
    if (!metadata) throw errors.unknownProperty(key, table.logicalName);
    if (isLookup(metadata)) {
      throw errors.badRequest(
        `A 'PrimitiveValue' node with non-null value was found when trying to read the value of the navigation property '${key}'; however, a 'StartArray' node, a 'StartObject' node, or a 'PrimitiveValue' node with null value was expected.`,
      );
    }
    // Dataverse ignores values for columns it sets itself (createdon, fullname…); so does the emulator.
    if (metadata.readOnly && !ctx.allowReadOnly) continue;
    values[key] = checkValue(key, metadata, value, table);
  }
  return values;
}

const requiredColumns = new WeakMap<TableMetadata, string[]>();

/** SystemRequired columns must have a value once the record is written. */
export function checkRequired(table: TableMetadata, row: Record<string, unknown>): void {
  let required = requiredColumns.get(table);
  if (!required) {
    required = Object.entries(table.columns)
      .filter(([column, m]) => m.requiredLevel === "SystemRequired" && column !== table.primaryIdAttribute)
      .map(([column]) => column);
    requiredColumns.set(table, required);
  }
  for (const column of required) {
    if (row[column] === undefined || row[column] === null) throw errors.required(column, table.logicalName);
  }
}

export function isLookupValue(value: unknown): value is LookupValue {
  return typeof value === "object" && value !== null && "id" in value && "table" in value;
}

const FORMATTED = "@OData.Community.Display.V1.FormattedValue";
const LOOKUP_TABLE = "@Microsoft.Dynamics.CRM.lookuplogicalname";

/** The name of the columns in Web API JSON: lookups are `_x_value`. */
export function propertyNames(table: TableMetadata): string[] {
  return Object.entries(table.columns).map(([c, m]) => (isLookup(m) ? `_${c}_value` : c));
}

const propertyColumns = new WeakMap<TableMetadata, Map<string, string | undefined>>();

/** The column behind a Web API property name, or undefined (remembered per table: queries ask for every row). */
export function columnOfProperty(table: TableMetadata, property: string): string | undefined {
  let known = propertyColumns.get(table);
  if (!known) propertyColumns.set(table, (known = new Map()));
  if (known.has(property)) return known.get(property);
  const column = findColumn(table, property);
  known.set(property, column);
  return column;
}

function findColumn(table: TableMetadata, property: string): string | undefined {
  const lookup = /^_(\w+)_value$/.exec(property);
  const lookupColumn = lookup ? columnNamed(table, lookup[1]!) : undefined;
  if (lookupColumn && isLookup(lookupColumn)) return lookup![1];
  const column = columnNamed(table, property);
  if (column && !isLookup(column)) return property;
  return undefined;
}

export function primaryName(store: Store, ref: LookupValue): string | null {
  const row = store.get(ref.table, ref.id);
  const table = store.tables.get(ref.table);
  if (!row || !table?.primaryNameAttribute) return null;
  const name = row[table.primaryNameAttribute];
  return typeof name === "string" ? name : null;
}

/** A row as Web API JSON: `@odata.etag`, the selected properties, and annotations when asked for. */
export function rowToJson(
  store: Store,
  table: TableMetadata,
  row: Row,
  select: string[] | null,
  annotations: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = { "@odata.etag": `W/"${row.__version}"` };
  const properties = select ?? propertyNames(table);
  for (const property of properties) {
    const column = columnOfProperty(table, property);
    if (!column) continue;
    const metadata = table.columns[column]!;
    const value = row[column] ?? null;
    if (isLookup(metadata)) {
      const ref = isLookupValue(value) ? value : null;
      out[property] = ref?.id ?? null;
      if (annotations && ref) {
        const name = primaryName(store, ref);
        if (name !== null) out[`${property}${FORMATTED}`] = name;
        out[`${property}${LOOKUP_TABLE}`] = ref.table;
      }
    } else {
      out[property] = value;
      if (annotations && value !== null && isChoice(metadata)) {
        const label = metadata.options?.find((o) => o.value === value)?.label;
        if (label) out[`${property}${FORMATTED}`] = label;
      } else if (annotations && value !== null && metadata.type === "Boolean") {
        out[`${property}${FORMATTED}`] = value ? "Yes" : "No";
      }
    }
  }
  // The primary id is always returned, as Dataverse does.
  out[table.primaryIdAttribute] = row[table.primaryIdAttribute];
  return out;
}
