/**
 * One Web API request against the emulator's store (PRODUCT.md §7), the same for a request on its own and a request
 * inside a `$batch`: routing, privileges, create/retrieve/update/upsert/delete, queries, AddToQueue, WhoAmI and
 * EntityDefinitions. Errors are thrown as DataverseHttpError and turned into the Dataverse error body by the caller.
 */
import { randomUUID } from "node:crypto";
import type { TableMetadata } from "../../core/connector/table-metadata";
import { DataverseHttpError, errors } from "./errors";
import { entityDefinitions } from "./metadata-api";
import { privilegeName, type Principal } from "./privileges";
import { parseQuery, renderRow, selectRows, type QueryOptions } from "./query";
import {
  checkRequired,
  isLookupValue,
  normalizeGuid,
  primaryName,
  valuesFromPayload,
  type PayloadContext,
} from "./records";
import type { LookupValue, Row, Store } from "./store";

export interface ServiceRequest {
  method: string;
  /** The path after the service root, decoded, without the query: `incidents(…)`. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
}

export interface ServiceResponse {
  status: number;
  headers: Record<string, string>;
  json?: unknown;
  /** What a create made, for `$n` references later in a change set. */
  created?: LookupValue;
}

export interface ServiceContext {
  store: Store;
  principal: Principal;
  serviceRoot: string;
  organizationId: string;
  businessUnitId: string;
  contentIds: Map<string, LookupValue>;
  tableOfSet: (entitySet: string) => TableMetadata | undefined;
  /** Seeding sets columns a client may not. */
  allowReadOnly?: boolean;
}

const GUID_IN_PARENS = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

type Target = { table: TableMetadata; id?: string; key?: Record<string, unknown> };

/** `name='text'`, `name=123`, `name=<guid>` pairs inside the parentheses of an alternate-key address. */
function parseKey(text: string): Record<string, unknown> {
  // No prototype: the names are the request's, checked against the table's keys by the store.
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const re = /\s*([A-Za-z_]\w*)\s*=\s*('(?:[^']|'')*'|[^,]+)\s*(,|$)/y;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < text.length && (m = re.exec(text))) {
    const raw = m[2]!.trim();
    out[m[1]!] = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : /^-?\d+$/.test(raw) ? Number(raw) : raw;
    at = re.lastIndex;
  }
  if (at < text.length || Object.keys(out).length === 0) throw errors.badRequest(`'${text}' is not a valid key.`);
  return out;
}

function target(ctx: ServiceContext, segment: string): Target {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\((.*)\))?$/.exec(segment);
  if (!m) throw errors.noSegment(segment);
  const table = ctx.tableOfSet(m[1]!);
  if (!table) throw errors.noSegment(m[1]!);
  if (m[2] === undefined) return { table };
  const guid = GUID_IN_PARENS.exec(m[2]);
  if (guid) return { table, id: guid[1]!.toLowerCase() };
  return { table, key: parseKey(m[2]) };
}

const MAX_PAGE_SIZE = 5000;

function preferences(headers: Record<string, string>): {
  representation: boolean;
  annotations: boolean;
  maxPage: number;
  maxPageApplied: boolean;
} {
  const prefer = (headers["prefer"] ?? "").toLowerCase();
  const asked = /odata\.maxpagesize=([^,;\s]*)/.exec(prefer)?.[1];
  // "You can specify a max page size up to 5,000. Max page size requests larger than 5,000 are ignored" (Microsoft,
  // "Page results"). So are 0 and what is not a number: a page must hold a row, or its nextLink would never end.
  const size = asked !== undefined && /^\d{1,9}$/.test(asked) ? Number(asked) : 0;
  const honoured = size >= 1 && size <= MAX_PAGE_SIZE;
  return {
    representation: prefer.includes("return=representation"),
    annotations: prefer.includes("odata.include-annotations"),
    maxPage: honoured ? size : MAX_PAGE_SIZE,
    maxPageApplied: honoured,
  };
}

