/**
 * `e2c webhook register` / `unregister` (PRODUCT.md §10 "registration"): the webhook `serviceendpoint` (contract 8,
 * JSON) and its two asynchronous PostOperation steps on incident, Create and Update (filtering attribute
 * `description`), created or brought up to date by name, so running it twice changes nothing. The same rows the
 * Plug-in Registration tool writes ("Register a WebHook",
 * https://learn.microsoft.com/power-apps/developer/data-platform/register-web-hook; serviceendpoint and
 * sdkmessageprocessingstep table references).
 */
import { createHash, randomUUID } from "node:crypto";
import { odataString } from "../../core/connector/odata-literals";
import type { JsonRequests } from "../dataverse/json-requests";
import { KEY_HEADER } from "./endpoint";

export type WebhookAuth = "webhookkey" | "httpheader";

export const DEFAULT_WEBHOOK_NAME = "Email to Case Toolkit: case enrichment";

/** serviceendpoint choice values (serviceendpoint table reference). */
const CONTRACT_WEBHOOK = 8;
const AUTH_TYPE: Record<WebhookAuth, number> = { webhookkey: 4, httpheader: 5 };
const MESSAGE_FORMAT_JSON = 2;
/** sdkmessageprocessingstep: stage 40 PostOperation, mode 1 Asynchronous, deployment 0 Server only. */
const STAGE_POST_OPERATION = 40;
const MODE_ASYNCHRONOUS = 1;

export interface RegistrationSettings {
  name: string;
  url: string;
  auth: WebhookAuth;
  key: string;
}

export type Action = "created" | "updated" | "unchanged" | "removed" | "absent";

export interface RegistrationReport {
  endpoint: { id: string | null; action: Action };
  steps: Array<{ message: string; id: string | null; action: Action }>;
  dryRun: boolean;
}

