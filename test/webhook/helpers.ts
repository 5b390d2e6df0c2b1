/** Test helpers: the emulator, the webhook on 127.0.0.1 and its registration, wired as an admin would. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { StaticToken } from "../../plugins-js/dataverse/auth";
import { JsonRequests } from "../../plugins-js/dataverse/json-requests";
import { HttpTransport } from "../../plugins-js/dataverse/transport";
import { parseFaults } from "../../plugins-js/emulator/faults";
import { startEmulator, type RunningEmulator } from "../../plugins-js/emulator/server";
import { WebApiCaseRecords } from "../../plugins-js/webhook/case-records";
import { registerWebhook, type WebhookAuth } from "../../plugins-js/webhook/registration";
import { startWebhookServer, type RunningWebhook } from "../../plugins-js/webhook/serve";
import { ADMIN_TOKEN, call, demoSeedJson, JANE, ROOT, seedOf } from "../emulator/helpers";

export const KEY = "test-key-0123456789abcdef";
export const WEBHOOK_TOKEN = "e2c-emulator-webhook";

export function description(name = "billing-double-charge.txt"): string {
  return readFileSync(join(ROOT, "examples", "descriptions", name), "utf8");
}

export interface Rig {
  emulator: RunningEmulator;
  webhook: RunningWebhook;
  /** The webhook's log lines. */
  webhookLog: string[];
  /** The emulator's log lines (one per request). */
  emulatorLog: string[];
  transports: HttpTransport[];
  close: () => Promise<void>;
}

export function admin(em: RunningEmulator): { api: JsonRequests; transport: HttpTransport } {
  const transport = new HttpTransport(em.url, new StaticToken(ADMIN_TOKEN), {
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
  return { api: new JsonRequests(transport), transport };
}

/** Emulator + `webhook serve` + the registration `e2c webhook register` makes. */
export async function rig(
  options: { faults?: string; auth?: WebhookAuth; registeredKey?: string; deliveryRetryMs?: number } = {},
): Promise<Rig> {
  const emulatorLog: string[] = [];
  const faults = parseFaults(options.faults);
  const emulator = await startEmulator({
    seed: seedOf(demoSeedJson()),
    faults: faults.spec,
    log: (line) => emulatorLog.push(line),
  });
  const webhookLog: string[] = [];
  const transport = new HttpTransport(emulator.url, new StaticToken(WEBHOOK_TOKEN), {
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
  });
  const webhook = await startWebhookServer(
    { key: KEY, cases: new WebApiCaseRecords(new JsonRequests(transport)), log: (l) => webhookLog.push(l) },
    0,
  );
  const { api, transport: adminTransport } = admin(emulator);
  await registerWebhook(
    api,
    {
      name: "Case enrichment (test)",
      url: webhook.url,
      auth: options.auth ?? "webhookkey",
      key: options.registeredKey ?? KEY,
    },
    false,
  );
  return {
    emulator,
    webhook,
    webhookLog,
    emulatorLog,
    transports: [transport, adminTransport],
    close: async () => {
      await webhook.close();
      await emulator.close();
      transport.close();
      adminTransport.close();
    },
  };
}

/** A case created over the Web API the way another integration does: a title, a customer and the description. */
export async function createCase(em: RunningEmulator, text: string, id?: string): Promise<string> {
  const body: Record<string, unknown> = {
    title: "Handoff from OpenCX",
    description: text,
    "customerid_contact@odata.bind": `/contacts(${JANE})`,
  };
  if (id) body.incidentid = id;
  const r = await call(em, "POST", "incidents", body, { Prefer: "return=representation" });
  if (r.status !== 201) throw new Error(`create failed: ${r.status} ${r.text}`);
  return String(r.json.incidentid);
}

export async function columnsOf(em: RunningEmulator, id: string): Promise<Record<string, unknown>> {
  const r = await call(
    em,
    "GET",
    `incidents(${id})?$select=e2c_classification,e2c_sentiment,e2c_handoffid,e2c_sessionurl`,
  );
  const { e2c_classification, e2c_sentiment, e2c_handoffid, e2c_sessionurl } = r.json;
  return { e2c_classification, e2c_sentiment, e2c_handoffid, e2c_sessionurl };
}

export const EMPTY = { e2c_classification: null, e2c_sentiment: null, e2c_handoffid: null, e2c_sessionurl: null };
