/**
 * Query options on a collection or a record (PRODUCT.md §7): `$select`, `$filter`, `$top`, `$orderby`, `$expand` on
 * lookups (with a nested `$select`), paging by `Prefer: odata.maxpagesize` with `@odata.nextLink`.
 */
import { isLookup, navigationProperties, type TableMetadata } from "../../core/connector/table-metadata";
import { errors } from "./errors";
import type { Principal } from "./privileges";
import { filterProperties, matches, parseFilter, type FilterNode } from "./odata-filter";
import { columnOfProperty, isLookupValue, rowToJson } from "./records";
import type { Row, Store } from "./store";

export interface Expand {
  nav: string;
  column: string;
  select: string[] | null;
}

export interface QueryOptions {
  select: string[] | null;
  filter: FilterNode | null;
  orderBy: Array<{ property: string; descending: boolean }>;
  top: number | null;
  expand: Expand[];
  skip: number;
}

const KNOWN = new Set(["$select", "$filter", "$orderby", "$top", "$expand", "$skiptoken", "$count"]);

function checkProperty(table: TableMetadata, property: string): string {
  const column = columnOfProperty(table, property);
  if (!column) throw errors.unknownProperty(property, table.logicalName);
  return column;
}

function parseSelect(table: TableMetadata, text: string): string[] {
  const names = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names) checkProperty(table, name);
  return names;
}

/** `a($select=x,y),b` split at top-level commas. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth--;
    else if (text[i] === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * `$expand` returns the related record's columns, so it needs prvRead on the table the navigation property points
 * to, as a retrieve of that record would: a user who may not read accounts gets 403, not the account's name.
 */
function parseExpand(store: Store, table: TableMetadata, text: string, principal: Principal): Expand[] {
  return splitTopLevel(text).map((part) => {
    const m = /^(\w+)(?:\((.*)\))?$/.exec(part);
    if (!m) throw errors.badRequest(`The $expand option '${part}' is not valid.`);
    const nav = m[1]!;
    let found: { column: string; target: string } | null = null;
    const targets: string[] = [];
    for (const [column, metadata] of Object.entries(table.columns)) {
      if (!isLookup(metadata)) continue;
      for (const [n, target] of navigationProperties(column, metadata)) {
        if (n !== nav) continue;
        found = { column, target };
        targets.push(target);
      }
    }
    if (!found) throw errors.unknownProperty(nav, table.logicalName);
    // An owner may be a user or a team: expanding it reads whichever it is, so both are demanded.
    for (const target of targets) {
      const related = store.tables.get(target);
      if (related) principal.demand("Read", related);
    }
    let select: string[] | null = null;
    const inner = m[2] ?? "";
    const sel = /^\$select=(.*)$/.exec(inner);
    if (inner && !sel) throw errors.badRequest(`Only $select is supported inside $expand: '${part}'.`);
    if (sel) select = parseSelect(store.table(found.target), sel[1]!);
    return { nav, column: found.column, select };
  });
}

export function parseQuery(
  store: Store,
  table: TableMetadata,
  params: URLSearchParams,
  principal: Principal,
): QueryOptions {
  for (const key of params.keys()) {
    if (key.startsWith("$") && !KNOWN.has(key))
      throw errors.badRequest(`The query parameter '${key}' is not supported.`);
  }
  const options: QueryOptions = { select: null, filter: null, orderBy: [], top: null, expand: [], skip: 0 };
  const select = params.get("$select");
  if (select !== null) options.select = parseSelect(table, select);
  const filter = params.get("$filter");
  if (filter !== null) {
    options.filter = parseFilter(filter);
    for (const property of filterProperties(options.filter)) checkProperty(table, property);
  }
  const orderBy = params.get("$orderby");
  if (orderBy !== null) {
    options.orderBy = orderBy
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((part) => {
        const [property = "", direction = "asc"] = part.split(/\s+/);
        checkProperty(table, property);
        if (!/^(asc|desc)$/i.test(direction)) throw errors.badRequest(`'${direction}' is not asc or desc.`);
        return { property, descending: direction.toLowerCase() === "desc" };
      });
  }
  const top = params.get("$top");
  if (top !== null) {
    if (!/^\d+$/.test(top)) throw errors.badRequest(`Invalid value '${top}' for $top query option found.`);
    options.top = Number(top);
  }
  const expand = params.get("$expand");
  if (expand !== null) options.expand = parseExpand(store, table, expand, principal);
  const skipToken = params.get("$skiptoken");
  if (skipToken !== null) {
    // Only the emulator's own nextLinks carry a skiptoken: `skip=<n>`.
    const skip = /^skip=(\d{1,9})$/.exec(skipToken);
    if (!skip) throw errors.badRequest(`The $skiptoken '${skipToken}' is not one this service gave out.`);
    options.skip = Number(skip[1]);
  }
  return options;
}

export function propertyValue(table: TableMetadata, row: Row, property: string): unknown {
  const column = columnOfProperty(table, property);
  if (!column) return undefined;
  const value = row[column];
  return isLookupValue(value) ? value.id : value;
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === "string" && typeof b === "string") return a.toLowerCase().localeCompare(b.toLowerCase());
  return (a as number) < (b as number) ? -1 : 1;
}

/** An `x eq literal` among the filter's top-level `and`s, whose index narrows the rows to look at. */
function indexedEquality(node: FilterNode | null): { property: string; value: unknown } | null {
  if (!node) return null;
  if (node.kind === "and") {
    for (const operand of node.operands) {
      const found = indexedEquality(operand);
      if (found) return found;
    }
    return null;
  }
  if (node.kind !== "compare" || node.op !== "eq") return null;
  const [p, l] = node.left.kind === "property" ? [node.left, node.right] : [node.right, node.left];
  if (p.kind !== "property" || l.kind !== "literal" || l.value === null || l.value instanceof Date) return null;
  return { property: p.name, value: l.value };
}

export function selectRows(store: Store, table: TableMetadata, options: QueryOptions): Row[] {
  const equality = indexedEquality(options.filter);
  const found = equality ? columnOfProperty(table, equality.property) : undefined;
  // Dates compare as instants, not as text: no index for them.
  const column = found && table.columns[found]?.type !== "DateTime" ? found : undefined;
  const rows =
    column && equality ? store.rowsWhere(table.logicalName, column, equality.value) : store.all(table.logicalName);
  let out = options.filter ? rows.filter((r) => matches(options.filter!, (p) => propertyValue(table, r, p))) : rows;
  if (options.orderBy.length > 0) {
    out = [...out].sort((x, y) => {
      for (const { property, descending } of options.orderBy) {
        const c = compareValues(propertyValue(table, x, property), propertyValue(table, y, property));
        if (c !== 0) return descending ? -c : c;
      }
      return 0;
    });
  }
  if (options.top !== null) out = out.slice(0, options.top);
  return out;
}

export function renderRow(
  store: Store,
  table: TableMetadata,
  row: Row,
  options: Pick<QueryOptions, "select" | "expand">,
  annotations: boolean,
): Record<string, unknown> {
  const json = rowToJson(store, table, row, options.select, annotations);
  for (const expand of options.expand) {
    const value = row[expand.column];
    const related = isLookupValue(value) ? store.get(value.table, value.id) : undefined;
    json[expand.nav] =
      related && isLookupValue(value)
        ? rowToJson(store, store.table(value.table), related, expand.select, annotations)
        : null;
  }
  return json;
}
