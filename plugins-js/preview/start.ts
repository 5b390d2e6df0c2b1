/**
 * `npm start` (issue 7): the whole toolkit on one machine, with no tenant. Starts the local Dataverse emulator with
 * the demo environment, sends the sample handoffs of examples/ through the real connector, and serves the Case form
 * preview and the health page against the same emulator.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ConnectorSettings } from "../../core/connector/handoff-plan";
import { connectorSettings, EMULATOR_ADMIN_TOKEN, EMULATOR_CONNECTOR_TOKEN, parseConfig } from "../cli/config";
import { HandoffConnector, type HandoffResult } from "../connector/connector";
import { handoffFromMail } from "../connector/mail-input";
import { StaticToken } from "../dataverse/auth";
import { HttpTransport } from "../dataverse/transport";
import { DataverseifyWebApi } from "../dataverse/web-api";
import { parseSeed } from "../emulator/seed";
import { startEmulator, type RunningEmulator } from "../emulator/server";
import { startPreview, type RunningPreview } from "./server";
import { startDemoWebhook } from "../webhook/demo";

export interface SampleHandoff {
  file: string;
  classification?: string;
  sentiment?: string;
}

/** The handoffs `npm start` sends: JSON, a long one whose transcript is cut, an .eml and an mbox thread. */
export const SAMPLE_HANDOFFS: SampleHandoff[] = [
  { file: "examples/handoffs/billing-double-charge.json" },
  { file: "examples/handoffs/label-printer-escalation.json" },
  { file: "examples/handoffs/damaged-order.eml", classification: "Returns", sentiment: "Negative" },
  { file: "examples/handoffs/printer-thread.mbox", classification: "Hardware", sentiment: "Neutral" },
];

/** A repeat customer's earlier handoffs, added to the demo seed so the control lists them (issue 18). */
export const REPEAT_CUSTOMER_FILE = "examples/emulator/repeat-customer.json";

/** The demo seed with the repeat customer's earlier cases among its incidents. */
export function demoSeedWithHistory(root: string): unknown {
  const seed = JSON.parse(readFileSync(join(root, "examples", "emulator", "demo-seed.json"), "utf8")) as {
    rows?: Record<string, unknown[]>;
  };
  const history = JSON.parse(readFileSync(join(root, REPEAT_CUSTOMER_FILE), "utf8")) as { incidents: unknown[] };
  const rows = seed.rows ?? {};
  return { ...seed, rows: { ...rows, incidents: [...(rows.incidents ?? []), ...history.incidents] } };
}

export interface StartOptions {
  root: string;
  emulatorPort: number;
  previewPort: number;
  log: (line: string) => void;
}

export interface RunningToolkit {
  emulator: RunningEmulator;
  preview: RunningPreview;
  results: Array<{ file: string; result: HandoffResult }>;
  close: () => Promise<void>;
}

/** Listens on `port`, or on a free port when that one is taken (said in the log). */
async function onPortOrFree<T>(
  port: number,
  what: string,
  log: (line: string) => void,
  start: (port: number) => Promise<T>,
): Promise<T> {
  try {
    return await start(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || port === 0) throw error;
    log(`Port ${port} is in use: the ${what} takes a free port instead.`);
    return start(0);
  }
}

function describe(file: string, r: HandoffResult): string {
  const contact = r.contact.outcome === "none" ? "no contact" : `contact ${r.contact.outcome}`;
  const notes = r.notes.length ? `, notes: ${r.notes.map((n) => n.subject).join("; ")}` : "";
  return `  ${file}\n    → case ${r.ticketNumber ?? r.incidentId} (${r.status}), ${contact}${notes}`;
}

export async function startToolkit(options: StartOptions): Promise<RunningToolkit> {
  const { root, log } = options;
  const seed = parseSeed(demoSeedWithHistory(root));
  if (!seed.ok) {
    throw new Error(`examples/emulator/demo-seed.json with ${REPEAT_CUSTOMER_FILE}: ${JSON.stringify(seed.problems)}`);
  }
  const emulator = await onPortOrFree(options.emulatorPort, "emulator", log, (port) =>
    startEmulator({ seed: seed.seed, port }),
  );
  try {
    const config = parseConfig(JSON.parse(readFileSync(join(root, "examples", "e2c.config.json"), "utf8")));
    if (!config.ok) throw new Error(`examples/e2c.config.json: ${JSON.stringify(config.problems)}`);
    const settings: ConnectorSettings = connectorSettings(config.config);
    const transport = new HttpTransport(emulator.url, new StaticToken(EMULATOR_CONNECTOR_TOKEN));
    const connector = new HandoffConnector(new DataverseifyWebApi(transport), settings);
    log("Sending the sample handoffs through the connector:");
    const results: RunningToolkit["results"] = [];
    for (const sample of SAMPLE_HANDOFFS) {
      const raw = readFileSync(join(root, sample.file));
      const input = sample.file.endsWith(".json")
        ? JSON.parse(raw.toString("utf8"))
        : (
            await handoffFromMail(raw, {
              classification: sample.classification ?? "",
              sentiment: sample.sentiment ?? "",
            })
          ).handoff;
      const result = await connector.deliver(input);
      results.push({ file: sample.file, result });
      log(describe(sample.file, result));
    }
    transport.close();
    const webhook = await startDemoWebhook(emulator, root, log);
    const preview = await onPortOrFree(options.previewPort, "preview", log, (port) =>
      startPreview({ root, emulatorUrl: emulator.url, token: EMULATOR_ADMIN_TOKEN, port }),
    ).catch(async (error: unknown) => {
      await webhook.close();
      throw error;
    });
    return {
      emulator,
      preview,
      results,
      close: async () => {
        await preview.close();
        await webhook.close();
        await emulator.close();
      },
    };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}