function parseBody(body: string): unknown {
  if (body.trim() === "") return {};
  try {
    return JSON.parse(body);
  } catch {
    throw errors.badRequest("The request body is not valid JSON.");
  }
}

function payloadContext(ctx: ServiceContext): PayloadContext {
  return {
    store: ctx.store,
    tableOfSet: ctx.tableOfSet,
    contentIds: ctx.contentIds,
    allowReadOnly: ctx.allowReadOnly ?? false,
  };
}

function now(): string {
  return new Date().toISOString();
}

let ticketSequence = 1000;
function ticketNumber(): string {
  ticketSequence += 1;
  const suffix = randomUUID().replace(/-/g, "").slice(0, 6).toUpperCase();
  return `CAS-${String(ticketSequence).padStart(5, "0")}-${suffix}`;
}

/** prvAppend on the record that gets a lookup, prvAppendTo on the record it points to. */
function demandAppends(ctx: ServiceContext, table: TableMetadata, values: Record<string, unknown>): void {
  let appended = false;
  const owner = values.ownerid;
  if (isLookupValue(owner) && owner.id !== ctx.principal.id) ctx.principal.demand("Assign", table);
  for (const [column, value] of Object.entries(values)) {
    if (!isLookupValue(value) || column === "ownerid") continue;
    if (!appended) ctx.principal.demand("Append", table);
    appended = true;
    ctx.principal.demand("AppendTo", ctx.store.table(value.table));
  }
}

function organizationLimit(store: Store): { maxBytes: number; blocked: string[] } {
  const org = store.all("organization")[0];
  const max = typeof org?.maxuploadfilesize === "number" ? org.maxuploadfilesize : 5242880;
  const blocked = typeof org?.blockedattachments === "string" ? org.blockedattachments : "";
  return {
    maxBytes: max,
    blocked: blocked
      .split(";")
      .map((s) => s.trim().toLowerCase().replace(/^\./, ""))
      .filter(Boolean),
  };
}

/** What Dataverse fills in itself on create. */
function withDefaults(
  ctx: ServiceContext,
  table: TableMetadata,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const row: Record<string, unknown> = { ...values };
  const stamp = now();
  if (table.columns.createdon && row.createdon === undefined) row.createdon = stamp;
  if (table.columns.modifiedon && row.modifiedon === undefined) row.modifiedon = stamp;
  if (table.columns.statecode && row.statecode === undefined) row.statecode = 0;
  if (
    table.columns.statuscode &&
    row.statuscode === undefined &&
    table.columns.statuscode.options?.some((o) => o.value === 1)
  ) {
    row.statuscode = 1;
  }
  if (table.columns.ownerid && row.ownerid === undefined) row.ownerid = { table: "systemuser", id: ctx.principal.id };
  return derived(ctx, table, row);
}

/** Columns computed from others: contact.fullname, incident.ticketnumber, annotation.filesize, queueitem.title. */
function derived(ctx: ServiceContext, table: TableMetadata, row: Record<string, unknown>): Record<string, unknown> {
  if (table.logicalName === "contact") {
    row.fullname = [row.firstname, row.lastname].filter((s) => typeof s === "string" && s).join(" ") || null;
  }
  if (table.logicalName === "incident" && !row.ticketnumber) row.ticketnumber = ticketNumber();
  if (table.logicalName === "annotation" && typeof row.documentbody === "string") {
    const body = row.documentbody.replace(/\s+/g, "");
    const size = Buffer.from(body, "base64").length;
    const limit = organizationLimit(ctx.store);
    const filename = typeof row.filename === "string" ? row.filename : "";
    const extension = filename.includes(".") ? filename.slice(filename.lastIndexOf(".") + 1).toLowerCase() : "";
    if (size > limit.maxBytes || (extension && limit.blocked.includes(extension))) throw errors.attachmentTooLarge();
    row.filesize = size;
    row.isdocument = true;
  } else if (table.logicalName === "annotation") {
    row.isdocument = false;
  }
  if (table.logicalName === "queueitem" && isLookupValue(row.objectid)) {
    row.title = primaryName(ctx.store, row.objectid);
  }
  return row;
}