/** A short fingerprint of the key, kept in the endpoint's description: a new key shows as a change, the key doesn't. */
export function keyFingerprint(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex").slice(0, 12);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** What `authvalue` holds: the bare key for WebhookKey, `<settings>` XML of header pairs for HttpHeader. */
export function authValue(auth: WebhookAuth, key: string): string {
  return auth === "webhookkey"
    ? key
    : `<settings><setting name="${KEY_HEADER}" value="${escapeXml(key)}" /></settings>`;
}

function endpointRecord(s: RegistrationSettings): Record<string, unknown> {
  return {
    name: s.name,
    url: s.url,
    contract: CONTRACT_WEBHOOK,
    authtype: AUTH_TYPE[s.auth],
    messageformat: MESSAGE_FORMAT_JSON,
    description: `Fills the handoff columns of cases from their transcript (Email to Case Toolkit). Key fingerprint ${keyFingerprint(s.key)}.`,
  };
}

const STEPS = [
  { message: "Create", filteringattributes: null },
  { message: "Update", filteringattributes: "description" },
] as const;

function stepName(endpointName: string, message: string): string {
  return `${endpointName}: ${message} of incident`;
}

function differs(wanted: Record<string, unknown>, current: Record<string, unknown>): boolean {
  return Object.entries(wanted).some(([k, v]) => k !== "authvalue" && !k.includes("@") && (current[k] ?? null) !== v);
}

async function findByName(api: JsonRequests, set: string, name: string): Promise<Record<string, unknown> | null> {
  const rows = await api.rows(set, { $filter: `name eq ${odataString(name)}`, $top: "2" });
  return rows[0] ?? null;
}

async function messageIds(api: JsonRequests): Promise<Map<string, { message: string; filter: string }>> {
  const out = new Map<string, { message: string; filter: string }>();
  const messages = await api.rows("sdkmessages", {
    $select: "sdkmessageid,name",
    $filter: "name eq 'Create' or name eq 'Update'",
  });
  const filters = await api.rows("sdkmessagefilters", {
    $select: "sdkmessagefilterid,_sdkmessageid_value,primaryobjecttypecode",
    $filter: "primaryobjecttypecode eq 'incident'",
  });
  for (const m of messages) {
    const filter = filters.find((f) => String(f._sdkmessageid_value).toLowerCase() === String(m.sdkmessageid));
    if (filter) out.set(String(m.name), { message: String(m.sdkmessageid), filter: String(filter.sdkmessagefilterid) });
  }
  for (const { message } of STEPS) {
    if (!out.has(message)) {
      throw new Error(`This environment has no ${message} message for incident (sdkmessage / sdkmessagefilter).`);
    }
  }
  return out;
}

export async function registerWebhook(
  api: JsonRequests,
  settings: RegistrationSettings,
  dryRun: boolean,
): Promise<RegistrationReport> {
  const report: RegistrationReport = { endpoint: { id: null, action: "unchanged" }, steps: [], dryRun };
  const wanted = endpointRecord(settings);
  const existing = await findByName(api, "serviceendpoints", settings.name);
  let endpointId: string;
  if (!existing) {
    endpointId = randomUUID();
    report.endpoint = { id: endpointId, action: "created" };
    if (!dryRun) {
      await api.post("serviceendpoints", {
        serviceendpointid: endpointId,
        ...wanted,
        authvalue: authValue(settings.auth, settings.key),
      });
    }
  } else {
    endpointId = String(existing.serviceendpointid);
    const changed = differs(wanted, existing);
    report.endpoint = { id: endpointId, action: changed ? "updated" : "unchanged" };
    if (changed && !dryRun) {
      await api.patch(`serviceendpoints(${endpointId})`, {
        ...wanted,
        authvalue: authValue(settings.auth, settings.key),
      });
    }
  }

  const ids = await messageIds(api);
  for (const step of STEPS) {
    const { message, filter } = ids.get(step.message)!;
    const name = stepName(settings.name, step.message);
    const record: Record<string, unknown> = {
      name,
      description: `Sends ${step.message} of a case to the case enrichment webhook.`,
      stage: STAGE_POST_OPERATION,
      mode: MODE_ASYNCHRONOUS,
      rank: 1,
      supporteddeployment: 0,
      asyncautodelete: true,
      filteringattributes: step.filteringattributes,
      "sdkmessageid@odata.bind": `/sdkmessages(${message})`,
      "sdkmessagefilterid@odata.bind": `/sdkmessagefilters(${filter})`,
      "eventhandler_serviceendpoint@odata.bind": `/serviceendpoints(${endpointId})`,
    };
    const current = await findByName(api, "sdkmessageprocessingsteps", name);
    if (!current) {
      const id = randomUUID();
      report.steps.push({ message: step.message, id, action: "created" });
      if (!dryRun) await api.post("sdkmessageprocessingsteps", { sdkmessageprocessingstepid: id, ...record });
      continue;
    }
    const id = String(current.sdkmessageprocessingstepid);
    const bound =
      String(current._sdkmessageid_value) === message &&
      String(current._sdkmessagefilterid_value) === filter &&
      String(current._eventhandler_value) === endpointId &&
      (current.statecode ?? 0) === 0;
    const changed = !bound || differs(record, current);
    report.steps.push({ message: step.message, id, action: changed ? "updated" : "unchanged" });
    if (changed && !dryRun) {
      await api.patch(`sdkmessageprocessingsteps(${id})`, record);
      if ((current.statecode ?? 0) !== 0) {
        await api.patch(`sdkmessageprocessingsteps(${id})`, { statecode: 0, statuscode: 1 });
      }
    }
  }
  return report;
}

export async function unregisterWebhook(api: JsonRequests, name: string, dryRun: boolean): Promise<RegistrationReport> {
  const report: RegistrationReport = { endpoint: { id: null, action: "absent" }, steps: [], dryRun };
  for (const step of STEPS) {
    const current = await findByName(api, "sdkmessageprocessingsteps", stepName(name, step.message));
    const id = current ? String(current.sdkmessageprocessingstepid) : null;
    report.steps.push({ message: step.message, id, action: id ? "removed" : "absent" });
    if (id && !dryRun) await api.delete(`sdkmessageprocessingsteps(${id})`);
  }
  const endpoint = await findByName(api, "serviceendpoints", name);
  if (endpoint) {
    const id = String(endpoint.serviceendpointid);
    report.endpoint = { id, action: "removed" };
    if (!dryRun) await api.delete(`serviceendpoints(${id})`);
  }
  return report;
}
