/**
 * The emulator's webhooks (PRODUCT.md §10 "emulator"): after a create or update commits, every active step registered
 * for that message and table whose event handler is a webhook `serviceendpoint` (contract 8) gets the event, POSTed
 * as Dataverse does ("Use WebHooks to create external handlers for server events",
 * https://learn.microsoft.com/power-apps/developer/data-platform/use-webhooks): the `RemoteExecutionContext` as JSON,
 * the `x-ms-dynamics-*` headers, and the endpoint's authentication ("Register a WebHook": WebhookKey as `?code=`,
 * HttpHeader and HttpQueryString as `<settings><setting name="…" value="…" /></settings>`).
 *
 * Like the asynchronous service, delivery happens after the request has been answered and a failed delivery is
 * retried, a bounded number of times. Unlike Dataverse, which sends only to ports 80 and 443 anywhere, the emulator
 * sends only to loopback addresses (127.0.0.1, localhost, [::1]): nothing it does leaves the machine.
 *
 * Where the emulator is simpler than Dataverse, it says so: an Update step's filtering attributes are matched against
 * the columns whose value changed (Dataverse matches the columns the request sent), the Target of an Update holds
 * those changed columns, and UserId is the record's owner.
 */
import { randomUUID } from "node:crypto";
import { Agent, request, type ClientRequest } from "node:http";
import { isChoice, isLookup, type TableMetadata } from "../../core/connector/table-metadata";
import type { CommittedChange, LookupValue, Row, Store } from "./store";