function entityUrl(ctx: ServiceContext, table: TableMetadata, id: string): string {
  return `${ctx.serviceRoot}${table.entitySetName}(${id})`;
}

/**
 * The query options of a write that returns the row (`Prefer: return=representation`), checked before anything is
 * written: an unknown `$select` or an `$expand` the user may not read refuses the write rather than following it.
 */
function representationOptions(ctx: ServiceContext, req: ServiceRequest, table: TableMetadata): QueryOptions | null {
  return preferences(req.headers).representation ? parseQuery(ctx.store, table, req.query, ctx.principal) : null;
}

function created(
  ctx: ServiceContext,
  req: ServiceRequest,
  table: TableMetadata,
  row: Row,
  options: QueryOptions | null,
): ServiceResponse {
  const id = String(row[table.primaryIdAttribute]);
  const prefs = preferences(req.headers);
  const headers = { "OData-EntityId": entityUrl(ctx, table, id), Location: entityUrl(ctx, table, id) };
  const made = { table: table.logicalName, id };
  if (!options) return { status: 204, headers, created: made };
  return {
    status: 201,
    headers: { ...headers, "Content-Type": "application/json; odata.metadata=minimal" },
    json: {
      "@odata.context": `${ctx.serviceRoot}$metadata#${table.entitySetName}/$entity`,
      ...renderRow(ctx.store, table, row, options, prefs.annotations),
    },
    created: made,
  };
}

function create(
  ctx: ServiceContext,
  req: ServiceRequest,
  table: TableMetadata,
  fixed: Record<string, unknown> = {},
): ServiceResponse {
  ctx.principal.demand("Create", table);
  const options = representationOptions(ctx, req, table);
  const values = { ...valuesFromPayload(table, parseBody(req.body), payloadContext(ctx)), ...fixed };
  demandAppends(ctx, table, values);
  const id =
    typeof values[table.primaryIdAttribute] === "string" ? (values[table.primaryIdAttribute] as string) : randomUUID();
  const row = withDefaults(ctx, table, values);
  checkRequired(table, row);
  const stored = ctx.store.insert(table.logicalName, normalizeGuid(id), row);
  return created(ctx, req, table, stored, options);
}

function find(ctx: ServiceContext, t: Target): Row | undefined {
  if (t.id) return ctx.store.get(t.table.logicalName, t.id);
  return ctx.store.findByKey(t.table.logicalName, t.key!);
}

function describeTarget(t: Target): string {
  return (
    t.id ??
    Object.entries(t.key ?? {})
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(",")
  );
}

function patch(ctx: ServiceContext, req: ServiceRequest, t: Target): ServiceResponse {
  // An upsert creates or writes: a user who may do neither is refused before the record is looked up.
  if (!ctx.principal.has(privilegeName("Create", t.table))) ctx.principal.demand("Write", t.table);
  const existing = find(ctx, t);
  const ifMatch = req.headers["if-match"];
  const ifNoneMatch = req.headers["if-none-match"];
  if (ifNoneMatch === "*" && existing) throw errors.alreadyExists();
  if (ifMatch !== undefined && !existing) throw errors.notFoundConditional(t.table.logicalName, describeTarget(t));
  if (ifMatch && ifMatch !== "*" && existing && ifMatch !== `W/"${existing.__version}"`) throw errors.versionMismatch();
  if (!existing) {
    // Upsert: create with the id or key values of the address.
    const fixed: Record<string, unknown> = t.id ? { [t.table.primaryIdAttribute]: t.id } : { ...t.key };
    return create(ctx, req, t.table, fixed);
  }
  ctx.principal.demand("Write", t.table);
  const options = representationOptions(ctx, req, t.table);
  const values = valuesFromPayload(t.table, parseBody(req.body), payloadContext(ctx));
  demandAppends(ctx, t.table, values);
  const id = String(existing[t.table.primaryIdAttribute]);
  const merged = derived(ctx, t.table, { ...existing, ...values, modifiedon: now() });
  checkRequired(t.table, merged);
  const changes: Record<string, unknown> = { ...merged };
  delete changes.__version;
  const row = ctx.store.update(t.table.logicalName, id, changes);
  const headers = { "OData-EntityId": entityUrl(ctx, t.table, id) };
  if (!options) return { status: 204, headers };
  return {
    status: 200,
    headers: { ...headers, "Content-Type": "application/json; odata.metadata=minimal" },
    json: renderRow(ctx.store, t.table, row, options, preferences(req.headers).annotations),
  };
}

