/**
 * The webhook in `npm start`: `webhook serve` on a free loopback port with a key made for this run, registered on
 * the emulator as `e2c webhook register` does, and one case created straight over the Web API the way OpenCX's own
 * Dynamics integration creates it (a title, a customer and the transcript in the description, no handoff columns).
 * By the time the preview opens, the webhook has filled that case's columns.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EMULATOR_ADMIN_TOKEN, EMULATOR_WEBHOOK_TOKEN } from "../cli/config";
import { StaticToken } from "../dataverse/auth";
import { JsonRequests } from "../dataverse/json-requests";
import { HttpTransport } from "../dataverse/transport";
import type { RunningEmulator } from "../emulator/server";
import { WebApiCaseRecords } from "./case-records";
import { DEFAULT_WEBHOOK_NAME, registerWebhook } from "./registration";
import { startWebhookServer, type RunningWebhook } from "./serve";

export const INTEGRATION_SAMPLE = "examples/descriptions/opencx-integration.txt";
/** Omar Haddad in examples/emulator/demo-seed.json. */
const SAMPLE_CUSTOMER = "e2c00000-0000-4000-8000-000000000202";

export interface DemoWebhook {
  webhook: RunningWebhook;
  /** The case created over the Web API. */
  caseId: string;
  close: () => Promise<void>;
}

export async function startDemoWebhook(
  emulator: RunningEmulator,
  root: string,
  log: (line: string) => void,
): Promise<DemoWebhook> {
  const key = randomBytes(24).toString("base64url");
  const webhookTransport = new HttpTransport(emulator.url, new StaticToken(EMULATOR_WEBHOOK_TOKEN));
  const adminTransport = new HttpTransport(emulator.url, new StaticToken(EMULATOR_ADMIN_TOKEN));
  const lines: string[] = [];
  const webhook = await startWebhookServer(
    { key, cases: new WebApiCaseRecords(new JsonRequests(webhookTransport)), log: (l) => lines.push(l) },
    0,
  );
  const close = async (): Promise<void> => {
    await webhook.close();
    webhookTransport.close();
  };
  try {
    const admin = new JsonRequests(adminTransport);
    await registerWebhook(admin, { name: DEFAULT_WEBHOOK_NAME, url: webhook.url, auth: "webhookkey", key }, false);
    log(`Registered the case enrichment webhook (${webhook.url}) for Create and Update of cases.`);
    const caseId = randomUUID();
    await admin.post("incidents", {
      incidentid: caseId,
      title: "Shipping - Omar Haddad",
      description: readFileSync(join(root, INTEGRATION_SAMPLE), "utf8"),
      "customerid_contact@odata.bind": `/contacts(${SAMPLE_CUSTOMER})`,
    });
    await emulator.webhooks.idle();
    log(`Created a case over the Web API as another integration would (${INTEGRATION_SAMPLE}):`);
    for (const line of lines) log(`    webhook: ${line.replace(/^case-events \S+ /, "")}`);
    return { webhook, caseId, close };
  } catch (error) {
    await close();
    throw error;
  } finally {
    adminTransport.close();
  }
}
