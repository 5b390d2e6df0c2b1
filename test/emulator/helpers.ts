/** Test helpers: the emulator on 127.0.0.1 with the demo seed (or a changed copy), and clients for it. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ConnectorSettings } from "../../core/connector/handoff-plan";
import type { Handoff } from "../../core/transcript/types";
import { exampleHandoff } from "../fixtures/handoffs";
import { StaticToken } from "../../plugins-js/dataverse/auth";
import { HttpTransport, type TransportOptions } from "../../plugins-js/dataverse/transport";
import { DataverseifyWebApi } from "../../plugins-js/dataverse/web-api";
import { HandoffConnector } from "../../plugins-js/connector/connector";
import { parseFaults } from "../../plugins-js/emulator/faults";
import { builtInTables, parseSeed, type Seed } from "../../plugins-js/emulator/seed";
import type { TableMetadata } from "../../core/connector/table-metadata";
import { startEmulator, type RunningEmulator } from "../../plugins-js/emulator/server";

export const ROOT = join(__dirname, "..", "..");
export const CONNECTOR_TOKEN = "e2c-emulator-connector";
export const ADMIN_TOKEN = "e2c-emulator-admin";
export const SUPPORT_QUEUE = "e2c00000-0000-4000-8000-000000000101";
export const JANE = "e2c00000-0000-4000-8000-000000000201";
export const OMAR = "e2c00000-0000-4000-8000-000000000202";

export function demoSeedJson(): any {
  return JSON.parse(readFileSync(join(ROOT, "examples/emulator/demo-seed.json"), "utf8"));
}

export function seedOf(json: unknown): Seed {
  const parsed = parseSeed(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.seed;
}

export async function emulator(options: { seed?: unknown; faults?: string } = {}): Promise<RunningEmulator> {
  const faults = parseFaults(options.faults);
  if (faults.problems.length) throw new Error(JSON.stringify(faults.problems));
  return startEmulator({ seed: seedOf(options.seed ?? demoSeedJson()), faults: faults.spec });
}

/** A Web API request with the admin's token unless told otherwise. */
export async function call(
  em: RunningEmulator,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; json: any; text: string }> {
  const response = await fetch(`${em.serviceRoot}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${ADMIN_TOKEN}`,
      "Content-Type": "application/json",
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, json, text };
}

export function settings(overrides: Partial<ConnectorSettings> = {}): ConnectorSettings {
  return {
    defaultQueueId: SUPPORT_QUEUE,
    defaultOwner: null,
    defaultPriority: null,
    defaultCustomer: null,
    ticketProperties: {},
    copyAttachments: false,
    ...overrides,
  };
}

export function webApi(
  em: RunningEmulator,
  token = CONNECTOR_TOKEN,
  options: TransportOptions = {},
): DataverseifyWebApi {
  return new DataverseifyWebApi(
    new HttpTransport(em.url, new StaticToken(token), {
      ...options,
      retry: { baseDelayMs: 1, maxDelayMs: 5, ...options.retry },
    }),
  );
}

export function connector(
  em: RunningEmulator,
  overrides: Partial<ConnectorSettings> = {},
  token = CONNECTOR_TOKEN,
  options: TransportOptions = {},
): { connector: HandoffConnector; api: DataverseifyWebApi } {
  const api = webApi(em, token, options);
  return { connector: new HandoffConnector(api, settings(overrides)), api };
}

/** The example handoff of PRODUCT.md §4 under another id, with a summary, changed as a test says. */
export function handoff(overrides: Partial<Handoff> = {}): Handoff {
  return { ...exampleHandoff(), handoffId: "handoff-0001", summary: "Charged twice for November.", ...overrides };
}

/** Row counts of the tables the connector writes, to show that nothing was written. */
export function counts(em: RunningEmulator): Record<string, number> {
  return Object.fromEntries(["incident", "contact", "annotation", "queueitem"].map((t) => [t, em.store.count(t)]));
}

/** A built-in table of the emulator (tables.json), to change in a test's seed. */
export function builtInTable(logicalName: string): TableMetadata {
  return structuredClone(builtInTables().find((t) => t.logicalName === logicalName)!);
}