function retrieve(ctx: ServiceContext, req: ServiceRequest, t: Target): ServiceResponse {
  ctx.principal.demand("Read", t.table);
  const options = parseQuery(ctx.store, t.table, req.query, ctx.principal);
  const prefs = preferences(req.headers);
  if (t.id || t.key) {
    const row = find(ctx, t);
    if (!row) throw errors.notFound(t.table.logicalName, describeTarget(t));
    return json(200, {
      "@odata.context": `${ctx.serviceRoot}$metadata#${t.table.entitySetName}/$entity`,
      ...renderRow(ctx.store, t.table, row, options, prefs.annotations),
    });
  }
  const rows = selectRows(ctx.store, t.table, options);
  const page = rows.slice(options.skip, options.skip + prefs.maxPage);
  const out: Record<string, unknown> = {
    "@odata.context": `${ctx.serviceRoot}$metadata#${t.table.entitySetName}`,
    value: page.map((row) => renderRow(ctx.store, t.table, row, options, prefs.annotations)),
  };
  if (options.skip + prefs.maxPage < rows.length) {
    const next = new URLSearchParams(req.query);
    next.set("$skiptoken", `skip=${options.skip + prefs.maxPage}`);
    out["@odata.nextLink"] = `${ctx.serviceRoot}${t.table.entitySetName}?${next.toString()}`;
  }
  const answer = json(200, out);
  if (prefs.maxPageApplied) answer.headers["Preference-Applied"] = `odata.maxpagesize=${prefs.maxPage}`;
  return answer;
}

function remove(ctx: ServiceContext, t: Target): ServiceResponse {
  ctx.principal.demand("Delete", t.table);
  const row = find(ctx, t);
  if (!row) throw errors.notFound(t.table.logicalName, describeTarget(t));
  ctx.store.remove(t.table.logicalName, String(row[t.table.primaryIdAttribute]));
  return { status: 204, headers: {} };
}