/** Contract 8 Webhook; authtype 4 Webhook Key, 5 Http Header, 6 Http Query String (serviceendpoint table reference). */
const WEBHOOK_CONTRACT = 8;
const AUTH_WEBHOOK_KEY = 4;
const AUTH_HTTP_HEADER = 5;
const AUTH_HTTP_QUERY_STRING = 6;
/** Above this the context loses its parameters and images and `x-ms-dynamics-msg-size-exceeded` is sent. */
const MAX_CONTEXT_BYTES = 256 * 1024;
const CONTRACTS = "http://schemas.microsoft.com/xrm/2011/Contracts";
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export interface DeliveryOptions {
  store: Store;
  organizationId: string;
  /** The environment's host name, for `x-ms-dynamics-organization`. */
  organizationHost: () => string;
  /** Tries per event, the first included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  /** Deliveries in flight at once. */
  concurrency?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface DeliveryStats {
  /** Events answered with a 2xx. */
  delivered: number;
  /** Events given up on after the last try, or never sent (not a loopback URL). */
  failed: number;
  /** POSTs made, retries included. */
  attempts: number;
}

export interface WebhookDelivery {
  readonly stats: DeliveryStats;
  /** Resolves when no event is waiting or being delivered. */
  idle: () => Promise<void>;
  close: () => Promise<void>;
}

interface Step {
  id: string;
  name: string;
  message: string;
  mode: number;
  filteringAttributes: string[] | null;
  endpoint: Row;
}

interface Job {
  step: Step;
  body: string;
  headers: Record<string, string>;
  url: string;
  what: string;
}

function lookupId(value: unknown): string | null {
  return value && typeof value === "object" && "id" in value ? (value as LookupValue).id : null;
}

/** Active post-operation steps of this message on this table whose handler is a webhook. */
function stepsFor(store: Store, message: string, table: string): Step[] {
  const out: Step[] = [];
  for (const step of store.all("sdkmessageprocessingstep")) {
    if ((step.statecode ?? 0) !== 0 || step.stage !== 40) continue;
    const sdkMessage = store.get("sdkmessage", lookupId(step.sdkmessageid) ?? "");
    if (sdkMessage?.name !== message) continue;
    const filter = step.sdkmessagefilterid ? store.get("sdkmessagefilter", lookupId(step.sdkmessagefilterid)!) : null;
    if (filter && filter.primaryobjecttypecode !== table) continue;
    const handler = step.eventhandler as LookupValue | null | undefined;
    if (handler?.table !== "serviceendpoint") continue;
    const endpoint = store.get("serviceendpoint", handler.id);
    if (!endpoint || endpoint.contract !== WEBHOOK_CONTRACT) continue;
    const filtering =
      typeof step.filteringattributes === "string" && step.filteringattributes.trim()
        ? step.filteringattributes.split(",").map((a) => a.trim().toLowerCase())
        : null;
    out.push({
      id: String(step.sdkmessageprocessingstepid),
      name: String(step.name),
      message,
      mode: Number(step.mode ?? 1),
      filteringAttributes: filtering,
      endpoint,
    });
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function changedColumns(change: CommittedChange): string[] {
  const columns = new Set([...Object.keys(change.before ?? {}), ...Object.keys(change.after)]);
  columns.delete("__version");
  return [...columns].filter((c) => !same(change.before?.[c], change.after[c]));
}

/** `/Date(ms)/`, as the DataContract serializer writes a DateTime. */
function dataContractDate(iso: string): string {
  return `/Date(${Date.parse(iso)})/`;
}

function contextValue(table: TableMetadata, column: string, value: unknown): unknown {
  const metadata = table.columns[column];
  if (value === null || value === undefined || !metadata) return value ?? null;
  if (isLookup(metadata)) {
    const ref = value as LookupValue;
    return {
      __type: `EntityReference:${CONTRACTS}`,
      Id: ref.id,
      KeyAttributes: [],
      LogicalName: ref.table,
      Name: null,
      RowVersion: null,
    };
  }
  if (isChoice(metadata)) return { __type: `OptionSetValue:${CONTRACTS}`, Value: value };
  if (metadata.type === "DateTime" && typeof value === "string") return dataContractDate(value);
  return value;
}

function entityOf(table: TableMetadata, id: string, row: Row, columns: string[]): Record<string, unknown> {
  return {
    __type: `Entity:${CONTRACTS}`,
    Attributes: columns.map((c) => ({ key: c, value: contextValue(table, c, row[c]) })),
    EntityState: null,
    FormattedValues: [],
    Id: id,
    KeyAttributes: [],
    LogicalName: table.logicalName,
    RelatedEntities: [],
    RowVersion: String(row.__version),
  };
}

function executionContext(
  store: Store,
  organizationId: string,
  change: CommittedChange,
  step: Step,
  message: string,
): { context: Record<string, unknown>; requestId: string; correlationId: string } {
  const table = store.table(change.table);
  const row = change.after;
  const columns =
    change.kind === "create"
      ? Object.keys(row).filter((c) => c !== "__version" && row[c] !== null && row[c] !== undefined)
      : [...new Set([table.primaryIdAttribute, ...changedColumns(change)])];
  const organization = store.get("organization", organizationId);
  const userId = lookupId(row.ownerid) ?? "00000000-0000-0000-0000-000000000000";
  const requestId = randomUUID();
  const correlationId = randomUUID();
  const context: Record<string, unknown> = {
    BusinessUnitId: "00000000-0000-0000-0000-000000000000",
    CorrelationId: correlationId,
    Depth: 1,
    InitiatingUserId: userId,
    InputParameters: [{ key: "Target", value: entityOf(table, change.id, row, columns) }],
    IsExecutingOffline: false,
    IsInTransaction: false,
    IsOfflinePlayback: false,
    IsolationMode: 1,
    MessageName: message,
    Mode: step.mode,
    OperationCreatedOn: dataContractDate(new Date().toISOString()),
    OperationId: randomUUID(),
    OrganizationId: organizationId,
    OrganizationName: String(organization?.name ?? "emulator"),
    OutputParameters: change.kind === "create" ? [{ key: "id", value: change.id }] : [],
    OwningExtension: {
      Id: step.id,
      KeyAttributes: [],
      LogicalName: "sdkmessageprocessingstep",
      Name: step.name,
      RowVersion: null,
    },
    ParentContext: null,
    PostEntityImages: [],
    PreEntityImages: [],
    PrimaryEntityId: change.id,
    PrimaryEntityName: change.table,
    RequestId: requestId,
    SecondaryEntityName: "none",
    SharedVariables: [],
    Stage: 40,
    UserId: userId,
  };
  return { context, requestId, correlationId };
}

/** `<settings><setting name="x" value="y" /></settings>` → pairs. */
export function parseAuthSettings(xml: string): Array<[string, string]> {
  const decode = (s: string): string =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const out: Array<[string, string]> = [];
  const re = /<setting\s+name="([^"]*)"\s+value="([^"]*)"\s*\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push([decode(m[1]!), decode(m[2]!)]);
  return out;
}

/** The URL and extra headers the endpoint's authentication calls for. */
function authenticated(endpoint: Row): { url: URL; headers: Record<string, string> } {
  const url = new URL(String(endpoint.url ?? ""));
  const headers: Record<string, string> = {};
  const value = typeof endpoint.authvalue === "string" ? endpoint.authvalue : "";
  if (endpoint.authtype === AUTH_WEBHOOK_KEY) url.searchParams.set("code", value);
  else if (endpoint.authtype === AUTH_HTTP_HEADER) for (const [k, v] of parseAuthSettings(value)) headers[k] = v;
  else if (endpoint.authtype === AUTH_HTTP_QUERY_STRING) {
    for (const [k, v] of parseAuthSettings(value)) url.searchParams.set(k, v);
  }
  return { url, headers };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function deliverWebhooks(options: DeliveryOptions): WebhookDelivery {
  const { store, organizationId } = options;
  const maxAttempts = options.maxAttempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 100;
  const concurrency = options.concurrency ?? 16;
  const timeoutMs = options.timeoutMs ?? 60000;
  const stats: DeliveryStats = { delivered: 0, failed: 0, attempts: 0 };
  const queue: Job[] = [];
  let running = 0;
  let closed = false;
  let waiters: Array<() => void> = [];
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const requests = new Set<ClientRequest>();

  const settle = (): void => {
    if (queue.length === 0 && running === 0) {
      const done = waiters;
      waiters = [];
      for (const w of done) w();
    }
  };

  /** One POST, headers and body in one write (node:http; fetch sends them apart and waits on delayed ACKs). */
  function send(job: Job): Promise<number> {
    return new Promise((resolve, reject) => {
      const body = Buffer.from(job.body, "utf8");
      const req = request(
        job.url,
        { method: "POST", agent, headers: { ...job.headers, "Content-Length": String(body.length) } },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
          res.on("error", reject);
        },
      );
      requests.add(req);
      req.on("close", () => requests.delete(req));
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
      req.on("error", reject);
      req.end(body);
    });
  }

  async function post(job: Job): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (closed) return;
      stats.attempts += 1;
      let why: string;
      try {
        const status = await send(job);
        if (status >= 200 && status < 300) {
          stats.delivered += 1;
          options.log?.(`webhook "${job.step.name}": ${job.what} → ${status}`);
          return;
        }
        why = String(status);
      } catch (error) {
        if (closed) return;
        why = (error as Error).message;
      }
      if (attempt >= maxAttempts) {
        stats.failed += 1;
        options.log?.(`webhook "${job.step.name}": ${job.what} → ${why}; gave up after ${attempt} tries`);
        return;
      }
      options.log?.(`webhook "${job.step.name}": ${job.what} → ${why}; retry ${attempt}`);
      await sleep(baseDelayMs * 2 ** (attempt - 1));
    }
  }

  function pump(): void {
    while (!closed && running < concurrency && queue.length > 0) {
      const job = queue.shift()!;
      running += 1;
      void post(job).finally(() => {
        running -= 1;
        pump();
        settle();
      });
    }
    settle();
  }

  function enqueue(change: CommittedChange): void {
    if (closed) return;
    const message = change.kind === "create" ? "Create" : "Update";
    const steps = stepsFor(store, message, change.table);
    if (steps.length === 0) return;
    const changed = change.kind === "update" ? changedColumns(change) : [];
    for (const step of steps) {
      if (change.kind === "update" && step.filteringAttributes) {
        if (!changed.some((c) => step.filteringAttributes!.includes(c))) continue;
      }
      const what = `${message} ${change.table} ${change.id}`;
      let target: { url: URL; headers: Record<string, string> };
      try {
        target = authenticated(step.endpoint);
      } catch {
        stats.failed += 1;
        options.log?.(`webhook "${step.name}": ${what} not sent: the endpoint's url is not a URL`);
        continue;
      }
      if (!LOOPBACK_HOSTS.has(target.url.hostname)) {
        stats.failed += 1;
        options.log?.(`webhook "${step.name}": ${what} not sent: the emulator delivers only to loopback addresses`);
        continue;
      }
      const { context, requestId, correlationId } = executionContext(store, organizationId, change, step, message);
      let body = JSON.stringify(context);
      const headers: Record<string, string> = {
        "Content-Type": "application/json",
        "x-request-id": requestId,
        "x-ms-dynamics-organization": options.organizationHost(),
        "x-ms-dynamics-entity-name": change.table,
        "x-ms-dynamics-request-name": message,
        "x-ms-correlation-request-id": correlationId,
        ...target.headers,
      };
      if (Buffer.byteLength(body) > MAX_CONTEXT_BYTES) {
        for (const key of ["ParentContext", "InputParameters", "PreEntityImages", "PostEntityImages"]) {
          delete context[key];
        }
        body = JSON.stringify(context);
        headers["x-ms-dynamics-msg-size-exceeded"] = "true";
      }
      queue.push({ step, body, headers, url: target.url.toString(), what });
    }
    // After the request that made the change has been answered, as the asynchronous service would.
    setImmediate(pump);
  }

  store.onCommitted((change) => {
    // The change is committed and its request still being answered: a fault here must not fail that request.
    try {
      enqueue(change);
    } catch (error) {
      options.log?.(`webhook: ${change.kind} ${change.table} ${change.id} not queued: ${(error as Error).message}`);
    }
  });
  return {
    stats,
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        setImmediate(settle);
      }),
    close: async () => {
      closed = true;
      queue.length = 0;
      for (const req of requests) req.destroy();
      agent.destroy();
      settle();
    },
  };
}