/** `POST queues(<id>)/Microsoft.Dynamics.CRM.AddToQueue` with `{ Target: { incidentid, @odata.type } }` (domain.md §4). */
function addToQueue(ctx: ServiceContext, req: ServiceRequest, queueId: string): ServiceResponse {
  const queueTable = ctx.store.table("queue");
  const itemTable = ctx.store.table("queueitem");
  // Every privilege is checked before any record is looked up, so a user who lacks one learns nothing of the rows.
  ctx.principal.demand("Read", queueTable);
  ctx.principal.demand("AppendTo", queueTable);
  ctx.principal.demand("Create", itemTable);
  const body = parseBody(req.body) as { Target?: Record<string, unknown> };
  const targetJson = typeof body.Target === "object" && body.Target !== null ? body.Target : undefined;
  const type = typeof targetJson?.["@odata.type"] === "string" ? (targetJson["@odata.type"] as string) : "";
  const logicalName = type.replace(/^#?Microsoft\.Dynamics\.CRM\./, "");
  const table = ctx.store.tables.get(logicalName);
  const targetId =
    table && targetJson && Object.hasOwn(targetJson, table.primaryIdAttribute)
      ? targetJson[table.primaryIdAttribute]
      : undefined;
  if (!table || typeof targetId !== "string") {
    throw errors.badRequest("AddToQueue needs Target with @odata.type and the record's id, such as incidentid.");
  }
  // The item points at the record: reading it to queue it is a read of that table.
  ctx.principal.demand("Read", table);
  if (!ctx.store.get("queue", queueId)) throw errors.notFound("queue", queueId);
  const id = normalizeGuid(targetId);
  if (!ctx.store.get(logicalName, id)) throw errors.notFound(logicalName, id);
  const existing = ctx.store.rowsWhere("queueitem", "objectid", id).find((r) => r.statecode === 0);
  let itemId: string;
  if (existing && isLookupValue(existing.queueid) && existing.queueid.id === queueId) {
    itemId = String(existing.queueitemid);
  } else if (existing) {
    // The record moves to this queue, as AddToQueue does for an item already in another queue.
    itemId = String(existing.queueitemid);
    ctx.store.update("queueitem", itemId, { queueid: { table: "queue", id: queueId }, modifiedon: now() });
  } else {
    itemId = randomUUID();
    const row = withDefaults(ctx, itemTable, {
      queueid: { table: "queue", id: queueId },
      objectid: { table: logicalName, id },
    });
    ctx.store.insert("queueitem", itemId, row);
  }
  return json(200, {
    "@odata.context": `${ctx.serviceRoot}$metadata#Microsoft.Dynamics.CRM.AddToQueueResponse`,
    QueueItemId: itemId,
  });
}

function json(status: number, body: unknown): ServiceResponse {
  return { status, headers: { "Content-Type": "application/json; odata.metadata=minimal" }, json: body };
}

export function handle(ctx: ServiceContext, req: ServiceRequest): ServiceResponse {
  const path = req.path.replace(/\/+$/, "");
  if (/^WhoAmI(\(\))?$/.test(path)) {
    if (req.method !== "GET") throw errors.methodNotAllowed(req.method, path);
    return json(200, {
      "@odata.context": `${ctx.serviceRoot}$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
      BusinessUnitId: ctx.businessUnitId,
      UserId: ctx.principal.id,
      OrganizationId: ctx.organizationId,
    });
  }
  if (path.startsWith("EntityDefinitions")) {
    if (req.method !== "GET") throw errors.methodNotAllowed(req.method, path);
    return json(200, entityDefinitions(ctx.store.tables, path, ctx.serviceRoot));
  }
  const action = /^queues\(\{?([0-9a-fA-F-]{36})\}?\)\/Microsoft\.Dynamics\.CRM\.AddToQueue$/.exec(path);
  if (action) {
    if (req.method !== "POST") throw errors.methodNotAllowed(req.method, path);
    return addToQueue(ctx, req, action[1]!.toLowerCase());
  }
  if (path.includes("/")) throw errors.noSegment(path.slice(path.indexOf("/") + 1));
  const t = target(ctx, path);
  const single = t.id !== undefined || t.key !== undefined;
  switch (req.method) {
    case "GET":
      return retrieve(ctx, req, t);
    case "POST":
      if (single) throw errors.methodNotAllowed(req.method, path);
      return create(ctx, req, t.table);
    case "PATCH":
      if (!single) throw errors.methodNotAllowed(req.method, path);
      return patch(ctx, req, t);
    case "DELETE":
      if (!single) throw errors.methodNotAllowed(req.method, path);
      return remove(ctx, t);
    default:
      throw errors.methodNotAllowed(req.method, path);
  }
}

export function errorResponse(error: unknown): ServiceResponse {
  const e =
    error instanceof DataverseHttpError
      ? error
      : new DataverseHttpError(500, "0x80040216", `An unexpected error occurred: ${(error as Error).message}`);
  return {
    status: e.status,
    headers: { "Content-Type": "application/json; odata.metadata=minimal", ...e.headers },
    json: e.body(),
  };
}
